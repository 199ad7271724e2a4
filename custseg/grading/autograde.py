"""Autograde every submission of an assignment: each in its own sandbox, checked outside.

For each collected submission :func:`autograde`

1. takes only the notebook (any other submitted file is listed as a grading issue and never
   copied or run) and rebuilds it on the released notebook, keeping only the learner's
   answers (:mod:`custseg.grading.restore`);
2. runs it in a throw-away sandbox (:mod:`custseg.grading.sandbox`: no network, only its own
   empty folder writable, limits on memory, processes, file size and time) with
   :mod:`custseg.grading.runner`, which executes the cells with a time limit each and
   exports, after every graded cell, the values that question's check needs as plain data;
   several submissions run at the same time (one per core);
3. as soon as a submission is done, judges those values with the instructor's checks in a
   fresh ``python -I`` interpreter no learner code ever touches, started once per run
   (:class:`custseg.grading.judge.JudgeProcess`), against references it computes from the
   instructor's own data;
4. writes the scores to the gradebook (only this process does), the graded notebook with
   capped outputs and no hidden check to ``autograded/``, and every problem to
   ``issues.json``.

Anything that goes wrong for one learner (a crash, a timeout, a limit, a forged file)
scores zero on the cells affected, with an issue line; nobody else is touched, and no
older score is kept. The gradebook is backed up first (:mod:`custseg.grading.backup`).

Assignments whose text source has no check cells yet are graded by the hidden tests in
their notebook, run in the sandbox (a run-level issue says so). :func:`autograde_sequential`
runs plain ``nbgrader autograde`` (no sandbox), for comparison only.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import nullcontext
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from nbgrader.utils import compute_checksum

from custseg.errors import DataError
from custseg.grading.backup import backup_gradebook
from custseg.grading.checks import (
    ALL_STUDENTS,
    Issue,
    check_graded,
    check_submission,
    save_issues,
)
from custseg.grading.course import Course
from custseg.grading.gradebook import record_scores, zero_ungraded
from custseg.grading.judge import REASONS, JudgeFailed, JudgeProcess, has_checks
from custseg.grading.outputs import NOTEBOOK_BYTES, clean_outputs
from custseg.grading.restore import grade_id, restore_submission
from custseg.grading.runner import ANSWERS, EXECUTED, KERNEL_DIED, TIMEOUT_ERROR
from custseg.grading.sandbox import (
    Limits,
    SandboxResult,
    SandboxUnavailable,
    run_sandboxed,
    sandbox_available,
)

__all__ = [
    "DEFAULT_CELL_TIMEOUT",
    "GradingRun",
    "SandboxUnavailable",
    "autograde",
    "autograde_sequential",
]

DEFAULT_CELL_TIMEOUT = 30
MAX_RESULT_BYTES = 60 * 1024 * 1024  # executed notebook or answers file read back
_JUDGE_SECONDS = 120
_LEFT_OVER_BYTES = 20 * 1024 * 1024


@dataclass
class GradingRun:
    """What one grading run did."""

    assignment: str
    graded: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    backup: Path | None = None
    sandboxed: bool = True
    outside_checks: bool = True


@dataclass
class _Executed:
    """What came back from one learner's sandbox (all of it untrusted data)."""

    notebook: nbformat.NotebookNode | None
    answers: dict
    issues: list[Issue]


def _python() -> str:
    return sys.executable


def _read_untrusted(path: Path, limit: int = MAX_RESULT_BYTES) -> bytes | None:
    """A regular file the sandbox left, never following a link, at most ``limit`` bytes."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as file:
        info = os.fstat(file.fileno())
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
            return None
        return file.read(limit + 1)[:limit]


def _left_over_bytes(folder: Path) -> int:
    total = 0
    for root, _, files in os.walk(folder, followlinks=False):
        for name in files:
            try:
                total += os.lstat(os.path.join(root, name)).st_size
            except OSError:
                pass
    return total


def _answers(data: bytes | None, plan: dict) -> dict:
    answers: dict = {}
    if not data:
        return answers
    for line in data.decode("utf-8", errors="replace").splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if not isinstance(record, dict) or record.get("question") not in plan:
            continue
        if isinstance(record.get("values"), dict):
            answers[record["question"]] = record["values"]
    return answers


def _run_plain(argv, *, workdir: Path, readable, limits: Limits, stdin: bytes) -> SandboxResult:
    """The runner without a sandbox (``--no-sandbox``): same folder, same time limit."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(workdir),
        "LANG": "C.UTF-8",
        "PYTHONIOENCODING": "utf-8",
        "MPLBACKEND": "Agg",
        "JUPYTER_RUNTIME_DIR": str(workdir / ".runtime"),
    }
    process = subprocess.Popen(
        [_python(), *argv[1:]],
        cwd=workdir,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        out, err = process.communicate(stdin, timeout=limits.wall_seconds)
        timed_out = False
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, 9)
        out, err = process.communicate()
        timed_out = True
    cap = limits.output_bytes
    return SandboxResult(
        process.returncode,
        out[:cap].decode("utf-8", "replace"),
        err[:cap].decode("utf-8", "replace"),
        timed_out,
        "time" if timed_out else None,
    )


