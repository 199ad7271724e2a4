"""The command line reports errors in Chinese, never a traceback: exit 2 for a user's error, 1 for an internal one."""

from __future__ import annotations

import shutil

import pytest

from custseg.grading.cli import main
from tests.grading.conftest import GRADING


@pytest.fixture
def bare_course(tmp_path):
    """A course folder holding only the real ``nbgrader_config.py``."""
    shutil.copy(GRADING / "nbgrader_config.py", tmp_path)
    return tmp_path


def test_missing_roster_file_is_a_clear_error(bare_course, capsys):
    assert main(["--course", str(bare_course), "roster", str(bare_course / "名单.csv")]) == 2
    assert "名单.csv" in capsys.readouterr().err


def test_backups_and_restore_without_a_gradebook(bare_course, capsys):
    assert main(["--course", str(bare_course), "backups"]) == 0
    assert "还没有备份" in capsys.readouterr().out
    assert main(["--course", str(bare_course), "restore"]) == 2
    assert "no gradebook backup" in capsys.readouterr().err


def test_unknown_assignment_names_the_known_ones(bare_course, capsys):
    (bare_course / "assignments").mkdir()
    (bare_course / "assignments" / "00_data_cleaning.py").write_text("# %%\nx = 1\n")
    assert main(["--course", str(bare_course), "build", "09_nothing"]) == 2
    assert "00_data_cleaning" in capsys.readouterr().err


def test_autograde_stops_when_the_sandbox_cannot_start(bare_course, monkeypatch, capsys):
    monkeypatch.setenv("PATH", str(bare_course))  # no bwrap to be found
    assert main(["--course", str(bare_course), "autograde", "00_data_cleaning"]) == 2
    error = capsys.readouterr().err
    assert "bubblewrap" in error and "apt-get install" in error and "--no-sandbox" in error
    assert not (bare_course / "backups").exists()  # stopped before touching anything


def test_plain_nbgrader_grading_needs_no_sandbox_said_out_loud(bare_course, capsys):
    assert main(["--course", str(bare_course), "autograde", "01", "--sequential"]) == 2
    assert "--no-sandbox" in capsys.readouterr().err


def test_an_internal_fault_exits_1_with_a_message(tmp_path, monkeypatch, capsys):
    import custseg.grading.cli as cli

    def broken(args):
        raise KeyError("boom")

    monkeypatch.setattr(cli, "_run", broken)
    assert main(["--course", str(tmp_path), "backups"]) == 1
    error = capsys.readouterr().err
    assert "意外问题" in error and "KeyError" in error and "Traceback" not in error


_DEMO = (
    "# %% [markdown]\n# ## 第 1 题：加法\n\n"
    '# %% nbgrader={"grade": false, "grade_id": "a", "locked": false, "schema_version": 3, '
    '"solution": true, "task": false}\n'
    "### BEGIN SOLUTION\nx = 1 + 1\n### END SOLUTION\n\n"
    '# %% nbgrader={"grade": true, "grade_id": "a_test", "locked": true, "points": 3, '
    '"schema_version": 3, "solution": false, "task": false} topic="加法"\n'
    "assert x == 2\n"
)


@pytest.fixture
def demo_course(tmp_path):
    """A course folder with the real config and one small assignment, ``99_demo``."""
    root = tmp_path / "grading"
    (root / "assignments").mkdir(parents=True)
    shutil.copy(GRADING / "nbgrader_config.py", root)
    (root / "assignments" / "99_demo.py").write_text(_DEMO, encoding="utf-8")
    return root


@pytest.mark.parametrize(
    "command",
    [
        ["release", "09_nothing"],
        ["submit", "99_demo", "没有这个文件.ipynb", "--student", "s01"],
        ["collect", "99_demo"],  # never released
        ["collect", "99_demo", "--zip", "assignments/99_demo.py"],  # not a zip
        ["autograde", "99_demo", "--no-sandbox"],  # never released
        ["feedback", "99_demo"],  # nothing graded
    ],
)
def test_a_users_mistake_exits_2_with_a_chinese_message(demo_course, command, capsys):
    assert main(["--course", str(demo_course), *command]) == 2
    error = capsys.readouterr().err
    assert error.startswith("错误") and "Traceback" not in error
    assert "09_nothing" in error or "99_demo" in error or "没有这个文件" in error


