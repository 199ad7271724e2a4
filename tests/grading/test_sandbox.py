"""Each test runs an attack inside a real bubblewrap sandbox and asserts that it failed."""

from __future__ import annotations

import json
import os
import socket
import statistics
import sys
import textwrap
import threading
import time
from pathlib import Path

import nbformat
import pytest

from custseg.grading import sandbox
from custseg.grading.judge import JudgeFailed, JudgeProcess
from custseg.grading.sandbox import (
    SANDBOX_WORKDIR,
    Limits,
    SandboxUnavailable,
    run_sandboxed,
    sandbox_available,
)

REPO = Path(__file__).parents[2]

pytestmark = pytest.mark.skipif(
    sandbox_available() is not None and not os.environ.get("CUSTSEG_REQUIRE_SANDBOX"),
    reason=f"沙箱不可用：{sandbox_available()}",
)


def python(code: str, workdir: Path, **options) -> sandbox.SandboxResult:
    """Run Python ``code`` in a sandbox whose working folder is ``workdir``."""
    return run_sandboxed(["python", "-c", textwrap.dedent(code)], workdir=workdir, **options)


def ok(result: sandbox.SandboxResult) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_runs_as_an_unprivileged_uid_that_is_not_the_callers(tmp_path):
    out = ok(
        python("import os; print(os.getuid(), os.geteuid(), os.getgid(), os.getgroups())", tmp_path)
    )
    uid, euid, gid, *_ = out.replace("[", " ").replace("]", " ").replace(",", " ").split()
    assert int(uid) == int(euid) and int(uid) not in (0, os.getuid())
    assert int(gid) not in (0, os.getgid())
    status = ok(run_sandboxed(["cat", "/proc/self/status"], workdir=tmp_path))
    assert "CapEff:\t0000000000000000" in status
    assert "NoNewPrivs:\t1" in status or os.getuid() != 0


def test_cannot_connect_to_a_loopback_port_of_the_host(tmp_path):
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        server.setblocking(False)
        port = server.getsockname()[1]
        code = f"""
            import socket
            try:
                socket.create_connection(("127.0.0.1", {port}), timeout=5)
                print("connected")
            except OSError as error:
                print("failed", type(error).__name__)
        """
        out = ok(python(code, tmp_path))
        assert out.startswith("failed"), out
        with pytest.raises(BlockingIOError):
            server.accept()
    interfaces = ok(python("import socket; print(socket.if_nameindex())", tmp_path))
    assert interfaces.strip() == "[(1, 'lo')]"


def test_only_the_workdir_is_writable_and_the_host_is_hidden(tmp_path):
    workdir = tmp_path / "learner_a"
    workdir.mkdir()
    (workdir / "answer.ipynb").write_text("{}")
    other = tmp_path / "learner_b"
    other.mkdir()
    (other / "answer.ipynb").write_text("secret answer")
    (tmp_path / "gradebook.db").write_text("scores")
    host_tmp = Path("/tmp") / f"custseg-host-marker-{os.getpid()}"
    host_tmp.write_text("host")
    package = Path(sandbox.__file__).parent
    try:
        code = f"""
            import os, sys
            from pathlib import Path
            print("cwd", os.getcwd())
            print("notebook", Path("answer.ipynb").read_text())
            Path("result.txt").write_text("written inside")
            for target in [sys.prefix, sys.base_prefix, "/usr/lib", {str(package)!r}, "/etc", "/"]:
                try:
                    Path(target, "attack.txt").write_text("x")
                    print("WROTE", target)
                except OSError:
                    pass
            for hidden in [{str(other)!r}, {str(tmp_path / "gradebook.db")!r}, {str(REPO / "grading")!r},
                           {str(REPO / "pyproject.toml")!r}, {str(REPO / "course")!r},
                           {str(host_tmp)!r}, "/root/.cache", "/home", "/var", "/sys/kernel", "/run"]:
                if os.path.exists(hidden):
                    print("SEES", hidden)
            print("root", sorted(os.listdir("/root")))
            print("tmp", sorted(os.listdir("/tmp")))
            print("repo", sorted(os.listdir({str(REPO)!r})))
            print("pids", sorted(int(p) for p in os.listdir("/proc") if p.isdigit()))
            print("dev", sorted(os.listdir("/dev")))
        """
        out = ok(python(code, workdir))
    finally:
        host_tmp.unlink()
    lines = dict(line.split(" ", 1) for line in out.splitlines())
    assert lines["cwd"] == str(SANDBOX_WORKDIR)
    assert lines["notebook"] == "{}"
    assert "WROTE" not in out and "SEES" not in out, out
    assert (workdir / "result.txt").read_text() == "written inside"
    assert lines["root"] in ("[]", "['.pyenv']")
    assert lines["tmp"] == "['home']"
    assert set(eval(lines["repo"])) <= {".venv", "custseg"}
    assert max(eval(lines["pids"])) < 10
    assert set(eval(lines["dev"])) <= {
        "console", "core", "fd", "full", "mqueue", "null", "ptmx", "pts", "random", "shm",
        "stderr", "stdin", "stdout", "tty", "urandom", "zero",
    }  # fmt: skip
    assert (other / "answer.ipynb").read_text() == "secret answer"


