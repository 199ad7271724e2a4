"""The whole instructor workflow on simulated students, with exact scores and report figures.

Ten enrolled students (class list in GBK): one submits through the exchange folder, six
arrive in a zip (one under a GBK-encoded Chinese file name, one of them late), one sends a
file that is not a notebook, one a wrongly named notebook, one nothing. Expected scores
come from the points in the assignment's text source and what each student got right.
"""

from __future__ import annotations

import shutil
import zipfile

import jupytext
import nbformat
import pandas as pd
import pytest

from custseg.grading.autograde import autograde, autograde_sequential
from custseg.grading.backup import list_backups, restore_gradebook
from custseg.grading.cli import main
from custseg.grading.course import Course
from custseg.grading.feedback import release_feedback
from custseg.grading.gradebook import open_gradebook
from custseg.grading.grades import cell_grades, export_grades, submissions
from custseg.grading.report import training_report, write_report
from tests.grading.conftest import ASSIGNMENT, SOURCE
from tests.grading.students import model_answers, student_notebook

ROSTER = {
    "s01": "张伟",  # all correct, submitted through the exchange folder
    "s02": "李娜",  # blank
    "s03": "刘洋",  # partly wrong
    "s04": "陈静",  # kills the kernel in question 3
    "s05": "杨磊",  # infinite loop in question 2
    "s06": "赵敏",  # edits one test cell, deletes another
    "wangxm": "王小明",  # all correct, zip entry named by Chinese name, late
    "s08": "黄磊",  # not valid notebook JSON
    "s09": "周杰",  # a notebook with the wrong name
    "s10": "吴芳",  # submits nothing
}
TIMEOUT = 10
ON_TIME_UTC = "2026-11-30 02:00:00.000000 UTC"  # 10:00 China time, before DUE


def _points() -> dict[str, float]:
    """Points per graded cell, read straight from the text source with jupytext."""
    notebook = jupytext.read(SOURCE)
    return {
        c.metadata["nbgrader"]["grade_id"]: float(c.metadata["nbgrader"]["points"])
        for c in notebook.cells
        if c.metadata.get("nbgrader", {}).get("grade")
    }


POINTS = _points()
AUTO = ["q1_test", "q2_test", "q3_test", "q4_test", "q5_test"]
RIGHT = {  # the auto-graded cells each student should pass
    "s01": AUTO,
    "s02": [],
    "s03": ["q1_test", "q3_test"],
    "s04": ["q1_test", "q2_test", "q5_test"],  # q5 is checked on the instructor's data
    "s05": ["q1_test", "q3_test", "q4_test", "q5_test"],
    "s06": ["q2_test", "q3_test", "q4_test", "q5_test"],
    "wangxm": AUTO,
    "s08": [],
    "s09": [],
}


def _expected(student: str) -> dict[str, float]:
    return {q: (POINTS[q] if q in RIGHT[student] else 0.0) for q in AUTO}


class _WindowsZipInfo(zipfile.ZipInfo):
    """A member name as Chinese Windows writes it: GBK bytes without the UTF-8 flag."""

    def _encodeFilenameFlags(self):
        return self.filename.encode("cp437"), self.flag_bits


def _zip_member(archive: zipfile.ZipFile, name: str, data: bytes, when, *, gbk=False):
    if gbk:
        info = _WindowsZipInfo(name.encode("gbk").decode("cp437"), date_time=when)
    else:
        info = zipfile.ZipInfo(name, date_time=when)
    archive.writestr(info, data)


def _stamp_inbound(course: Course, student: str, stamp: str) -> None:
    """Give a submission waiting in the exchange the time ``stamp`` instead of the clock's.

    ``nbgrader submit`` stamps a submission with the real time; the test fixes it relative
    to the due date so that the outcome does not depend on the day the tests run.
    """
    inbound = course.exchange / "custseg" / "inbound"
    (folder,) = [f for f in inbound.iterdir() if f.name.startswith(f"{student}+{ASSIGNMENT}+")]
    user, assignment, _, *rest = folder.name.split("+")
    (folder / "timestamp.txt").write_text(stamp)
    folder.rename(inbound / "+".join([user, assignment, stamp, *rest]))


