"""Rubrics: one for every written question, shown in Formgrader under the answer, nowhere else.

The course's rubric files are read as :mod:`custseg.grading.rubrics` reads them: every
hand-graded question worth points has its section, whose criteria add up to its points.
Then a learner of the grading fixture is graded and the graded notebook is shown as
Formgrader shows it (nbconvert's HTML exporter with the course's settings and a
``submission_id``): each written answer is followed by its rubric, examples included,
while the released notebook, the graded notebook and the feedback page hold none of it.
"""

from __future__ import annotations

import re
import shutil

import jupytext
import nbformat
import pytest
from nbconvert import HTMLExporter
from traitlets.config.loader import PyFileConfigLoader

from custseg.grading.autograde import autograde
from custseg.grading.course import Course
from custseg.grading.feedback import release_feedback
from custseg.grading.rubrics import RUBRIC_MARK, ShowRubrics, question_number, rubric_sections
from custseg.grading.sandbox import sandbox_available
from tests.grading.conftest import ASSIGNMENT, GRADING, RUBRIC
from tests.grading.students import model_answers, student_notebook

SHOW_RUBRICS = 'c.HTMLExporter.preprocessors = ["custseg.grading.rubrics.ShowRubrics"]'
_POINTS = re.compile(r"^\|.*\|\s*([\d.]+)\s*\|\s*$", re.MULTILINE)
_EXAMPLES = re.compile(r"^#+\s*示例", re.MULTILINE)
_CRITERION = re.compile(r"^\|\s*([^|]+?)\s*\|\s*[\d.]+\s*\|\s*$", re.MULTILINE)


def _written(path) -> list[tuple[int | None, float]]:
    """(question number, points) of each hand-graded question worth points in a text source."""
    cells = jupytext.read(path).cells
    found = []
    for index, cell in enumerate(cells):
        info = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "markdown" and info.get("grade") and info.get("solution"):
            if float(info.get("points", 0)) > 0:
                found.append((question_number(cells, index), float(info["points"])))
    return found


def _example(section: str) -> str:
    """The start of the full-marks example of a rubric section, as plain text."""
    line = next(line for line in section.splitlines() if line.startswith("**满分"))
    return line.split("**：", 1)[1][:15]


def _criteria_points(section: str) -> float:
    criteria = _EXAMPLES.split(section)[0]
    return sum(float(points) for points in _POINTS.findall(criteria))


@pytest.mark.parametrize(
    "assignment", sorted(path.stem for path in (GRADING / "assignments").glob("*.py"))
)
def test_every_written_question_has_a_rubric_adding_up_to_its_points(assignment):
    written = _written(GRADING / "assignments" / f"{assignment}.py")
    if not written:  # the quizzes' and the survey's open questions are worth no points
        assert not (GRADING / "rubrics" / f"{assignment}.md").exists()
        return
    sections = rubric_sections((GRADING / "rubrics" / f"{assignment}.md").read_text("utf-8"))
    for number, points in written:
        assert number in sections, (assignment, number)
        assert _criteria_points(sections[number]) == points, (assignment, number)
        for example in ("满分", "部分", "零分"):
            assert example in _EXAMPLES.split(sections[number])[-1], (assignment, number)


@pytest.fixture(scope="module")
def graded(released_template, tmp_path_factory):
    """One learner with the model answers, graded; the course set to show rubrics."""
    root = tmp_path_factory.mktemp("rubrics") / "grading"
    shutil.copytree(released_template.root, root)
    config = root / "nbgrader_config.py"
    if SHOW_RUBRICS not in config.read_text(encoding="utf-8"):
        config.write_text(config.read_text(encoding="utf-8") + f"\n{SHOW_RUBRICS}\n", "utf-8")
    course = Course(root)
    folder = course.submission_dir("s01", ASSIGNMENT)
    folder.mkdir(parents=True)
    notebook = student_notebook(course, ASSIGNMENT, model_answers(course, ASSIGNMENT))
    nbformat.write(notebook, folder / f"{ASSIGNMENT}.ipynb")
    (folder / "timestamp.txt").write_text("2026-11-30 02:00:00.000000 UTC")
    run = autograde(course, ASSIGNMENT, timeout=30, sandbox=sandbox_available() is None)
    assert run.graded == ["s01"]
    return course