def _execute_one(
    student: str,
    assignment: str,
    notebook: nbformat.NotebookNode,
    work: Path,
    plan_path: Path | None,
    plan: dict,
    timeout: int,
    sandboxed: bool,
) -> _Executed:
    folder = Path(tempfile.mkdtemp(prefix="submission-", dir=work))
    argv = ["python", "-m", "custseg.grading.runner", "--timeout", str(timeout)]
    readable = []
    if plan_path is not None:
        argv += ["--plan", str(plan_path)]
        readable.append(plan_path)
    code_cells = sum(cell.cell_type == "code" for cell in notebook.cells) + len(plan)
    limits = Limits(wall_seconds=min(3600, 60 + timeout * code_cells))
    run = run_sandboxed if sandboxed else _run_plain
    issues: list[Issue] = []
    try:
        result = run(
            argv,
            workdir=folder,
            readable=readable,
            limits=limits,
            stdin=nbformat.writes(notebook).encode("utf-8"),
        )
        executed_bytes = _read_untrusted(folder / EXECUTED)
        answers = _answers(_read_untrusted(folder / ANSWERS), plan)
        left_over = _left_over_bytes(folder)
    except Exception as error:  # the sandbox itself failed: only this submission is affected
        detail = f"{type(error).__name__}: {error}"[:160]
        return _Executed(None, {}, [Issue(student, assignment, "grading_failed", detail=detail)])
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if result.killed_by_limit or result.timed_out:
        detail = result.killed_by_limit or "time"
        issues.append(Issue(student, assignment, "sandbox_limit", detail=detail))
    elif result.returncode != 0:
        lines = result.stderr.strip().splitlines() or [f"exit code {result.returncode}"]
        issues.append(Issue(student, assignment, "grading_failed", detail=lines[-1][:160]))
    if left_over > _LEFT_OVER_BYTES:
        detail = f"{left_over / 1024 / 1024:.0f} MB"
        issues.append(Issue(student, assignment, "files_left", detail=detail))
    executed = None
    if executed_bytes is not None:
        try:
            executed = nbformat.reads(executed_bytes.decode("utf-8", "replace"), as_version=4)
        except Exception:  # a forged or half-written file: no outputs
            executed = None
    if executed is None and not any(i.kind == "grading_failed" for i in issues):
        issues.append(Issue(student, assignment, "grading_failed", detail="没有执行结果"))
    return _Executed(executed, answers, issues)


def _outputs_of(executed, index: int, cell) -> list:
    if executed is None or index >= len(executed.cells):
        return []
    ran = executed.cells[index]
    if ran.get("cell_type") != cell.cell_type or cell.cell_type != "code":
        return []
    outputs = ran.get("outputs", [])
    return outputs if isinstance(outputs, list) else []


def _legacy_passed(outputs: list) -> bool:
    for output in outputs:
        if not isinstance(output, dict):
            continue
        if output.get("output_type") == "error":
            return False
        if output.get("output_type") == "stream" and output.get("name") == "stderr":
            return False
    return True


def _verdict_output(passed: bool, reason: str, detail: str) -> nbformat.NotebookNode:
    text = REASONS[reason] + (f"：{detail}" if detail and not passed else "")
    if passed:
        return nbformat.NotebookNode(output_type="stream", name="stdout", text=f"✔ {text}\n")
    return nbformat.NotebookNode(
        output_type="error", ename="未通过评分检查", evalue=text, traceback=[f"✘ {text}"]
    )


def _cell_issues(student, assignment, executed) -> list[Issue]:
    issues = []
    for index, cell in enumerate(executed.cells if executed is not None else []):
        name = grade_id(cell) or f"#{index + 1}"
        outputs = cell.get("outputs", []) if isinstance(cell.get("outputs"), list) else []
        for output in outputs:
            if not isinstance(output, dict) or output.get("output_type") != "error":
                continue
            kind = {
                TIMEOUT_ERROR: "timeout",
                KERNEL_DIED: "kernel_died",
                "MemoryError": "memory_limit",
            }.get(output.get("ename"))
            if kind and Issue(student, assignment, kind, cell=name) not in issues:
                issues.append(Issue(student, assignment, kind, cell=name))
    return issues