@pytest.fixture(scope="module")
def graded(released_template, tmp_path_factory):
    root = tmp_path_factory.mktemp("e2e") / "grading"
    shutil.copytree(released_template.root, root)
    course = Course(root)
    roster = root.parent / "学员名单.csv"
    lines = ["学号,姓名"] + [f"{s},{n}" for s, n in ROSTER.items()]
    roster.write_bytes("\n".join(lines).encode("gbk"))
    assert main(["--course", str(root), "roster", str(roster)]) == 0

    answers = model_answers(course, ASSIGNMENT)
    notebooks = {
        "s01": student_notebook(course, ASSIGNMENT, answers),
        "s02": student_notebook(course, ASSIGNMENT),
        "s03": student_notebook(
            course,
            ASSIGNMENT,
            answers,
            replace={
                "intro": "# 我改了说明",
                "q2_answer": "n_cancelled = 999",
                "q4_answer": 'revenue_by_country = clean.groupby("country")["amount"].sum()'
                ".sort_values()",
                "q5_answer": "def top_customers(data, n):\n    return []",
            },
        ),
        "s04": student_notebook(
            course, ASSIGNMENT, answers, replace={"q3_answer": "import os\nos._exit(1)"}
        ),
        "s05": student_notebook(
            course, ASSIGNMENT, answers, replace={"q2_answer": "while True:\n    pass"}
        ),
        "s06": student_notebook(
            course,
            ASSIGNMENT,
            answers,
            replace={"q1_answer": "n_missing = 0", "q1_test": "pass"},
            delete=("q2_test",),
        ),
        "wangxm": student_notebook(course, ASSIGNMENT, answers),
    }
    work = root.parent / "student_s01.ipynb"
    nbformat.write(notebooks["s01"], work)
    args = ["--course", str(root)]
    assert main([*args, "submit", ASSIGNMENT, str(work), "--student", "s01"]) == 0
    _stamp_inbound(course, "s01", ON_TIME_UTC)
    assert main([*args, "collect", ASSIGNMENT]) == 0

    on_time, late = (2026, 11, 30, 9, 0, 0), (2026, 12, 2, 9, 0, 0)
    bundle = root.parent / "作业.zip"
    with zipfile.ZipFile(bundle, "w") as archive:
        for student in ("s02", "s03", "s04", "s05", "s06"):
            data = nbformat.writes(notebooks[student]).encode()
            _zip_member(archive, f"{student}/{ASSIGNMENT}.ipynb", data, on_time)
        old = nbformat.writes(student_notebook(course, ASSIGNMENT)).encode()
        _zip_member(archive, "王小明_作业1_初稿.ipynb", old, on_time, gbk=True)
        data = nbformat.writes(notebooks["wangxm"]).encode()
        _zip_member(archive, "王小明_作业1.ipynb", data, late, gbk=True)
        _zip_member(archive, "s08_作业1.ipynb", b'{"cells": [', on_time)
        _zip_member(archive, "陌生人.ipynb", data, on_time)
    assert main([*args, "collect", ASSIGNMENT, "--zip", str(bundle)]) == 0
    folder = course.submission_dir("s09", ASSIGNMENT)
    folder.mkdir(parents=True)
    nbformat.write(notebooks["s01"], folder / "作业1.ipynb")

    run = autograde(course, ASSIGNMENT, timeout=TIMEOUT)
    return course, run


def test_exact_scores(graded):
    course, run = graded
    grades = cell_grades(course, ASSIGNMENT)
    auto = grades[grades["kind"] == "auto"]
    table = auto.pivot_table(index="student", columns="question", values="score")
    assert sorted(table.index) == sorted(RIGHT)
    for student in RIGHT:
        assert table.loc[student].to_dict() == _expected(student), student
    answered = {"s01", "s03", "s04", "s05", "s06", "wangxm"}
    for question in ("q6_answer", "q7_answer"):
        manual = grades[grades["question"] == question].set_index("student")
        assert set(manual.index[manual["needs_manual_grade"]]) == answered
        assert (manual["score"] == 0).all()
    assert sorted(run.failed) == ["s08", "s09"]


