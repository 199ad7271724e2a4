"""Feedback for students: graded notebooks as HTML pages, returned through the exchange."""

from __future__ import annotations

import uuid
from pathlib import Path

from custseg.errors import DataError
from custseg.grading.course import Course

__all__ = ["release_feedback"]


def release_feedback(course: Course, assignment: str) -> list[Path]:
    """Generate feedback pages (nbgrader's generate_feedback step) and release them.

    Each student's page ends up in ``feedback/<student>/<assignment>/`` (to send by
    e-mail, for instance) and in the exchange folder, where ``nbgrader fetch_feedback``
    finds it. Submissions that did not come through the exchange get the secret that
    nbgrader files feedback under.

    Returns
    -------
    list of Path
        The HTML pages.

    Raises
    ------
    DataError
        When no submission of ``assignment`` has been graded yet.
    """
    if not any((course.root / "autograded").glob(f"*/{assignment}/*.ipynb")):
        raise DataError(
            f"作业 {assignment} 还没有评分过的作业，无法生成反馈 (nothing graded yet): "
            f"请先运行 custseg-grade autograde {assignment}"
        )
    course.nbgrader("generate_feedback", assignment, force=True)
    for folder in (course.root / "feedback").glob(f"*/{assignment}"):
        secret = folder / "submission_secret.txt"
        if not secret.exists():  # collected from a zip or by hand, not through the exchange
            secret.write_text(uuid.uuid4().hex, encoding="utf-8")
    course.exchange.mkdir(parents=True, exist_ok=True)
    course.nbgrader("release_feedback", assignment)
    return sorted((course.root / "feedback").glob(f"*/{assignment}/*.html"))
