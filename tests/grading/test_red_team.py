"""Hostile learners against the grader: every attack fails, honest learners keep full marks.

One grading run (sandboxed, as ``custseg-grade autograde`` does by default) of one assignment
with two honest learners and nine attackers, each attacker's notebook being the released one
with model or wrong answers plus the attack. Attacks that would leak something print what
they got (``ATTACK <name>: <what>``) so the tests can also show the attack really ran.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import sqlite3
import threading
import time
import uuid

import nbformat
import pytest

from custseg.grading.autograde import _read_untrusted, autograde
from custseg.grading.backup import backup_gradebook, list_backups
from custseg.grading.course import Course
from custseg.grading.feedback import release_feedback
from custseg.grading.gradebook import record_scores
from custseg.grading.grades import cell_grades
from custseg.grading.judge import read_checks
from custseg.grading.sandbox import sandbox_available
from tests.grading.conftest import ASSIGNMENT
from tests.grading.students import model_answers, student_notebook

AUTO = {"q1_test": 1.0, "q2_test": 2.0, "q3_test": 2.0, "q4_test": 2.0, "q5_test": 2.0}
HONEST = ("honest", "victim")
SECRET = f"grader-secret-{uuid.uuid4().hex}"
LATE_MARKER = f"custseg-late-{uuid.uuid4().hex}"
TIMEOUT = 20

pytestmark = pytest.mark.skipif(
    sandbox_available() is not None and not os.environ.get("CUSTSEG_REQUIRE_SANDBOX"),
    reason="the grading sandbox (bubblewrap) cannot start here",
)


def _snoop(root: str, port: int) -> str:
    """Look for everything a learner must never see or touch, and print what was found."""
    return f"""
import glob, json, os, socket, sqlite3
ROOT = {root!r}
stolen = []
for pattern in [ROOT + "/source/**/*", ROOT + "/assignments/*", ROOT + "/release/**/*",
                ROOT + "/../**/*.py", "/work/main/grading/**/*", "/root/**/*.ipynb"]:
    for path in glob.glob(pattern, recursive=True):
        try:
            print(open(path, encoding="utf-8", errors="replace").read()[:200000])
            stolen.append(path)
        except Exception:
            pass
print("ATTACK solutions:", len(stolen))
touched = 0
for path in glob.glob(ROOT + "/submitted/victim/**/*.ipynb", recursive=True) + glob.glob(
        ROOT + "/autograded/victim/**/*.ipynb", recursive=True):
    try:
        open(path, "a").write("tampered")
        touched += 1
    except Exception:
        pass
print("ATTACK other learner:", touched)
written = 0
for path in [ROOT + "/gradebook.db", *glob.glob(ROOT + "/backups/*.db")]:
    try:
        db = sqlite3.connect(path)
        db.execute("UPDATE grade SET auto_score = 100")
        db.execute("CREATE TABLE pwned (x)")
        db.commit()
        written += 1
    except Exception:
        pass
print("ATTACK gradebook:", written)
try:
    open(ROOT + "/nbgrader_config.py", "a").write("\\nprint('pwned')\\n")
    print("ATTACK config: appended")
except Exception:
    print("ATTACK config: refused")
own = os.path.basename(__import__("ipykernel").get_connection_file())
others = [p for pattern in ("/tmp/**/kernel-*.json", "/root/**/kernel-*.json",
                            "/run/**/kernel-*.json", os.path.expanduser("~") + "/**/kernel-*.json")
          for p in glob.glob(pattern, recursive=True) if os.path.basename(p) != own]
reached = 0
for path in others:
    try:
        from jupyter_client import BlockingKernelClient
        client = BlockingKernelClient(connection_file=path)
        client.load_connection_file()
        client.start_channels()
        client.wait_for_ready(timeout=3)
        client.execute("n_missing = -1; clean = None")
        reached += 1
    except Exception:
        pass
print("ATTACK kernels:", len(others), reached)
try:
    socket.create_connection(("127.0.0.1", {port}), timeout=3).sendall(b"hello")
    print("ATTACK loopback: connected")
except OSError:
    print("ATTACK loopback: refused")
commands = []
for path in glob.glob("/proc/[0-9]*/cmdline"):
    try:
        commands.append(open(path, "rb").read().replace(b"\\0", b" ").decode())
    except Exception:
        pass
print("ATTACK processes:", json.dumps(commands))
print("ATTACK environment:", json.dumps(dict(os.environ)))
"""


_TRANSFORMER = """
get_ipython().input_transformers_post.append(
    lambda lines: [line.replace("assert ", "pass  # ") for line in lines])
