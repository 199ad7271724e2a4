"""Released notebooks hide solutions and hidden tests; assignments come from text sources."""

from __future__ import annotations

import copy
import re
import shutil
from pathlib import Path

import nbformat
import pytest
from nbgrader.converters import GenerateAssignment
from nbgrader.preprocessors import ClearSolutions
from traitlets.config.loader import PyFileConfigLoader

from custseg.errors import DataError
from custseg.grading.build import build_source
from custseg.grading.course import Course
from custseg.grading.judge import read_checks
from custseg.grading.questions import questions
from custseg.notebook_solutions import BlankSolutions
from tests.grading.conftest import ASSIGNMENT, GRADING

_REGION = re.compile(r"### BEGIN (SOLUTION|HIDDEN TESTS)\n(.*?)### END \1", re.DOTALL)


def _regions(notebook, kind: str) -> list[str]:
    """The lines inside every BEGIN/END region of ``kind`` in ``notebook``."""
    lines = []
    for cell in notebook.cells:
        for found_kind, body in _REGION.findall(cell.source):
            if found_kind == kind:
                lines += [line.strip() for line in body.splitlines() if line.strip()]
    return lines


@pytest.fixture(scope="module")
def notebooks(released_template):
    course = released_template
    source = nbformat.read(course.notebook_path("source", ASSIGNMENT), as_version=4)
    released = nbformat.read(course.notebook_path("release", ASSIGNMENT), as_version=4)
    return course, source, released


def test_released_notebook_has_no_solution_code(notebooks):
    _, source, released = notebooks
    solution_lines = _regions(source, "SOLUTION")
    assert len(solution_lines) >= 5
    text = "\n".join(cell.source for cell in released.cells)
    for line in solution_lines:
        assert line not in text, line
    assert "BEGIN SOLUTION" not in text and "END SOLUTION" not in text
    manual = [
        c for c in source.cells if c.cell_type == "markdown" and c.metadata["nbgrader"]["solution"]
    ]
    assert len(manual) == 2
    for cell in manual:
        for line in filter(None, map(str.strip, cell.source.splitlines())):
            assert line not in text
    code = [c for c in released.cells if c.cell_type == "code"]
    stubs = [c for c in code if "raise NotImplementedError()" in c.source]
    assert len(stubs) == 5


def test_no_notebook_holds_the_hidden_checks(notebooks):
    course, source, released = notebooks
    checks = read_checks(course.assignments_dir / f"{ASSIGNMENT}.py")
    assert set(checks) == {"setup", "q1_test", "q2_test", "q3_test", "q4_test", "q5_test"}
    secret = [
        line.strip()
        for code in checks.values()
        for line in code.splitlines()
        if any(word in line for word in ("reference_", "def check", "calls", "expected", "spend"))
    ]
    assert len(secret) >= 10
    for notebook in (source, released):
        text = "\n".join(cell.source for cell in notebook.cells)
        for line in secret:
            assert line not in text, line
        assert "HIDDEN TESTS" not in text and "check" not in str(
            [c.metadata for c in notebook.cells if "check" in c.metadata]
        )
    text = "\n".join(cell.source for cell in released.cells)
    visible = [
        c.source.split("###")[0].strip() for c in source.cells if "q1_test" in str(c.metadata)
    ]
    assert visible[0] in text


def test_checks_must_cover_every_test_cell(tmp_path):
    course = Course(tmp_path)
    course.assignments_dir.mkdir()
    header = (
        '# %% nbgrader={"grade": true, "grade_id": "t1", "locked": true, "points": 1, '
        '"schema_version": 3, "solution": false, "task": false} topic="加法"\n'
    )
    (course.assignments_dir / "98_demo.py").write_text(
        header + "assert x > 0\n\n" + '# %% check="t2"\ndef check(x):\n    assert x == 2\n',
        encoding="utf-8",
    )
    with pytest.raises(DataError, match="'t1'.*check"):
        build_source(course, "98_demo")
    (course.assignments_dir / "98_demo.py").write_text(
        header + "assert x > 0\n### BEGIN HIDDEN TESTS\nassert x == 2\n### END HIDDEN TESTS\n"
        '\n# %% check="t1"\ndef check(x):\n    assert x == 2\n',
        encoding="utf-8",
    )
    with pytest.raises(DataError, match="隐藏测试"):
        build_source(course, "98_demo")


def test_exchange_copy_is_the_released_notebook(notebooks):
    course, _, released = notebooks
    outbound = course.exchange / "custseg" / "outbound" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    assert nbformat.read(outbound, as_version=4) == released


def test_read_only_cells_are_locked_for_students(notebooks):
    _, _, released = notebooks
    tests = [
        c for c in released.cells if c.metadata["nbgrader"].get("grade_id", "").endswith("_test")
    ]
    assert len(tests) == 5
    assert all(c.metadata.get("editable") is False for c in tests)


