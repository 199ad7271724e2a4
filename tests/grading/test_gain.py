"""Learning gain and satisfaction on a simulated class of ten, with figures worked out by hand.

The quiz scores are written straight into a real gradebook (the path the grader itself
uses, :func:`record_scores`), so the figures are exact; the survey is graded for real
from simulated notebooks, so its values are read from the graded notebooks.

Each quiz has 15 one-point questions in course order (q1 为什么分类, q2 维度, q3-q4 RFM, q5
ABC, q6 CLV, q7 生命周期, q8 聚类, q9 案例, q10 经销商, q11-q12 促销, q13 隐私, q14 趋势,
q15 五步法). Before the course a learner knows the first ``k`` questions; after it the first
``m`` of the order q1, q3, q5, ..., q15, q2, q4, ..., q14.
"""

from __future__ import annotations

import math
import shutil

import nbformat
import pandas as pd
import pytest

from custseg.grading.autograde import autograde
from custseg.grading.build import generate
from custseg.grading.gain import POST_QUIZ, PRE_QUIZ, course_gain
from custseg.grading.gradebook import open_gradebook, record_scores
from custseg.grading.questions import questions
from custseg.grading.report import training_report, write_report
from custseg.grading.survey import SURVEY, survey_summary
from tests.grading.conftest import GRADING
from tests.grading.students import model_answers, student_notebook

NAMES = {
    "s01": ("伟", "张"), "s02": ("娜", "李"), "s03": ("洋", "刘"), "s04": ("静", "陈"),
    "s05": ("磊", "杨"), "s06": ("敏", "赵"), "s07": ("小明", "王"), "s08": ("磊", "黄"),
    "s09": ("杰", "周"), "s10": ("芳", "吴"),
}  # fmt: skip
PRE_KNOWN = {
    "s01": 3,
    "s02": 6,
    "s03": 0,
    "s04": 9,
    "s05": 6,
    "s06": 9,
    "s07": 15,
    "s08": 3,
    "s09": 6,
}
POST_KNOWN = {
    "s01": 12,
    "s02": 12,
    "s03": 9,
    "s04": 15,
    "s05": 6,
    "s06": 6,
    "s07": 15,
    "s08": 9,
    "s10": 12,
}
POST_ORDER = [1, 3, 5, 7, 9, 11, 13, 15, 2, 4, 6, 8, 10, 12, 14]

# pre % = k/15, post % = m/15, g = (post - pre) / (100 - pre)
LEARNERS = {
    "s01": (20.0, 80.0, 0.75),  # 60 / 80
    "s02": (40.0, 80.0, 2 / 3),  # 40 / 60
    "s03": (0.0, 60.0, 0.6),  # 60 / 100
    "s04": (60.0, 100.0, 1.0),  # 40 / 40
    "s05": (40.0, 40.0, 0.0),
    "s06": (60.0, 40.0, -0.5),  # -20 / 40
    "s07": (100.0, 100.0, math.nan),  # full marks before: no gain
    "s08": (20.0, 60.0, 0.5),  # 40 / 80
    "s09": (40.0, math.nan, math.nan),  # no post-quiz
    "s10": (math.nan, 80.0, math.nan),  # no pre-quiz
}
# Over the 8 learners with both: question q right before for #{k >= q}: q1-3 7, q4-6 5,
# q7-9 3, q10-15 1; after for #{m >= position of q}: q1,3,5,7,9,11 8; q13,15,2 6;
# q4,6,8 4; q10,12,14 2. Topic % = right / (8 x questions).
TOPICS = {
    "为什么分类 (why segment)": (87.5, 100.0, 1.0),  # 7/8, 8/8
    "分类维度 (dimensions)": (87.5, 75.0, -1.0),  # 7/8, 6/8: -12.5 / 12.5
    "RFM (RFM)": (75.0, 75.0, 0.0),  # (7+5)/16, (8+4)/16
    "ABC 与价值分层 (ABC and value tiers)": (62.5, 100.0, 1.0),
    "CLV 与客户选择 (CLV and selection)": (62.5, 50.0, -1 / 3),  # -12.5 / 37.5
    "生命周期与同期群 (lifecycle and cohorts)": (37.5, 100.0, 1.0),
    "聚类 (clustering)": (37.5, 50.0, 0.2),  # 12.5 / 62.5
    "案例 (cases)": (37.5, 100.0, 1.0),
    "经销商 (distributors)": (12.5, 25.0, 1 / 7),  # 12.5 / 87.5
    "促销与实验 (promotion and experiments)": (12.5, 62.5, 4 / 7),  # 2/16, 10/16
    "信息分类与隐私 (information and privacy)": (12.5, 75.0, 5 / 7),
    "趋势 (trends)": (12.5, 25.0, 1 / 7),
    "五步法 (five-step process)": (12.5, 75.0, 5 / 7),
}
# Class (8 learners): pre 340/8 = 42.5 %, post 560/8 = 70 %, <g> = 27.5 / 57.5 = 11/23;
# mean of the 7 defined gains = (3/4 + 2/3 + 3/5 + 1 + 0 - 1/2 + 1/2) / 7 = 181/420.

