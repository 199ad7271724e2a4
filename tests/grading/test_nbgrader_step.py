"""nbgrader's steps run through its Python API, each in a process of its own in the course folder."""

from __future__ import annotations

import os
import subprocess
import time
import uuid
from pathlib import Path

import nbformat
import pytest

from custseg.errors import ParameterError
from custseg.grading.course import PLAIN_NBGRADER, Course, NbgraderError
from tests.grading.conftest import ASSIGNMENT
from tests.grading.students import model_answers, student_notebook

_MINIMAL_CONFIG = "c = get_config()\nc.CourseDirectory.course_id = 'custseg'\n"


def _marked_processes(marker: str) -> list[int]:
    """Processes whose environment holds ``marker`` (the step's process and its kernels)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if marker.encode() in (entry / "environ").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def _submit(course: Course, student: str, notebook) -> None:
    folder = course.submission_dir(student, ASSIGNMENT)
    folder.mkdir(parents=True)
    nbformat.write(notebook, folder / f"{ASSIGNMENT}.ipynb")


def test_a_step_reads_the_config_of_the_course_folder_it_runs_in(tmp_path, monkeypatch):
    """No ``CourseDirectory.root`` in the config: the course folder is the working directory."""
    course = Course(tmp_path / "grading")
    (course.root / "source" / "demo").mkdir(parents=True)
    (course.root / "nbgrader_config.py").write_text(_MINIMAL_CONFIG, encoding="utf-8")
    cell = nbformat.v4.new_code_cell("### BEGIN SOLUTION\nx = 2\n### END SOLUTION")
    cell.metadata["nbgrader"] = {
        "grade": False,
        "grade_id": "x",
        "locked": False,
        "schema_version": 3,
        "solution": True,
        "task": False,
    }
    nbformat.write(nbformat.v4.new_notebook(cells=[cell]), course.notebook_path("source", "demo"))
    monkeypatch.chdir(tmp_path)  # the caller is elsewhere
    result = course.nbgrader("generate_assignment", "demo", force=True)
    assert result.success and "demo" in result.log
    released = nbformat.read(course.notebook_path("release", "demo"), as_version=4)
    assert "x = 2" not in released.cells[0].source  # nbgrader's own clearing: no custseg config
    assert "raise NotImplementedError()" in released.cells[0].source
    with pytest.deprecated_call():  # the old command-line way still works
        assert course.nbgrader("generate_assignment", "demo", "--force").success
    with pytest.raises(ParameterError, match="--fast"), pytest.deprecated_call():
        course.nbgrader("generate_assignment", "demo", "--fast")


def test_a_failed_step_says_so_in_chinese_with_nbgraders_log(fresh_course):
    course = fresh_course
    (course.root / "nbgrader_config.py").write_text(_MINIMAL_CONFIG, encoding="utf-8")
    result = course.nbgrader("generate_assignment", "09_nothing", check=False)
    assert not result.success
    assert "09_nothing" in result.log and "[ERROR]" in result.log
    with pytest.raises(NbgraderError) as failed:
        course.nbgrader("generate_assignment", "09_nothing")
    message = str(failed.value)
    assert message.startswith("nbgrader generate_assignment 09_nothing 失败")
    assert result.log in message and "Traceback" not in message


def test_only_plain_grading_may_run_learners_code(released_course, monkeypatch):
    """The variable that allows plain grading reaches that step only, never another one."""
    course = released_course
    _submit(course, "s01", student_notebook(course, ASSIGNMENT, model_answers(course, ASSIGNMENT)))
    monkeypatch.setenv(PLAIN_NBGRADER, "1")  # even set in the caller's environment ...
    refused = course.nbgrader("autograde", ASSIGNMENT, force=True, check=False)
    assert not refused.success  # ... a step not started with plain=True runs no code
    assert "custseg-grade autograde" in refused.log and "for student 's01'" in refused.log
    monkeypatch.delenv(PLAIN_NBGRADER)
    graded = course.nbgrader("autograde", ASSIGNMENT, force=True, plain=True)
    assert graded.success and "for student 's01'" not in graded.log
    assert course.notebook_path("autograded", ASSIGNMENT, "s01").is_file()
    assert PLAIN_NBGRADER not in os.environ


def test_a_time_limit_stops_the_step_and_its_kernels(released_course, monkeypatch, tmp_path):
    course = released_course
    started = tmp_path / "started"
    loop = f"open({str(started)!r}, 'w').close()\nwhile True:\n    pass"
    _submit(course, "s01", student_notebook(course, ASSIGNMENT, {"q1_answer": loop}))
    marker = f"CUSTSEG_TEST_{uuid.uuid4().hex}"
    monkeypatch.setenv(marker, "1")
    before = time.monotonic()
    with pytest.raises(subprocess.TimeoutExpired):
        course.nbgrader(
            "autograde",
            ASSIGNMENT,
            force=True,
            plain=True,
            settings={"Execute.timeout": 600},
            timeout=40,
        )
    assert time.monotonic() - before < 60
    assert started.exists()  # the learner's kernel was running when the time was up
    deadline = time.monotonic() + 20
    while _marked_processes(marker) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert _marked_processes(marker) == []