n_missing = -1
"""

_PATCHER = """
import builtins, numpy, pandas
builtins.abs = lambda x: 0
builtins.isinstance = lambda *args: True
numpy.isclose = lambda *args, **kwargs: True
numpy.allclose = lambda *args, **kwargs: True
pandas.testing.assert_frame_equal = lambda *args, **kwargs: None
pandas.Series.__eq__ = lambda self, other: True
n_missing = -1
"""

_ALWAYS_EQUAL = """
class Same:
    def __eq__(self, other):
        return True
    def __ne__(self, other):
        return False
    def __hash__(self):
        return 0
class SameInt(int):
    def __eq__(self, other):
        return True
n_missing = SameInt(1)
"""

_REPLACER_Q1 = """
orders = orders.dropna(subset=["customer_id"])  # the data the old hidden test recomputed from
n_missing = int(orders["customer_id"].isna().sum())
"""

_REPLACER_Q3 = """
clean, report = clean_transactions(orders.head(200))
n_customers = int(clean["customer_id"].nunique())
"""

_SHIPPER = """
print("✔ 通过评分检查 (passed the grader's check)")
print("✅ ok: all tests passed")
import answers_helper  # shipped beside the notebook
n_missing = answers_helper.n_missing
"""

_HOG_Q1 = """
n_missing = int(orders["customer_id"].isna().sum())
hog = bytearray(8 * 1024**3)
"""

_HOG_Q2 = """
print("x" * 53_000_000)
is_cancelled = orders["invoice_id"].str.startswith("C")
n_cancelled = int((is_cancelled & orders["customer_id"].notna()).sum())
"""


def _hog_q3(root: str) -> str:
    return f"""
import os
block = b"0" * (45 * 1024 * 1024)
for index in range(7):
    for folder in (".", {root!r} + "/autograded/hog", {root!r} + "/feedback/hog", "/tmp"):
        try:
            os.makedirs(folder, exist_ok=True)
            open(os.path.join(folder, f"fill{{index}}.bin"), "wb").write(block)
        except OSError:
            pass
clean, report = clean_transactions(orders)
n_customers = int(clean["customer_id"].nunique())
"""


def _hog_q4(root: str) -> str:
    late = f"""import os, time
time.sleep(4)
for path in ("late.txt", {root!r} + "/late.txt", "/tmp/late.txt"):
    try:
        open(path, "w").write("late")
    except OSError:
        pass
"""
    return f"""
