"""The learning-gain and satisfaction sections of the training evaluation report.

:func:`evaluation_sections` turns :mod:`custseg.grading.gain` and
:mod:`custseg.grading.survey` into report sections with Chinese headers: a heading, lines
for the summary, an explanation, and tables (one Excel sheet each, named by the table).
A section appears once its assignments have been graded.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from custseg.grading.course import Course
from custseg.grading.gain import POST_QUIZ, PRE_QUIZ, LearningGain, course_gain
from custseg.grading.survey import SCALE, SURVEY, SurveySummary, survey_summary
from custseg.report_document import ReportPage

__all__ = ["ReportSection", "coursework", "evaluation_sections", "gain_section", "survey_section"]

_PERCENT = "(%)"


@dataclass
class ReportSection:
    """A report section: ``tables`` maps a sheet name (≤ 31 characters) to its table."""

    heading: str
    summary: list[str]
    note: str
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)

    def add_to(self, page: ReportPage, number: str) -> ReportPage:
        """Add the section to ``page`` under the heading ``number、heading``.

        Floats show two decimals, one in a percent column ("(%)" in its name).
        """
        page.heading(f"{number}、{self.heading}").paragraph(self.note)
        for name, table in self.tables.items():
            formats = {
                column: "{:.1f}"
                for column in table.columns
                if _PERCENT in column and pd.api.types.is_float_dtype(table[column])
            }
            page.heading(name, level=3).table(table, formats=formats, number_format="{:.2f}")
        return page


def _fmt(value: float, digits: int = 1) -> str:
    return "—" if pd.isna(value) else f"{value:.{digits}f}"


def gain_section(gain: LearningGain) -> ReportSection:
    """The learning gain: summary, per topic and per learner."""
    s = gain.summary
    summary = pd.DataFrame(
        {
            "指标": [
                "前后测都参加的人数",
                "平均前测得分率 (%)",
                "平均后测得分率 (%)",
                "班级标准化增益 ⟨g⟩（平均分的增益）",
                "个人增益的平均值（参考）",
                "有个人增益的人数",
                "前测满分的人数",
            ],
            "数值": [
                str(s["learners"]),
                _fmt(s["pre_percent"]),
                _fmt(s["post_percent"]),
                _fmt(s["class_gain"], 2),
                _fmt(s["mean_gain"], 2),
                str(s["gain_learners"]),
                str(s["pre_full"]),
            ],
        }
    )
    topics = gain.topics.rename(
        columns={
            "topic": "主题",
            "learners": "人数",
            "pre_percent": "前测得分率 (%)",
            "post_percent": "后测得分率 (%)",
            "gain": "标准化增益 g",
        }
    ).round({"前测得分率 (%)": 1, "后测得分率 (%)": 1, "标准化增益 g": 3})
    learners = gain.learners.rename(
        columns={
            "student": "学号",
            "name": "姓名",
            "pre_percent": "前测得分率 (%)",
            "post_percent": "后测得分率 (%)",
            "gain": "标准化增益 g",
            "note": "说明",
        }
    ).round({"前测得分率 (%)": 1, "后测得分率 (%)": 1, "标准化增益 g": 3})
    line = (
        f"学习增益：{s['learners']} 位学员参加了前测和后测，平均得分率从 {_fmt(s['pre_percent'])}% "
        f"提高到 {_fmt(s['post_percent'])}%，班级标准化增益 ⟨g⟩ = {_fmt(s['class_gain'], 2)}。"
    )
    if not gain.topics.empty and gain.topics["gain"].notna().any():
        low = gain.topics.loc[gain.topics["gain"].idxmin()]
        line += f"增益最低的主题是“{low['topic']}”（g = {_fmt(low['gain'], 2)}）。"
    note = (
        "前测（课前测验）和后测（课后测验）是题型相同的两份测验，每道题标注了课程主题。"
        "标准化增益 g = (后测 − 前测) ÷ (100 − 前测)：学员把课前还不会的部分学会了多少，1 表示全部学会，"
        "0 表示没有变化，负数表示后测反而更低。前测满分的学员没有可以提高的空间，不计算个人增益。"
        "班级增益 ⟨g⟩ 用前后测都参加的学员的平均得分率计算（Hake 的定义），各主题同样如此；"
        "个人增益的平均值只供参考。只参加了一次测验的学员列在下表中，不计入班级数字。"
    )
    return ReportSection(
        "学习增益（前测与后测）",
        [line],
        note,
        {"增益概要": summary, "各主题的增益": topics, "每位学员的增益": learners},
    )


def survey_section(result: SurveySummary) -> ReportSection:
    """The satisfaction survey: mean, n and distribution per item, and the comments."""
    items = result.items.drop(columns="question").rename(
        columns={
            "title": "题目",
            "n": "回答人数",
            "mean": "平均分",
            **{f"score_{s}": f"{s} 分" for s in SCALE},
        }
    )
    items["平均分"] = items["平均分"].round(2)
    comments = pd.DataFrame({"意见与建议": result.comments})
    line = f"满意度调查：{result.respondents} 人提交。"
    rated = result.items.dropna(subset=["mean"])
    if not rated.empty:
        overall = rated.iloc[0]
        line += f"“{overall['title']}”平均 {overall['mean']:.2f} 分（{overall['n']} 人回答，满分 5 分）。"
    note = (
        "1 = 非常不同意，5 = 非常同意。每道题只统计填了 1 到 5 的整数的回答，所以各题的回答人数可能不同；"
        "不列出谁打了几分，意见原文不带姓名、按文字排序。"
    )
    return ReportSection("满意度调查", [line], note, {"满意度": items, "意见与建议": comments})


def evaluation_sections(course: Course, assignment: str | None = None) -> list[ReportSection]:
    """The gain and survey sections that apply to a report of ``assignment`` (None: all)."""
    sections = []
    if assignment in (None, PRE_QUIZ, POST_QUIZ):
        gain = course_gain(course)
        if gain is not None:
            sections.append(gain_section(gain))
    if assignment in (None, SURVEY):
        result = survey_summary(course)
        if result is not None:
            sections.append(survey_section(result))
    return sections


def coursework(table: pd.DataFrame, assignment: str | None = None) -> pd.DataFrame:
    """The rows of a grades table that count as coursework in the report's other sections.

    The survey scores no points and has its own section; in a report of the whole course the
    pre-course quiz (taken before any teaching) counts neither towards knowledge mastery nor
    towards a learner's total. Participation still counts both. Cells worth no points (the
    quizzes' open questions) are never waiting for a grade.
    """
    if table.empty or "assignment" not in table:
        return table
    left_out = {SURVEY} | ({PRE_QUIZ} if assignment is None else set())
    kept = ~table["assignment"].isin(left_out)
    if "question" in table:  # a cell worth no points (an open question) measures nothing
        kept &= table["max_score"] > 0
    return table[kept].reset_index(drop=True)
