"""A released copy of the grading folder with the grading fixture, built once per test session.

The grading machinery is tested on its own assignment, ``fixtures/grading_fixture.py``
(with its rubric ``fixtures/grading_fixture.md``), not on a course assignment: it keeps a
pandas answer and a function to write, which the learners' assignments no longer ask for.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from custseg.grading.build import release
from custseg.grading.course import Course
from custseg.grading.gradebook import open_gradebook

GRADING = Path(__file__).parents[2] / "grading"
FIXTURES = Path(__file__).parent / "fixtures"
ASSIGNMENT = "grading_fixture"
SOURCE = FIXTURES / f"{ASSIGNMENT}.py"
RUBRIC = FIXTURES / f"{ASSIGNMENT}.md"
DUE = "2026-12-01 18:00"  # China time


@pytest.fixture(scope="session")
def released_template(tmp_path_factory) -> Course:
    """The real nbgrader_config.py and the grading fixture, generated and released."""
    root = tmp_path_factory.mktemp("template") / "grading"
    (root / "assignments").mkdir(parents=True)
    (root / "rubrics").mkdir()
    shutil.copy(GRADING / "nbgrader_config.py", root)
    shutil.copy(SOURCE, root / "assignments")
    shutil.copy(RUBRIC, root / "rubrics")
    course = Course(root)
    release(course, ASSIGNMENT, due=DUE)
    return course


@pytest.fixture
def released_course(released_template, tmp_path) -> Course:
    """A private copy of the released course for one test."""
    root = tmp_path / "grading"
    shutil.copytree(released_template.root, root)
    return Course(root)


@pytest.fixture(scope="session")
def empty_gradebook(tmp_path_factory) -> Path:
    """An empty gradebook, created once (nbgrader runs a slow ``alembic`` step to create one)."""
    course = Course(tmp_path_factory.mktemp("empty"))
    with open_gradebook(course):
        pass
    return course.gradebook


@pytest.fixture
def fresh_course(empty_gradebook, tmp_path) -> Course:
    """A course folder with an empty gradebook and nothing else."""
    course = Course(tmp_path / "grading")
    course.root.mkdir()
    shutil.copy(empty_gradebook, course.gradebook)
    return course