def test_adding_an_assignment_is_adding_one_text_file(tmp_path):
    root = tmp_path / "grading"
    shutil.copytree(GRADING / "assignments", root / "assignments")
    course = Course(root)
    before = course.assignment_ids()
    (root / "assignments" / "99_demo.py").write_text(
        "# %% [markdown]\n# ## 第 1 题：加法\n\n"
        '# %% nbgrader={"grade": false, "grade_id": "a", "locked": false, "schema_version": 3, '
        '"solution": true, "task": false}\n'
        "### BEGIN SOLUTION\nx = 1 + 1\n### END SOLUTION\n\n"
        '# %% nbgrader={"grade": true, "grade_id": "a_test", "locked": true, "points": 3, '
        '"schema_version": 3, "solution": false, "task": false} topic="加法"\n'
        "assert x == 2\n",
        encoding="utf-8",
    )
    assert course.assignment_ids() == sorted([*before, "99_demo"])
    build_source(course, "99_demo")
    built = nbformat.read(course.notebook_path("source", "99_demo"), as_version=4)
    assert [c.metadata.get("nbgrader", {}).get("grade_id") for c in built.cells] == [
        None,
        "a",
        "a_test",
    ]
    table = questions(course, "99_demo")
    assert table[["question", "title", "topic", "points", "kind"]].to_dict("records") == [
        {
            "question": "a_test",
            "title": "第 1 题：加法",
            "topic": "加法",
            "points": 3.0,
            "kind": "auto",
        }
    ]


def test_graded_cell_without_topic_is_refused(tmp_path):
    course = Course(tmp_path)
    course.assignments_dir.mkdir()
    (course.assignments_dir / "03_bad.py").write_text(
        '# %% nbgrader={"grade": true, "grade_id": "t1", "locked": true, "points": 1, '
        '"schema_version": 3, "solution": false, "task": false}\nassert True\n',
        encoding="utf-8",
    )
    with pytest.raises(DataError, match="'t1'.*topic"):
        build_source(course, "03_bad")
    with pytest.raises(DataError, match="03_bad"):
        build_source(course, "04_missing")


def test_every_graded_cell_of_the_course_has_a_topic():
    course = Course(GRADING)
    for assignment in course.assignment_ids():
        table = questions(course, assignment)
        assert not table.empty
        assert not table["topic"].str.startswith("未分类").any(), assignment
        assert set(table["kind"]) == {"auto", "manual"}, assignment


def test_the_exchange_is_the_one_the_course_config_names(tmp_path):
    course = Course(tmp_path)
    assert course.exchange == course.root / "exchange"  # no config: inside the course
    (tmp_path / "nbgrader_config.py").write_text(
        "c = get_config()\nc.Exchange.root = '/srv/nbgrader/exchange'\n", encoding="utf-8"
    )
    assert Course(tmp_path).exchange == Path("/srv/nbgrader/exchange")


def test_release_clears_solutions_with_the_courses_preprocessor_as_nbgrader_would(notebooks):
    """The config swaps nbgrader's ClearSolutions for BlankSolutions, which clears the same way."""
    course, source, released = notebooks
    config = PyFileConfigLoader("nbgrader_config.py", path=str(course.root)).load_config()
    installed = [name.rpartition(".")[2] for name in config.GenerateAssignment.preprocessors]
    nbgraders = [step.__name__ for step in GenerateAssignment().preprocessors]
    assert installed == ["BlankSolutions" if n == "ClearSolutions" else n for n in nbgraders]
    ours, _ = BlankSolutions(config=config).preprocess(copy.deepcopy(source), {})
    stubs = {"code_stub": {"python": config.BlankSolutions.code_stub}}
    theirs, _ = ClearSolutions(**stubs, text_stub=config.BlankSolutions.text_stub).preprocess(
        copy.deepcopy(source), {}
    )
    assert [c.source for c in ours.cells] == [c.source for c in theirs.cells]
    assert [c.source for c in released.cells] == [c.source for c in ours.cells]
    assert sum("raise NotImplementedError()" in c.source for c in ours.cells) == 5


def test_a_solution_outside_a_solution_cell_is_refused():
    cell = nbformat.v4.new_code_cell("### BEGIN SOLUTION\nx = 1\n### END SOLUTION")
    with pytest.raises(DataError, match="第 1 个单元格"):
        BlankSolutions().preprocess(nbformat.v4.new_notebook(cells=[cell]), {})
    cell.source = "### BEGIN SOLUTION\nx = 1"
    with pytest.raises(DataError, match="END SOLUTION"):
        BlankSolutions(enforce_metadata=False).preprocess(
            nbformat.v4.new_notebook(cells=[cell]), {}
        )