def _grade(
    course: Course,
    assignment: str,
    student: str,
    graded: nbformat.NotebookNode,
    outcome: _Executed,
    verdicts: dict | None,
) -> list[Issue]:
    """Scores to the gradebook and the graded notebook to ``autograded/``; the issues."""
    issues = list(outcome.issues) + _cell_issues(student, assignment, outcome.notebook)
    budget = NOTEBOOK_BYTES
    scores: dict[str, float | None] = {}
    unanswered = set()
    for index, cell in enumerate(graded.cells):
        info = cell.metadata.get("nbgrader", {})
        raw = _outputs_of(outcome.notebook, index, cell)
        is_test = bool(info.get("grade")) and not info.get("solution") and cell.cell_type == "code"
        if is_test:
            name = info["grade_id"]
            if verdicts is None:  # hidden tests inside the notebook (not yet outside checks)
                passed = outcome.notebook is not None and _legacy_passed(raw)
                reason, detail = ("passed" if passed else "wrong"), ""
                shown = []
            else:
                verdict = verdicts.get(name, {"passed": False, "reason": "no_answer"})
                passed, reason = bool(verdict.get("passed")), verdict.get("reason", "wrong")
                detail = str(verdict.get("detail", ""))[:160]
                shown = [o for o in raw if isinstance(o, dict) and o.get("output_type") != "error"]
                shown = [o for o in shown if o.get("name") != "stderr"]
                if reason == "not_plain":
                    issues.append(Issue(student, assignment, "not_plain", cell=name, detail=detail))
            kept, budget = clean_outputs(shown, budget)
            cell.outputs = [*kept, _verdict_output(passed, reason, detail)]
            scores[name] = float(info.get("points", 0)) if passed else 0.0
            continue
        if cell.cell_type == "code":
            cell.outputs, budget = clean_outputs(raw, budget)
            if any(o.output_type == "stream" and "output cut" in o.text for o in cell.outputs):
                issues.append(Issue(student, assignment, "output_cut", cell=grade_id(cell) or ""))
        if info.get("solution"):
            unchanged = info.get("checksum") == compute_checksum(cell)
            if unchanged:
                unanswered.add(info["grade_id"])
            if info.get("grade"):
                scores[info["grade_id"]] = 0.0 if unchanged else None
    folder = course.notebook_path("autograded", assignment, student).parent
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    nbformat.write(graded, folder / f"{assignment}.ipynb")
    stamp = course.submission_dir(student, assignment) / "timestamp.txt"
    if stamp.is_file() and not stamp.is_symlink():
        shutil.copyfile(stamp, folder / "timestamp.txt")
    record_scores(course, assignment, student, scores, unanswered=frozenset(unanswered))
    return issues


def _extra_files(course: Course, student: str, assignment: str) -> list[Issue]:
    folder = course.submission_dir(student, assignment)
    expected = {f"{assignment}.ipynb", "timestamp.txt", "submission_secret.txt"}
    found = sorted(p.name for p in folder.iterdir() if p.name not in expected)
    notebook = folder / f"{assignment}.ipynb"
    if not notebook.is_file() or notebook.is_symlink():
        return []  # reported as a missing notebook
    if not found:
        return []
    return [Issue(student, assignment, "extra_file", detail=", ".join(found)[:160])]


def _zero(course: Course, assignment: str, student: str) -> None:
    """Zero every automatic score of a submission that could not be graded."""
    shutil.rmtree(course.notebook_path("autograded", assignment, student).parent, True)
    record_scores(course, assignment, student, {})


def autograde(
    course: Course,
    assignment: str,
    *,
    students: list[str] | None = None,
    workers: int | None = None,
    timeout: int = DEFAULT_CELL_TIMEOUT,
    sandbox: bool = True,
) -> GradingRun:
    """Autograde the collected submissions of ``assignment``, each in a sandbox, in parallel.

    Parameters
    ----------
    course : Course
    assignment : str
    students : list of str, optional
        Only these students (default: everyone in ``submitted/``).
    workers : int, optional
        Submissions running at the same time (default: the number of cores).
    timeout : int, default 30
        Seconds a cell may run before it is interrupted and scores zero.
    sandbox : bool, default True
        Run each submission in the sandbox. ``False`` runs them as plain processes of
        this user (the run then records a ``unsandboxed`` issue).

    Returns
    -------
    GradingRun
        Who was graded, who failed, the issues found and the gradebook backup made.

    Raises
    ------
    SandboxUnavailable
        When ``sandbox`` and the sandbox cannot start here (the message says what to install).
    """
    if sandbox and (reason := sandbox_available()) is not None:
        raise SandboxUnavailable(reason)
    text = course.assignments_dir / f"{assignment}.py"
    outside = text.is_file() and has_checks(text)
    run = GradingRun(assignment, sandboxed=sandbox, outside_checks=outside)
    if students is None:
        students = course.submitted_students(assignment)
    run.backup = backup_gradebook(course, label=f"before-autograde-{assignment}")
    if not sandbox:
        run.issues.append(Issue(ALL_STUDENTS, assignment, "unsandboxed"))
    if not outside:
        run.issues.append(Issue(ALL_STUDENTS, assignment, "legacy_checks"))
    work = Path(tempfile.mkdtemp(prefix="custseg-grading-"))
    try:
        plan_path = work / "plan.json" if outside else None
        with _start_judge(text, plan_path, work) if outside else nullcontext() as judge:
            plan = {}
            if judge is not None:
                os.chmod(plan_path, 0o644)
                plan = json.loads(plan_path.read_text(encoding="utf-8"))
            options = (timeout, sandbox, workers)
            _grade_all(course, assignment, students, run, work, plan_path, plan, judge, *options)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    save_issues(course.issues_file, assignment, run.issues, [*students, ALL_STUDENTS])
    return run


