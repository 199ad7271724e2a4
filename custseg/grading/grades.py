"""Grades out of the gradebook as pandas tables, and their export to CSV and Excel.

:func:`cell_grades` has one row per student, assignment and graded cell (with the cell's
topic); :func:`submissions` one row per enrolled student and assignment (submitted or not,
on time or not, total score). :func:`export_grades` writes both to
``reports/grades.csv`` (UTF-8 with BOM, so Excel shows Chinese names) and
``reports/grades.xlsx``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
from nbgrader.api import MissingEntry

from custseg.errors import DataError
from custseg.grading.course import Course
from custseg.grading.gradebook import open_gradebook
from custseg.grading.questions import questions

__all__ = ["cell_grades", "chinese_headers", "display_name", "export_grades", "submissions"]

_CJK = range(0x4E00, 0xA000)


def display_name(first_name: str | None, last_name: str | None, student_id: str) -> str:
    """A student's name as a trainer writes it: 姓名 for Chinese, "First Last" otherwise.

    Examples
    --------
    >>> display_name("小明", "王", "s01"), display_name("Ann", "Lee", "s02")
    ('王小明', 'Ann Lee')
    >>> display_name(None, "欧阳娜娜", "s03"), display_name(None, None, "s04")
    ('欧阳娜娜', 's04')
    """
    first, last = (first_name or "").strip(), (last_name or "").strip()
    if not first and not last:
        return student_id
    if any(ord(ch) in _CJK for ch in first + last):
        return f"{last}{first}"
    return " ".join(part for part in (first, last) if part)


def _assignments(course: Course, assignment: str | None) -> list[str]:
    with open_gradebook(course) as gradebook:
        known = [a.name for a in gradebook.assignments]
    return [a for a in known if assignment in (None, a)]


def submissions(course: Course, assignment: str | None = None) -> pd.DataFrame:
    """One row per enrolled student and assignment.

    Returns
    -------
    pandas.DataFrame
        Columns ``student``, ``name``, ``assignment``, ``submitted``, ``timestamp``
        (UTC), ``seconds_late``, ``on_time``, ``score``, ``max_score``, ``percent``,
        ``needs_manual_grade``. A student without a submission scores zero.
    """
    rows = []
    names = _assignments(course, assignment)
    with open_gradebook(course) as gradebook:
        for name in names:
            record = gradebook.find_assignment(name)
            max_score = float(record.max_score)
            for student in gradebook.students:
                row = {
                    "student": student.id,
                    "name": display_name(student.first_name, student.last_name, student.id),
                    "assignment": name,
                    "submitted": False,
                    "timestamp": pd.NaT,
                    "seconds_late": 0.0,
                    "on_time": False,
                    "score": 0.0,
                    "max_score": max_score,
                    "needs_manual_grade": False,
                }
                try:
                    submission = gradebook.find_submission(name, student.id)
                except MissingEntry:  # no submission
                    rows.append(row)
                    continue
                late = float(submission.total_seconds_late or 0.0)
                row.update(
                    submitted=True,
                    timestamp=submission.timestamp,
                    seconds_late=late,
                    on_time=late <= 0,
                    score=float(submission.score),
                    needs_manual_grade=bool(submission.needs_manual_grade),
                )
                rows.append(row)
    table = pd.DataFrame(rows, columns=[*rows[0]] if rows else None)
    if table.empty:
        return table
    table["percent"] = 100 * table["score"] / table["max_score"].where(table["max_score"] > 0)
    return table


def cell_grades(course: Course, assignment: str | None = None) -> pd.DataFrame:
    """One row per submitted assignment and graded cell, with the cell's topic.

    Returns
    -------
    pandas.DataFrame
        Columns ``student``, ``name``, ``assignment``, ``question``, ``title``, ``topic``,
        ``kind``, ``score``, ``max_score``, ``auto_score``, ``manual_score``,
        ``needs_manual_grade``.
    """
    rows = []
    names = _assignments(course, assignment)
    with open_gradebook(course) as gradebook:
        for name in names:
            for submission in gradebook.find_assignment(name).submissions:
                student = submission.student
                for notebook in submission.notebooks:
                    for grade in notebook.grades:
                        rows.append(
                            {
                                "student": student.id,
                                "name": display_name(
                                    student.first_name, student.last_name, student.id
                                ),
                                "assignment": name,
                                "question": grade.name,
                                "score": float(grade.score),
                                "max_score": float(grade.max_score),
                                "auto_score": grade.auto_score,
                                "manual_score": grade.manual_score,
                                "needs_manual_grade": bool(grade.needs_manual_grade),
                            }
                        )
    table = pd.DataFrame(
        rows,
        columns=[
            "student",
            "name",
            "assignment",
            "question",
            "score",
            "max_score",
            "auto_score",
            "manual_score",
            "needs_manual_grade",
        ],
    )
    meta = pd.concat([questions(course, name) for name in names]) if names else None
    if meta is None or meta.empty:
        return table.assign(title="", topic="", kind="")
    merged = table.merge(
        meta[["assignment", "question", "title", "topic", "kind"]],
        on=["assignment", "question"],
        how="left",
    )
    order = ["student", "name", "assignment", "question", "title", "topic", "kind"]
    return merged[order + [c for c in merged.columns if c not in order]]


_HEADERS = {
    "student": "学号 (student id)",
    "name": "姓名 (name)",
    "assignment": "作业 (assignment)",
    "submitted": "已提交 (submitted)",
    "timestamp": "提交时间 UTC (submitted at)",
    "seconds_late": "迟交秒数 (seconds late)",
    "on_time": "按时提交 (on time)",
    "score": "得分 (score)",
    "max_score": "满分 (max score)",
    "percent": "得分率 % (percent)",
    "needs_manual_grade": "待人工评分 (needs manual grading)",
    "question": "题目编号 (question id)",
    "title": "题目 (question)",
    "topic": "主题 (topic)",
    "kind": "评分方式 (auto/manual)",
    "auto_score": "自动评分 (auto score)",
    "manual_score": "人工评分 (manual score)",
}


def chinese_headers(table: pd.DataFrame) -> pd.DataFrame:
    """The table with the bilingual column names used in exported files."""
    return table.rename(columns=_HEADERS)


def export_grades(
    course: Course, assignment: str | None = None, *, folder: Path | None = None
) -> list[Path]:
    """Write the grades to ``grades.csv`` and ``grades.xlsx`` in ``reports/``.

    The CSV has one row per student and assignment; the workbook has that sheet
    (成绩 grades) and one with every graded cell (明细 details).

    Returns
    -------
    list of Path
        The files written.

    Raises
    ------
    DataError
        When the gradebook has no student or no assignment (to export: ``assignment``).
    """
    totals = submissions(course, assignment)
    if totals.empty:
        which = f"作业 {assignment}" if assignment else "作业或学员"
        raise DataError(
            f"成绩库 {course.gradebook} 里还没有{which}，没有成绩可导出；"
            "请先导入学员名单并发布作业 "
            f"(nothing to export from {course.gradebook}: no students or assignments)"
        )
    details = cell_grades(course, assignment)
    folder = Path(folder) if folder is not None else course.reports
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    csv_path = folder / "grades.csv"
    chinese_headers(totals).to_csv(csv_path, index=False, encoding="utf-8-sig")
    xlsx_path = folder / "grades.xlsx"
    with pd.ExcelWriter(xlsx_path, engine="openpyxl") as writer:
        chinese_headers(totals).to_excel(writer, sheet_name="成绩 grades", index=False)
        chinese_headers(details).to_excel(writer, sheet_name="明细 details", index=False)
        pd.DataFrame({"导出时间 (exported at)": [stamp]}).to_excel(
            writer, sheet_name="说明 about", index=False
        )
    return [csv_path, xlsx_path]
