"""Grading without the sandbox: only when asked for, with the same folder and time limit."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from custseg.grading.autograde import _run_plain
from custseg.grading.checks import ALL_STUDENTS, Issue
from custseg.grading.execute import PLAIN_NBGRADER, ResilientExecute, UnsandboxedRefused
from custseg.grading.sandbox import Limits


def test_plain_run_uses_the_folder_and_the_time_limit(tmp_path):
    result = _run_plain(
        ["python", "-c", "import os, sys; print(os.getcwd()); print(sys.stdin.read())"],
        workdir=tmp_path,
        readable=(),
        limits=Limits(wall_seconds=60),
        stdin="笔记本".encode(),
    )
    assert result.returncode == 0 and not result.timed_out
    assert result.stdout.splitlines() == [str(tmp_path), "笔记本"]
    looping = _run_plain(
        ["python", "-c", "while True: pass"],
        workdir=tmp_path,
        readable=(),
        limits=Limits(wall_seconds=1),
        stdin=b"",
    )
    assert looping.timed_out and looping.killed_by_limit == "time"


def test_the_report_line_says_grading_was_not_sandboxed():
    issue = Issue(ALL_STUDENTS, "01_data_cleaning", "unsandboxed")
    assert "未使用沙箱" in issue.message


def test_plain_nbgrader_refuses_to_run_learners_code_unless_asked(monkeypatch):
    """Formgrader's autograde button and a bare ``nbgrader autograde`` run nothing."""
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1")])
    monkeypatch.delenv(PLAIN_NBGRADER, raising=False)
    with pytest.raises(UnsandboxedRefused, match="custseg-grade autograde"):
        ResilientExecute().preprocess(notebook, {"metadata": {"path": "."}})
    monkeypatch.setenv(PLAIN_NBGRADER, "1")
    ran, _ = ResilientExecute().preprocess(
        nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(6 * 7)")]),
        {"metadata": {"path": "."}},
    )
    assert ran.cells[0].outputs[0]["text"].strip() == "42"


def test_the_course_configuration_grades_plain_nbgrader_through_the_refusing_executor():
    config = (Path(__file__).resolve().parents[2] / "grading" / "nbgrader_config.py").read_text()
    assert '"custseg.grading.execute.ResilientExecute"' in config
    assert '"nbgrader.preprocessors.Execute"' not in config
