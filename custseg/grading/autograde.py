"""Autograde every submission of an assignment, several at a time.

Plain ``nbgrader autograde`` grades one submission after another. :func:`autograde` runs a
pool of worker processes (one per core by default); each imports nbgrader once and grades
the next waiting submission through nbgrader's own Python API (``NbGraderAPI.autograde``),
so the scores are exactly those of ``nbgrader autograde`` (a test checks this). The
gradebook is SQLite; a submission whose write met a locked database is graded again.

Before the run the gradebook is backed up (see :mod:`custseg.grading.backup`). A
submission that cannot be graded (not a notebook, missing, crashing) gets zero and a line
in ``issues.json``; grading goes on for everyone else.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from custseg.grading.backup import backup_gradebook
from custseg.grading.checks import Issue, check_graded, check_submission, save_issues
from custseg.grading.course import Course, tool_environment
from custseg.grading.gradebook import zero_ungraded

__all__ = ["DEFAULT_CELL_TIMEOUT", "GradingRun", "autograde", "autograde_sequential"]

DEFAULT_CELL_TIMEOUT = 30
_LOCKED = "database is locked"
_ATTEMPTS = 4

_api = None  # the worker process's NbGraderAPI


@dataclass
class GradingRun:
    """What one grading run did."""

    assignment: str
    graded: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    backup: Path | None = None


def _start_worker(root: str, timeout: int) -> None:
    """Load the course's nbgrader settings once per worker process."""
    global _api
    from nbgrader.apps.api import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config.loader import PyFileConfigLoader

    os.environ.update(tool_environment())
    log = os.open(Path(root) / "autograde.log", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    os.dup2(log, 2)  # nbgrader's and the kernels' messages go to the log, not the screen
    os.close(log)
    config = PyFileConfigLoader("nbgrader_config.py", path=root).load_config()
    config.Execute.timeout = timeout
    coursedir = CourseDirectory(config=config)
    _api = NbGraderAPI(coursedir=coursedir, config=config)
    _api.log.setLevel("ERROR")


def _grade_one(assignment: str, student: str) -> tuple[str, bool, str]:
    """Grade one submission in a worker; retry when the gradebook was locked."""
    for _ in range(_ATTEMPTS):
        result = _api.autograde(assignment, student, force=True, create=True)
        text = f"{result.get('log', '')}\n{result.get('error', '')}"
        if result["success"] or _LOCKED not in text:
            break
    return student, bool(result["success"]), text


def _failure_detail(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    errors = [line for line in lines if "Error" in line or "error" in line]
    return (errors or lines or ["?"])[-1][:160]


def autograde(
    course: Course,
    assignment: str,
    *,
    students: list[str] | None = None,
    workers: int | None = None,
    timeout: int = DEFAULT_CELL_TIMEOUT,
) -> GradingRun:
    """Autograde the collected submissions of ``assignment`` in parallel.

    Parameters
    ----------
    course : Course
    assignment : str
    students : list of str, optional
        Only these students (default: everyone in ``submitted/``).
    workers : int, optional
        Worker processes (default: the number of cores).
    timeout : int, default 30
        Seconds a cell may run before it is interrupted and scores zero.

    Returns
    -------
    GradingRun
        Who was graded, who failed, the issues found and the gradebook backup made.
    """
    run = GradingRun(assignment)
    if students is None:
        students = course.submitted_students(assignment)
    run.backup = backup_gradebook(course, label=f"before-autograde-{assignment}")
    checked = {s: check_submission(course, s, assignment) for s in students}
    workers = max(1, min(workers or os.cpu_count() or 1, len(students) or 1))
    context = multiprocessing.get_context("spawn")
    outcomes = {}
    with ProcessPoolExecutor(
        workers,
        mp_context=context,
        initializer=_start_worker,
        initargs=(str(course.root), timeout),
    ) as pool:
        futures = {pool.submit(_grade_one, assignment, s): s for s in students}
        for future in as_completed(futures):
            try:
                student, success, text = future.result()
            except Exception as error:  # a worker process died: only its submission fails
                student, success, text = futures[future], False, repr(error)
            outcomes[student] = (success, text)
    return _finish(course, run, students, checked, outcomes)


def autograde_sequential(
    course: Course, assignment: str, *, timeout: int = DEFAULT_CELL_TIMEOUT
) -> GradingRun:
    """Plain ``nbgrader autograde``: every submission, one after another (for comparison).

    The gradebook is backed up and issues are recorded as in :func:`autograde`.
    """
    run = GradingRun(assignment)
    students = course.submitted_students(assignment)
    run.backup = backup_gradebook(course, label=f"before-autograde-{assignment}")
    checked = {s: check_submission(course, s, assignment) for s in students}
    result = course.nbgrader(
        "autograde", assignment, "--force", f"--Execute.timeout={timeout}", check=False
    )
    log = result.stdout + result.stderr
    outcomes = {}
    for student in students:
        failed = f"for student '{student}'" in log
        outcomes[student] = (not failed, log if failed else "")
    return _finish(course, run, students, checked, outcomes)


def _finish(course, run, students, checked, outcomes) -> GradingRun:
    for student in students:
        success, text = outcomes[student]
        issues = list(checked[student])
        if success:
            run.graded.append(student)
            issues += check_graded(course, student, run.assignment)
        else:
            run.failed.append(student)
            fatal = {"invalid_notebook", "missing_notebook"}
            if not any(issue.kind in fatal for issue in issues):
                issues.append(
                    Issue(student, run.assignment, "grading_failed", detail=_failure_detail(text))
                )
            zero_ungraded(course, run.assignment, student)
        run.issues.extend(issues)
    save_issues(course.issues_file, run.assignment, run.issues, students)
    return run
