"""The class list: read a trainer's CSV or Excel file and enrol the students in the gradebook.

The file may be UTF-8 or GBK (what Chinese Excel saves), or an ``.xlsx`` workbook. Column
names may be Chinese or English:

==============  ====================================================
学号 / id       the student id, used as the folder name of submissions (required)
姓名 / name     full name, e.g. 王小明 (or separate 姓 / last_name and 名 / first_name)
邮箱 / email    optional
==============  ====================================================

A full name is stored whole as the last name, so compound surnames such as 欧阳 are kept.
"""

from __future__ import annotations

import os
import re

import pandas as pd

from custseg.errors import DataError
from custseg.files import read_table
from custseg.grading.course import Course
from custseg.grading.gradebook import open_gradebook

__all__ = ["import_roster", "read_roster"]

_ALIASES = {
    "student": ("学号", "编号", "工号", "员工编号", "学员编号", "id", "student_id", "student id"),
    "name": ("姓名", "名字", "学员", "name", "full_name", "full name"),
    "last_name": ("姓", "last_name", "last name", "surname"),
    "first_name": ("名", "first_name", "first name", "given_name"),
    "email": ("邮箱", "电子邮件", "电子邮箱", "email", "e-mail", "mail"),
}
_BAD_ID = re.compile(r"[\s/\\+:*?\"<>|]")


def _find(columns: list[str], field: str) -> str | None:
    wanted = {alias.lower() for alias in _ALIASES[field]}
    for column in columns:
        if str(column).strip().lower() in wanted:
            return column
    return None


def read_roster(path: str | os.PathLike) -> pd.DataFrame:
    """Read a class list into columns ``student``, ``first_name``, ``last_name``, ``email``.

    Raises
    ------
    DataError
        No id column, an empty, duplicated or unusable id (naming the file row).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "名单.csv"
    >>> _ = path.write_bytes("学号,姓名,邮箱\\ns01,王小明,wxm@example.com\\n".encode("gbk"))
    >>> read_roster(path).to_dict("records")
    [{'student': 's01', 'first_name': '', 'last_name': '王小明', 'email': 'wxm@example.com'}]
    >>> _ = path.write_text("学号,姓名\\ns01,王小明\\ns01,李雷\\n", encoding="utf-8")
    >>> read_roster(path)
    Traceback (most recent call last):
    ...
    custseg.errors.DataError: .../名单.csv: 学号 (student id) 's01' 重复 (duplicate)：第 2、3 行 (rows 2, 3)
    """
    raw = read_table(path, dtype=str).fillna("")
    columns = list(raw.columns)
    id_column = _find(columns, "student")
    if id_column is None:
        found = ", ".join(map(repr, columns))
        raise DataError(
            f"{path}: 找不到学号列 (no student id column)，请把列名写成“学号”或 id。"
            f"现有的列 (columns found): {found}"
        )
    ids = raw[id_column].str.strip()
    for position, value in enumerate(ids):
        row = position + 2
        if not value:
            raise DataError(f"{path}: 第 {row} 行 (row {row}) 的学号为空 (empty student id)")
        if _BAD_ID.search(value) or value.startswith("."):
            raise DataError(
                f"{path}: 第 {row} 行 (row {row}) 的学号 {value!r} 含有空格或 / \\ + : 等字符 "
                "(student ids become folder names; use letters, digits, Chinese, - or _)"
            )
    duplicated = ids[ids.duplicated(keep=False)]
    if not duplicated.empty:
        first = duplicated.iloc[0]
        rows = [str(i + 2) for i in duplicated.index[duplicated == first]]
        raise DataError(
            f"{path}: 学号 (student id) {first!r} 重复 (duplicate)："
            f"第 {'、'.join(rows)} 行 (rows {', '.join(rows)})"
        )

    def text(field: str) -> pd.Series:
        column = _find(columns, field)
        if column is None:
            return pd.Series("", index=raw.index)
        return raw[column].str.strip()

    last, first = text("last_name"), text("first_name")
    full = text("name")
    use_full = full.ne("") & last.eq("") & first.eq("")
    last = last.where(~use_full, full)
    return pd.DataFrame(
        {
            "student": ids.to_numpy(),
            "first_name": first.to_numpy(),
            "last_name": last.to_numpy(),
            "email": text("email").to_numpy(),
        }
    )


def import_roster(course: Course, path: str | os.PathLike) -> pd.DataFrame:
    """Enrol every student of a class list in the course's gradebook (updating names).

    Importing a corrected list again updates the students; a field the list leaves
    empty keeps its stored value.

    Returns
    -------
    pandas.DataFrame
        The roster as read by :func:`read_roster`.
    """
    roster = read_roster(path)
    with open_gradebook(course) as gradebook:
        for row in roster.itertuples(index=False):
            known = {
                field: getattr(row, field)
                for field in ("first_name", "last_name", "email")
                if getattr(row, field)
            }
            gradebook.update_or_create_student(row.student, **known)
    return roster
