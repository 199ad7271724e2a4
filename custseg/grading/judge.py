"""The instructor's checks, run outside the learner's process on plain-data answers.

An assignment's text source holds, besides the notebook cells, **check cells**: code cells
whose ``# %%`` header carries ``check="<grade_id>"`` (or ``check="setup"`` for code shared
by all checks). :func:`custseg.grading.build.build_source` leaves them out of every
notebook, so they never reach ``source/``, ``release/``, ``autograded/`` or feedback.
A check cell defines one function named ``check`` or ``check_<anything>`` (distinct names
keep ``ruff`` quiet, e.g. ``check_q1``); its parameters name what it needs from the learner:

- a learner variable, exported from the learner's kernel by that name, or
- a key of the cell's optional ``calls`` dict, ``{"key": ("function_name", arg, ...)}``: the
  learner's function called in the learner's kernel with the instructor's arguments.

The check passes when ``check`` returns without raising (and does not return ``False``).

Grading runs the checks in one fresh ``python -I`` interpreter that no learner code ever
touches, :class:`JudgeProcess` (``python -I -m custseg.grading.judge serve ...``): it runs the
setup once, writes the plan (per question, the names and calls to export, the calls'
arguments as plain data, for the sandbox; :func:`plan_checks`), then judges each learner's
exported answers as soon as that learner's sandbox is done (:func:`judge_checks`). It only
ever receives JSON text, never an object of the learner's.

Examples
--------
>>> text = '''
... # %% check="setup"
... expected = 6
...
... # %% check="q1_test"
... calls = {"double_3": ("double", 3)}
...
... def check(total, double_3):
...     assert total == expected and double_3 == 6
... '''
>>> checks = read_checks_text(text)
>>> plan_checks(checks)["q1_test"]
{'names': ['total'], 'calls': {'double_3': ['double', [3]]}}
>>> answers = {"q1_test": {"total": {"value": 6}, "double_3": {"value": 6}}}
>>> judge_checks(checks, answers)["q1_test"]["passed"]
True
>>> answers["q1_test"]["total"] = {"value": {"$type": "numpy", "dtype": "int64", "value": 5}}
>>> judge_checks(checks, answers)["q1_test"]["reason"]
'wrong'
"""

from __future__ import annotations

import inspect
import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path

from custseg.grading.plain import decode, encode

__all__ = [
    "REASONS",
    "JudgeFailed",
    "JudgeProcess",
    "SETUP",
    "has_checks",
    "judge_checks",
    "plan_checks",
    "read_checks",
    "read_checks_text",
]

SETUP = "setup"
REASONS = {
    "passed": "通过评分检查 (passed the grader's check)",
    "wrong": "未通过评分检查 (did not pass the grader's check)",
    "missing": "评分时找不到这个答案：没有定义，或前面的单元格出错 (answer not defined)",
    "call_failed": "调用你的函数时出错 (your function raised an error)",
    "not_plain": "答案不是普通的值（数字、文字、列表、表格）(not a plain value)",
    "no_answer": "没有导出答案：单元格超时、内核崩溃或评分中断 (no answer exported)",
}


def read_checks_text(text: str) -> dict[str, str]:
    """The check cells of a jupytext percent text, ``{grade_id or "setup": code}``."""
    import jupytext

    notebook = jupytext.reads(text, fmt="py:percent")
    checks: dict[str, str] = {}
    for cell in notebook.cells:
        name = cell.metadata.get("check")
        if name:
            checks[name] = checks.get(name, "") + cell.source + "\n"
    return checks


def read_checks(path: Path) -> dict[str, str]:
    """The check cells of the assignment text source at ``path``."""
    return read_checks_text(Path(path).read_text(encoding="utf-8"))


def has_checks(path: Path) -> bool:
    """Whether the assignment at ``path`` is graded by outside checks (has check cells)."""
    return any(name != SETUP for name in read_checks(path))


