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

Grading runs in two steps, each in a fresh ``python -I`` interpreter that no learner code
ever touched (``python -I -m custseg.grading.judge plan|judge ...``): :func:`plan` lists the
names and calls per question (the calls' arguments as plain data, for the sandbox), and
:func:`judge` runs the checks on the answers exported from each learner's kernel.

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
import sys
from pathlib import Path

from custseg.grading.plain import decode, encode

__all__ = [
    "REASONS",
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
    plan = {}
    for name, space in _namespaces(checks).items():
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


def _main(argv: list[str]) -> int:
    """``plan SOURCE OUT`` or ``judge SOURCE ANSWERS OUT`` (ANSWERS: {student: answers})."""
    command, source, *files = argv
    checks = read_checks(Path(source))
    if command == "plan":
        Path(files[0]).write_text(json.dumps(plan_checks(checks)), encoding="utf-8")
        return 0
    answers = json.loads(Path(files[0]).read_text(encoding="utf-8"))
    spaces = _namespaces(checks)
    results = {
        student: {name: _verdict(space, given.get(name)) for name, space in spaces.items()}
        for student, given in answers.items()
    }
    Path(files[1]).write_text(json.dumps(results, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
