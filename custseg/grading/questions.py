"""The graded cells of an assignment, read from its text source: points, topic, title.

Every graded cell carries a ``topic="..."`` key in its ``# %%`` header: the course topic
it measures. The training report groups scores by these topics (knowledge mastery) and
names questions by the heading of the markdown cell that introduces them.
"""

from __future__ import annotations

import re

import jupytext
import pandas as pd

from custseg.grading.course import Course

__all__ = ["questions"]

_HEADING = re.compile(r"^#+\s*(.+)$", re.MULTILINE)


def questions(course: Course, assignment: str) -> pd.DataFrame:
    """One row per graded cell of ``assignment``, in notebook order.

    Returns
    -------
    pandas.DataFrame
        Columns ``assignment``, ``question`` (the nbgrader ``grade_id``), ``title`` (the
        heading above it), ``topic``, ``points`` and ``kind`` (``"auto"`` for a test cell,
        ``"manual"`` for an answer a trainer grades by hand).

    Examples
    --------
    >>> from pathlib import Path
    >>> course = Course(Path(__file__).parents[2] / "grading")
    >>> table = questions(course, "00_data_cleaning")
    >>> table[["question", "points", "kind"]].head(2).to_dict("records")
    [{'question': 'q1_test', 'points': 1.0, 'kind': 'auto'}, {'question': 'q2_test', 'points': 2.0, 'kind': 'auto'}]
    """
    notebook = jupytext.read(course.assignments_dir / f"{assignment}.py")
    rows = []
    title = ""
    for cell in notebook.cells:
        info = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "markdown" and not info.get("solution"):
            heading = _HEADING.search(cell.source)
            if heading:
                title = heading.group(1).strip()
        if not info.get("grade"):
            continue
        rows.append(
            {
                "assignment": assignment,
                "question": info["grade_id"],
                "title": title,
                "topic": cell.metadata.get("topic", "未分类 (no topic)"),
                "points": float(info.get("points", 0)),
                "kind": "manual" if info.get("solution") else "auto",
            }
        )
    return pd.DataFrame(
        rows, columns=["assignment", "question", "title", "topic", "points", "kind"]
    )
