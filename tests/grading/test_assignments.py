"""Every assignment of the course: its solutions pass its tests, its release gives nothing away.

For each text source in ``grading/assignments/``:

- the instructor notebook (with solutions) runs without an error, so every visible and
  hidden test accepts the model answer;
- the student version made by ``nbgrader generate_assignment`` holds no solution line and no
  hidden-test line;
- the student version run as released (blank answers) fails every auto-graded test cell, so a
  blank assignment scores nothing.

For an assignment graded by outside checks (check cells in its text source), the model answers
and the blank release also go through the grader's own path: the runner exports the answers
from the kernel as plain data and the instructor's checks judge them. Every check accepts the
model answers and rejects the blank ones, and no check code reaches any notebook.
"""

from __future__ import annotations

import json
import re
import shutil

import nbformat
import pytest
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

from custseg.grading.build import build_source
from custseg.grading.course import Course
from custseg.grading.judge import has_checks, judge_checks, plan_checks, read_checks
from custseg.grading.runner import ANSWERS, run_notebook
from tests.grading.conftest import GRADING

ASSIGNMENTS = sorted(path.stem for path in (GRADING / "assignments").glob("*.py"))
OUTSIDE = [a for a in ASSIGNMENTS if has_checks(GRADING / "assignments" / f"{a}.py")]
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
    course.nbgrader("generate_assignment", "*", force=True)
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


def _judged(course: Course, assignment: str, step: str, folder) -> dict:
    """The verdicts of the instructor's checks on the notebook of ``step``, run as graded."""
    checks = read_checks(course.assignments_dir / f"{assignment}.py")
    plan = folder / "plan.json"
    plan.write_text(json.dumps(plan_checks(checks)), encoding="utf-8")
    run_notebook(_notebook(course, step, assignment), folder, timeout=_CELL_TIMEOUT, plan=plan)
    answers = {}
    for line in (folder / ANSWERS).read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        answers[record["question"]] = record["values"]
    return judge_checks(checks, answers)


def test_every_assignment_is_checked():
    assert "00_data_cleaning" in ASSIGNMENTS
    assert set(OUTSIDE) == set(ASSIGNMENTS), (
        "every assignment is judged outside the learner's kernel"
    )
    # a module's number, or the quizzes and the survey
    named = r"\d\d_[a-z_]+|quiz_pre|quiz_post|survey"
    assert all(re.fullmatch(named, name) for name in ASSIGNMENTS), ASSIGNMENTS


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_no_answer_asks_for_a_function(course, assignment):
    source = _notebook(course, "source", assignment)
    lines = _region_lines(source, "SOLUTION")
    assert lines, "the solutions are found"
    assert not any(line.lstrip().startswith(("def ", "lambda")) for line in lines)


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_model_answers_pass_every_test(course, kernel, assignment):
    source = _notebook(course, "source", assignment)
    tests = [cell for cell in source.cells if _is_test(cell)]
    assert len(tests) >= 3
    if assignment in OUTSIDE:
        checks = read_checks(course.assignments_dir / f"{assignment}.py")
        assert {_grade_id(cell) for cell in tests} <= set(checks)
        assert not any("check" in cell.metadata for cell in source.cells)
    else:
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
    assert solutions and (hidden or assignment in OUTSIDE)
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


@pytest.mark.parametrize("assignment", OUTSIDE)
def test_outside_checks_accept_model_answers(course, assignment, tmp_path):
    verdicts = _judged(course, assignment, "source", tmp_path)
    assert verdicts and {name: v["reason"] for name, v in verdicts.items()} == dict.fromkeys(
        verdicts, "passed"
    )


@pytest.mark.parametrize("assignment", OUTSIDE)
def test_outside_checks_reject_blank_answers(course, assignment, tmp_path):
    verdicts = _judged(course, assignment, "release", tmp_path)
    assert verdicts and not any(v["passed"] for v in verdicts.values())
    released = "\n".join(c.source for c in _notebook(course, "release", assignment).cells)
    assert "def check(" not in released