def _start_judge(text: Path, plan_path: Path, work: Path) -> JudgeProcess:
    try:
        return JudgeProcess(text, plan_path, work, timeout=_JUDGE_SECONDS)
    except JudgeFailed as error:
        raise DataError(str(error)) from None


def _grade_all(
    course: Course,
    assignment: str,
    students: list[str],
    run: GradingRun,
    work: Path,
    plan_path: Path | None,
    plan: dict,
    judge: JudgeProcess | None,
    timeout: int,
    sandbox: bool,
    workers: int | None,
) -> None:
    """Run the submissions, several at a time; judge and record each as soon as it is done."""
    released = nbformat.read(course.notebook_path("release", assignment), as_version=4)
    source = nbformat.read(course.notebook_path("source", assignment), as_version=4)
    to_run, notebooks = {}, {}
    per_student: dict[str, list[Issue]] = {}
    for student in students:
        issues = check_submission(course, student, assignment)
        per_student[student] = issues + _extra_files(course, student, assignment)
        if any(i.kind in ("invalid_notebook", "missing_notebook") for i in issues):
            continue
        submitted = nbformat.read(course.notebook_path("submitted", assignment, student), 4)
        to_run[student], unknown = restore_submission(submitted, released, source)
        notebooks[student], _ = restore_submission(submitted, released)
        for name in unknown:
            per_student[student].append(
                Issue(student, assignment, "unknown_cell", detail=name[:80])
            )
    done: dict[str, bool] = {}
    count = max(1, min(workers or os.cpu_count() or 1, len(to_run) or 1))
    with ThreadPoolExecutor(count) as pool:
        futures = {
            pool.submit(_execute_one, s, assignment, nb, work, plan_path, plan, timeout, sandbox): s
            for s, nb in to_run.items()
        }
        for future in as_completed(futures):
            student = futures[future]
            outcome = future.result()
            issues = per_student[student]
            verdicts = None
            if judge is not None:
                try:
                    verdicts = judge.judge(outcome.answers)
                except JudgeFailed as error:  # every check of this learner scores zero
                    verdicts = {}
                    detail = str(error)[:160]
                    issues.append(Issue(student, assignment, "grading_failed", detail=detail))
            issues += _grade(course, assignment, student, notebooks[student], outcome, verdicts)
            done[student] = outcome.notebook is not None
    for student in students:
        if student not in done:
            _zero(course, assignment, student)
        (run.graded if done.get(student) else run.failed).append(student)
        run.issues.extend(per_student[student])


def autograde_sequential(
    course: Course, assignment: str, *, timeout: int = DEFAULT_CELL_TIMEOUT
) -> GradingRun:
    """Plain ``nbgrader autograde``: every submission, one after another, no sandbox.

    Only for comparison (``bench/bench_grading.py``): the learner's code runs as this user
    and the checks run inside the learner's kernel. The gradebook is backed up and issues
    are recorded as in :func:`autograde`.
    """
    run = GradingRun(assignment, sandboxed=False, outside_checks=False)
    students = course.submitted_students(assignment)
    run.backup = backup_gradebook(course, label=f"before-autograde-{assignment}")
    checked = {s: check_submission(course, s, assignment) for s in students}
    result = course.nbgrader(
        "autograde",
        assignment,
        force=True,
        settings={"Execute.timeout": timeout},
        check=False,
        plain=True,  # said out loud: this run is unsandboxed
    )
    log = result.log
    for student in students:
        issues = list(checked[student])
        if f"for student '{student}'" in log:
            run.failed.append(student)
            if not any(i.kind in ("invalid_notebook", "missing_notebook") for i in issues):
                issues.append(Issue(student, assignment, "grading_failed"))
            zero_ungraded(course, assignment, student)
        else:
            run.graded.append(student)
            issues += check_graded(course, student, assignment)
        run.issues.extend(issues)
    save_issues(course.issues_file, assignment, run.issues, students)
    return run