def test_problems_get_a_clear_line(graded):
    course, run = graded
    found = {(i.student, i.kind, i.cell) for i in run.issues}
    assert found == {
        ("s03", "edited_locked_cell", "intro"),
        ("s04", "kernel_died", "q3_answer"),
        ("s05", "timeout", "q2_answer"),
        ("s06", "edited_locked_cell", "q1_test"),
        ("s06", "deleted_locked_cell", "q2_test"),
        ("s08", "invalid_notebook", ""),
        ("s09", "missing_notebook", ""),
    }
    missing = next(i for i in run.issues if i.kind == "missing_notebook")
    assert "作业1.ipynb" in missing.message


def test_released_and_graded_notebooks(graded):
    course, _ = graded
    # the tampered test cell was graded in its original form, hidden tests included
    notebook = nbformat.read(course.notebook_path("autograded", ASSIGNMENT, "s06"), 4)
    sources = {c.metadata.get("nbgrader", {}).get("grade_id"): c.source for c in notebook.cells}
    source = nbformat.read(course.notebook_path("source", ASSIGNMENT), 4)
    original = {c.metadata.get("nbgrader", {}).get("grade_id"): c.source for c in source.cells}
    assert sources["q1_test"] == original["q1_test"]
    assert original["q2_test"] in sources["q2_test"]


def test_training_report_figures(graded):
    course, _ = graded
    report = training_report(course, ASSIGNMENT)
    participation = report.participation.iloc[0]
    assert (participation["enrolled"], participation["submitted"], participation["on_time"]) == (
        10,
        9,
        8,
    )
    for row in report.mastery.itertuples():
        question = next(q for q in AUTO if row.topic in _topics()[q])
        earned = sum(_expected(s)[question] for s in RIGHT)
        assert row.score == earned
        assert row.max_score == POINTS[question] * len(RIGHT)
    assert len(report.mastery) == len(AUTO)
    miss = {q: sum(_expected(s)[q] < POINTS[q] for s in RIGHT) for q in AUTO}
    worst = report.most_missed[report.most_missed["question"].isin(AUTO)].iloc[0]
    assert worst["missed"] == max(miss.values())
    assert miss[worst["question"]] == max(miss.values())
    totals = {s: sum(_expected(s).values()) for s in RIGHT}
    students = report.students.set_index("student")
    assert students.loc["wangxm", "name"] == "王小明"
    assert students.loc["s10", "total"] == 0
    assert {s: students.loc[s, "total"] for s in RIGHT} == totals
    bands = report.distribution.set_index("band")["students"]
    assert bands.sum() == 9
    html, xlsx = write_report(course, ASSIGNMENT)
    text = html.read_text(encoding="utf-8")
    assert "培训效果评估" in text and "王小明" in text and text.count("data:image/png") == 3
    sheets = pd.read_excel(xlsx, sheet_name=None)
    assert {"参与度", "知识掌握", "学员成绩", "成绩分布", "失分题目", "评分问题"} <= set(sheets)
    assert len(sheets["评分问题"]) == 7


def _topics() -> dict[str, str]:
    notebook = jupytext.read(SOURCE)
    return {
        c.metadata["nbgrader"]["grade_id"]: c.metadata.get("topic", "")
        for c in notebook.cells
        if c.metadata.get("nbgrader", {}).get("grade")
    }


def test_export_csv_and_excel(graded):
    course, _ = graded
    csv_path, xlsx_path = export_grades(course)
    table = pd.read_csv(csv_path, encoding="utf-8-sig")
    assert len(table) == len(ROSTER)
    by_id = table.set_index("学号 (student id)")
    assert by_id.loc["wangxm", "姓名 (name)"] == "王小明"
    assert by_id.loc["wangxm", "按时提交 (on time)"] == False  # noqa: E712
    assert by_id.loc["s03", "得分 (score)"] == sum(_expected("s03").values())
    details = pd.read_excel(xlsx_path, sheet_name="明细 details")
    assert len(details) == len(RIGHT) * len(POINTS)


