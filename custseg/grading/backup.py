"""Copies of the gradebook, made before every grading run, that can be restored.

Re-running grading never loses earlier grades: :func:`backup_gradebook` copies
``gradebook.db`` to ``backups/gradebook-<UTC time>.db`` (with SQLite's online backup, so
the copy is consistent even while nbgrader has the database open) and
:func:`restore_gradebook` puts a copy back, after first backing up the current state so
that a restore can itself be undone.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from custseg.errors import DataError
from custseg.grading.course import Course

__all__ = ["backup_gradebook", "list_backups", "restore_gradebook"]


def _copy_database(source: Path, target: Path) -> None:
    source_db = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    target_db = sqlite3.connect(target)
    try:
        with target_db:
            source_db.backup(target_db)
    finally:
        source_db.close()
        target_db.close()


def backup_gradebook(course: Course, *, label: str = "") -> Path | None:
    """Copy the gradebook into ``backups/``; return the copy (None when there is no gradebook).

    Parameters
    ----------
    course : Course
    label : str, optional
        Added to the file name, e.g. ``"before-autograde"``.
    """
    if not course.gradebook.exists():
        return None
    course.backups.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    suffix = f"-{label}" if label else ""
    target = course.backups / f"gradebook-{stamp}{suffix}.db"
    _copy_database(course.gradebook, target)
    return target


def list_backups(course: Course) -> list[Path]:
    """The gradebook backups of ``course``, oldest first."""
    if not course.backups.is_dir():
        return []
    return sorted(course.backups.glob("gradebook-*.db"))


def restore_gradebook(course: Course, backup: str | Path | None = None) -> Path:
    """Replace the gradebook by a backup (default: the newest); return the backup used.

    The gradebook being replaced is backed up first (label ``before-restore``).

    Raises
    ------
    DataError
        When there is no backup, or the named one does not exist.
    """
    backups = list_backups(course)
    if backup is None:
        if not backups:
            raise DataError(f"没有可恢复的备份 (no gradebook backup) in {course.backups}")
        chosen = backups[-1]
    else:
        chosen = Path(backup)
        if not chosen.is_absolute() and not chosen.exists():
            chosen = course.backups / chosen
        if not chosen.is_file():
            names = ", ".join(p.name for p in backups) or "（无 none）"
            raise DataError(f"找不到备份文件 (backup not found): {backup}。现有备份: {names}")
    backup_gradebook(course, label="before-restore")
    _copy_database(chosen, course.gradebook)
    return chosen