def test_a_failing_nbgrader_step_exits_1_with_its_log(demo_course, capsys):
    """Every command that runs an nbgrader step: a fault of the step is an internal error."""
    (demo_course / "gradebook.db").write_text("不是数据库 (not a database)", encoding="utf-8")
    for command in (["build", "99_demo"], ["release", "99_demo"]):
        assert main(["--course", str(demo_course), *command]) == 1
        error = capsys.readouterr().err
        assert "nbgrader generate_assignment 99_demo 失败" in error and "[ERROR]" in error
    notebook = demo_course.parent / "answer.ipynb"
    notebook.write_text("{}", encoding="utf-8")
    release = demo_course / "release" / "99_demo"
    release.mkdir(parents=True)
    (release / "99_demo.ipynb").write_text("{}", encoding="utf-8")
    graded = demo_course / "autograded" / "s01" / "99_demo"
    graded.mkdir(parents=True)
    (graded / "99_demo.ipynb").write_text("{}", encoding="utf-8")
    (demo_course / "exchange").write_text("不是文件夹 (not a folder)", encoding="utf-8")
    for command, step in (
        (["submit", "99_demo", str(notebook), "--student", "s01"], "submit"),
        (["collect", "99_demo"], "collect"),
        (["feedback", "99_demo"], "generate_feedback"),
    ):
        assert main(["--course", str(demo_course), *command]) == 1, command
        error = capsys.readouterr().err
        assert error.startswith(f"错误 (error): nbgrader {step} 99_demo 失败")
        assert "[ERROR]" in error or "[CRITICAL]" in error  # nbgrader's log


_EVERY_COMMAND = [
    ["build"],
    ["release", "00_data_cleaning"],
    ["roster", "名单.csv"],
    ["submit", "00_data_cleaning", "答案.ipynb", "--student", "s01"],
    ["collect", "00_data_cleaning"],
    ["autograde", "00_data_cleaning"],
    ["feedback", "00_data_cleaning"],
    ["export"],
    ["report"],
    ["backups"],
    ["restore"],
]


@pytest.mark.parametrize("command", _EVERY_COMMAND, ids=lambda command: command[0])
def test_a_folder_that_is_not_a_course_is_refused_untouched(tmp_path, command, capsys):
    folder = tmp_path / "不是课程"
    (folder / "backups").mkdir(parents=True)
    (folder / "backups" / "gradebook-2026-12-01.db").write_text("", encoding="utf-8")
    before = sorted(folder.rglob("*"))
    assert main(["--course", str(folder), *command]) == 2
    error = capsys.readouterr().err
    assert error.startswith("错误") and "Traceback" not in error
    assert str(folder) in error and "nbgrader_config.py" in error
    assert sorted(folder.rglob("*")) == before  # no gradebook.db, no reports/


def test_the_folder_without_course_option_is_named_too(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("CUSTSEG_GRADING", raising=False)
    monkeypatch.chdir(tmp_path)
    assert main(["report"]) == 2
    assert str(tmp_path / "grading") in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_report_and_export_of_an_empty_course_say_why(bare_course, capsys):
    """A course with nothing in its gradebook: a user's error naming the gradebook, no files."""
    assert main(["--course", str(bare_course), "report"]) == 2
    error = capsys.readouterr().err
    assert "还没有评分过的作业" in error and "gradebook.db" in error and "KeyError" not in error
    assert main(["--course", str(bare_course), "export"]) == 2
    error = capsys.readouterr().err
    assert "没有成绩可导出" in error and "gradebook.db" in error
    assert not (bare_course / "reports").exists()


@pytest.mark.parametrize(
    "command",
    [[], ["nothing"], ["autograde"], ["autograde", "01", "--timeout", "soon"]],
    ids=["no command", "unknown command", "missing assignment", "bad number"],
)
def test_bad_arguments_are_reported_in_chinese(tmp_path, command, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--course", str(tmp_path), *command])
    assert stop.value.code == 2
    error = capsys.readouterr().err
    assert "错误 (error): 命令行参数有误" in error
    assert "custseg-grade: error:" not in error
    assert list(tmp_path.iterdir()) == []