def _namespaces(checks: dict[str, str]) -> dict[str, dict]:
    base: dict = {"__name__": "custseg_checks"}
    exec(compile(checks.get(SETUP, ""), "<check setup>", "exec"), base)
    spaces = {}
    for name, code in checks.items():
        if name == SETUP:
            continue
        space = dict(base)
        exec(compile(code, f"<check {name}>", "exec"), space)
        found = [
            value
            for key, value in space.items()
            if (key == "check" or key.startswith("check_"))
            and callable(value)
            and base.get(key) is not value
        ]
        if len(found) != 1:
            raise ValueError(
                f"检查单元格 {name!r} 应定义一个 check(...) 函数，找到 {len(found)} 个"
            )
        space["check"] = found[0]
        spaces[name] = space
    return spaces


def _needs(space: dict) -> tuple[list[str], dict]:
    parameters = list(inspect.signature(space["check"]).parameters)
    calls = space.get("calls", {}) or {}
    return [p for p in parameters if p not in calls], calls


def plan_checks(checks: dict[str, str]) -> dict[str, dict]:
    """Per question, the learner variables to export and the calls to make, as plain data."""
    return _plan(_namespaces(checks))


def _plan(spaces: dict[str, dict]) -> dict[str, dict]:
    plan = {}
    for name, space in spaces.items():
        names, calls = _needs(space)
        plan[name] = {
            "names": names,
            "calls": {
                key: [call[0], [encode(arg) for arg in call[1:]]] for key, call in calls.items()
            },
        }
    return plan


def _verdict(space: dict, exported: dict | None) -> dict:
    names, calls = _needs(space)
    if exported is None:
        return {"passed": False, "reason": "no_answer", "detail": ""}
    arguments = {}
    for parameter in [*names, *calls]:
        entry = exported.get(parameter)
        if type(entry) is not dict or ("value" not in entry and "error" not in entry):
            return {"passed": False, "reason": "missing", "detail": parameter}
        if "error" in entry:
            kind = str(entry.get("kind", ""))
            reason = {"not_plain": "not_plain", "call": "call_failed"}.get(kind, "missing")
            return {
                "passed": False,
                "reason": reason,
                "detail": f"{parameter}: {entry['error']}"[:160],
            }
        try:
            arguments[parameter] = decode(entry["value"])
        except Exception as error:  # a forged record: whatever it is, it is not plain
            detail = f"{parameter}: {error}"[:160]
            return {"passed": False, "reason": "not_plain", "detail": detail}
    try:
        result = space["check"](**arguments)
    except Exception:
        return {"passed": False, "reason": "wrong", "detail": ""}
    if result is False:
        return {"passed": False, "reason": "wrong", "detail": ""}
    return {"passed": True, "reason": "passed", "detail": ""}


def judge_checks(checks: dict[str, str], answers: dict) -> dict[str, dict]:
    """Run every check on one learner's exported answers.

    Parameters
    ----------
    checks : dict
        From :func:`read_checks`.
    answers : dict
        ``{grade_id: {parameter: {"value": plain} or {"error": text, "kind": ...}}}``.

    Returns
    -------
    dict
        ``{grade_id: {"passed": bool, "reason": key of REASONS, "detail": str}}``.
    """
    return {name: _verdict(space, answers.get(name)) for name, space in _namespaces(checks).items()}


class JudgeFailed(RuntimeError):
    """The checks could not run (their code failed, timed out or the process died)."""


