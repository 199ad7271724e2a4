"""A released copy of the course's grading folder, built once per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from custseg.grading.build import release
from custseg.grading.course import Course
from custseg.grading.gradebook import open_gradebook

GRADING = Path(__file__).parents[2] / "grading"
ASSIGNMENT = "01_data_cleaning"
DUE = "2026-12-01 18:00"  # China time


@pytest.fixture(scope="session")
def released_template(tmp_path_factory) -> Course:
    """The real nbgrader_config.py and text sources, generated and released."""
    root = tmp_path_factory.mktemp("template") / "grading"
    root.mkdir()
    shutil.copy(GRADING / "nbgrader_config.py", root)
    shutil.copytree(GRADING / "assignments", root / "assignments")
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
