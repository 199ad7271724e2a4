"""The gradebook is copied before grading runs and any copy can be restored."""

from __future__ import annotations

import sqlite3

import pytest

from custseg.errors import DataError
from custseg.grading.backup import backup_gradebook, list_backups, restore_gradebook
from custseg.grading.course import Course
from custseg.grading.gradebook import open_gradebook


def _names(path) -> set[str]:
    with sqlite3.connect(path) as db:
        return {row[0] for row in db.execute("SELECT id FROM student")}


def test_backup_and_restore_round_trip(fresh_course, tmp_path):
    assert backup_gradebook(Course(tmp_path / "new")) is None  # nothing to back up yet
    course = fresh_course
    with open_gradebook(course) as gradebook:
        gradebook.update_or_create_student("s01", last_name="王小明")
    first = backup_gradebook(course, label="before-autograde")
    assert _names(first) == {"s01"}
    with open_gradebook(course) as gradebook:
        gradebook.remove_student("s01")
        gradebook.update_or_create_student("s02")
    assert _names(course.gradebook) == {"s02"}
    assert restore_gradebook(course, first.name) == first
    assert _names(course.gradebook) == {"s01"}
    undo = [p for p in list_backups(course) if p.name.endswith("before-restore.db")]
    assert len(undo) == 1 and _names(undo[0]) == {"s02"}
    restore_gradebook(course)  # the newest backup: the state just before the restore
    assert _names(course.gradebook) == {"s02"}


def test_restore_names_what_is_missing(fresh_course):
    course = fresh_course
    with pytest.raises(DataError, match="no gradebook backup"):
        restore_gradebook(course)
    backup_gradebook(course)
    with pytest.raises(DataError, match="nope.db"):
        restore_gradebook(course, "nope.db")
