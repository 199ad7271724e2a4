"""Build the course notebooks from their text sources.

``course/src/*.py`` (jupytext percent format) are the only source of truth: they are the
solution versions. This script writes, for each of them,

- ``course/notebooks/<name>.ipynb``: the learner's version, where the code between
  ``### BEGIN SOLUTION`` and ``### END SOLUTION`` is replaced by a blank to fill in
  (``answer = ____``) and markdown cells tagged ``solution`` by a prompt;
- ``course/solutions/<name>.ipynb``: the trainer's version, markers removed.

The output is deterministic (fixed cell ids, no outputs), so rebuilding changes nothing.

Usage: ``python course/build.py [--check]``; ``--check`` only verifies every source
builds and that each learner's version really has its solutions removed.
"""

from __future__ import annotations

import argparse
import copy
import re
import sys
from pathlib import Path

import jupytext
import nbformat

COURSE = Path(__file__).resolve().parent
BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
ASSIGNMENT = re.compile(r"^(\s*)([A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)\s*=(?!=)")
ANSWER_PROMPT = "✏️ **在这里写下你的回答。** (Write your answer here.)"


def blank_out(source: str) -> str:
    """Replace each solution block by blanks for the names it assigns.

    >>> print(blank_out("x = 1\\n### BEGIN SOLUTION\\ntotal = df['amount'].sum()\\n### END SOLUTION\\nq.check()"))
    x = 1
    total = ____  # 把 ____ 换成你的答案
    q.check()
    """
    out, inside, block = [], False, []
    for line in source.splitlines():
        stripped = line.strip()
        if stripped == BEGIN:
            inside, block = True, []
            indent = line[: len(line) - len(line.lstrip())]
        elif stripped == END:
            inside = False
            targets, seen = [], set()
            for code in block:
                match = ASSIGNMENT.match(code)
                if match and match.group(1) == indent:
                    names = {n.strip() for n in match.group(2).split(",")}
                    if names - seen:
                        targets.append(match.group(2))
                        seen |= names
            out += [f"{indent}{t} = ____  # 把 ____ 换成你的答案" for t in targets] or [
                f"{indent}# 在这里写你的代码 (write your code here)"
            ]
        elif inside:
            block.append(line)
        else:
            out.append(line)
    if inside:
        raise ValueError(f"{BEGIN} without {END}")
    return "\n".join(out)


def strip_markers(source: str) -> str:
    """The solution version: the same code without the marker lines."""
    return "\n".join(line for line in source.splitlines() if line.strip() not in (BEGIN, END))


def _finish(notebook: nbformat.NotebookNode, stem: str) -> nbformat.NotebookNode:
    for index, cell in enumerate(notebook.cells):
        cell["id"] = f"{stem[:40]}-{index}"
        cell.metadata.pop("lines_to_next_cell", None)
    notebook.metadata.pop("jupytext", None)
    notebook.metadata["kernelspec"] = {
        "display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3",
    }
    notebook.metadata["language_info"] = {"name": "python"}
    notebook.nbformat, notebook.nbformat_minor = 4, 5
    return notebook


def build_versions(source: Path) -> tuple[nbformat.NotebookNode, nbformat.NotebookNode]:
    """The learner's and the trainer's notebooks of one text source."""
    notebook = jupytext.read(source)
    learner, trainer = copy.deepcopy(notebook), copy.deepcopy(notebook)
    for mine, theirs in zip(learner.cells, trainer.cells, strict=True):
        tags = mine.metadata.get("tags", [])
        if mine.cell_type == "code" and BEGIN in mine.source:
            mine.source = blank_out(mine.source)
            theirs.source = strip_markers(theirs.source)
        elif mine.cell_type == "markdown" and "solution" in tags:
            mine.source = ANSWER_PROMPT
    return _finish(learner, source.stem), _finish(trainer, source.stem)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify only, write nothing")
    parser.add_argument("sources", nargs="*", type=Path, help="default: course/src/*.py")
    args = parser.parse_args(argv)
    sources = args.sources or sorted((COURSE / "src").glob("*.py"))
    for source in sources:
        learner, trainer = build_versions(source)
        leaked = [c.source for c in learner.cells if BEGIN in c.source or END in c.source]
        if leaked:
            print(f"{source}: solution markers left in the learner's version", file=sys.stderr)
            return 1
        if args.check:
            continue
        for folder, notebook in (("notebooks", learner), ("solutions", trainer)):
            target = COURSE / folder / f"{source.stem}.ipynb"
            target.parent.mkdir(exist_ok=True)
            text = nbformat.writes(notebook) + "\n"
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                target.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