# overall, useful, pace, trainer, practice, will_apply, recommend; None: left blank
SURVEY_ANSWERS = {
    "s01": [5, 5, 4, 5, 5, 5, 5],
    "s02": [4, 4, 3, 4, 4, 4, 4],
    "s03": [4, 5, '"3"', 4, 5, 4, 5],
    "s04": [5, 4, 4, 5, 4, 5, '"５"'],
    "s05": [3, 3, 2, 3, 3, 3, 3],
    "s06": [2, 3, 2, 3, 2, 3, 2],
    "s07": [5, 5, 5, 5, 5, 4, 5],
    "s08": [4, 4, '"很好"', 4, 4, 4, 4],
    "s09": [4, None, 3, 4, 4, 4, 6],
}
# item: (n, mean, counts of 1..5)
SURVEY_FIGURES = {
    "overall": (9, 36 / 9, [0, 1, 1, 4, 3]),
    "useful": (8, 33 / 8, [0, 0, 2, 3, 3]),
    "pace": (8, 26 / 8, [0, 2, 3, 2, 1]),  # "很好" is no rating
    "trainer": (9, 37 / 9, [0, 0, 2, 4, 3]),
    "practice": (9, 36 / 9, [0, 1, 1, 4, 3]),
    "will_apply": (9, 36 / 9, [0, 0, 2, 5, 2]),
    "recommend": (8, 33 / 8, [0, 1, 1, 2, 4]),  # 6 is out of the scale
}
COMMENTS = {
    "s01": "小部件最有帮助。",
    "s02": '=HYPERLINK("http://example.com")',
    "s05": "节奏太快。",
}


def _scores(course, assignment: str, right: list[int]) -> dict[str, float]:
    table = questions(course, assignment)
    auto = table[table["kind"] == "auto"]["question"].tolist()
    assert auto == [f"q{i}_test" for i in range(1, 16)]
    return {f"q{i}_test": (1.0 if i in right else 0.0) for i in range(1, 16)}


@pytest.fixture(scope="module")
def course(tmp_path_factory, empty_gradebook):
    from custseg.grading.course import Course

    root = tmp_path_factory.mktemp("gain") / "grading"
    root.mkdir()
    shutil.copy(GRADING / "nbgrader_config.py", root)
    shutil.copytree(GRADING / "assignments", root / "assignments")
    course = Course(root)
    shutil.copy(empty_gradebook, course.gradebook)
    for assignment in (PRE_QUIZ, POST_QUIZ, SURVEY):
        generate(course, assignment)
    with open_gradebook(course) as gradebook:
        for student, (first, last) in NAMES.items():
            gradebook.update_or_create_student(student, first_name=first, last_name=last)
    for student, k in PRE_KNOWN.items():
        record_scores(course, PRE_QUIZ, student, _scores(course, PRE_QUIZ, list(range(1, k + 1))))
    for student, m in POST_KNOWN.items():
        scores = _scores(course, POST_QUIZ, POST_ORDER[:m])
        scores["q16_answer"] = None  # the open question, answered: worth no points
        record_scores(course, POST_QUIZ, student, scores)
    variables = ["overall", "useful", "pace", "trainer", "practice", "will_apply", "recommend"]
    comment_cell = "s8_answer"
    for student, values in SURVEY_ANSWERS.items():
        answers = {
            f"s{i}_answer": f"{name} = {value}"
            for i, (name, value) in enumerate(zip(variables, values, strict=True), 1)
            if value is not None
        }
        if student in COMMENTS:
            answers[comment_cell] = COMMENTS[student]
        notebook = student_notebook(course, SURVEY, answers)
        folder = course.submission_dir(student, SURVEY)
        folder.mkdir(parents=True)
        nbformat.write(notebook, folder / f"{SURVEY}.ipynb")
    run = autograde(course, SURVEY, timeout=30, sandbox=False)
    assert sorted(run.graded) == sorted(SURVEY_ANSWERS)
    return course


def test_model_survey_answers_are_the_scale(course):
    answers = model_answers(course, SURVEY)
    assert all(" = " in answers[f"s{i}_answer"] for i in range(1, 8))


