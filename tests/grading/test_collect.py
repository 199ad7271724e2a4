"""Collecting notebooks from a zip: GBK names, matching by id or name, newest copy wins."""

from __future__ import annotations

import shutil
import zipfile

import pytest
from nbgrader.utils import parse_utc

from custseg.errors import DataError
from custseg.grading.collect import collect_zip, member_name
from custseg.grading.course import Course
from custseg.grading.gradebook import open_gradebook


class _WindowsZipInfo(zipfile.ZipInfo):
    """A member name as Chinese Windows writes it: GBK bytes without the UTF-8 flag."""

    def _encodeFilenameFlags(self):
        return self.filename.encode("cp437"), self.flag_bits


@pytest.fixture
def course(fresh_course):
    course = fresh_course
    with open_gradebook(course) as gradebook:
        gradebook.update_or_create_student("s1", last_name="李雷")
        gradebook.update_or_create_student("s10", last_name="韩梅梅")
        gradebook.update_or_create_student("wangxm", last_name="王小明")
    return course


def _zip(path, members):
    with zipfile.ZipFile(path, "w") as archive:
        for name, data, when, gbk in members:
            if gbk:
                info = _WindowsZipInfo(name.encode("gbk").decode("cp437"), date_time=when)
            else:
                info = zipfile.ZipInfo(name, date_time=when)
            archive.writestr(info, data)
    return path


def test_zip_members_are_filed_under_the_right_student(course, tmp_path):
    early, late = (2026, 11, 30, 9, 0, 0), (2026, 11, 30, 20, 30, 0)
    bundle = _zip(
        tmp_path / "作业.zip",
        [
            ("s10_homework.ipynb", b"ten", early, False),
            ("作业/李雷/01.ipynb", b"lei", early, True),
            ("王小明-第一次.ipynb", b"old", early, True),
            ("王小明-修改后.ipynb", b"new", late, True),
            ("__MACOSX/._s1.ipynb", b"junk", early, False),
            ("notes.txt", b"x", early, False),
            ("nobody.ipynb", b"?", early, False),
        ],
    )
    table = collect_zip(course, "00_data_cleaning", bundle)
    assert table.to_dict("records") == [
        {"file": "s10_homework.ipynb", "student": "s10", "status": "collected"},
        {"file": "作业/李雷/01.ipynb", "student": "s1", "status": "collected"},
        {"file": "王小明-第一次.ipynb", "student": "wangxm", "status": "older copy"},
        {"file": "王小明-修改后.ipynb", "student": "wangxm", "status": "collected"},
        {"file": "nobody.ipynb", "student": "", "status": "no match"},
    ]
    for student, data in {"s10": b"ten", "s1": b"lei", "wangxm": b"new"}.items():
        folder = course.submission_dir(student, "00_data_cleaning")
        assert (folder / "00_data_cleaning.ipynb").read_bytes() == data
    stamp = (course.submission_dir("wangxm", "00_data_cleaning") / "timestamp.txt").read_text()
    assert str(parse_utc(stamp)) == "2026-11-30 12:30:00"  # 20:30 China time


def test_gbk_and_utf8_member_names():
    info = zipfile.ZipInfo("王小明.ipynb".encode("gbk").decode("cp437"))
    assert member_name(info) == "王小明.ipynb"
    utf8 = zipfile.ZipInfo("王小明.ipynb")
    utf8.flag_bits |= 0x800
    assert member_name(utf8) == "王小明.ipynb"


def test_not_a_zip_and_no_roster(course, tmp_path):
    text = tmp_path / "作业.zip"
    text.write_text("not a zip")
    with pytest.raises(DataError, match="作业.zip"):
        collect_zip(course, "00_data_cleaning", text)
    empty = Course(tmp_path / "empty")
    empty.root.mkdir()
    shutil.copy(course.gradebook, empty.gradebook)
    with open_gradebook(empty) as gradebook:
        for student in ("s1", "s10", "wangxm"):
            gradebook.remove_student(student)
    bundle = _zip(tmp_path / "b.zip", [("s1.ipynb", b"x", (2026, 1, 1, 0, 0, 0), False)])
    with pytest.raises(DataError, match="roster"):
        collect_zip(empty, "00_data_cleaning", bundle)
