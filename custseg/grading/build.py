"""Build assignments from their text sources and release them to students.

An assignment is one text file ``grading/assignments/<id>.py`` in jupytext percent format,
with nbgrader's cell metadata in the ``# %%`` headers and a ``topic="..."`` key on every
graded cell (the course topic it measures, used by the training report), and the
instructor's hidden checks in cells headed ``check="<grade_id>"`` (see
:mod:`custseg.grading.judge`). Adding an assignment is adding one such file:
:func:`build_source` turns it into nbgrader's instructor notebook
``source/<id>/<id>.ipynb`` (without the check cells, which stay in the text source only), :func:`generate` makes the student
version in ``release/`` (no solutions, no hidden tests) and records the assignment in the
gradebook, and :func:`release` puts it into the exchange folder for students to fetch.
"""

from __future__ import annotations

import datetime as dt

import jupytext
import nbformat

from custseg.errors import DataError
from custseg.grading.course import Course
from custseg.grading.gradebook import open_gradebook
from custseg.grading.judge import SETUP

__all__ = ["build_source", "generate", "release", "set_due_date"]

_KEEP_NOTEBOOK_METADATA = ("kernelspec", "language_info")
_DROP_CELL_METADATA = ("lines_to_next_cell", "lines_to_end_of_cell_marker")


def build_source(course: Course, assignment: str) -> nbformat.NotebookNode:
    """Write ``source/<assignment>/<assignment>.ipynb`` from ``assignments/<assignment>.py``.

    Returns
    -------
    nbformat.NotebookNode
        The instructor notebook written.

    Raises
    ------
    DataError
        When the text source is missing, or a graded cell has no ``topic`` or two cells
        share a ``grade_id``, or (in an assignment with check cells) an auto-graded cell
        has no check cell or still holds hidden tests (naming the cell).
    """
    text = course.assignments_dir / f"{assignment}.py"
    if not text.is_file():
        known = ", ".join(course.assignment_ids()) or "（无 none）"
        raise DataError(
            f"找不到作业的文本源文件 (assignment source not found): {text}。已有的作业: {known}"
        )
    notebook = jupytext.read(text)
    check_names = {cell.metadata["check"] for cell in notebook.cells if "check" in cell.metadata}
    notebook.cells = [cell for cell in notebook.cells if "check" not in cell.metadata]
    notebook.metadata = {k: v for k, v in notebook.metadata.items() if k in _KEEP_NOTEBOOK_METADATA}
    seen: set[str] = set()
    for cell in notebook.cells:
        for key in _DROP_CELL_METADATA:
            cell.metadata.pop(key, None)
        info = cell.metadata.get("nbgrader", {})
        grade_id = info.get("grade_id")
        if grade_id is None:
            continue
        if grade_id in seen:
            raise DataError(f"{text}: grade_id 重复 (duplicate grade_id): {grade_id!r}")
        seen.add(grade_id)
        if info.get("grade") and not cell.metadata.get("topic"):
            raise DataError(
                f"{text}: 评分单元格 {grade_id!r} 没有 topic（课程主题 course topic），"
                '请在 # %% 行末加上 topic="..."'
            )
        _require_check(text, cell, grade_id, check_names)
    for name in sorted(check_names - seen - {SETUP}):
        raise DataError(
            f"{text}: 检查单元格 check={name!r} 没有对应的评分单元格 (no such grade_id)"
        )
    target = course.notebook_path("source", assignment)
    target.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, target)
    return notebook


def _require_check(text, cell, grade_id: str, check_names: set[str]) -> None:
    """In an assignment graded by outside checks, every test cell has one and no hidden tests."""
    if not check_names or cell.cell_type != "code":
        return
    info = cell.metadata.get("nbgrader", {})
    if not info.get("grade") or info.get("solution"):
        return
    if grade_id not in check_names:
        raise DataError(
            f'{text}: 评分单元格 {grade_id!r} 没有检查单元格，请加上 # %% check="{grade_id}"'
        )
    if "BEGIN HIDDEN TESTS" in cell.source:
        raise DataError(
            f"{text}: 评分单元格 {grade_id!r} 仍有隐藏测试；隐藏的检查请写在 check 单元格中"
        )


def generate(course: Course, assignment: str) -> None:
    """Build the source notebook and generate the student version (nbgrader's generate step)."""
    build_source(course, assignment)
    course.nbgrader("generate_assignment", assignment, force=True)


def set_due_date(course: Course, assignment: str, due: dt.datetime | str) -> None:
    """Record the due date of ``assignment`` in the gradebook.

    A naive time (``"2026-12-01 18:00"``) is read as China time (Asia/Shanghai).
    """
    from dateutil import tz

    when = dt.datetime.fromisoformat(due) if isinstance(due, str) else due
    if when.tzinfo is None:
        when = when.replace(tzinfo=tz.gettz("Asia/Shanghai"))
    when = when.astimezone(dt.timezone.utc).replace(tzinfo=None)
    with open_gradebook(course) as gradebook:
        gradebook.update_or_create_assignment(assignment, duedate=when)


def release(course: Course, assignment: str, *, due: dt.datetime | str | None = None) -> None:
    """Generate ``assignment`` and release it to the course's exchange folder.

    Parameters
    ----------
    course : Course
    assignment : str
        The assignment id (the name of its text source without ``.py``).
    due : datetime or str, optional
        Due date; submissions after it count as late in the training report.
    """
    generate(course, assignment)
    if due is not None:
        set_due_date(course, assignment, due)
    course.exchange.mkdir(parents=True, exist_ok=True)
    course.nbgrader(
        "release_assignment", assignment, settings={"ExchangeReleaseAssignment.force": True}
    )
