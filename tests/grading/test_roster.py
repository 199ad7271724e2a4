"""Class lists in UTF-8, GBK or Excel, with Chinese names, enrolled in the gradebook."""

from __future__ import annotations

import sqlite3

import pandas as pd
import pytest

from custseg.errors import DataError
from custseg.grading.course import Course
from custseg.grading.roster import import_roster, read_roster


def _students(course: Course) -> dict[str, tuple]:
    with sqlite3.connect(course.gradebook) as db:
        rows = db.execute("SELECT id, first_name, last_name, email FROM student").fetchall()
    return {row[0]: row[1:] for row in rows}


def test_gbk_csv_with_chinese_headers_is_enrolled(fresh_course, tmp_path):
    path = tmp_path / "学员名单.csv"
    path.write_bytes("学号,姓名,邮箱\ns01,王小明,wxm@example.cn\ns02,欧阳娜娜,\n".encode("gbk"))
    course = fresh_course
    roster = import_roster(course, path)
    assert list(roster["student"]) == ["s01", "s02"]
    assert _students(course) == {
        "s01": (None, "王小明", "wxm@example.cn"),
        "s02": (None, "欧阳娜娜", None),
    }
    path.write_bytes("学号,姓名\ns01,王晓明\n".encode("gbk"))  # a corrected name updates
    import_roster(course, path)
    assert _students(course)["s01"] == (None, "王晓明", "wxm@example.cn")


def test_utf8_with_bom_and_english_headers(tmp_path):
    path = tmp_path / "roster.csv"
    path.write_text("ID,First Name,Last Name\n7,Ann,Lee\n", encoding="utf-8-sig")
    assert read_roster(path).to_dict("records") == [
        {"student": "7", "first_name": "Ann", "last_name": "Lee", "email": ""}
    ]


def test_excel_class_list(tmp_path):
    path = tmp_path / "名单.xlsx"
    pd.DataFrame({"工号": ["0012", "0013"], "姓": ["李", "张"], "名": ["雷", "伟"]}).to_excel(
        path, index=False
    )
    roster = read_roster(path)
    assert list(roster["student"]) == ["0012", "0013"]  # leading zeros kept
    assert list(roster["last_name"] + roster["first_name"]) == ["李雷", "张伟"]


@pytest.mark.parametrize(
    ("text", "culprit"),
    [
        ("姓名\n王小明\n", "学号"),
        ("学号,姓名\ns01,王小明\n,李雷\n", "第 3 行"),
        ("学号,姓名\ns01,王小明\ns 02,李雷\n", "'s 02'"),
        ("学号,姓名\na/b,王小明\n", "'a/b'"),
        ("学号,姓名\ns01,王小明\ns02,李雷\ns01,张伟\n", "第 2、4 行"),
    ],
)
def test_bad_class_lists_name_the_culprit(tmp_path, text, culprit):
    path = tmp_path / "名单.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=culprit):
        read_roster(path)
