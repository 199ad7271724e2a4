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

import json
import os
import signal
import subprocess
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

from traitlets.config.loader import PyFileConfigLoader

from custseg.errors import ParameterError

__all__ = [
    "COURSE_ID",
    "PLAIN_NBGRADER",
    "Course",
    "NbgraderError",
    "NbgraderResult",
    "tool_environment",
]

COURSE_ID = "custseg"  # the same as ``c.CourseDirectory.course_id`` in nbgrader_config.py
PLAIN_NBGRADER = "CUSTSEG_PLAIN_NBGRADER"
"""The environment variable that must be ``1`` for plain ``nbgrader autograde`` to run code."""


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
    """An nbgrader step failed; the message ends with its log."""


@dataclass(frozen=True)
class NbgraderResult:
    """What one nbgrader step reported: success, nbgrader's log and the error's last line."""

    step: str
    assignment: str
    success: bool
    log: str
    error: str = ""


@dataclass(frozen=True)
class Course:
    """Paths of a grading folder, and the one way to run nbgrader's steps in it.

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
        step: str,
        assignment: str,
        *flags: str,
        student: str | None = None,
        settings: dict | None = None,
        check: bool = True,
        timeout: float | None = None,
        plain: bool = False,
        **options,
    ) -> NbgraderResult:
        """Run one nbgrader step on ``assignment`` through nbgrader's Python API.

        The step runs in a process of its own in the course folder
        (:mod:`custseg.grading.nbgrader_step`), with the course's ``nbgrader_config.py``.

        Parameters
        ----------
        step : str
            ``generate_assignment``, ``release_assignment``, ``collect``, ``autograde``,
            ``generate_feedback``, ``release_feedback`` or ``submit``.
        assignment : str
            The assignment id (nbgrader also takes a pattern such as ``"*"``).
        student : str, optional
            Only this student (``autograde``, the feedback steps, ``submit``).
        settings : dict, optional
            nbgrader settings for this step, e.g. ``{"Execute.timeout": 30}``.
        check : bool, default True
            Raise :class:`NbgraderError` when the step fails.
        timeout : float, optional
            Seconds after which the step and the kernels it started are stopped.
        plain : bool, default False
            Plain, unsandboxed ``nbgrader autograde``: only then does the step's process get
            ``CUSTSEG_PLAIN_NBGRADER=1`` (:mod:`custseg.grading.execute`).
        **options
            Keyword arguments of ``NbGraderAPI``'s method: ``force``, ``update``, ``create``.

        Returns
        -------
        NbgraderResult
            Whether the step succeeded, nbgrader's log and the error.

        Raises
        ------
        NbgraderError
            When ``check`` and the step fails; the message includes nbgrader's log.
        subprocess.TimeoutExpired
            When ``timeout`` seconds pass first (the step and its kernels are stopped).
        """
        if flags:
            step_options, step_settings, student = _old_flags(step, flags, student)
            options, settings = {**step_options, **options}, {**step_settings, **(settings or {})}
        request = {
            "step": step,
            "assignment": assignment,
            "student": student,
            "options": options,
            "settings": settings or {},
        }
        env = tool_environment()
        env.pop(PLAIN_NBGRADER, None)
        if plain:
            env[PLAIN_NBGRADER] = "1"
        with subprocess.Popen(
            [sys.executable, "-m", "custseg.grading.nbgrader_step"],
            cwd=self.root,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            errors="replace",
            start_new_session=True,
        ) as process:
            try:
                stdout, stderr = process.communicate(
                    json.dumps(request, default=str), timeout=timeout
                )
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)  # the kernels see their parent go and stop
                process.communicate()
                raise
        result = _result(step, assignment, process.returncode, stdout, stderr)
        if check and not result.success:
            raise NbgraderError(
                f"nbgrader {step} {assignment} 失败 (failed):\n{result.log}{result.error}"
            )
        return result


def _result(step: str, assignment: str, returncode: int, stdout: str, stderr: str):
    try:
        answer = json.loads(stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):  # the step's process itself failed
        lines = stderr.strip().splitlines() or [f"exit code {returncode}"]
        return NbgraderResult(step, assignment, False, "\n".join(lines[-20:]) + "\n", "")
    log = answer.get("log") or ""
    last = (answer.get("error") or "").strip().splitlines()[-1:]  # "SomeError: what happened"
    error = last[0] if last and last[0].partition(": ")[2] not in log else ""
    return NbgraderResult(step, assignment, bool(answer.get("success")), log, error)


def _old_flags(step: str, flags: tuple[str, ...], student: str | None):
    """Options and settings from command-line flags (``"--force"``), the old way of calling."""
    warnings.warn(
        "Course.nbgrader 不再接受命令行参数，请改用关键字参数（如 force=True、"
        "settings={...}）(command-line flags are deprecated: use force=True, update=True, "
        "student=..., settings={...})",
        DeprecationWarning,
        stacklevel=3,
    )
    options: dict = {}
    settings: dict = {}
    for flag in flags:
        name, _, value = flag.removeprefix("--").partition("=")
        if name == "force" and step == "release_assignment":
            settings["ExchangeReleaseAssignment.force"] = True
        elif name in ("force", "update", "create") and not value:
            options[name] = True
        elif name == "student" and value:
            student = value
        elif "." in name and value:
            try:
                settings[name] = json.loads(value)
            except ValueError:
                settings[name] = value
        else:
            raise ParameterError(f"nbgrader 参数无法识别 (unknown nbgrader flag): {flag}")
    return options, settings, student
