"""The satisfaction survey (满意度调查): ratings and comments read from the graded notebooks.

The survey ``survey`` is an assignment whose items score no points: each rated item is
an answer cell ``name = 1..5`` with a graded cell worth 0 points (its check only confirms a
1-5 rating), and the last item is a free-text answer worth 0 points. nbgrader's gradebook
keeps scores, not values, so the values are read here from each learner's graded notebook
in ``autograded/`` (the learner's answer cells on the released notebook, as graded):

- the variable each item asks for is the parameter of that item's hidden check;
- an answer counts when the answer cells assign it a plain literal (``4``, ``"４分"``),
  read with :func:`ast.literal_eval` (nothing a learner wrote is run here) and
  :func:`custseg.grading.typed_answers.rating` accepts it; anything else (blank, 6,
  "很好") is not counted, so ``n`` per item can differ;
- comments are the free-text answers that are not blank, without names, sorted.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

import nbformat
import pandas as pd

from custseg.grading.course import Course
from custseg.grading.grades import submissions
from custseg.grading.judge import plan_checks, read_checks
from custseg.grading.questions import questions
from custseg.grading.typed_answers import rating

__all__ = ["SURVEY", "SurveySummary", "literal_assignments", "survey_summary"]

SURVEY = "survey"
SCALE = (1, 2, 3, 4, 5)
_MAX_SOURCE = 20_000
_MAX_COMMENT = 2_000
_STUB = "在这里作答 (YOUR ANSWER HERE)"


def literal_assignments(source: str) -> dict[str, object]:
    """The names a cell assigns a plain literal to, with the last value given (nothing is run).

    Examples
    --------
    >>> literal_assignments("overall = 4\\npace = '３分'\\nx = input()\\noverall = 5")
    {'overall': 5, 'pace': '３分'}
    >>> literal_assignments("raise NotImplementedError()"), literal_assignments("x = (")
    ({}, {})
    """
    try:
        tree = ast.parse(source[:_MAX_SOURCE])
    except (SyntaxError, ValueError):
        return {}
    values: dict[str, object] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name):
                try:
                    values[target.id] = ast.literal_eval(node.value)
                except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
                    values.pop(target.id, None)
    return values


@dataclass
class SurveySummary:
    """``items``: ``question``, ``title``, ``n``, ``mean`` and the count of each score 1-5;
    ``comments``: the free-text answers; ``respondents``: graded survey submissions."""

    items: pd.DataFrame
    comments: list[str]
    respondents: int


def _items(course: Course) -> pd.DataFrame:
    table = questions(course, SURVEY)
    plan = plan_checks(read_checks(course.assignments_dir / f"{SURVEY}.py"))
    rated = table[table["kind"] == "auto"].copy()
    rated["variable"] = [(plan.get(q, {}).get("names") or [""])[0] for q in rated["question"]]
    return rated[["question", "title", "variable"]].reset_index(drop=True)


def _read(course: Course, student: str) -> nbformat.NotebookNode | None:
    path = course.notebook_path("autograded", SURVEY, student)
    if not path.is_file() or path.is_symlink():
        return None
    try:
        return nbformat.read(path, as_version=4)
    except Exception:  # not a notebook: nothing to read
        return None


def _safe_text(text: str) -> str:
    """A comment as text: cut to length, never read as a spreadsheet formula."""
    text = text.strip()[:_MAX_COMMENT]
    return " " + text if text[:1] in ("=", "+", "-", "@") else text


def survey_summary(course: Course) -> SurveySummary | None:
    """Mean, n and distribution per rated item, and the comments; None before grading."""
    totals = submissions(course, SURVEY)
    if totals.empty or not (course.assignments_dir / f"{SURVEY}.py").is_file():
        return None
    items = _items(course)
    values: dict[str, list[int]] = {name: [] for name in items["variable"]}
    comments: list[str] = []
    respondents = 0
    for student in totals.loc[totals["submitted"], "student"]:
        notebook = _read(course, student)
        if notebook is None:
            continue
        respondents += 1
        assigned: dict[str, object] = {}
        for cell in notebook.cells:
            info = cell.metadata.get("nbgrader", {})
            if not info.get("solution"):
                continue
            if cell.cell_type == "code":
                assigned.update(literal_assignments(cell.source))
            elif info.get("grade") and cell.source.replace(_STUB, "").strip():
                comments.append(_safe_text(cell.source.replace(_STUB, "")))
        for name in values:
            score = rating(assigned.get(name))
            if score is not None:
                values[name].append(score)
    rows = []
    for item in items.itertuples():
        given = values[item.variable]
        row = {
            "question": item.question,
            "title": item.title,
            "n": len(given),
            "mean": sum(given) / len(given) if given else float("nan"),
        }
        row.update({f"score_{s}": given.count(s) for s in SCALE})
        rows.append(row)
    return SurveySummary(pd.DataFrame(rows), sorted(comments), respondents)
