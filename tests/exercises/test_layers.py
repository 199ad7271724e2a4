"""A question's logic and its feedback do not import the notebook display."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import custseg.exercises

_HERE = Path(custseg.exercises.__file__).parent


def _imported(module: str) -> set[str]:
    """The custseg modules a module of custseg.exercises imports, anywhere in its code."""
    tree = ast.parse((_HERE / f"{module}.py").read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("custseg")}


@pytest.mark.parametrize("module", ["question", "feedback"])
def test_the_logic_of_a_question_does_not_import_the_display(module):
    imported = _imported(module)
    assert "custseg.exercises.display" not in imported
    assert "custseg.exercises.problem" not in imported


def test_the_display_and_the_view_import_the_logic_not_the_other_way():
    assert "custseg.exercises.feedback" in _imported("display")
    assert {"custseg.exercises.display", "custseg.exercises.question"} <= _imported("problem")


def test_the_notebook_view_still_offers_the_logic_names_under_the_old_module():
    from custseg.exercises import problem, question

    for name in ("KINDS", "Misconception", "Problem", "close_to", "compare_answers"):
        assert getattr(problem, name) is getattr(question, name)