def test_readable_paths_are_visible_read_only(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "orders.csv").write_text("customer_id,amount\n1,10\n")
    workdir = tmp_path / "work"
    workdir.mkdir()
    code = f"""
        from pathlib import Path
        print(Path({str(data / "orders.csv")!r}).read_text().splitlines()[1])
        try:
            Path({str(data / "orders.csv")!r}).write_text("forged")
            print("WROTE")
        except OSError:
            print("read-only")
    """
    assert ok(python(code, workdir, readable=[data])).split() == ["1,10", "read-only"]
    assert (data / "orders.csv").read_text() == "customer_id,amount\n1,10\n"


def test_files_made_inside_go_back_to_the_workdir_owner_without_setuid_bits(tmp_path):
    code = """
        import os
        open("tool", "w").write("x")
        os.chmod("tool", 0o4755)
        os.mkdir("folder")
        open("folder/inner", "w").write("y")
    """
    ok(python(code, tmp_path))
    owner = tmp_path.stat()
    for path in [tmp_path / "tool", tmp_path / "folder", tmp_path / "folder" / "inner"]:
        info = path.lstat()
        assert (info.st_uid, info.st_gid) == (owner.st_uid, owner.st_gid)
    assert not (tmp_path / "tool").stat().st_mode & 0o6000


def test_environment_is_scrubbed(tmp_path, monkeypatch):
    monkeypatch.setenv("CUSTSEG_INSTRUCTOR_SECRET", "s3cret-token")
    code = "import os; print(sorted(os.environ.items()))"
    out = ok(python(code, tmp_path, env={"CUSTSEG_GIVEN": "given"}))
    assert "s3cret-token" not in out and "CUSTSEG_INSTRUCTOR_SECRET" not in out
    assert "('CUSTSEG_GIVEN', 'given')" in out
    assert "('HOME', '/tmp/home')" in out and "('JUPYTER_RUNTIME_DIR', '/tmp/" in out


