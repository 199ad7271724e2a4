"""Rebuild a submitted notebook from the released one, keeping only the learner's answers.

A submission is untrusted: cells may be edited, deleted, reordered, renamed (a different
``grade_id``), duplicated or carry forged metadata. Like nbgrader's ``OverwriteCells``,
:func:`restore_submission` grades the learner on the instructor's cells, but it builds the
notebook the other way round, so nothing the learner did can crash grading:

- every cell of the released notebook is taken as released (its metadata and checksum),
  except the answer cells (``solution``), whose text is the learner's (the first learner
  cell with that ``grade_id`` and cell type; the released stub if there is none);
- in an assignment still graded by hidden tests inside the notebook, the test cells are
  taken from ``source/`` (with those tests), for execution only;
- a released cell without nbgrader metadata (a widget, an explanation) is the learner's
  to change: the learner's cell with the same cell ``id`` takes its place, once;
- the learner's own extra cells are kept after the released cell they followed, without
  any nbgrader metadata; a cell whose ``grade_id`` is unknown (renamed) is such a cell.

Examples
--------
>>> import nbformat
>>> def cell(source, grade_id=None, **info):
...     made = nbformat.v4.new_code_cell(source)
...     if grade_id:
...         made.metadata["nbgrader"] = {"grade_id": grade_id, **info}
...     return made
>>> released = nbformat.v4.new_notebook(cells=[
...     cell("x = ...", "a1", solution=True), cell("assert x > 0", "a1_test", grade=True)])
>>> learner = nbformat.v4.new_notebook(cells=[
...     cell("x = 5", "a1", solution=True), cell("pass", "renamed", grade=True)])
>>> restored, unknown = restore_submission(learner, released)
>>> [c.source for c in restored.cells], unknown
(['x = 5', 'pass', 'assert x > 0'], ['renamed'])
>>> "nbgrader" in restored.cells[1].metadata
False
>>> widget = nbformat.v4.new_code_cell("explorer()")
>>> released.cells.insert(0, widget)
>>> learner.cells.insert(0, nbformat.from_dict({**widget, "source": "explorer(k=3)"}))
>>> [c.source for c in restore_submission(learner, released)[0].cells]
['explorer(k=3)', 'x = 5', 'pass', 'assert x > 0']
"""

from __future__ import annotations

import copy

import nbformat

__all__ = ["grade_id", "restore_submission"]


def grade_id(cell) -> str | None:
    """The nbgrader ``grade_id`` of ``cell`` (None for a plain cell)."""
    info = cell.get("metadata", {}).get("nbgrader")
    if not isinstance(info, dict):
        return None
    name = info.get("grade_id")
    return name if isinstance(name, str) else None


def _free_key(cell) -> tuple[str, str] | None:
    """A cell without nbgrader metadata is known by its cell ``id`` (None without one)."""
    if grade_id(cell) is not None or "nbgrader" in cell.get("metadata", {}):
        return None
    cell_id = cell.get("id")
    return ("id", cell_id) if isinstance(cell_id, str) and cell_id else None


def _plain_copy(cell) -> nbformat.NotebookNode:
    kind = cell.get("cell_type")
    source = cell.get("source", "")
    source = "".join(source) if isinstance(source, list) else str(source)
    if kind == "markdown":
        return nbformat.v4.new_markdown_cell(source)
    if kind == "raw":
        return nbformat.v4.new_raw_cell(source)
    return nbformat.v4.new_code_cell(source)


def restore_submission(
    submitted: nbformat.NotebookNode,
    released: nbformat.NotebookNode,
    source: nbformat.NotebookNode | None = None,
) -> tuple[nbformat.NotebookNode, list[str]]:
    """The notebook to grade, and the ``grade_id`` values of the learner's unknown cells.

    Parameters
    ----------
    submitted : NotebookNode
        The learner's notebook (read with nbformat, otherwise untrusted).
    released : NotebookNode
        The released notebook of the assignment.
    source : NotebookNode, optional
        The instructor's notebook; when given, its version of each test cell is used (the
        notebook then holds hidden tests and must only ever run in the sandbox).
    """
    known = {grade_id(c): c for c in released.cells if grade_id(c)}
    known.update({_free_key(c): c for c in released.cells if _free_key(c)})
    tests = {grade_id(c): c for c in (source.cells if source else []) if grade_id(c)}
    answers: dict[str, str] = {}
    seen: set = set()
    extras: dict = {}
    unknown: list[str] = []
    anchor = None
    for cell in submitted.cells:
        name = grade_id(cell) or _free_key(cell)
        if name in known and name not in seen and cell.get("cell_type") == known[name].cell_type:
            seen.add(name)
            info = known[name].metadata.get("nbgrader", {})
            if info.get("solution") or not info:
                answers[name] = _plain_copy(cell).source
            anchor = name
            continue
        if name in known and grade_id(
            cell
        ):  # a second copy, or a locked cell turned into another type
            continue
        if grade_id(cell) is not None:
            unknown.append(grade_id(cell))
        extras.setdefault(anchor, []).append(_plain_copy(cell))
    cells = list(extras.get(None, []))
    for cell in released.cells:
        made = copy.deepcopy(cell)
        name = grade_id(cell) or _free_key(cell)
        if name in answers:
            made.source = answers[name]
        elif name in tests and tests[name].metadata["nbgrader"].get("grade"):
            if not tests[name].metadata["nbgrader"].get("solution"):
                made.source = tests[name].source
        if made.cell_type == "code":
            made.outputs, made.execution_count = [], None
        cells.append(made)
        if name is not None:
            cells += extras.get(name, [])
    notebook = copy.deepcopy(released)
    notebook.cells = cells
    return notebook, unknown