class JudgeProcess:
    """The instructor's checks in a fresh ``python -I`` interpreter, for one grading run.

    Starting it runs the assignment's setup cell once and writes the plan to ``plan``;
    :meth:`judge` then sends one learner's exported answers (JSON text) and returns that
    learner's verdicts. When a judgement fails the process is stopped and the next call
    starts a new one (if that one fails too, every later call fails at once). Use it as a
    context manager so the process always ends.

    Parameters
    ----------
    source : Path
        The assignment's text source (with its check cells).
    plan : Path
        Where to write the plan, for the sandboxes.
    folder : Path
        The grader's working folder (current directory of the process, holds its error log).
    timeout : float
        Seconds the setup, and each learner's judgement, may take.
    """

    def __init__(self, source: Path, plan: Path, folder: Path, *, timeout: float) -> None:
        self.source, self.plan, self.folder = Path(source), Path(plan), Path(folder)
        self.timeout = timeout
        self.process: subprocess.Popen | None = None
        self.broken = ""
        self.lines: queue.Queue = queue.Queue()
        self._start()

    def __enter__(self) -> JudgeProcess:
        return self

    def __exit__(self, *_) -> None:
        self.stop()

    def _start(self) -> None:
        command = [sys.executable, "-I", "-m", "custseg.grading.judge", "serve"]
        self.log = self.folder / "judge-errors.txt"
        with open(self.log, "wb") as errors:
            self.process = subprocess.Popen(
                [*command, str(self.source), str(self.plan)],
                cwd=self.folder,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=errors,
            )
        self.lines = queue.Queue()
        threading.Thread(
            target=_read_lines, args=(self.process.stdout, self.lines), daemon=True
        ).start()
        self._reply()

    def _reply(self) -> dict:
        try:
            line = self.lines.get(timeout=self.timeout)
        except queue.Empty:
            self.stop()
            raise JudgeFailed(
                f"评分检查运行超过 {self.timeout:.0f} 秒 (checks timed out)"
            ) from None
        if not line:
            self.stop()
            errors = self.log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
            last = (errors or ["?"])[-1][:300]
            raise JudgeFailed(f"{self.source.name} 的评分检查出错 (the checks failed): {last}")
        return json.loads(line)

    def judge(self, answers: dict) -> dict:
        """``{grade_id: verdict}`` for one learner's exported answers (see :func:`judge_checks`)."""
        if self.broken:
            raise JudgeFailed(self.broken)
        if self.process is None:
            try:
                self._start()
            except JudgeFailed as error:
                self.broken = str(error)
                raise
        try:
            self.process.stdin.write(json.dumps(answers).encode("utf-8") + b"\n")
            self.process.stdin.flush()
        except OSError:
            pass  # the process died: the reply says so
        return self._reply()

    def stop(self) -> None:
        """End the process (it holds nothing worth keeping)."""
        if self.process is None:
            return
        process, self.process = self.process, None
        process.kill()
        process.wait()
        for pipe in (process.stdin, process.stdout):
            try:
                pipe.close()
            except OSError:
                pass


def _read_lines(pipe, lines: queue.Queue) -> None:
    try:
        for line in iter(pipe.readline, b""):
            lines.put(line)
    except (OSError, ValueError):  # the pipe was closed when the process was stopped
        pass
    lines.put(b"")


def _serve(source: Path, plan: Path) -> int:
    """Set up once, write the plan, then judge one JSON line of answers per input line."""
    replies = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)  # whatever the checks print goes to the error log, not into the replies
    sys.stdout = sys.stderr
    spaces = _namespaces(read_checks(source))
    partial = plan.with_name(plan.name + ".part")
    partial.write_text(json.dumps(_plan(spaces)), encoding="utf-8")
    partial.replace(plan)
    replies.write(json.dumps({"planned": len(spaces)}) + "\n")
    replies.flush()
    for line in sys.stdin.buffer:
        given = json.loads(line)
        verdicts = {name: _verdict(space, given.get(name)) for name, space in spaces.items()}
        replies.write(json.dumps(verdicts, ensure_ascii=False) + "\n")
        replies.flush()
    return 0


def _main(argv: list[str]) -> int:
    """``serve SOURCE PLAN`` (see :class:`JudgeProcess`)."""
    command, source, plan = argv
    if command != "serve":
        raise SystemExit(f"unknown command {command!r}")
    # nbformat (through jupytext) imports jsonschema, which builds the grammar of its
    # optional "iri" format check on import (about 1.5 s); no check here uses it.
    sys.modules.setdefault("rfc3987_syntax", None)
    return _serve(Path(source), Path(plan))


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
