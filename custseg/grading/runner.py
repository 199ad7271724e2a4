"""Run one submitted notebook and export its answers: ``python -m custseg.grading.runner``.

This is what runs *inside* the sandbox (:mod:`custseg.grading.sandbox`), as the learner's
unprivileged user, in a throw-away folder that holds nothing but what it writes:

- the notebook (already restored by the grader: locked and test cells as released) comes
  on standard input, so no file in the folder holds it;
- each code cell runs in a fresh Python kernel with a time limit per cell (the cell that
  runs too long is interrupted; a cell that kills the kernel gets an error and the rest
  runs in a new kernel);
- after every graded cell of an assignment with outside checks, one line in the kernel
  exports the answers that question's check needs (:mod:`custseg.grading.export`);
- ``executed.ipynb`` (the outputs, capped in bytes like the feedback, rewritten after every
  cell) and ``answers.jsonl`` are
  left in the folder for the grader, which trusts neither: they are data to check.

Usage::

    python -m custseg.grading.runner --plan PLAN.json --timeout 30 < restored.ipynb
"""

from __future__ import annotations

import argparse
import ctypes
import json
import os
import sys
from pathlib import Path

__all__ = ["ANSWERS", "EXECUTED", "KERNEL_DIED", "TIMEOUT_ERROR", "run_notebook"]

EXECUTED = "executed.ipynb"
ANSWERS = "answers.jsonl"
KERNEL_DIED = "KernelDied"
TIMEOUT_ERROR = "CellTimeoutError"
_EXPORT = (
    '__import__("custseg.grading.export", fromlist=["export_answers"])'
    ".export_answers(globals(), {question!r}, {plan!r}, {answers!r})"
)


def _error(name: str, message: str):
    from nbformat.notebooknode import NotebookNode

    return NotebookNode(
        output_type="error", ename=name, evalue=message, traceback=[f"{name}: {message}"]
    )


def _record_error_reply(cell=None, cell_index=None, execute_reply=None, **_) -> None:
    """Keep the error of a reply that has no output of its own (a timeout)."""
    content = (execute_reply or {}).get("content", {})
    if content.get("status") != "error":
        return
    if any(o.get("ename") == content.get("ename") for o in cell.outputs if "ename" in o):
        return
    cell.outputs.append(_error(content.get("ename", "Error"), content.get("evalue", "")))


class _Runner:
    def __init__(self, notebook, timeout: int, plan: Path | None, folder: Path) -> None:
        from nbclient import NotebookClient

        from custseg.grading.outputs import NOTEBOOK_BYTES

        self.notebook = notebook
        self.plan = json.loads(plan.read_text(encoding="utf-8")) if plan else {}
        self.plan_path = str(plan) if plan else ""
        self.folder = folder
        self.budget = NOTEBOOK_BYTES
        self.client = NotebookClient(
            notebook,
            timeout=timeout,
            interrupt_on_timeout=True,
            allow_errors=True,
            kernel_name="python3",
            record_timing=False,
            error_on_timeout={
                "ename": TIMEOUT_ERROR,
                "evalue": f"单元格运行超过 {timeout} 秒，已中断 (cell timed out)",
                "traceback": [f"{TIMEOUT_ERROR}: 单元格运行超过 {timeout} 秒"],
            },
            resources={"metadata": {"path": str(folder)}},
            on_cell_executed=_record_error_reply,
        )

    def _execute(self, cell, index: int, *, store_history: bool = True) -> None:
        from jupyter_client.utils import run_sync
        from nbclient.exceptions import DeadKernelError

        try:
            self.client.execute_cell(cell, index, store_history=store_history)
        except DeadKernelError:
            cell.outputs = [
                _error(KERNEL_DIED, "这个单元格让 Python 内核崩溃了 (the kernel died)，本格计 0 分")
            ]
            run_sync(self.client.km.restart_kernel)(now=True)
            if self.client.kc is not None:
                self.client.kc.stop_channels()
            self.client.start_new_kernel_client()

    def _export(self, cell, index: int, question: str) -> None:
        from nbformat.notebooknode import from_dict

        source = _EXPORT.format(
            question=question, plan=self.plan_path, answers=str(self.folder / ANSWERS)
        )
        cell_fields = {"metadata": {}, "source": source, "outputs": [], "execution_count": None}
        export = from_dict({"cell_type": "code", **cell_fields})
        self._execute(export, index, store_history=False)
        self.notebook.cells[index] = cell  # nbclient stored the export line in its place
        for output in export.outputs:
            if output.get("output_type") == "error":  # the learner's function looped or crashed
                cell.outputs.append(output)

    def _save(self) -> None:
        """Write the notebook so far; the grader reads it as untrusted data, so no validation."""
        partial = self.folder / f".{EXECUTED}.part"
        partial.write_text(json.dumps(self.notebook, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, self.folder / EXECUTED)

    def run(self) -> None:
        from custseg.grading.outputs import clean_outputs

        with self.client.setup_kernel():
            for index, cell in enumerate(self.notebook.cells):
                if cell.cell_type != "code":
                    continue
                self._execute(cell, index)
                cell.outputs, self.budget = clean_outputs(cell.outputs, self.budget)
                question = cell.metadata.get("nbgrader", {}).get("grade_id")
                if question in self.plan and cell.metadata["nbgrader"].get("grade"):
                    self._export(cell, index, question)
                self._save()
        self._save()


def run_notebook(notebook, folder: Path, *, timeout: int, plan: Path | None = None):
    """Execute ``notebook`` in ``folder`` cell by cell, exporting answers per ``plan``.

    Returns
    -------
    nbformat.NotebookNode
        The notebook with its outputs (also written to ``folder / EXECUTED``).
    """
    _Runner(notebook, timeout, plan, Path(folder)).run()
    return notebook


def _not_dumpable() -> None:
    """Keep the learner's code (same user) from reading this process's memory."""
    try:
        ctypes.CDLL(None).prctl(4, 0, 0, 0, 0)  # PR_SET_DUMPABLE = 4
    except (OSError, AttributeError):
        pass


def _skip_iri_grammar() -> None:
    """Leave out jsonschema's optional "iri" format check, which nothing here uses.

    nbformat imports jsonschema, which builds the grammar of that check when it is imported:
    about 1.5 s of processor time in every sandbox. jsonschema skips the check when its
    module cannot be imported.
    """
    sys.modules.setdefault("rfc3987_syntax", None)


def main(argv: list[str] | None = None) -> int:
    _skip_iri_grammar()
    from nbformat.notebooknode import from_dict
    from nbformat.v4.rwbase import rejoin_lines

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plan", type=Path, default=None)
    parser.add_argument("--timeout", type=int, default=30)
    args = parser.parse_args(argv)
    _not_dumpable()
    # The grader wrote this notebook (version 4) from the released one: no need to validate.
    notebook = rejoin_lines(from_dict(json.loads(sys.stdin.buffer.read().decode("utf-8"))))
    run_notebook(notebook, Path.cwd(), timeout=args.timeout, plan=args.plan)
    return 0


if __name__ == "__main__":
    sys.exit(main())
