"""``--no-sandbox``: the runner as a plain process, with the same folder and time limit."""

from __future__ import annotations

from custseg.grading.autograde import _run_plain
from custseg.grading.checks import ALL_STUDENTS, Issue
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
