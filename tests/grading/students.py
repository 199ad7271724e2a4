"""Simulated students for the grading tests: notebooks built from the released assignment."""

from __future__ import annotations

import copy
import re

import nbformat

from custseg.grading.course import Course

_MARKER = re.compile(r"^[ \t]*### (BEGIN|END) SOLUTION[ \t]*\n?", re.MULTILINE)


def model_answers(course: Course, assignment: str) -> dict[str, str]:
    """The instructor's answer of every solution cell, markers removed."""
    source = nbformat.read(course.notebook_path("source", assignment), as_version=4)
    return {
        cell.metadata["nbgrader"]["grade_id"]: _MARKER.sub("", cell.source)
        for cell in source.cells
        if cell.metadata.get("nbgrader", {}).get("solution")
    }


def student_notebook(
    course: Course,
    assignment: str,
    answers: dict[str, str] | None = None,
    *,
    replace: dict[str, str] | None = None,
    delete: tuple[str, ...] = (),
) -> nbformat.NotebookNode:
    """The released notebook with ``answers`` written in, cells replaced or deleted."""
    released = nbformat.read(course.notebook_path("release", assignment), as_version=4)
    notebook = copy.deepcopy(released)
    cells = []
    for cell in notebook.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in delete:
            continue
        if answers and grade_id in answers:
            cell.source = answers[grade_id]
        if replace and grade_id in replace:
            cell.source = replace[grade_id]
        cells.append(cell)
    notebook.cells = cells
    return notebook
