"""Notebook execution for autograding that survives a student's code killing the kernel.

nbgrader's ``Execute`` preprocessor gives up on the whole notebook when the kernel dies
(``os._exit``, a segfault, running out of memory): every cell of that student then scores
zero. :class:`ResilientExecute` instead marks the cell that killed the kernel with an
error, restarts the kernel and carries on, so only the cells affected score zero. Cells
after the crash run in a fresh kernel; those that needed the lost state fail on their own.

``grading/nbgrader_config.py`` puts it in place of ``Execute`` in
``Autograde.autograde_preprocessors``; the per-cell ``Execute.timeout`` still applies.

Plain ``nbgrader autograde`` runs learners' code as whoever starts it, with the checks in the
learner's kernel. So :class:`ResilientExecute` runs only when the caller says so by setting
``CUSTSEG_PLAIN_NBGRADER=1`` in its environment, as ``custseg-grade autograde --sequential
--no-sandbox`` does (``Course.nbgrader(..., plain=True)`` sets it for that step's process
only); anything else, Formgrader's autograde button among them, stops with a
message pointing to ``custseg-grade autograde``, which grades in the sandbox.
"""

from __future__ import annotations

import os

from jupyter_client.utils import run_sync
from nbclient.exceptions import DeadKernelError
from nbformat.notebooknode import NotebookNode
from nbgrader.preprocessors import Execute

from custseg.grading.course import PLAIN_NBGRADER

__all__ = ["KERNEL_DIED", "PLAIN_NBGRADER", "ResilientExecute", "UnsandboxedRefused"]

KERNEL_DIED = "KernelDied"


class UnsandboxedRefused(RuntimeError):
    """Plain ``nbgrader autograde`` was started without saying it may run unsandboxed."""


def _kernel_died_output() -> NotebookNode:
    message = (
        "这个单元格让 Python 内核崩溃了 (the kernel died while running this cell)，本格计 0 分"
    )
    return NotebookNode(
        output_type="error",
        ename=KERNEL_DIED,
        evalue=message,
        traceback=[f"{KERNEL_DIED}: {message}"],
    )


class ResilientExecute(Execute):
    """nbgrader's ``Execute``, but a dead kernel fails one cell instead of the notebook.

    It refuses to run unless ``CUSTSEG_PLAIN_NBGRADER=1`` is set (see the module's notes).
    """

    def preprocess(self, nb, resources=None, km=None):
        """Run the notebook, if plain unsandboxed grading was asked for explicitly."""
        if os.environ.get(PLAIN_NBGRADER) != "1":
            raise UnsandboxedRefused(
                "这里不运行学员的代码：普通的 nbgrader autograde（包括 Formgrader 里的自动评分按钮）"
                "没有沙箱，学员的代码会以你的身份运行。请在终端用 custseg-grade autograde <作业> 评分"
                "（每份作业在沙箱中运行）。"
                " (Refused: plain nbgrader autograde runs learners' code unsandboxed; "
                "use custseg-grade autograde.)"
            )
        return super().preprocess(nb, resources, km)

    def preprocess_cell(self, cell, resources, index):
        """Run one cell; if the kernel dies, record the error and restart the kernel."""
        try:
            return super().preprocess_cell(cell, resources, index)
        except DeadKernelError:
            self.log.warning("Kernel died in cell %s; restarting it", index)
            cell.outputs = [_kernel_died_output()]
            self._restart_kernel()
            return cell, self.resources

    def _restart_kernel(self) -> None:
        run_sync(self.km.restart_kernel)(now=True)
        if self.kc is not None:
            self.kc.stop_channels()
        self.start_new_kernel_client()
