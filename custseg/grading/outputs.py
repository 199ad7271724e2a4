"""Outputs of a learner's notebook, cleaned and capped in bytes before they are kept.

The executed notebook comes back from the sandbox as untrusted data. :func:`clean_outputs`
keeps only well-formed outputs of the usual kinds (text streams, results and displays as
plain text, HTML, Markdown, LaTeX, PNG or JPEG, errors) and caps their size in bytes:
``CELL_BYTES`` per cell and ``NOTEBOOK_BYTES`` for the whole notebook (counted as the JSON
that is stored). Where something was cut, a note in Chinese says so. The graded notebook
and therefore the feedback page stay small whatever a learner prints.

Examples
--------
>>> big = [{"output_type": "stream", "name": "stdout", "text": "好" * 100_000}]
>>> kept, budget = clean_outputs(big, budget=NOTEBOOK_BYTES)
>>> kept[0]["text"].endswith("(output cut)]\\n"), len(kept[0]["text"].encode()) < CELL_BYTES
(True, True)
>>> clean_outputs([{"output_type": "display_data", "data": {"application/javascript": "x"}}])[0]
[]
"""

from __future__ import annotations

import json

from nbformat.notebooknode import NotebookNode

__all__ = ["CELL_BYTES", "NOTEBOOK_BYTES", "clean_outputs", "cut_note"]

CELL_BYTES = 200_000
NOTEBOOK_BYTES = 5_000_000
_MIME = ("text/plain", "text/html", "text/markdown", "text/latex", "image/png", "image/jpeg")
_TEXT_SHARE = 0.9  # of the room left, for the cut text itself


def cut_note(limit: int) -> str:
    """The note put where output was cut."""
    where = "本单元格" if limit == CELL_BYTES else "本笔记本"
    return f"\n…[{where}的输出超过 {limit // 1000} KB，其余已截去 (output cut)]\n"


def _text(value) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "".join(value)
    return None


def _well_formed(output) -> NotebookNode | None:
    if not isinstance(output, dict):
        return None
    kind = output.get("output_type")
    if kind == "stream":
        text = _text(output.get("text"))
        name = output.get("name")
        if text is None or name not in ("stdout", "stderr"):
            return None
        return NotebookNode(output_type="stream", name=name, text=text)
    if kind in ("display_data", "execute_result"):
        data = output.get("data")
        if not isinstance(data, dict):
            return None
        kept = {m: _text(data[m]) for m in _MIME if _text(data.get(m)) is not None}
        if not kept:
            return None
        made = NotebookNode(output_type=kind, data=NotebookNode(kept), metadata=NotebookNode())
        if kind == "execute_result":
            count = output.get("execution_count")
            made.execution_count = count if type(count) is int else None
        return made
    if kind == "error":
        traceback = output.get("traceback", [])
        if not isinstance(traceback, list) or not all(isinstance(t, str) for t in traceback):
            traceback = []
        ename, evalue = output.get("ename"), output.get("evalue")
        return NotebookNode(
            output_type="error",
            ename=ename if isinstance(ename, str) else "Error",
            evalue=evalue if isinstance(evalue, str) else "",
            traceback=traceback,
        )
    return None


def _size(output) -> int:
    return len(json.dumps(output, ensure_ascii=False).encode("utf-8"))


def _cut_stream(output: NotebookNode, room: int, limit: int) -> NotebookNode:
    raw = output.text.encode("utf-8")[: max(0, int(room * _TEXT_SHARE) - 200)]
    text = raw.decode("utf-8", errors="ignore") + cut_note(limit)
    return NotebookNode(output_type="stream", name=output.name, text=text)


def clean_outputs(outputs, budget: int = NOTEBOOK_BYTES) -> tuple[list[NotebookNode], int]:
    """Well-formed outputs of one cell, capped; and the notebook's bytes left after them.

    Parameters
    ----------
    outputs : list
        The cell's outputs as returned from the sandbox.
    budget : int
        Bytes the notebook may still hold.
    """
    kept: list[NotebookNode] = []
    used = 0
    if not isinstance(outputs, list):
        return kept, budget
    for output in outputs:
        made = _well_formed(output)
        if made is None:
            continue
        size = _size(made)
        limit = CELL_BYTES if CELL_BYTES <= budget else NOTEBOOK_BYTES
        room = min(CELL_BYTES, budget) - used
        if size <= room:
            kept.append(made)
            used += size
            continue
        if made.output_type == "stream" and room > 400:
            made = _cut_stream(made, room, limit)
            kept.append(made)
            used += _size(made)
        else:
            note = NotebookNode(output_type="stream", name="stdout", text=cut_note(limit))
            kept.append(note)
            used += _size(note)
        break
    return kept, budget - used
