"""Export a learner's answers from the learner's kernel as plain data (runs in the sandbox).

After each graded cell, the notebook runner (:mod:`custseg.grading.runner`) runs one line
in the learner's kernel that calls :func:`export_answers`: the variables the question's
check needs are encoded with :func:`custseg.grading.plain.encode`, the learner's functions
are called with the instructor's arguments, and one JSON line is appended to the answers
file. Nothing here decides a score: whatever this file holds is only the learner's claim,
judged outside by :mod:`custseg.grading.judge` (a learner who replaces this module or the
file gains nothing but wrong answers).

Examples
--------
>>> import json, tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> (folder / "plan.json").write_text(json.dumps(
...     {"q1": {"names": ["x", "y"], "calls": {"twice": ["double", [4]]}}}))
66
>>> space = {"x": 3, "double": lambda n: 2 * n}
>>> export_answers(space, "q1", folder / "plan.json", folder / "answers.jsonl")
>>> json.loads((folder / "answers.jsonl").read_text())["values"]["twice"]
{'value': 8}
>>> json.loads((folder / "answers.jsonl").read_text())["values"]["y"]["kind"]
'missing'
"""

from __future__ import annotations

import json
from pathlib import Path

from custseg.grading.plain import NotPlain, decode, encode

__all__ = ["export_answers"]

_plans: dict[str, dict] = {}


def _plan(path: Path) -> dict:
    key = str(path)
    if key not in _plans:
        _plans[key] = json.loads(Path(path).read_text(encoding="utf-8"))
    return _plans[key]


def _encoded(value) -> dict:
    try:
        return {"value": encode(value)}
    except NotPlain as error:
        return {"error": str(error)[:200], "kind": "not_plain"}


def export_answers(namespace: dict, question: str, plan: Path, answers: Path) -> None:
    """Append the answers of ``question`` found in ``namespace`` to ``answers``."""
    spec = _plan(Path(plan)).get(question, {"names": [], "calls": {}})
    values = {}
    for name in spec["names"]:
        if name in namespace:
            values[name] = _encoded(namespace[name])
        else:
            values[name] = {"error": f"{name} 没有定义", "kind": "missing"}
    for key, (function, arguments) in spec["calls"].items():
        target = namespace.get(function)
        if not callable(target):
            values[key] = {"error": f"{function} 没有定义", "kind": "missing"}
            continue
        try:
            result = target(*[decode(argument) for argument in arguments])
        except Exception as error:
            values[key] = {"error": f"{function}: {type(error).__name__}", "kind": "call"}
            continue
        values[key] = _encoded(result)
    line = json.dumps({"question": question, "values": values}, ensure_ascii=False)
    with open(answers, "a", encoding="utf-8") as file:
        file.write(line + "\n")