def test_gain_per_learner(course):
    gain = course_gain(course)
    table = gain.learners.set_index("student")
    assert sorted(table.index) == sorted(LEARNERS)
    assert table.loc["s07", "name"] == "王小明"
    for student, (pre, post, g) in LEARNERS.items():
        row = table.loc[student]
        for got, want in ((row["pre_percent"], pre), (row["post_percent"], post), (row["gain"], g)):
            assert (math.isnan(got) and math.isnan(want)) or got == pytest.approx(want), student
    assert table.loc["s07", "note"] == "前测满分，无法计算增益"
    assert table.loc["s09", "note"] == "未参加后测" and table.loc["s10", "note"] == "未参加前测"


def test_gain_per_topic_and_class(course):
    gain = course_gain(course)
    topics = gain.topics.set_index("topic")
    assert list(topics.index) == list(TOPICS)
    for topic, (pre, post, g) in TOPICS.items():
        assert topics.loc[topic, "pre_percent"] == pytest.approx(pre), topic
        assert topics.loc[topic, "post_percent"] == pytest.approx(post), topic
        assert topics.loc[topic, "gain"] == pytest.approx(g), topic
    assert (topics["learners"] == 8).all()
    s = gain.summary
    assert (s["learners"], s["gain_learners"], s["pre_full"]) == (8, 7, 1)
    assert s["pre_percent"] == pytest.approx(42.5) and s["post_percent"] == pytest.approx(70.0)
    assert s["class_gain"] == pytest.approx(11 / 23)
    assert s["mean_gain"] == pytest.approx(181 / 420)


def test_survey_summary(course):
    result = survey_summary(course)
    assert result.respondents == 9
    items = result.items.assign(variable=list(SURVEY_FIGURES)).set_index("variable")
    for name, (n, mean, counts) in SURVEY_FIGURES.items():
        row = items.loc[name]
        assert row["n"] == n, name
        assert row["mean"] == pytest.approx(mean), name
        assert [row[f"score_{s}"] for s in range(1, 6)] == counts, name
    assert items.loc["overall", "title"] == "1. 总的来说，我对这次培训满意"
    assert result.comments == sorted(
        [' =HYPERLINK("http://example.com")', "小部件最有帮助。", "节奏太快。"]
    )


def test_report_shows_gain_and_survey(course):
    report = training_report(course)
    # the pre-quiz and the survey count for participation only
    assert set(report.participation["assignment"]) == {PRE_QUIZ, POST_QUIZ, SURVEY}
    assert set(report.mastery["topic"]) == set(TOPICS)
    post_only = report.mastery.set_index("topic").loc["分类维度 (dimensions)"]
    assert (post_only["score"], post_only["max_score"]) == (6 + 1, 9)  # 8 matched + s10
    assert "满意度" not in " ".join(report.mastery["topic"])
    assert report.application.empty  # the open questions score nothing and wait for no one
    html_path, xlsx_path = write_report(course)
    text = html_path.read_text(encoding="utf-8")
    for words in ("学习增益（前测与后测）", "各主题的增益", "每位学员的增益", "满意度调查",
                  "0.48", "0.43", "王小明", "节奏太快"):  # fmt: skip
        assert words in text, words
    assert "HYPERLINK" in text and "<script" not in text
    sheets = pd.read_excel(xlsx_path, sheet_name=None)
    assert {"增益概要", "各主题的增益", "每位学员的增益", "满意度", "意见与建议"} <= set(sheets)
    topics = sheets["各主题的增益"].set_index("主题")
    assert topics.loc["聚类 (clustering)", "标准化增益 g"] == pytest.approx(0.2)
    assert topics.loc["促销与实验 (promotion and experiments)", "后测得分率 (%)"] == 62.5
    learners = sheets["每位学员的增益"].set_index("学号")
    assert learners.loc["s01", "标准化增益 g"] == 0.75 and pd.isna(
        learners.loc["s07", "标准化增益 g"]
    )
    survey = sheets["满意度"].set_index("题目")
    assert survey.loc["3. 课程的难度和节奏合适", "回答人数"] == 8
    assert survey.loc["3. 课程的难度和节奏合适", "平均分"] == 3.25
    assert sheets["意见与建议"]["意见与建议"].str.startswith(" =").sum() == 1
    summary = sheets["概要"]["概要"].str.cat(sep="\n")
    assert "班级标准化增益 ⟨g⟩ = 0.48" in summary and "满意度调查：9 人提交" in summary


def test_no_gain_section_before_both_quizzes(course, tmp_path):
    from custseg.grading.course import Course

    root = tmp_path / "grading"
    shutil.copytree(course.root, root)
    copy = Course(root)
    with open_gradebook(copy) as gradebook:
        gradebook.remove_assignment(POST_QUIZ)
    assert course_gain(copy) is None
    report = training_report(copy)
    assert [s.heading for s in report.sections] == ["满意度调查"]
    report = training_report(copy, SURVEY)
    assert report.students.empty or report.students["total"].eq(0).all()
