"""The command line reports errors in Chinese, never a traceback: exit 2 for a user's error, 1 for an internal one."""

from __future__ import annotations

from custseg.grading.cli import main


def test_missing_roster_file_is_a_clear_error(tmp_path, capsys):
    assert main(["--course", str(tmp_path), "roster", str(tmp_path / "名单.csv")]) == 2
    assert "名单.csv" in capsys.readouterr().err


def test_backups_and_restore_without_a_gradebook(tmp_path, capsys):
    assert main(["--course", str(tmp_path), "backups"]) == 0
    assert "还没有备份" in capsys.readouterr().out
    assert main(["--course", str(tmp_path), "restore"]) == 2
    assert "no gradebook backup" in capsys.readouterr().err


def test_unknown_assignment_names_the_known_ones(tmp_path, capsys):
    (tmp_path / "assignments").mkdir()
    (tmp_path / "assignments" / "00_data_cleaning.py").write_text("# %%\nx = 1\n")
    assert main(["--course", str(tmp_path), "build", "09_nothing"]) == 2
    assert "00_data_cleaning" in capsys.readouterr().err


def test_autograde_stops_when_the_sandbox_cannot_start(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PATH", str(tmp_path))  # no bwrap to be found
    assert main(["--course", str(tmp_path), "autograde", "00_data_cleaning"]) == 2
    error = capsys.readouterr().err
    assert "bubblewrap" in error and "apt-get install" in error and "--no-sandbox" in error
    assert not (tmp_path / "backups").exists()  # stopped before touching anything


def test_plain_nbgrader_grading_needs_no_sandbox_said_out_loud(tmp_path, capsys):
    assert main(["--course", str(tmp_path), "autograde", "01", "--sequential"]) == 2
    assert "--no-sandbox" in capsys.readouterr().err


def test_an_internal_fault_exits_1_with_a_message(tmp_path, monkeypatch, capsys):
    import custseg.grading.cli as cli

    def broken(args):
        raise KeyError("boom")

    monkeypatch.setattr(cli, "_run", broken)
    assert main(["--course", str(tmp_path), "backups"]) == 1
    error = capsys.readouterr().err
    assert "意外问题" in error and "KeyError" in error and "Traceback" not in error