import os, subprocess, sys
subprocess.Popen([sys.executable, "-c", {late!r}, {LATE_MARKER!r}], start_new_session=True,
                 stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
if os.fork() == 0:
    os.setsid()
    os.execv(sys.executable, [sys.executable, "-c", {late!r}, {LATE_MARKER!r}])
revenue_by_country = clean.groupby("country")["amount"].sum().sort_values(ascending=False)
"""


_FORGER = """
import json
forged = [
    {"question": "q1_test", "values": {"n_missing": {"value": 42}}},
    {"question": "q2_test", "values": {"n_cancelled": {"value": {"$type": "evil", "code": "1"}}}},
    {"question": "q3_test", "values": {"clean": {"value": {"$type": "frame", "columns": 5}},
                                       "n_customers": {"value": 150}}},
    {"question": "q4_test", "values": "everything passed"},
    {"question": "q4_test", "values": {"revenue_by_country": {"value": [1, 2, 3]}}},
]
with open("answers.jsonl", "a") as file:
    for record in forged:
        file.write(json.dumps(record) + "\\n")
def top_customers(data, n):
    return ["passed"] * n
"""


def _text(cell) -> str:
    parts = []
    for output in cell.get("outputs", []):
        parts.append(output.get("text", ""))
        parts += [str(v) for v in output.get("data", {}).values()]
        parts += [output.get("evalue", ""), *output.get("traceback", [])]
    return "\n".join(parts)


def _printed(course: Course, student: str) -> str:
    notebook = nbformat.read(course.notebook_path("autograded", ASSIGNMENT, student), 4)
    return "\n".join(_text(cell) for cell in notebook.cells)


def _attack_line(course: Course, student: str, name: str) -> str:
    for line in _printed(course, student).splitlines():
        if line.startswith(f"ATTACK {name}:"):
            return line.split(":", 1)[1].strip()
    raise AssertionError(f"the {name} attack did not run for {student}")


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


class _Listener:
    """A TCP server on the grader's loopback that records every connection."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(0.2)
        self.port = self.server.getsockname()[1]
        self.connections = 0
        self.running = True
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while self.running:
            try:
                connection, _ = self.server.accept()
            except OSError:
                continue
            self.connections += 1
            connection.close()

    def close(self) -> None:
        self.running = False
        self.thread.join()
        self.server.close()


def _check_lines(course: Course) -> list[str]:
    """The telling lines of the hidden checks (those not also in the visible checks)."""
    checks = read_checks(course.assignments_dir / f"{ASSIGNMENT}.py")
    return [
        line.strip()
        for code in checks.values()
        for line in code.splitlines()
        if any(word in line for word in ("reference_", "def check", "calls", "expected", "spend"))
    ]


def _secrets(course: Course) -> list[str]:
    """Lines an attacker must never get: hidden checks, model and written answers."""
    lines = _check_lines(course)
    source = nbformat.read(course.notebook_path("source", ASSIGNMENT), 4)
    for cell in source.cells:
        if cell.metadata.get("nbgrader", {}).get("solution"):
            lines += [
                line.strip()
                for line in cell.source.splitlines()
                if len(line.strip()) > 25 and "SOLUTION" not in line
            ]
    return lines


@pytest.fixture(scope="module")
def attacked(released_template, tmp_path_factory):
    root = tmp_path_factory.mktemp("red_team") / "grading"
    shutil.copytree(released_template.root, root)
    course = Course(root)
    answers = model_answers(course, ASSIGNMENT)
    listener = _Listener()
    wrong = {
        "q2_answer": "n_cancelled = -1",
        "q3_answer": "clean, report = orders, None\nn_customers = 1",
        "q4_answer": "revenue_by_country = clean['amount']",
        "q5_answer": "def top_customers(data, n):\n    return [0] * n",
    }
    plans = {
        "honest": {},
        "victim": {},
        "snoop": {
            "q1_answer": answers["q1_answer"] + _snoop(str(root), listener.port),
            "q6_answer": "不知道",
            "q7_answer": "不知道",
        },
        "transformer": {**wrong, "q1_answer": _TRANSFORMER},
        "patcher": {**wrong, "q1_answer": _PATCHER},
        "always_equal": {
            "q1_answer": _ALWAYS_EQUAL,
            "q2_answer": "n_cancelled = Same()",
            "q3_answer": "clean, report = Same(), None\nn_customers = Same()",
            "q4_answer": "revenue_by_country = Same()",
            "q5_answer": "def top_customers(data, n):\n    return Same()",
        },
        "replacer": {"q1_answer": _REPLACER_Q1, "q3_answer": _REPLACER_Q3},
        "shipper": {**wrong, "q1_answer": _SHIPPER},
        "hog": {
            "q1_answer": _HOG_Q1,
            "q2_answer": _HOG_Q2,
            "q3_answer": _hog_q3(str(root)),
            "q4_answer": _hog_q4(str(root)),
        },
        "renamer": {},
        "forger": {"q5_answer": _FORGER},
    }
    for student, replaced in plans.items():
        notebook = student_notebook(
            course, ASSIGNMENT, answers if student != "renamer" else None, replace=replaced
        )
        if student == "renamer":  # renames a test cell after an earlier full-marks grading
            for cell in notebook.cells:
                if cell.metadata.get("nbgrader", {}).get("grade_id") == "q1_test":
                    cell.metadata["nbgrader"]["grade_id"] = "q1_test_old"
        folder = course.submission_dir(student, ASSIGNMENT)
        folder.mkdir(parents=True)
        nbformat.write(notebook, folder / f"{ASSIGNMENT}.ipynb")
        (folder / "timestamp.txt").write_text("2026-11-30 02:00:00.000000 UTC")
    (course.submission_dir("shipper", ASSIGNMENT) / "answers_helper.py").write_text(
        "import builtins\nbuiltins.abs = lambda x: 0\nn_missing = 300\n", encoding="utf-8"
    )
    record_scores(course, ASSIGNMENT, "renamer", dict(AUTO))  # the earlier full marks
    backup_gradebook(course, label="earlier")
    before = {
        "backups": {p.name: _digest(p) for p in list_backups(course)},
        "config": _digest(root / "nbgrader_config.py"),
        "victim": _digest(course.notebook_path("submitted", ASSIGNMENT, "victim")),
    }
    os.environ["CUSTSEG_TEST_SECRET"] = SECRET
    try:
        run = autograde(course, ASSIGNMENT, timeout=TIMEOUT, workers=2)
    finally:
        os.environ.pop("CUSTSEG_TEST_SECRET", None)
        listener.close()
    release_feedback(course, ASSIGNMENT)
    scores = cell_grades(course, ASSIGNMENT)
    table = scores[scores["question"].isin(AUTO)].pivot_table(
        index="student", columns="question", values="score"
    )
    return course, run, table, before, listener


def _issues(run, student: str) -> set[tuple[str, str]]:
    return {(issue.kind, issue.cell) for issue in run.issues if issue.student == student}


def _assert_honest_full_marks(table) -> None:
    for student in HONEST:
        assert table.loc[student].to_dict() == AUTO, student


def _feedback(course: Course, student: str) -> str:
    (page,) = (course.root / "feedback" / student / ASSIGNMENT).glob("*.html")
    return page.read_text(encoding="utf-8")


def test_solutions_and_checks_stay_out_of_the_attackers_feedback(attacked):
    course, run, table, _, _ = attacked
    assert _attack_line(course, "snoop", "solutions") == "0"
    page = _feedback(course, "snoop")
    own = course.notebook_path("submitted", ASSIGNMENT, "snoop").read_text(encoding="utf-8")
    secrets = [s for s in _secrets(course) if json.dumps(s, ensure_ascii=False)[1:-1] not in own]
    assert len(secrets) >= 12  # the checks and the written answers
    for line in secrets:
        assert line not in page and line not in _printed(course, "snoop"), line
    _assert_honest_full_marks(table)


def test_honest_feedback_has_no_hidden_checks(attacked):
    course, _, table, _, _ = attacked
    checks = _check_lines(course)
    assert len(checks) >= 10
    for student in HONEST:
        page = _feedback(course, student)
        assert "通过评分检查" in page
        for line in checks:
            assert line not in page, line
    _assert_honest_full_marks(table)


def test_other_learners_submission_cannot_be_read_or_changed(attacked):
    course, _, table, before, _ = attacked
    assert _attack_line(course, "snoop", "other learner") == "0"
    victim = course.notebook_path("submitted", ASSIGNMENT, "victim")
    assert _digest(victim) == before["victim"]
    assert "tampered" not in course.notebook_path("autograded", ASSIGNMENT, "victim").read_text()
    _assert_honest_full_marks(table)


def test_other_kernels_cannot_be_reached(attacked):
    course, _, table, _, _ = attacked
    found, reached = _attack_line(course, "snoop", "kernels").split()
    assert reached == "0" and found == "0"
    _assert_honest_full_marks(table)


def test_gradebook_and_backups_cannot_be_written(attacked):
    course, run, table, before, _ = attacked
    assert _attack_line(course, "snoop", "gradebook") == "0"
    for name, digest in before["backups"].items():
        assert _digest(course.backups / name) == digest, name
    with sqlite3.connect(course.gradebook) as db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    assert "pwned" not in tables
    assert table.loc["snoop"].to_dict() == AUTO  # its own honest answers, nothing more
    assert float(table.to_numpy().max()) <= max(AUTO.values())
    _assert_honest_full_marks(table)


def test_course_config_cannot_be_appended(attacked):
    course, _, table, before, _ = attacked
    assert _attack_line(course, "snoop", "config") == "refused"
    assert _digest(course.root / "nbgrader_config.py") == before["config"]
    _assert_honest_full_marks(table)


def test_input_transformer_turning_asserts_into_pass_gains_nothing(attacked):
    course, _, table, _, _ = attacked
    assert table.loc["transformer"].sum() == 0
    graded = nbformat.read(course.notebook_path("autograded", ASSIGNMENT, "transformer"), 4)
    verdicts = [_text(c) for c in graded.cells if c.metadata["nbgrader"].get("grade_id") in AUTO]
    assert all("未通过评分检查" in text for text in verdicts)
    _assert_honest_full_marks(table)


def test_patched_builtins_numpy_and_pandas_gain_nothing(attacked):
    _, _, table, _, _ = attacked
    assert table.loc["patcher"].sum() == 0
    _assert_honest_full_marks(table)


def test_always_equal_objects_are_not_plain_values(attacked):
    _, run, table, _, _ = attacked
    assert table.loc["always_equal"].sum() == 0
    not_plain = {cell for kind, cell in _issues(run, "always_equal") if kind == "not_plain"}
    assert not_plain == set(AUTO)
    _assert_honest_full_marks(table)


def test_replacing_the_data_the_checks_use_gains_nothing(attacked):
    _, _, table, _, _ = attacked
    scores = table.loc["replacer"].to_dict()
    assert scores["q1_test"] == 0 and scores["q3_test"] == 0
    # later answers computed from the replaced data are wrong too; q2 and q5 do not use it
    assert scores["q4_test"] == 0
    assert scores["q2_test"] == AUTO["q2_test"] and scores["q5_test"] == AUTO["q5_test"]
    _assert_honest_full_marks(table)


def test_shipped_python_file_is_never_copied_or_run(attacked):
    course, run, table, _, _ = attacked
    assert ("extra_file", "") in _issues(run, "shipper")
    assert any("answers_helper.py" in i.detail for i in run.issues if i.kind == "extra_file")
    assert "ModuleNotFoundError" in _printed(course, "shipper")
    assert table.loc["shipper"].sum() == 0
    assert (
        not (course.notebook_path("autograded", ASSIGNMENT, "shipper").parent)
        .joinpath("answers_helper.py")
        .exists()
    )
    _assert_honest_full_marks(table)


def test_printed_pass_messages_gain_nothing(attacked):
    course, _, table, _, _ = attacked
    assert "✅ ok: all tests passed" in _printed(course, "shipper")
    assert table.loc["shipper"]["q1_test"] == 0
    _assert_honest_full_marks(table)


def test_allocating_8_gb_is_stopped_by_the_memory_limit(attacked):
    _, run, table, _, _ = attacked
    assert ("memory_limit", "q1_answer") in _issues(run, "hog")
    assert table.loc["hog"]["q1_test"] == AUTO["q1_test"]  # the answer before the allocation
    _assert_honest_full_marks(table)


def test_detached_process_ends_with_the_sandbox(attacked):
    course, _, table, _, _ = attacked
    time.sleep(6)  # longer than the detached processes waited before writing
    assert not (course.root / "late.txt").exists()
    assert not list(course.root.rglob("late.txt"))
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                command = open(f"/proc/{entry.name}/cmdline", "rb").read()
            except OSError:
                continue
            assert LATE_MARKER.encode() not in command
    _assert_honest_full_marks(table)


def test_files_written_in_the_sandbox_reach_neither_autograded_nor_feedback(attacked):
    course, run, table, _, _ = attacked
    assert ("files_left", "") in _issues(run, "hog")
    for step in ("autograded", "feedback"):
        folder = course.root / step / "hog"
        size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
        assert size < 6_000_000, (step, size)
        assert not list(folder.rglob("fill*.bin"))
    assert table.loc["hog"]["q3_test"] == AUTO["q3_test"]
    _assert_honest_full_marks(table)


def test_53_mb_of_output_is_capped_in_bytes(attacked):
    course, run, table, _, _ = attacked
    assert ("output_cut", "q2_answer") in _issues(run, "hog")
    graded = course.notebook_path("autograded", ASSIGNMENT, "hog")
    assert graded.stat().st_size < 5_500_000
    assert "其余已截去" in graded.read_text(encoding="utf-8")
    assert len(_feedback(course, "hog").encode()) < 6_000_000
    assert table.loc["hog"]["q2_test"] == AUTO["q2_test"]
    _assert_honest_full_marks(table)


def test_loopback_port_of_the_grader_is_unreachable(attacked):
    course, _, table, _, listener = attacked
    assert _attack_line(course, "snoop", "loopback") == "refused"
    assert listener.connections == 0
    _assert_honest_full_marks(table)


def test_renamed_grade_id_neither_crashes_grading_nor_keeps_the_old_score(attacked):
    _, run, table, _, _ = attacked
    assert "renamer" in run.graded
    assert ("unknown_cell", "") in _issues(run, "renamer")
    assert table.loc["renamer"].sum() == 0  # blank answers now; the earlier 9 points are gone
    _assert_honest_full_marks(table)


def test_grader_processes_and_environment_are_invisible(attacked):
    course, _, table, _, _ = attacked
    processes = json.loads(_attack_line(course, "snoop", "processes"))
    assert processes and not any("pytest" in command for command in processes)
    environment = json.loads(_attack_line(course, "snoop", "environment"))
    assert SECRET not in json.dumps(environment) and "CUSTSEG_TEST_SECRET" not in environment
    _assert_honest_full_marks(table)


def test_forged_answers_file_gains_nothing(attacked):
    _, run, table, _, _ = attacked
    assert table.loc["forger"].to_dict() == dict.fromkeys(AUTO, 0.0)
    assert ("not_plain", "q2_test") in _issues(run, "forger")
    _assert_honest_full_marks(table)


def test_result_files_replaced_by_links_are_not_followed(attacked, tmp_path):
    course, _, _, _, _ = attacked
    source = course.notebook_path("source", ASSIGNMENT)
    (tmp_path / "executed.ipynb").symlink_to(source)
    assert _read_untrusted(tmp_path / "executed.ipynb") is None
    os.mkfifo(tmp_path / "answers.jsonl")  # a pipe would block a plain read forever
    assert _read_untrusted(tmp_path / "answers.jsonl") is None
