"""The grading folder: an nbgrader course root in nbgrader's standard layout.

::

    grading/
        nbgrader_config.py       nbgrader settings (plain ``nbgrader`` commands work here)
        assignments/<id>.py      text source of each assignment (jupytext percent format)
        source/<id>/<id>.ipynb   instructor version, generated from the text source
        release/<id>/            student version (no solutions, no hidden tests)
        exchange/                local exchange folder (release, submissions, feedback)
        submitted/<student>/<id>/          collected submissions
        autograded/<student>/<id>/         graded copies
        feedback/<student>/<id>/           feedback pages (HTML)
        gradebook.db             nbgrader's gradebook (SQLite)
        backups/                 copies of the gradebook made before each grading run
        reports/                 grade exports and training evaluation reports
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from traitlets.config.loader import PyFileConfigLoader

__all__ = ["COURSE_ID", "Course", "NbgraderError", "tool_environment"]

COURSE_ID = "custseg"  # the same as ``c.CourseDirectory.course_id`` in nbgrader_config.py


def tool_environment() -> dict[str, str]:
    """The environment for nbgrader: this Python's scripts folder first on ``PATH``.

    nbgrader calls the ``alembic`` script of its own environment, which is missing from
    ``PATH`` when that environment is not activated.
    """
    scripts = str(Path(sys.executable).parent)
    path = os.environ.get("PATH", "")
    if scripts not in path.split(os.pathsep):
        path = os.pathsep.join([scripts, path]) if path else scripts
    return {**os.environ, "PATH": path, "PYTHONIOENCODING": "utf-8"}


class NbgraderError(RuntimeError):
    """An ``nbgrader`` command failed; the message ends with its log."""


@dataclass(frozen=True)
class Course:
    """Paths of a grading folder and a runner for ``nbgrader`` commands inside it.

    Parameters
    ----------
    root : path-like
        The folder holding ``nbgrader_config.py``.

    Examples
    --------
    >>> course = Course("/tmp/grading")
    >>> course.notebook_path("source", "00_data_cleaning").as_posix()
    '/tmp/grading/source/00_data_cleaning/00_data_cleaning.ipynb'
    >>> course.submission_dir("王小明", "00_data_cleaning").as_posix()
    '/tmp/grading/submitted/王小明/00_data_cleaning'
    """

    root: Path

    def __post_init__(self) -> None:
        object.__setattr__(self, "root", Path(self.root).expanduser().resolve())

    @property
    def assignments_dir(self) -> Path:
        return self.root / "assignments"

    @property
    def exchange(self) -> Path:
        """The exchange folder: ``Exchange.root`` of the course's ``nbgrader_config.py``.

        A course on a shared server points it at the exchange all accounts use; without
        the setting it is the ``exchange`` folder inside the course.
        """
        config_file = self.root / "nbgrader_config.py"
        if config_file.exists():
            config = PyFileConfigLoader(config_file.name, path=str(self.root)).load_config()
            if "root" in config.get("Exchange", {}):
                return Path(config.Exchange.root)
        return self.root / "exchange"

    @property
    def gradebook(self) -> Path:
        return self.root / "gradebook.db"

    @property
    def db_url(self) -> str:
        return f"sqlite:///{self.gradebook}"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def reports(self) -> Path:
        return self.root / "reports"

    @property
    def issues_file(self) -> Path:
        return self.root / "issues.json"

    def assignment_ids(self) -> list[str]:
        """The assignments that have a text source, in course order."""
        return sorted(p.stem for p in self.assignments_dir.glob("*.py"))

    def notebook_path(self, step: str, assignment: str, student: str | None = None) -> Path:
        """The notebook of ``assignment`` in ``source``, ``release``, ``submitted``, ..."""
        folder = self.root / step
        if student is not None:
            folder = folder / student
        return folder / assignment / f"{assignment}.ipynb"

    def submission_dir(self, student: str, assignment: str) -> Path:
        return self.root / "submitted" / student / assignment

    def submitted_students(self, assignment: str) -> list[str]:
        """Students with a folder for ``assignment`` in ``submitted/``."""
        folder = self.root / "submitted"
        if not folder.is_dir():
            return []
        return sorted(p.name for p in folder.iterdir() if (p / assignment).is_dir())

    def nbgrader(
        self,
        *args: str,
        check: bool = True,
        timeout: float | None = None,
        environment: dict[str, str] | None = None,
    ) -> subprocess.CompletedProcess:
        """Run ``nbgrader <args>`` in the course folder, as a trainer would in a terminal.

        ``environment`` adds variables to the command's environment.

        Raises
        ------
        NbgraderError
            When ``check`` and the command fails; the message includes nbgrader's log.
        subprocess.TimeoutExpired
            When ``timeout`` seconds pass first (the command and its kernels are killed).
        """
        command = [sys.executable, "-m", "nbgrader", *args]
        env = {**tool_environment(), **(environment or {})}
        with subprocess.Popen(
            command,
            cwd=self.root,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            errors="replace",
            start_new_session=True,
        ) as process:
            try:
                stdout, stderr = process.communicate(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, 9)
                process.communicate()
                raise
        result = subprocess.CompletedProcess(command, process.returncode, stdout, stderr)
        if check and result.returncode != 0:
            raise NbgraderError(
                f"nbgrader {' '.join(args)} 失败 (failed, exit code {result.returncode}):\n"
                f"{result.stdout}{result.stderr}"
            )
        return result
