"""Open nbgrader's gradebook of a course from Python."""

from __future__ import annotations

import contextlib
import os
import warnings
from collections.abc import Iterator

from nbgrader.api import Gradebook
from sqlalchemy.exc import SAWarning

from custseg.grading.course import COURSE_ID, Course, tool_environment

__all__ = ["open_gradebook", "record_scores", "submission_time", "zero_ungraded"]


@contextlib.contextmanager
def open_gradebook(course: Course) -> Iterator[Gradebook]:
    """The course's :class:`nbgrader.api.Gradebook`, created if missing, closed afterwards.

    Creating a gradebook runs nbgrader's ``alembic`` script, so this Python's scripts
    folder is put on ``PATH`` while the gradebook opens.
    """
    saved = os.environ.get("PATH")
    os.environ["PATH"] = tool_environment()["PATH"]
    try:
        gradebook = Gradebook(course.db_url, COURSE_ID)
    finally:
        if saved is None:
            os.environ.pop("PATH", None)
        else:
            os.environ["PATH"] = saved
    with gradebook:
        yield gradebook


def zero_ungraded(course: Course, assignment: str, student: str) -> int:
    """Give zero to the cells of a submission that could not be graded; return how many.

    The submission is recorded in the gradebook if nbgrader did not get that far (a
    folder without a notebook), with the time in its ``timestamp.txt``. Only cells without
    any score are touched, so an earlier grade is never overwritten.
    """
    from nbgrader.api import MissingEntry
    from nbgrader.utils import parse_utc

    stamp_file = course.submission_dir(student, assignment) / "timestamp.txt"
    timestamp = None
    if stamp_file.is_file():
        try:
            timestamp = parse_utc(stamp_file.read_text(encoding="utf-8").strip())
        except (ValueError, OverflowError):
            timestamp = None
    changed = 0
    with open_gradebook(course) as gradebook:
        try:
            submission = gradebook.find_submission(assignment, student)
        except MissingEntry:
            gradebook.update_or_create_student(student)
            with warnings.catch_warnings():  # nbgrader's own session bookkeeping, harmless
                warnings.simplefilter("ignore", SAWarning)
                submission = gradebook.update_or_create_submission(
                    assignment, student, timestamp=timestamp
                )
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                if grade.auto_score is None and grade.manual_score is None:
                    grade.auto_score = 0.0
                    grade.needs_manual_grade = False
                    changed += 1
        gradebook.db.commit()
    return changed


def submission_time(course: Course, assignment: str, student: str):
    """The time in the submission's ``timestamp.txt`` (UTC, naive), or None."""
    from nbgrader.utils import parse_utc

    stamp_file = course.submission_dir(student, assignment) / "timestamp.txt"
    if not stamp_file.is_file():
        return None
    try:
        return parse_utc(stamp_file.read_text(encoding="utf-8").strip()[:100])
    except (ValueError, OverflowError):
        return None


def record_scores(
    course: Course,
    assignment: str,
    student: str,
    scores: dict[str, float | None],
    *,
    unanswered: frozenset[str] = frozenset(),
) -> None:
    """Write one submission's automatic scores to the gradebook (the grading process only).

    Every graded cell of the submission gets a score: the one in ``scores`` (None for an
    answer a trainer grades by hand), else 0, so an older score is never kept. Manual
    scores given by a trainer stay. Answer cells in ``unanswered`` get nbgrader's "No
    response." comment.
    """
    timestamp = submission_time(course, assignment, student)
    with open_gradebook(course) as gradebook:
        gradebook.update_or_create_student(student)
        with warnings.catch_warnings():  # nbgrader's own session bookkeeping, harmless
            warnings.simplefilter("ignore", SAWarning)
            submission = gradebook.update_or_create_submission(
                assignment, student, timestamp=timestamp
            )
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                grade.auto_score = scores.get(grade.name, 0.0)
                grade.needs_manual_grade = (
                    grade.manual_score is not None or grade.auto_score is None
                )
            for comment in notebook.comments:
                comment.auto_comment = "No response." if comment.name in unanswered else None
        gradebook.db.commit()
