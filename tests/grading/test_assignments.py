"""Every assignment of the course: its solutions pass its tests, its release gives nothing away.

For each text source in ``grading/assignments/``:

- the instructor notebook (with solutions) runs without an error, so every visible and
  hidden test accepts the model answer;
- the student version made by ``nbgrader generate_assignment`` holds no solution line and no
  hidden-test line;
- the student version run as released (blank answers) fails every auto-graded test cell, so a
  blank assignment scores nothing.
"""

from __future__ import annotations

import re
import shutil

import nbformat
import pytest
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

from custseg.grading.build import build_source
from custseg.grading.course import Course
from tests.grading.conftest import GRADING

ASSIGNMENTS = sorted(path.stem for path in (GRADING / "assignments").glob("*.py"))
_REGION = re.compile(r"### BEGIN (SOLUTION|HIDDEN TESTS)\n(.*?)### END \1", re.DOTALL)
_WORD = re.compile(r"\w")  # a line of brackets alone (a closing "}") is no give-away
_CELL_TIMEOUT = 60


@pytest.fixture(scope="module")
def course(tmp_path_factory, empty_gradebook) -> Course:
    """One course folder holding every assignment, each generated for release."""
    root = tmp_path_factory.mktemp("assignments") / "grading"
    root.mkdir()
    shutil.copy(GRADING / "nbgrader_config.py", root)
    shutil.copytree(GRADING / "assignments", root / "assignments")
    course = Course(root)
    shutil.copy(empty_gradebook, course.gradebook)
    for assignment in ASSIGNMENTS:
        build_source(course, assignment)
    # What ``custseg.grading.build.generate`` runs, once for all (nbgrader takes a glob).
    course.nbgrader("generate_assignment", "*", "--force")
    return course


@pytest.fixture(scope="module")
def kernel(course):
    """One Python kernel for every notebook (the imports are paid once)."""
    manager = KernelManager(kernel_name="python3")
    manager.start_kernel(cwd=str(course.root))
    yield manager
    manager.shutdown_kernel(now=True)


def _notebook(course: Course, step: str, assignment: str) -> nbformat.NotebookNode:
    return nbformat.read(course.notebook_path(step, assignment), as_version=4)


def _run(notebook: nbformat.NotebookNode, kernel: KernelManager) -> nbformat.NotebookNode:
    """Execute ``notebook`` with an emptied namespace, going on after errors.

    The notebook's own cells follow a first cell that removes every name left by the
    notebook run before, so nothing carries over but the modules already imported.
    """
    notebook.cells.insert(0, nbformat.v4.new_code_cell("%reset -f"))
    client = NotebookClient(notebook, km=kernel, timeout=_CELL_TIMEOUT, allow_errors=True)
    client.execute()
    del notebook.cells[0]
    return notebook


def _errors(cell: nbformat.NotebookNode) -> list[str]:
    return [
        f"{out['ename']}: {out['evalue']}"
        for out in cell.get("outputs", [])
        if out["output_type"] == "error"
    ]


def _grade_id(cell: nbformat.NotebookNode) -> str:
    return cell.metadata.get("nbgrader", {}).get("grade_id", "")


def _is_test(cell: nbformat.NotebookNode) -> bool:
    info = cell.metadata.get("nbgrader", {})
    return cell.cell_type == "code" and bool(info.get("grade")) and not info.get("solution")


def _region_lines(notebook: nbformat.NotebookNode, kind: str) -> list[str]:
    """The non-blank lines inside every BEGIN/END region of ``kind``."""
    lines = []
    for cell in notebook.cells:
        for found_kind, body in _REGION.findall(cell.source):
            if found_kind == kind:
                lines += [line.strip() for line in body.splitlines() if _WORD.search(line)]
    return lines


def test_every_assignment_is_checked():
    assert "01_data_cleaning" in ASSIGNMENTS
    assert all(re.fullmatch(r"\d\d_[a-z_]+", name) for name in ASSIGNMENTS), ASSIGNMENTS


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_model_answers_pass_every_test(course, kernel, assignment):
    source = _notebook(course, "source", assignment)
    tests = [cell for cell in source.cells if _is_test(cell)]
    assert len(tests) >= 3
    assert all("### BEGIN HIDDEN TESTS" in cell.source for cell in tests)
    executed = _run(source, kernel)
    failures = {
        _grade_id(cell) or f"cell {index}": _errors(cell)
        for index, cell in enumerate(executed.cells)
        if _errors(cell)
    }
    assert failures == {}


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_release_hides_solutions_and_hidden_tests(course, assignment):
    source = _notebook(course, "source", assignment)
    released = _notebook(course, "release", assignment)
    text = "\n".join(cell.source for cell in released.cells)
    solutions = _region_lines(source, "SOLUTION")
    hidden = _region_lines(source, "HIDDEN TESTS")
    assert solutions and hidden
    for line in solutions + hidden:
        assert line not in text, line
    assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text
    manual = [
        cell
        for cell in source.cells
        if cell.cell_type == "markdown" and cell.metadata.get("nbgrader", {}).get("solution")
    ]
    assert manual, "每份作业至少有一道人工评分的文字题"
    for cell in manual:
        for line in filter(None, map(str.strip, cell.source.splitlines())):
            assert line not in text, line
    assert [_grade_id(c) for c in released.cells] == [_grade_id(c) for c in source.cells]


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_blank_release_fails_its_tests(course, kernel, assignment):
    executed = _run(_notebook(course, "release", assignment), kernel)
    tests = [cell for cell in executed.cells if _is_test(cell)]
    assert tests
    passed = [_grade_id(cell) for cell in tests if not _errors(cell)]
    assert passed == []
    setup = [cell for cell in executed.cells if cell.cell_type == "code"][0]
    assert _errors(setup) == []
