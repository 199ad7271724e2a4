"""The training evaluation report (培训效果评估), in Chinese, as HTML with charts and as Excel.

Three questions a training manager asks, answered from the gradebook:

- 参与度 (participation): per assignment, how many were enrolled, submitted, on time;
- 知识掌握 (knowledge mastery): the share of points earned per course topic, over the
  graded cells mapped to it (cells still waiting for manual grading are left out);
- 应用能力 (application): the share of points on the free-text questions graded by hand.

Plus each student's results, the score distribution, the most-missed questions and the
problems found while grading (see :mod:`custseg.grading.checks`). The page and the workbook
are built by :mod:`custseg.report_document`, as the five-step report is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from custseg.errors import DataError
from custseg.grading.checks import issues_frame, load_issues
from custseg.grading.course import Course
from custseg.grading.grades import cell_grades, submissions
from custseg.grading.plots import plot_participation, plot_score_distribution, plot_topic_mastery
from custseg.grading.report_sections import ReportSection, coursework, evaluation_sections
from custseg.report_document import ReportPage, png_data, write_workbook

__all__ = ["TrainingReport", "training_report", "write_report"]


@dataclass
class TrainingReport:
    """The figures of the training evaluation report (English column names).

    ``scores`` holds the percent score of every submission, the data of the histogram.
    """

    participation: pd.DataFrame
    mastery: pd.DataFrame
    application: pd.DataFrame
    students: pd.DataFrame
    distribution: pd.DataFrame
    most_missed: pd.DataFrame
    issues: pd.DataFrame
    scores: pd.Series
    sections: list[ReportSection] = field(default_factory=list)


def _participation(totals: pd.DataFrame) -> pd.DataFrame:
    flags = totals.assign(in_time=totals["submitted"] & totals["on_time"])
    grouped = flags.groupby("assignment", sort=True)
    table = pd.DataFrame(
        {
            "enrolled": grouped["student"].count(),
            "submitted": grouped["submitted"].sum(),
            "on_time": grouped["in_time"].sum(),
        }
    ).reset_index()
    table[["enrolled", "submitted", "on_time"]] = table[
        ["enrolled", "submitted", "on_time"]
    ].astype("int64")
    table["submission_rate"] = table["submitted"] / table["enrolled"].where(table["enrolled"] > 0)
    table["on_time_rate"] = table["on_time"] / table["enrolled"].where(table["enrolled"] > 0)
    return table


def _share(frame: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    grouped = frame.groupby(by, sort=False)
    table = pd.DataFrame(
        {
            "cells": grouped["score"].size(),
            "score": grouped["score"].sum(),
            "max_score": grouped["max_score"].sum(),
        }
    ).reset_index()
    table["mastery"] = table["score"] / table["max_score"].where(table["max_score"] > 0)
    return table


def training_report(course: Course, assignment: str | None = None) -> TrainingReport:
    """Compute the figures of the report for one assignment or for all of them.

    Raises
    ------
    DataError
        When nothing (of ``assignment``) has been graded yet; the message names the gradebook.
    """
    every = submissions(course, assignment)
    grades = cell_grades(course, assignment)
    if grades.empty:
        which = f"作业 {assignment} " if assignment else ""
        raise DataError(
            f"成绩库 {course.gradebook} 里{which}还没有评分过的作业，无法生成报告；"
            "请先运行 custseg-grade autograde <作业编号> "
            f"(nothing graded yet in {course.gradebook}, no report)"
        )
    totals = coursework(every, assignment)
    cells = coursework(grades, assignment)
    graded = cells[~cells["needs_manual_grade"]]
    mastery = _share(graded[graded["kind"] == "auto"], ["topic"])
    application = _share(graded[graded["kind"] == "manual"], ["topic"])
    pending = cells[cells["needs_manual_grade"]].groupby("topic").size()
    application["pending"] = application["topic"].map(pending).fillna(0).astype("int64")
    submitted = totals[totals["submitted"]]
    students = totals.pivot_table(
        index=["student", "name"], columns="assignment", values="score", aggfunc="sum"
    )
    students["total"] = students.sum(axis=1)
    max_total = totals.groupby("assignment")["max_score"].first().sum()
    students["percent"] = 100 * students["total"] / max_total if max_total else float("nan")
    students["rank"] = students["total"].rank(ascending=False, method="min").astype("int64")
    students = students.sort_values(["rank", "total"]).reset_index()
    students.columns.name = None
    bins = list(range(0, 101, 10))
    labels = [f"{low}-{low + 10}" for low in bins[:-1]]
    cut = pd.cut(submitted["percent"], bins=bins, labels=labels, include_lowest=True, right=False)
    cut = cut.where(submitted["percent"] < 100, labels[-1])
    distribution = (
        cut.value_counts().reindex(labels, fill_value=0).rename_axis("band").reset_index()
    )
    distribution.columns = ["band", "students"]
    marked = graded.assign(lost=graded["score"] < graded["max_score"])
    per_question = marked.groupby(["assignment", "question", "title", "topic"], sort=False)
    most_missed = pd.DataFrame(
        {
            "graded": per_question["score"].size(),
            "missed": per_question["lost"].sum().astype("int64"),
            "mean_score": per_question["score"].mean(),
            "max_score": per_question["max_score"].first(),
        }
    ).reset_index()
    most_missed["miss_rate"] = most_missed["missed"] / most_missed["graded"]
    most_missed = most_missed.sort_values(
        ["miss_rate", "mean_score"], ascending=[False, True], kind="stable"
    ).reset_index(drop=True)
    issues = issues_frame(load_issues(course.issues_file))
    if assignment is not None:
        issues = issues[issues["assignment"] == assignment].reset_index(drop=True)
    return TrainingReport(
        participation=_participation(every),
        mastery=mastery,
        application=application,
        students=students,
        distribution=distribution,
        most_missed=most_missed,
        issues=issues,
        scores=submitted["percent"].reset_index(drop=True),
        sections=evaluation_sections(course, assignment),
    )


_LABELS = {
    "assignment": "作业",
    "enrolled": "应交人数",
    "submitted": "已提交",
    "on_time": "按时提交",
    "submission_rate": "提交率",
    "on_time_rate": "按时提交率",
    "topic": "主题",
    "cells": "评分单元格数",
    "score": "得分",
    "max_score": "满分",
    "mastery": "得分率",
    "pending": "待人工评分",
    "student": "学号",
    "name": "姓名",
    "total": "总分",
    "percent": "得分率 (%)",
    "rank": "名次",
    "band": "得分率区间 (%)",
    "students": "人数",
    "question": "题目编号",
    "title": "题目",
    "graded": "已评分人数",
    "missed": "未得满分人数",
    "mean_score": "平均得分",
    "miss_rate": "失分率",
    "kind": "问题类型",
    "cell": "单元格",
    "detail": "详情",
    "message": "说明",
}

_RATES = ("submission_rate", "on_time_rate", "mastery", "miss_rate")


def _summary(report: TrainingReport) -> list[str]:
    part = report.participation
    enrolled, submitted = int(part["enrolled"].sum()), int(part["submitted"].sum())
    on_time = int(part["on_time"].sum())
    lines = [f"参与度：应交 {enrolled} 份，已提交 {submitted} 份，按时提交 {on_time} 份。"]
    if not report.mastery.empty:
        overall = report.mastery["score"].sum() / report.mastery["max_score"].sum()
        weakest = report.mastery.sort_values("mastery").iloc[0]
        lines.append(
            f"知识掌握：自动评分题的总得分率 {overall:.0%}；"
            f"最薄弱的主题是“{weakest['topic']}”（{weakest['mastery']:.0%}）。"
        )
    app = report.application
    if not app.empty and app["max_score"].sum() > 0:
        rate = app["score"].sum() / app["max_score"].sum()
        lines.append(f"应用能力：人工评分的业务题得分率 {rate:.0%}。")
    pending = int(app["pending"].sum()) if not app.empty else 0
    if pending:
        lines.append(f"还有 {pending} 道主观题等待人工评分，评分后请重新生成本报告。")
    if not report.most_missed.empty:
        top = report.most_missed.iloc[0]
        lines.append(
            f"失分最多的题目：{top['title']}（{top['missed']}/{top['graded']} 人未得满分）。"
        )
    for section in report.sections:
        lines.extend(section.summary)
    if not report.issues.empty:
        lines.append(f"评分时发现 {len(report.issues)} 个问题，见文末“评分问题”。")
    return lines


def _html(report: TrainingReport, title: str) -> str:
    charts = {
        "参与情况": png_data(plot_participation(report.participation)),
        "各主题掌握程度": png_data(plot_topic_mastery(report.mastery)),
        "成绩分布": png_data(plot_score_distribution(report.scores)),
    }
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    page = ReportPage(title).paragraph(f"生成时间：{stamp}")
    page.heading("概要").bullets(_summary(report))
    sections = [
        ("一、参与度", report.participation, "参与情况"),
        ("二、知识掌握（按主题）", report.mastery, "各主题掌握程度"),
        ("三、应用能力（人工评分的业务题）", report.application, None),
        ("四、每位学员的成绩", report.students, None),
        ("五、成绩分布", report.distribution, "成绩分布"),
        ("六、失分最多的题目", report.most_missed, None),
        ("七、评分问题", report.issues, None),
    ]
    rates = {column: "{:.0%}" for column in _RATES}
    for heading, table, chart in sections:
        page.heading(heading)
        if chart:
            page.figure(chart, charts[chart], heading=False)
        page.table(table, labels=_LABELS, formats=rates, number_format="{:.1f}")
    for number, section in zip("八九十", report.sections, strict=False):
        section.add_to(page, number)
    return page.html()


def write_report(
    course: Course, assignment: str | None = None, *, folder: Path | None = None
) -> list[Path]:
    """Write ``培训效果评估.html`` and ``培训效果评估.xlsx`` into ``reports/``.

    Returns
    -------
    list of Path
        The two files.
    """
    report = training_report(course, assignment)
    folder = Path(folder) if folder is not None else course.reports
    folder.mkdir(parents=True, exist_ok=True)
    title = "培训效果评估报告" + (f"：{assignment}" if assignment else "")
    html_path = folder / "培训效果评估.html"
    html_path.write_text(_html(report, title), encoding="utf-8")
    xlsx_path = folder / "培训效果评估.xlsx"
    sheets = {
        "参与度": report.participation,
        "知识掌握": report.mastery,
        "应用能力": report.application,
        "学员成绩": report.students,
        "成绩分布": report.distribution,
        "失分题目": report.most_missed,
        "评分问题": report.issues,
    }
    tables = {"概要": pd.DataFrame({"概要": _summary(report)})}
    tables.update({name: table.rename(columns=_LABELS) for name, table in sheets.items()})
    for section in report.sections:
        tables.update(section.tables)
    write_workbook(xlsx_path, {name: [(table, False)] for name, table in tables.items()})
    return [html_path, xlsx_path]
