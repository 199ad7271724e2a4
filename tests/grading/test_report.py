"""The training evaluation report, built by the shared report builder: every section, table
and chart, and a workbook whose cells are what the report's tables hold.

Scores are written straight into a real gradebook (the path the grader itself uses,
:func:`record_scores`): before the course student ``s`` knows the first ``PRE[s]`` of the 15
quiz questions, after it the first ``POST[s]``.
"""

from __future__ import annotations

import shutil
from html.parser import HTMLParser

import openpyxl
import pandas as pd
import pytest

from custseg.grading.build import generate
from custseg.grading.gain import POST_QUIZ, PRE_QUIZ
from custseg.grading.gradebook import open_gradebook, record_scores
from custseg.grading.questions import questions
from custseg.grading.report import training_report, write_report
from tests.grading.conftest import GRADING

NAMES = {"s01": ("伟", "张"), "s02": ("娜", "李"), "s03": (None, "=1+2"), "s04": ("<b>静", "陈")}
PRE = {"s01": 3, "s02": 6, "s03": 0}  # s04 misses the pre-course quiz
POST = {"s01": 12, "s02": 9, "s03": 15, "s04": 6}
HEADINGS = [
    "概要",
    "一、参与度",
    "二、知识掌握（按主题）",
    "三、应用能力（人工评分的业务题）",
    "四、每位学员的成绩",
    "五、成绩分布",
    "六、失分最多的题目",
    "七、评分问题",
    "八、学习增益（前测与后测）",
]
CHARTS = ["参与情况", "各主题掌握程度", "成绩分布"]


@pytest.fixture(scope="module")
def course(tmp_path_factory, empty_gradebook):
    from custseg.grading.course import Course

    root = tmp_path_factory.mktemp("report") / "grading"
    root.mkdir()
    shutil.copy(GRADING / "nbgrader_config.py", root)
    shutil.copytree(GRADING / "assignments", root / "assignments")
    course = Course(root)
    shutil.copy(empty_gradebook, course.gradebook)
    for assignment in (PRE_QUIZ, POST_QUIZ):
        generate(course, assignment)
    with open_gradebook(course) as gradebook:
        for student, (first, last) in NAMES.items():
            gradebook.update_or_create_student(student, first_name=first, last_name=last)
    for assignment, known in ((PRE_QUIZ, PRE), (POST_QUIZ, POST)):
        table = questions(course, assignment)
        auto = table[table["kind"] == "auto"]["question"].tolist()
        for student, k in known.items():
            scores = {q: 1.0 if i < k else 0.0 for i, q in enumerate(auto)}
            record_scores(course, assignment, student, scores)
    return course


class _Reader(HTMLParser):
    """Headings, chart alt texts and tables (rows of cell texts) of a page, in order."""

    def __init__(self):
        super().__init__()
        self.h2, self.images, self.tables, self.cell = [], [], [], None

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.images.append(dict(attrs)["alt"])
        elif tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("th", "td", "h2"):
            self.cell = ""

    def handle_endtag(self, tag):
        if tag in ("th", "td"):
            self.tables[-1][-1].append(self.cell)
        elif tag == "h2":
            self.h2.append(self.cell)

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def test_every_section_table_and_chart(course, tmp_path):
    report = training_report(course)
    html_path, _ = write_report(course, folder=tmp_path)
    text = html_path.read_text(encoding="utf-8")
    page = _Reader()
    page.feed(text)
    assert page.h2 == HEADINGS
    assert page.images == CHARTS and text.count("data:image/png;base64,") == 3
    # the seven tables of the sections one to seven (one is empty) and the gain tables
    assert "<p>（无）</p>" in text and report.application.empty
    participation, mastery, students = page.tables[0], page.tables[1], page.tables[2]
    assert (
        participation[0]
        == ["", "作业", "应交人数", "已提交", "按时提交", "提交率", "按时提交率"][1:]
    )
    rows = {row[0]: row[1:] for row in participation[1:]}
    assert rows == {
        POST_QUIZ: ["4", "4", "4", "100%", "100%"],
        PRE_QUIZ: ["4", "3", "3", "75%", "75%"],
    }
    assert mastery[0] == ["主题", "评分单元格数", "得分", "满分", "得分率"]
    assert len(mastery) - 1 == len(report.mastery)
    # the course's students: only the post-course quiz counts, 15 points
    assert students[0] == ["学号", "姓名", POST_QUIZ, "总分", "得分率 (%)", "名次"]
    by_id = {row[0]: row for row in students[1:]}
    assert by_id["s03"][1:] == ["=1+2", "15.0", "15.0", "100.0", "1"]
    assert by_id["s04"][1:4] == ["陈<b>静", "6.0", "6.0"]
    assert "陈&lt;b&gt;静" in text and "<b>静" not in text
    gain = page.tables[-3]
    assert gain[0] == ["指标", "数值"] and gain[1] == ["前后测都参加的人数", "3"]


def test_the_workbook_holds_the_report_tables(course, tmp_path):
    report = training_report(course)
    _, xlsx_path = write_report(course, folder=tmp_path)
    sheets = pd.read_excel(xlsx_path, sheet_name=None)
    assert list(sheets) == [
        "概要", "参与度", "知识掌握", "应用能力", "学员成绩", "成绩分布", "失分题目", "评分问题",
        "增益概要", "各主题的增益", "每位学员的增益",
    ]  # fmt: skip
    assert sheets["概要"]["概要"].iloc[0] == "参与度：应交 8 份，已提交 7 份，按时提交 7 份。"
    mastery = sheets["知识掌握"]
    assert list(mastery.columns) == ["主题", "评分单元格数", "得分", "满分", "得分率"]
    assert mastery["得分率"].tolist() == pytest.approx(report.mastery["mastery"].tolist())
    students = sheets["学员成绩"].set_index("学号")
    assert students.loc["s03", "总分"] == 15 and students.loc["s01", "总分"] == POST["s01"]
    book = openpyxl.load_workbook(xlsx_path)
    names = {row[0].value: row[1] for row in book["学员成绩"].iter_rows(min_row=2)}
    assert (names["s03"].value, names["s03"].data_type) == ("=1+2", "s")  # never a formula
    assert all(cell.font.b for cell in book["参与度"][1])
