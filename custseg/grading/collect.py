"""Collect submissions: from the course's exchange folder, or from a zip of files.

Students who work on the same server submit with ``nbgrader submit`` and the trainer runs
:func:`collect_exchange`. When notebooks arrive another way (an LMS download, e-mail
attachments saved into one zip), :func:`collect_zip` files each notebook under the
student whose id or name appears in its path, e.g. ``s01_作业1.ipynb`` or
``王小明/00_data_cleaning.ipynb``, renamed to what nbgrader expects. Zips made on Chinese
Windows store file names in GBK; they are decoded correctly.
"""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from pathlib import Path, PurePosixPath

import pandas as pd

from custseg.errors import DataError
from custseg.grading.course import Course
from custseg.grading.gradebook import open_gradebook
from custseg.grading.grades import display_name

__all__ = ["collect_exchange", "collect_zip", "member_name"]

ZIP_TIMEZONE = "Asia/Shanghai"


def collect_exchange(course: Course, assignment: str) -> list[str]:
    """Collect from the exchange (newest submission of each student); return who has one.

    Raises
    ------
    DataError
        When ``assignment`` has not been released from this course folder.
    """
    if not course.notebook_path("release", assignment).is_file():
        raise DataError(
            f"作业 {assignment} 还没有发布，无法收取 (not released): "
            f"请先运行 custseg-grade release {assignment}"
        )
    course.nbgrader("collect", assignment, update=True)
    return course.submitted_students(assignment)


def member_name(info: zipfile.ZipInfo) -> str:
    """The file name of a zip member, decoding GBK names written by Chinese Windows.

    Examples
    --------
    >>> info = zipfile.ZipInfo("王小明.ipynb".encode("gbk").decode("cp437"))
    >>> member_name(info)
    '王小明.ipynb'
    """
    name = info.filename
    if info.flag_bits & 0x800:  # the UTF-8 flag: the name is already right
        return name
    try:
        raw = name.encode("cp437")
    except UnicodeEncodeError:
        return name
    for encoding in ("utf-8", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return name


def _match(path: str, tokens: dict[str, str]) -> str | None:
    """The student whose longest id or name occurs in ``path`` (None if none or a tie)."""
    hits = [(len(token), student) for token, student in tokens.items() if token in path]
    if not hits:
        return None
    longest = max(length for length, _ in hits)
    winners = {student for length, student in hits if length == longest}
    return winners.pop() if len(winners) == 1 else None


def collect_zip(course: Course, assignment: str, zip_path: str | os.PathLike) -> pd.DataFrame:
    """File the notebooks of a zip under ``submitted/<student>/<assignment>/``.

    Students are those enrolled in the gradebook (see :mod:`custseg.grading.roster`).
    When a student has several notebooks in the zip, the newest is kept. The submission
    time is the file's time in the zip, read as China time (Asia/Shanghai).

    Returns
    -------
    pandas.DataFrame
        One row per notebook in the zip: ``file``, ``student`` (empty when no enrolled
        student matched), ``status`` (``"collected"``, ``"older copy"``, ``"no match"``).

    Raises
    ------
    DataError
        When the file is not a zip, or no student is enrolled yet.
    """
    zip_path = Path(zip_path)
    if not zipfile.is_zipfile(zip_path):
        raise DataError(f"不是 zip 文件 (not a zip file): {zip_path}")
    with open_gradebook(course) as gradebook:
        people = [(s.id, display_name(s.first_name, s.last_name, s.id)) for s in gradebook.students]
    if not people:
        raise DataError(
            "还没有导入学员名单 (no students enrolled): 请先运行 custseg-grade roster 名单.csv"
        )
    tokens = {}
    for student, name in people:
        tokens[student] = student
        if name != student:
            tokens.setdefault(name, student)
    rows = []
    with zipfile.ZipFile(zip_path) as archive:
        for info in archive.infolist():
            name = member_name(info)
            parts = PurePosixPath(name.replace("\\", "/")).parts
            if info.is_dir() or not name.endswith(".ipynb"):
                continue
            if any(p.startswith(("__MACOSX", ".")) for p in parts):
                continue
            student = _match(name, tokens)
            rows.append(
                {
                    "file": name,
                    "student": student or "",
                    "time": dt.datetime(*info.date_time),
                    "info": info,
                }
            )
        found = pd.DataFrame(rows, columns=["file", "student", "time", "info"])
        found["status"] = "no match"
        matched = found[found["student"] != ""].sort_values("time")
        newest = matched.drop_duplicates("student", keep="last")
        found.loc[matched.index, "status"] = "older copy"
        found.loc[newest.index, "status"] = "collected"
        for row in newest.itertuples():
            folder = course.submission_dir(row.student, assignment)
            folder.mkdir(parents=True, exist_ok=True)
            for old in folder.glob("*.ipynb"):
                old.unlink()
            target = folder / f"{assignment}.ipynb"
            target.write_bytes(archive.read(row.info))
            stamp = row.time.strftime("%Y-%m-%d %H:%M:%S.%f")
            (folder / "timestamp.txt").write_text(f"{stamp} {ZIP_TIMEZONE}", encoding="utf-8")
    return found[["file", "student", "status"]].reset_index(drop=True)