def test_concurrent_sandboxes_cannot_see_each_others_tmp_or_processes(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    writer = """
        import os, time
        runtime = os.environ["JUPYTER_RUNTIME_DIR"]
        os.makedirs(runtime)
        open(os.path.join(runtime, "kernel-secret.json"), "w").write("{}")
        open("/tmp/secret", "w").write("a")
        open("/work/submission/ready", "w").write("1")
        time.sleep(8)
    """
    results = {}
    thread = threading.Thread(target=lambda: results.update(a=python(writer, first)))
    thread.start()
    deadline = time.monotonic() + 30
    while not (first / "ready").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert (first / "ready").exists()
    reader = """
        import os
        found = [os.path.join(d, f) for d, _, fs in os.walk("/tmp") for f in fs]
        print("files", found)
        print("procs", [open(f"/proc/{p}/cmdline").read() for p in os.listdir("/proc") if p.isdigit()])
    """
    out = ok(python(reader, second))
    thread.join()
    assert ok(results["a"]) == ""
    assert "secret" not in out and "time.sleep" not in out, out


def test_memory_limit_stops_a_3_gb_allocation(tmp_path):
    code = "block = bytearray(3 * 1024**3); print('ALLOCATED')"
    result = python(code, tmp_path, limits=Limits(memory_mb=2048))
    assert "ALLOCATED" not in result.stdout
    assert result.returncode != 0
    assert result.killed_by_limit == "memory"


def test_fork_bomb_is_stopped_at_the_process_limit(tmp_path):
    code = """
        import os, time
        children = 0
        try:
            while True:
                if os.fork() == 0:
                    time.sleep(60)
                    os._exit(0)
                children += 1
        except OSError as error:
            print(children, error.errno)
    """
    start = time.monotonic()
    out = ok(python(code, tmp_path, limits=Limits(processes=20, wall_seconds=60)))
    children, errno = map(int, out.split())
    assert children < 20 and errno == 11  # EAGAIN
    assert time.monotonic() - start < 30
    shell_bomb = run_sandboxed(
        ["sh", "-c", "bomb() { bomb | bomb & }; bomb; sleep 1; echo survived"],
        workdir=tmp_path,
        limits=Limits(processes=30, wall_seconds=20),
    )
    assert not shell_bomb.timed_out


def test_file_size_limit_stops_writing_100_mb_beyond_the_cap(tmp_path):
    code = """
        with open("big.bin", "wb") as out:
            for _ in range(150):
                out.write(b"x" * 1024 * 1024)
        print("WROTE ALL")
    """
    result = python(code, tmp_path, limits=Limits(file_size_mb=50))
    assert "WROTE ALL" not in result.stdout and result.returncode != 0
    assert result.killed_by_limit == "file_size"
    assert (tmp_path / "big.bin").stat().st_size <= 50 * 1024 * 1024


def test_infinite_loop_is_killed_at_the_wall_time(tmp_path):
    start = time.monotonic()
    result = python("while True: pass", tmp_path, limits=Limits(wall_seconds=1.5))
    assert result.timed_out and result.killed_by_limit == "time"
    assert result.returncode != 0
    assert time.monotonic() - start < 10


def test_captured_output_is_capped_in_bytes(tmp_path):
    code = "import sys; sys.stdout.write('客' * 3_000_000); sys.stderr.write('e' * 100_000)"
    result = python(code, tmp_path, limits=Limits(output_bytes=10_000))
    assert result.returncode == 0
    assert len(result.stdout.encode()) < 10_000 + 200
    assert result.stdout.startswith("客" * 3000) and "输出超过 10000 字节" in result.stdout
    assert result.stderr.startswith("e" * 10_000) and "输出超过" in result.stderr


def test_a_detached_process_never_outlives_the_sandbox(tmp_path):
    marker = "3.14159"
    code = f"""
        import subprocess
        subprocess.Popen(["setsid", "sh", "-c", "sleep {marker}; echo late > late.txt"],
                         start_new_session=True, stdout=subprocess.DEVNULL)
        subprocess.Popen(["sh", "-c", "nohup sleep {marker} > /dev/null 2>&1 &"])
        print("left")
    """
    assert ok(python(code, tmp_path)).strip() == "left"
    survivors = [
        pid for pid in os.listdir("/proc") if pid.isdigit() and marker.encode() in _cmdline(pid)
    ]
    assert survivors == []
    time.sleep(4)
    assert not (tmp_path / "late.txt").exists()


def _cmdline(pid: str) -> bytes:
    try:
        return Path("/proc", pid, "cmdline").read_bytes()
    except OSError:
        return b""


def test_python_stack_imports_inside(tmp_path):
    code = "import custseg, pandas, numpy, matplotlib.pyplot, ipykernel, nbclient; print('ok')"
    assert ok(python(code, tmp_path)).strip() == "ok"


def test_a_real_ipython_kernel_runs_inside(tmp_path):
    script = tmp_path / "kernel_check.py"
    script.write_text(
        textwrap.dedent("""
        import os
        from jupyter_client.manager import start_new_kernel
        manager, client = start_new_kernel(kernel_name="python3")
        try:
            reply = client.execute_interactive("1+1", timeout=60, output_hook=lambda m: (
                m["msg_type"] == "execute_result" and print("result", m["content"]["data"]["text/plain"])
            ))
            print("status", reply["content"]["status"])
            print("connection", os.path.dirname(manager.connection_file))
        finally:
            client.stop_channels()
            manager.shutdown_kernel(now=True)
        """)
    )
    result = run_sandboxed(
        ["python", "kernel_check.py"], workdir=tmp_path, limits=Limits(wall_seconds=120)
    )
    out = ok(result).splitlines()
    assert "result 2" in out and "status ok" in out
    assert [line for line in out if line.startswith("connection /tmp")], out


def test_start_cost_is_well_under_a_fifth_of_a_second(tmp_path):
    durations = []
    for _ in range(5):
        start = time.perf_counter()
        ok(run_sandboxed(["true"], workdir=tmp_path))
        durations.append(time.perf_counter() - start)
    median, best = statistics.median(durations) * 1000, min(durations) * 1000
    print(f"sandbox start cost: best {best:.1f} ms, median {median:.1f} ms")
    assert best < 200  # the best of five: other work on the machine only adds to it


def test_missing_bubblewrap_gives_a_chinese_install_message(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    reason = sandbox_available()
    assert reason is not None and "sudo apt-get install bubblewrap" in reason
    with pytest.raises(SandboxUnavailable, match="需要 bubblewrap"):
        run_sandboxed(["true"], workdir=tmp_path)


def test_namespaces_refused_gives_a_chinese_message(tmp_path, monkeypatch):
    fake = tmp_path / "bin" / "bwrap"
    fake.parent.mkdir()
    fake.write_text("#!/bin/sh\necho 'bwrap: No permissions to create new namespace' >&2\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}:/usr/bin:/bin")
    reason = sandbox_available()
    assert reason is not None and "用户命名空间" in reason and "No permissions" in reason
    with pytest.raises(SandboxUnavailable):
        run_sandboxed(["true"], workdir=tmp_path)


def test_the_sandbox_python_is_the_callers(tmp_path):
    out = ok(python("import sys; print(sys.prefix, sys.base_prefix)", tmp_path))
    assert out.split() == [sys.prefix, sys.base_prefix]


def test_matplotlib_reads_a_prepared_font_list_instead_of_scanning_fonts(tmp_path):
    code = """
        import os
        from matplotlib import font_manager
        folder = os.environ["MPLCONFIGDIR"]
        names = os.listdir(folder)
        print(names, len(font_manager.fontManager.ttflist) > 0,
              os.access(os.path.join(folder, names[0]), os.W_OK))
    """
    result = python(code, tmp_path)
    assert ok(result).strip().endswith("True False"), result
    assert ok(result).startswith("['fontlist-v") and result.stderr == ""


def test_files_left_in_the_workdir_are_read_without_following_links_or_pipes(tmp_path):
    secret = tmp_path / "gradebook.db"
    secret.write_text("all the scores")
    workdir = tmp_path / "work"
    workdir.mkdir()
    code = f"""
        import os
        os.symlink({str(secret)!r}, "answer.ipynb")
        os.mkfifo("pipe.ipynb")
        os.mkdir("sub")
        os.symlink({str(tmp_path)!r}, "linked")
        open("sub/big.ipynb", "w").write("x" * 5000)
        open("sub/ok.ipynb", "w").write("{{}}")
    """
    ok(python(code, workdir))
    for name in ["answer.ipynb", "pipe.ipynb", "linked/gradebook.db", "../gradebook.db", "sub"]:
        with pytest.raises(ValueError):
            sandbox.read_workdir_file(workdir, name, max_bytes=1000)
    with pytest.raises(ValueError, match="超过上限"):
        sandbox.read_workdir_file(workdir, "sub/big.ipynb", max_bytes=1000)
    assert sandbox.read_workdir_file(workdir, "sub/ok.ipynb", max_bytes=1000) == b"{}"


def _graded_notebook():
    answer = nbformat.v4.new_code_cell("total = 6 * 7")
    answer.metadata["nbgrader"] = {"grade_id": "q1", "solution": True, "grade": False}
    test = nbformat.v4.new_code_cell("print('格式正确'); assert isinstance(total, int)")
    test.metadata["nbgrader"] = {"grade_id": "q1_test", "grade": True, "solution": False}
    return nbformat.v4.new_notebook(cells=[answer, test])


def test_runner_keeps_the_graded_cell_and_exports_its_answer(tmp_path):
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps({"q1_test": {"names": ["total"], "calls": {}}}))
    folder = tmp_path / "submission"
    folder.mkdir()
    argv = ["python", "-m", "custseg.grading.runner", "--plan", str(plan), "--timeout", "30"]
    stdin = nbformat.writes(_graded_notebook()).encode()
    result = run_sandboxed(
        argv, workdir=folder, readable=[plan], limits=Limits(wall_seconds=120), stdin=stdin
    )
    assert result.returncode == 0, result.stderr
    executed = nbformat.reads((folder / "executed.ipynb").read_text(encoding="utf-8"), 4)
    test = executed.cells[1]
    assert test.source.startswith("print('格式正确')")  # not the line that exported the answer
    assert [o.get("text") for o in test.outputs] == ["格式正确\n"]
    answers = [json.loads(line) for line in (folder / "answers.jsonl").read_text().splitlines()]
    assert answers == [{"question": "q1_test", "values": {"total": {"value": 42}}}]


_CHECKS = """
# %% check="setup"
import os
print("setup output never mixes with the verdicts")
with open("setups.txt", "a") as log:
    log.write("setup\\n")

# %% check="q1_test"
def check_q1(total):
    if total == 13:
        os._exit(3)
    assert total == 42
"""


def test_judge_process_sets_up_once_and_judges_each_learner(tmp_path):
    source = tmp_path / "a1.py"
    source.write_text(_CHECKS, encoding="utf-8")
    with JudgeProcess(source, tmp_path / "plan.json", tmp_path, timeout=120) as judge:
        plan = json.loads((tmp_path / "plan.json").read_text())
        assert plan == {"q1_test": {"names": ["total"], "calls": {}}}
        right = judge.judge({"q1_test": {"total": {"value": 42}}})
        wrong = judge.judge({"q1_test": {"total": {"value": 41}}})
        assert (tmp_path / "setups.txt").read_text() == "setup\n"
        with pytest.raises(JudgeFailed, match="a1.py"):  # a check that kills the process
            judge.judge({"q1_test": {"total": {"value": 13}}})
        again = judge.judge({"q1_test": {"total": {"value": 42}}})  # in a new process
    assert right["q1_test"] == {"passed": True, "reason": "passed", "detail": ""}
    assert wrong["q1_test"]["reason"] == "wrong" and again["q1_test"]["passed"]
    assert (tmp_path / "setups.txt").read_text() == "setup\nsetup\n"
    assert judge.process is None
