"""Rubrics of the written questions, shown to the grader in Formgrader beside each answer.

Each assignment's hand-graded questions have their rubric in ``rubrics/<assignment>.md``
(criteria with points, and a full, a partial and a zero example). A file holds one section
per question, each starting at a heading that names the question (``第 6 题``); a file for
one question is one such section.

:class:`ShowRubrics` is an nbconvert preprocessor for the course's ``nbgrader_config.py``
(``c.HTMLExporter.preprocessors``). When Formgrader shows a submission, it puts the rubric
of each written question in a cell right under the learner's answer. The rubric never enters
a notebook: learners' releases, graded notebooks and feedback pages do not hold it (the
preprocessor acts only on Formgrader's pages, which carry a ``submission_id``).
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
from nbconvert.preprocessors import Preprocessor

__all__ = ["RUBRIC_MARK", "ShowRubrics", "question_number", "rubric_sections"]

RUBRIC_MARK = "📋 评分细则（只有老师在 Formgrader 中看得到）"
"""The first line of a rubric cell in Formgrader."""

_QUESTION = re.compile(r"第\s*(\d+)\s*题")
_SECTION = re.compile(r"^#+[^\n]*?第\s*(\d+)\s*题[^\n]*$", re.MULTILINE)


def rubric_sections(text: str) -> dict[int, str]:
    """The rubric of each question in a rubric file: question number → its section.

    A section runs from a heading naming the question (``第 7 题``) to the next such heading
    or the end of the file.

    Examples
    --------
    >>> text = "# 评分细则\\n\\n## 第 7 题 清洗（1 分）\\n\\n甲\\n\\n## 第 8 题 总结（2 分）\\n\\n乙\\n"
    >>> rubric_sections(text)
    {7: '## 第 7 题 清洗（1 分）\\n\\n甲', 8: '## 第 8 题 总结（2 分）\\n\\n乙'}
    """
    starts = list(_SECTION.finditer(text))
    sections = {}
    for index, match in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(text)
        sections[int(match.group(1))] = text[match.start() : end].strip()
    return sections


def question_number(cells: list, index: int) -> int | None:
    """The number of the question that cell ``index`` answers: the last ``第 N 题`` heading above it.

    Examples
    --------
    >>> cells = [nbformat.v4.new_markdown_cell("## 第 6 题：挽回方案"),
    ...          nbformat.v4.new_markdown_cell("在这里作答")]
    >>> question_number(cells, 1)
    6
    """
    for cell in reversed(cells[:index]):
        if cell.get("cell_type") != "markdown":
            continue
        for line in str(cell.get("source", "")).splitlines():
            found = _QUESTION.search(line) if line.lstrip().startswith("#") else None
            if found:
                return int(found.group(1))
    return None


def _is_written_answer(cell) -> bool:
    """A hand-graded answer worth points (the quizzes' open questions are worth none)."""
    info = cell.get("metadata", {}).get("nbgrader", {})
    if cell.get("cell_type") != "markdown" or not (info.get("grade") and info.get("solution")):
        return False
    return float(info.get("points") or 0) > 0


class ShowRubrics(Preprocessor):
    """Put each written question's rubric under the learner's answer, on Formgrader's pages.

    The rubric file is ``rubrics/<assignment>.md`` of the course folder that holds the
    graded notebook (``autograded/<student>/<assignment>/``); a missing file or section is
    said in the cell instead. Pages other than Formgrader's (feedback, for instance) are left
    as they are.
    """

    def preprocess(self, nb, resources):
        """Insert the rubric cells; return the notebook and resources."""
        if "submission_id" not in resources:  # not a Formgrader page
            return nb, resources
        folder = Path(resources.get("metadata", {}).get("path") or ".")
        assignment = resources.get("assignment_id") or folder.name
        path = folder.resolve().parents[2] / "rubrics" / f"{assignment}.md"
        found = path.is_file()
        sections = rubric_sections(path.read_text(encoding="utf-8")) if found else {}
        cells = []
        for index, cell in enumerate(nb.cells):
            cells.append(cell)
            if not _is_written_answer(cell):
                continue
            number = question_number(nb.cells, index)
            text = sections.get(number) or (
                f"（评分细则文件 {path} 中没有第 {number} 题）"
                if found
                else f"（没有找到评分细则文件 {path}）"
            )
            cells.append(nbformat.v4.new_markdown_cell(f"**{RUBRIC_MARK}**\n\n{text}"))
        nb.cells = cells
        return nb, resources