def _formgrader_page(course: Course) -> str:
    """The page Formgrader shows for the learner's graded notebook (its exporter and config)."""
    config = PyFileConfigLoader("nbgrader_config.py", path=str(course.root)).load_config()
    exporter = HTMLExporter(config=config)
    resources = {"submission_id": "s01-id", "assignment_id": ASSIGNMENT, "student": "s01"}
    path = course.notebook_path("autograded", ASSIGNMENT, "s01")
    html, _ = exporter.from_filename(str(path), resources=resources)
    return html


def test_formgrader_shows_each_rubric_under_its_answer(graded):
    html = _formgrader_page(graded)
    sections = rubric_sections(RUBRIC.read_text(encoding="utf-8"))
    answers = model_answers(graded, ASSIGNMENT)
    assert html.count(RUBRIC_MARK) == 2
    where = {
        name: html.index(re.sub(r"^#\s*", "", answers[name]).splitlines()[0][:20])
        for name in ("q6_answer", "q7_answer")
    }
    marks = [m.start() for m in re.finditer(re.escape(RUBRIC_MARK), html)]
    assert where["q6_answer"] < marks[0] < html.index("第 7 题：") < where["q7_answer"] < marks[1]
    for number, mark in zip((6, 7), marks, strict=True):
        first_criterion = _CRITERION.search(sections[number]).group(1)
        for text in ("满分", "部分", "零分", first_criterion, _example(sections[number])):
            assert text in html[mark:], (number, text)


def test_learners_never_get_the_rubric(graded):
    course = graded
    sections = rubric_sections(RUBRIC.read_text(encoding="utf-8")).values()
    examples = [_example(section) for section in sections]
    criteria = [_CRITERION.search(section).group(1) for section in sections]
    assert len(examples) == 2
    pages = release_feedback(course, ASSIGNMENT)
    assert len(pages) == 1
    for path in (
        course.notebook_path("release", ASSIGNMENT),
        course.notebook_path("autograded", ASSIGNMENT, "s01"),
        pages[0],
    ):
        text = path.read_text(encoding="utf-8")
        assert RUBRIC_MARK not in text, path
        assert not any(example in text for example in examples + criteria), path


def test_a_missing_rubric_is_said_where_the_rubric_would_be(tmp_path):
    folder = tmp_path / "grading" / "autograded" / "s01" / "99_demo"
    folder.mkdir(parents=True)
    answer = nbformat.v4.new_markdown_cell("我的回答")
    answer.metadata["nbgrader"] = {"grade": True, "solution": True, "points": 2}
    free = nbformat.v4.new_markdown_cell("开放题的回答")
    free.metadata["nbgrader"] = {"grade": True, "solution": True, "points": 0}
    cells = [nbformat.v4.new_markdown_cell("## 第 3 题：解读"), answer, free]
    resources = {"submission_id": "x", "assignment_id": "99_demo", "metadata": {"path": folder}}
    shown, _ = ShowRubrics().preprocess(nbformat.v4.new_notebook(cells=list(cells)), resources)
    assert [c.source for c in shown.cells[:2]] == ["## 第 3 题：解读", "我的回答"]
    assert RUBRIC_MARK in shown.cells[2].source and "99_demo.md" in shown.cells[2].source
    assert shown.cells[3].source == "开放题的回答" and len(shown.cells) == 4
    (tmp_path / "grading" / "rubrics").mkdir()
    (tmp_path / "grading" / "rubrics" / "99_demo.md").write_text("## 第 4 题 别的题\n", "utf-8")
    shown, _ = ShowRubrics().preprocess(nbformat.v4.new_notebook(cells=list(cells)), resources)
    assert "中没有第 3 题" in shown.cells[2].source
    feedback, _ = ShowRubrics().preprocess(nbformat.v4.new_notebook(cells=list(cells)), {})
    assert len(feedback.cells) == 3
