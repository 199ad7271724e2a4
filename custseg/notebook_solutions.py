"""Solutions and what a learner's copy shows instead: one rule for the course and for grading.

A solution is the code between a line holding ``BEGIN SOLUTION`` and one holding
``END SOLUTION`` (written ``### BEGIN SOLUTION``), or a whole solution cell: a cell marked
``solution`` in its nbgrader metadata, or tagged ``solution`` where that is configured.
:class:`BlankSolutions` is the one preprocessor that takes them out:

- ``grading/nbgrader_config.py`` puts it in place of nbgrader's ``ClearSolutions`` when
  nbgrader generates an assignment: a code solution becomes the configured stub (``# 在这里作答
  ... raise NotImplementedError()``), a written answer the text stub;
- ``course/build.py`` runs it on the course notebooks with ``blank_names=True``: a code
  solution becomes a blank to fill in for each name it assigns (``total = ____``), and a
  markdown cell tagged ``solution`` the answer prompt.

:func:`keep_solutions` gives the trainer's version: the same code without the marker lines.

Examples
--------
>>> import nbformat
>>> cell = nbformat.v4.new_code_cell(
...     "x = 1\\n### BEGIN SOLUTION\\ntotal = df['amount'].sum()\\n### END SOLUTION\\nq.check()")
>>> learner = nbformat.v4.new_notebook(cells=[cell])
>>> course = BlankSolutions(blank_names=True, enforce_metadata=False)
>>> print(course.preprocess(learner, {})[0].cells[0].source)
x = 1
total = ____  # 把 ____ 换成你的答案
q.check()
>>> print(keep_solutions("### BEGIN SOLUTION\\ntotal = 3\\n### END SOLUTION"))
total = 3
"""

from __future__ import annotations

import re

from custseg.extras import require_extra

require_extra("course", "custseg.notebook_solutions", packages=("nbconvert", "traitlets"))

from nbconvert.preprocessors import Preprocessor  # noqa: E402
from traitlets import Bool, List, Unicode  # noqa: E402

from custseg.errors import DataError  # noqa: E402

__all__ = ["BEGIN_SOLUTION", "END_SOLUTION", "BlankSolutions", "answer_blanks", "keep_solutions"]

BEGIN_SOLUTION = "BEGIN SOLUTION"
END_SOLUTION = "END SOLUTION"
BLANK = "____"
_ASSIGNMENT = re.compile(r"^(\s*)([A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)\s*=(?!=)")


def answer_blanks(region: list[str], indent: str) -> list[str]:
    """One ``name = ____`` line for each new set of names the region assigns at ``indent``.

    Examples
    --------
    >>> answer_blanks(["a, b = 1, 2", "    c = 3", "a = 4", "total = a + b"], "")
    ['a, b = ____  # 把 ____ 换成你的答案', 'total = ____  # 把 ____ 换成你的答案']
    """
    targets, seen = [], set()
    for code in region:
        match = _ASSIGNMENT.match(code)
        if match and match.group(1) == indent:
            names = {name.strip() for name in match.group(2).split(",")}
            if names - seen:
                targets.append(match.group(2))
                seen |= names
    return [f"{indent}{target} = {BLANK}  # 把 {BLANK} 换成你的答案" for target in targets]


def keep_solutions(source: str) -> str:
    """The source without its ``BEGIN SOLUTION`` and ``END SOLUTION`` lines."""
    lines = source.split("\n")
    return "\n".join(
        line for line in lines if BEGIN_SOLUTION not in line and END_SOLUTION not in line
    )


class BlankSolutions(Preprocessor):
    """Replace every solution of a notebook by what the learner fills in."""

    enabled = Bool(True, help="Run when nbconvert or nbgrader calls it.").tag(config=True)
    code_stub = Unicode(
        "# 在这里写你的代码 (write your code here)",
        help="Replaces a code solution (with blank_names: one that assigns no name).",
    ).tag(config=True)
    text_stub = Unicode(
        "✏️ **在这里写下你的回答。** (Write your answer here.)",
        help="Replaces a written solution.",
    ).tag(config=True)
    blank_names = Bool(
        False, help="A code solution becomes `name = ____` for each name it assigns."
    ).tag(config=True)
    solution_tags = List(
        Unicode(), default_value=[], help="Cells with one of these tags are solution cells too."
    ).tag(config=True)
    enforce_metadata = Bool(
        True,
        help="Refuse a solution region in a cell not marked as a solution cell "
        "(nbgrader must know the cell to grade it).",
    ).tag(config=True)

    def _stub(self, cell_type: str, region: list[str], indent: str) -> list[str]:
        if cell_type != "code":
            return [indent + line for line in self.text_stub.split("\n")]
        blanks = answer_blanks(region, indent) if self.blank_names else []
        return blanks or [indent + line for line in self.code_stub.split("\n")]

    def clear_regions(self, cell_type: str, source: str) -> tuple[str, bool]:
        """``source`` with each solution region replaced, and whether there was one."""
        out: list[str] = []
        region: list[str] | None = None
        indent = ""
        found = False
        for line in source.split("\n"):
            if BEGIN_SOLUTION in line:
                if region is not None:
                    raise DataError(f"解答区域嵌套 (nested {BEGIN_SOLUTION}):\n{source}")
                region, found = [], True
                indent = line[: len(line) - len(line.lstrip())]
            elif END_SOLUTION in line:
                if region is not None:
                    out += self._stub(cell_type, region, indent)
                region = None
            elif region is not None:
                region.append(line)
            else:
                out.append(line)
        if region is not None:
            raise DataError(f"解答区域没有结束行 (no {END_SOLUTION}):\n{source}")
        return "\n".join(out), found

    def is_solution(self, cell) -> bool:
        """A cell marked ``solution`` by nbgrader, or with one of :attr:`solution_tags`."""
        tags = cell.metadata.get("tags", [])
        marked = cell.metadata.get("nbgrader", {}).get("solution", False)
        return bool(marked) or any(tag in tags for tag in self.solution_tags)

    def preprocess(self, nb, resources):
        """Clear every cell; drop the notebook's cell-toolbar setting, as nbgrader does."""
        nb, resources = super().preprocess(nb, resources)
        nb.metadata.pop("celltoolbar", None)
        return nb, resources

    def preprocess_cell(self, cell, resources, index):
        """Replace the cell's solution regions, or the whole cell if it is a solution cell."""
        cell.source, replaced = self.clear_regions(cell.cell_type, cell.source)
        solution = self.is_solution(cell)
        if replaced and not solution and self.enforce_metadata:
            raise DataError(
                f"第 {index + 1} 个单元格有解答区域，却不是解答单元格 (solution region in a "
                "cell not marked as a solution cell)"
            )
        if solution and not replaced:
            cell.source = "\n".join(self._stub(cell.cell_type, [], ""))
        return cell, resources