def test_export_and_report_commands(graded, capsys):
    course, _ = graded
    assert main(["--course", str(course.root), "export", ASSIGNMENT]) == 0
    assert main(["--course", str(course.root), "report"]) == 0
    printed = capsys.readouterr().out
    for name in ("grades.csv", "grades.xlsx", "培训效果评估.html", "培训效果评估.xlsx"):
        assert name in printed and (course.reports / name).is_file()


def test_feedback_pages(graded):
    course, run = graded
    pages = release_feedback(course, ASSIGNMENT)
    assert sorted(p.parts[-3] for p in pages) == sorted(run.graded)
    outbound = course.exchange / "custseg" / "feedback"
    assert len(list(outbound.glob("*.html"))) == len(run.graded)


def test_regrading_keeps_grades_and_backups_restore(graded):
    course, _ = graded
    with open_gradebook(course) as gradebook:
        grade = gradebook.find_grade("q6_answer", ASSIGNMENT, ASSIGNMENT, "s01")
        grade.manual_score = 2.0
        gradebook.db.commit()
    before = submissions(course, ASSIGNMENT).set_index("student")["score"]
    backups = len(list_backups(course))
    run = autograde(course, ASSIGNMENT, students=["s01"], timeout=TIMEOUT, workers=1)
    assert run.backup is not None and len(list_backups(course)) == backups + 1
    after = submissions(course, ASSIGNMENT).set_index("student")["score"]
    assert after.to_dict() == before.to_dict()
    assert after["s01"] == sum(_expected("s01").values()) + 2.0
    # an accident after the run: s01's manual grade is lost ...
    with open_gradebook(course) as gradebook:
        gradebook.find_grade("q6_answer", ASSIGNMENT, ASSIGNMENT, "s01").manual_score = None
        gradebook.db.commit()
    assert submissions(course, ASSIGNMENT).set_index("student")["score"]["s01"] < after["s01"]
    # ... and the backup made before the run brings it back
    restore_gradebook(course, run.backup)
    assert (
        submissions(course, ASSIGNMENT).set_index("student")["score"].to_dict() == after.to_dict()
    )


def test_plain_nbgrader_differs_only_where_checks_run_outside(graded, tmp_path):
    """Plain ``nbgrader autograde`` knows only the visible checks, run in the learner's kernel.

    It gives s03 the points for a wrong ``n_cancelled = 999`` (an integer passes the visible
    check) and takes s04's points for a correct ``top_customers`` because the kernel lost
    ``clean`` earlier; every other cell scores the same in both.
    """
    course, _ = graded
    copy_root = tmp_path / "grading"
    shutil.copytree(course.root, copy_root, ignore=shutil.ignore_patterns("autograded"))
    copy = Course(copy_root)
    keep = {"s03", "s04", "s06", "s08"}
    for folder in (copy_root / "submitted").iterdir():
        if folder.name not in keep:
            shutil.rmtree(folder)
    autograde_sequential(copy, ASSIGNMENT, timeout=TIMEOUT)
    columns = ["student", "question", "auto_score"]
    plain = cell_grades(copy, ASSIGNMENT)
    outside = cell_grades(course, ASSIGNMENT)
    plain = plain[plain["student"].isin(keep)][columns].set_index(columns[:2])["auto_score"]
    outside = outside[outside["student"].isin(keep)][columns].set_index(columns[:2])["auto_score"]
    outside = outside.reindex(plain.index)
    differ = plain[~((plain == outside) | (plain.isna() & outside.isna()))]
    assert differ.to_dict() == {("s03", "q2_test"): 2.0, ("s04", "q5_test"): 0.0}
    assert outside[("s03", "q2_test")] == 0.0 and outside[("s04", "q5_test")] == 2.0
