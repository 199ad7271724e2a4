"""An assignment not yet converted to outside checks still grades, in the sandbox, and says so.

A small assignment that keeps its hidden tests inside the notebook (the format before check
cells), graded with
:func:`~custseg.grading.autograde.autograde`, the model answers score full marks, blank
answers nothing, the run records that the assignment does not use outside checks yet, and
the graded notebooks (and so the feedback) hold none of the hidden tests.
"""

from __future__ import annotations

import re
import shutil

import nbformat
import pytest

from custseg.grading.autograde import autograde
from custseg.grading.build import release
from custseg.grading.checks import ALL_STUDENTS
from custseg.grading.course import Course
from custseg.grading.grades import cell_grades
from custseg.grading.judge import has_checks
from custseg.grading.questions import questions
from custseg.grading.sandbox import sandbox_available
from tests.grading.conftest import GRADING
from tests.grading.students import model_answers, student_notebook

LEGACY = "98_hidden_tests"
_HEADER = (
    '# %% nbgrader={{"grade": {grade}, "grade_id": "{name}", "locked": {locked}, {points}'
    '"schema_version": 3, "solution": {solution}, "task": false}}{topic}\n'
)
_SOURCE = (
    _HEADER.format(
        grade="false", name="setup", locked="true", points="", solution="false", topic=""
    )
    + "numbers = [3, 4, 5]\n\n"
    + _HEADER.format(grade="false", name="q1", locked="false", points="", solution="true", topic="")
    + "### BEGIN SOLUTION\ntotal = sum(numbers)\n### END SOLUTION\n\n"
    + _HEADER.format(
        grade="true",
        name="q1_test",
        locked="true",
        points='"points": 2, ',
        solution="false",
        topic=' topic="加法"',
    )
    + 'assert isinstance(total, int), "total 应该是整数"\n'
    + "### BEGIN HIDDEN TESTS\nassert total == 3 + 4 + 5, 'hidden sum of the numbers'\n"
    + "### END HIDDEN TESTS\n\n"
    + "# %% [markdown]"
    + _HEADER.format(
        grade="true",
        name="q2",
        locked="false",
        points='"points": 1, ',
        solution="true",
        topic=' topic="解读"',
    ).removeprefix("# %%")
    + "# 总和是 12。\n"
)
_HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS\n(.*?)### END HIDDEN TESTS", re.DOTALL)

pytestmark = [
    pytest.mark.skipif(
        sandbox_available() is not None,
        reason="the grading sandbox (bubblewrap) cannot start here",
    ),
]


@pytest.fixture(scope="module")
def graded(tmp_path_factory, empty_gradebook):
    root = tmp_path_factory.mktemp("legacy") / "grading"
    root.mkdir()
    shutil.copy(GRADING / "nbgrader_config.py", root)
    (root / "assignments").mkdir()
    (root / "assignments" / f"{LEGACY}.py").write_text(_SOURCE, encoding="utf-8")
    course = Course(root)
    assert not has_checks(course.assignments_dir / f"{LEGACY}.py")
    shutil.copy(empty_gradebook, course.gradebook)
    release(course, LEGACY)
    answers = model_answers(course, LEGACY)
    for student, notebook in {
        "model": student_notebook(course, LEGACY, answers),
        "blank": student_notebook(course, LEGACY),
    }.items():
        folder = course.submission_dir(student, LEGACY)
        folder.mkdir(parents=True)
        nbformat.write(notebook, folder / f"{LEGACY}.ipynb")
    return course, autograde(course, LEGACY, timeout=30)


def test_legacy_assignment_scores_as_before(graded):
    course, run = graded
    auto = questions(course, LEGACY).query("kind == 'auto'")
    points = dict(zip(auto["question"], auto["points"], strict=True))
    grades = cell_grades(course, LEGACY)
    grades = grades[grades["question"].isin(points)].set_index(["student", "question"])["score"]
    assert {q: grades[("model", q)] for q in points} == points
    assert {q: grades[("blank", q)] for q in points} == dict.fromkeys(points, 0.0)
    assert sorted(run.graded) == ["blank", "model"]
    assert (ALL_STUDENTS, "legacy_checks") in {(i.student, i.kind) for i in run.issues}
    assert not run.outside_checks


def test_graded_notebooks_hold_no_hidden_tests(graded):
    course, _ = graded
    source = nbformat.read(course.notebook_path("source", LEGACY), as_version=4)
    hidden = [
        line.strip()
        for cell in source.cells
        for body in _HIDDEN.findall(cell.source)
        for line in body.splitlines()
        if len(line.strip()) > 10
    ]
    assert hidden == ["assert total == 3 + 4 + 5, 'hidden sum of the numbers'"]
    for student in ("model", "blank"):
        text = course.notebook_path("autograded", LEGACY, student).read_text(encoding="utf-8")
        assert "HIDDEN TESTS" not in text
        for line in hidden:
            assert line not in text, line
