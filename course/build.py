"""Build the course notebooks from their text sources.

``course/src/*.py`` (jupytext percent format) are the only source of truth: they are the
solution versions. This script writes, for each of them,

- ``course/notebooks/<name>.ipynb``: the learner's version, where the code between
  ``### BEGIN SOLUTION`` and ``### END SOLUTION`` is replaced by a blank to fill in
  (``answer = ____``) and markdown cells tagged ``solution`` by a prompt. This is the
  preprocessor that also clears the solutions of the graded assignments
  (:class:`custseg.notebook_solutions.BlankSolutions`), set to leave blanks for names;
- ``course/solutions/<name>.ipynb``: the trainer's version, markers removed;
- ``course/dashboards/<name>.ipynb``: the module's code-free dashboard for Voilà: the title,
  the set-up cell, each widget with the text just before it, and only the cells the widget
  needs (found from the names they assign), with their tables and prints hidden.

Cells tagged ``advanced`` (jupytext ``# %% tags=["advanced"]``) are the optional pandas way for
analysts: both versions announce them as 进阶（选做）, the learner's version folds their code,
and no dashboard contains them. ``course/src/glossary.py`` (the 术语表) is a notebook too, but
not a module: it gets no dashboard; ``--glossary`` rewrites it from
:data:`custseg.vocabulary.GLOSSARY`.

The output is deterministic (fixed cell ids, no outputs), so rebuilding changes nothing.

Usage: ``python course/build.py [--check] [--glossary]``; ``--check`` only verifies every
source builds and that each learner's version really has its solutions removed.
"""

from __future__ import annotations

import argparse
import ast
import copy
import re
import sys
from pathlib import Path

import jupytext
import nbformat

from custseg.notebook_solutions import BEGIN_SOLUTION, END_SOLUTION, BlankSolutions, keep_solutions

COURSE = Path(__file__).resolve().parent
BEGIN, END = f"### {BEGIN_SOLUTION}", f"### {END_SOLUTION}"  # the marker lines, as written
SOLUTION_TAG = "solution"
WIDGET_CALL = re.compile(r"^\w+_(?:explorer|simulator)\(", re.MULTILINE)
MODULE = re.compile(r"^\d\d_")
GLOSSARY_SOURCE = COURSE / "src" / "glossary.py"
ADVANCED = "advanced"
ADVANCED_NOTE_TAG = "advanced-note"
ADVANCED_NOTE = (
    "🔧 **进阶（选做）**：下面的单元格展示背后的代码写法（pandas 等），给会编程的分析人员参考，"
    "可以跳过；主线内容和练习都不依赖它。\n\n"
    "*(Advanced, optional: the code behind it, for analysts; nothing later depends on it.)*"
)
FOLDED_NOTE = "\n\n代码已折叠：点击单元格左侧的竖条可以展开。"
ADVANCED_HEADING = "🔧 **进阶（选做）** "
JUPYTEXT_HEADER = """# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---
"""
DASHBOARD_NOTE = (
    "本页是这一讲的**互动仪表板**：不显示代码，只保留小部件。拖动滑块、切换选项，图表和数字会立即更新。"
    "完整讲解见同名的课程笔记本。\n\n"
    "*(Code-free dashboard of this module: move the controls and the charts update.)*"
)


def _finish(notebook: nbformat.NotebookNode, stem: str) -> nbformat.NotebookNode:
    for index, cell in enumerate(notebook.cells):
        cell["id"] = f"{stem[:40]}-{index}"
        cell.metadata.pop("lines_to_next_cell", None)
    notebook.metadata.pop("jupytext", None)
    notebook.metadata["kernelspec"] = {
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
        "name": "python3",
    }
    notebook.metadata["language_info"] = {"name": "python"}
    notebook.nbformat, notebook.nbformat_minor = 4, 5
    return notebook


def is_module(source: Path) -> bool:
    """True for a course module's source (``03_rfm.py``), False for the glossary and others."""
    return bool(MODULE.match(source.stem))


def is_advanced(cell: nbformat.NotebookNode) -> bool:
    """True for a cell tagged ``advanced`` (optional, for analysts)."""
    return ADVANCED in cell.metadata.get("tags", [])


def _is_advanced_note(cell: nbformat.NotebookNode) -> bool:
    return ADVANCED_NOTE_TAG in cell.metadata.get("tags", [])


def mark_advanced(notebook: nbformat.NotebookNode, *, fold: bool) -> nbformat.NotebookNode:
    """Announce the cells tagged ``advanced`` as 进阶（选做）.

    A markdown cell tagged ``advanced`` starts with the 进阶 mark; before each run of advanced
    code cells not already announced that way comes a note (a markdown cell tagged
    ``advanced-note``). With ``fold``, the advanced code is folded (JupyterLab shows a bar to
    click). The notebook is changed in place and returned.

    >>> nb = nbformat.v4.new_notebook(cells=[
    ...     nbformat.v4.new_code_cell("x = 1"),
    ...     nbformat.v4.new_code_cell("y = x + 1", metadata={"tags": ["advanced"]}),
    ...     nbformat.v4.new_code_cell("z = y", metadata={"tags": ["advanced"]})])
    >>> [c.cell_type for c in mark_advanced(nb, fold=True).cells]
    ['code', 'markdown', 'code', 'code']
    >>> nb.cells[1].source.startswith("🔧 **进阶（选做）**"), nb.cells[2].metadata.jupyter
    (True, {'source_hidden': True})
    """
    cells = []
    for cell in notebook.cells:
        advanced = is_advanced(cell)
        if advanced and cell.cell_type == "markdown":
            if not cell.source.startswith(ADVANCED_HEADING):
                cell.source = ADVANCED_HEADING + cell.source
        elif advanced:
            announced = bool(cells) and (is_advanced(cells[-1]) or _is_advanced_note(cells[-1]))
            if not announced:
                note = nbformat.v4.new_markdown_cell(ADVANCED_NOTE + (FOLDED_NOTE if fold else ""))
                note.metadata["tags"] = [ADVANCED_NOTE_TAG]
                cells.append(note)
            if fold:
                cell.metadata.setdefault("jupyter", {})["source_hidden"] = True
        cells.append(cell)
    notebook.cells = cells
    return notebook


def learner_blanks() -> BlankSolutions:
    """The solution clearing of the course: a blank per name, tagged markdown answers too.

    >>> cell = nbformat.v4.new_code_cell("### BEGIN SOLUTION\\nn = len(df)\\n### END SOLUTION")
    >>> nb = nbformat.v4.new_notebook(cells=[cell])
    >>> learner_blanks().preprocess(nb, {})[0].cells[0].source
    'n = ____  # 把 ____ 换成你的答案'
    """
    return BlankSolutions(blank_names=True, solution_tags=[SOLUTION_TAG], enforce_metadata=False)


def blank_out(source: str) -> str:
    """The learner's version of one code cell's source.

    >>> print(blank_out("x = 1\\n### BEGIN SOLUTION\\ntotal = df['amount'].sum()\\n### END SOLUTION"))
    x = 1
    total = ____  # 把 ____ 换成你的答案
    """
    return learner_blanks().clear_regions("code", source)[0]


def build_versions(source: Path) -> tuple[nbformat.NotebookNode, nbformat.NotebookNode]:
    """The learner's and the trainer's notebooks of one text source."""
    notebook = jupytext.read(source)
    learner, _ = learner_blanks().preprocess(copy.deepcopy(notebook), {})
    trainer = copy.deepcopy(notebook)
    for cell in trainer.cells:
        cell.source = keep_solutions(cell.source)
    learner, trainer = mark_advanced(learner, fold=True), mark_advanced(trainer, fold=False)
    return _finish(learner, source.stem), _finish(trainer, source.stem)


def glossary_source() -> str:
    """The text of ``course/src/glossary.py``: the glossary as markdown cells, from the vocabulary."""
    from custseg.vocabulary import glossary_markdown

    cells = []
    for markdown in glossary_markdown():
        lines = [f"# {line}" if line else "#" for line in markdown.splitlines()]
        cells.append("# %% [markdown]\n" + "\n".join(lines) + "\n")
    return JUPYTEXT_HEADER + "\n" + "\n".join(cells)


def _names(source: str) -> tuple[set[str], set[str]]:
    """Names a cell assigns or changes in place (``x = …``, ``x["c"] = …``) and names it reads."""
    tree = ast.parse(source)
    assigned, read = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (assigned if isinstance(node.ctx, ast.Store) else read).add(node.id)
        elif isinstance(node, ast.Subscript | ast.Attribute) and isinstance(node.ctx, ast.Store):
            base = node.value
            while isinstance(base, ast.Subscript | ast.Attribute):
                base = base.value
            if isinstance(base, ast.Name):
                assigned.add(base.id)
    return assigned, read


def _is_print(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print"
    )


def drop_display(source: str) -> str:
    """The cell without its last line(s) if they only display a value.

    >>> print(drop_display("rfm = rfm_table(clean)\\nrfm.head()"))
    rfm = rfm_table(clean)
    >>> drop_display("x = 1")
    'x = 1'
    """
    body = ast.parse(source).body
    last = body[-1] if body else None
    if not isinstance(last, ast.Expr) or _is_print(last.value):
        return source
    return "\n".join(source.splitlines()[: body[-1].lineno - 1]).rstrip()


def from_last_heading(markdown: str) -> str:
    r"""The markdown from its last heading on (all of it when it has no heading).

    >>> from_last_heading("读图：右图……\n\n## 3. 互动\n\n拖动滑块。")
    '## 3. 互动\n\n拖动滑块。'
    """
    lines = markdown.splitlines()
    headings = [i for i, line in enumerate(lines) if line.startswith("#")]
    return "\n".join(lines[headings[-1] :]) if headings else markdown


def build_dashboard(trainer: nbformat.NotebookNode, stem: str) -> nbformat.NotebookNode | None:
    """The code-free dashboard of a module, from its trainer's version; None without a widget.

    Kept: the module's title, the first code cell (imports and data), every widget call with
    the markdown cell just before it (from its last heading on, when it opens with text about
    the cell before), and each earlier code cell that assigns a name those cells read
    (transitively). Kept cells other than the widgets lose a trailing expression,
    so the page shows the widgets, not intermediate tables. Cells tagged ``advanced`` are
    never kept.
    """
    cells = trainer.cells
    code = [i for i, c in enumerate(cells) if c.cell_type == "code" and not is_advanced(c)]
    widgets = [i for i in code if WIDGET_CALL.search(cells[i].source)]
    if not widgets:
        return None
    keep = {code[0], *widgets}
    keep |= {
        i - 1
        for i in widgets
        if cells[i - 1].cell_type == "markdown"
        and not (is_advanced(cells[i - 1]) or _is_advanced_note(cells[i - 1]))
    }
    names = {i: _names(cells[i].source) for i in code}
    needed = set().union(*(names[i][1] for i in keep if i in names))
    for i in reversed(code):
        if i < max(keep) and i not in keep and names[i][0] & needed:
            keep.add(i)
            needed |= names[i][1]
    title = cells[0].source.splitlines()[0].lstrip("# ").strip()
    dashboard = copy.deepcopy(trainer)
    dashboard.cells = [nbformat.v4.new_markdown_cell(f"# {title} · 互动仪表板\n\n{DASHBOARD_NOTE}")]
    for i in sorted(keep):
        cell = copy.deepcopy(cells[i])
        if cell.cell_type == "code" and i not in widgets:
            cell.source = drop_display(cell.source)
        if cell.cell_type == "markdown":
            cell.source = from_last_heading(cell.source)
        dashboard.cells.append(cell)
    dashboard.metadata["title"] = f"{title} · 互动仪表板"
    return _finish(dashboard, stem)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="verify only, write nothing")
    parser.add_argument(
        "--glossary", action="store_true", help="rewrite course/src/glossary.py from the vocabulary"
    )
    parser.add_argument("sources", nargs="*", type=Path, help="default: course/src/*.py")
    args = parser.parse_args(argv)
    if args.glossary:
        GLOSSARY_SOURCE.write_text(glossary_source(), encoding="utf-8")
    sources = args.sources or sorted((COURSE / "src").glob("*.py"))
    for source in sources:
        learner, trainer = build_versions(source)
        leaked = [c.source for c in learner.cells if BEGIN in c.source or END in c.source]
        if leaked:
            print(f"{source}: solution markers left in the learner's version", file=sys.stderr)
            return 1
        if args.check:
            continue
        outputs = [("notebooks", learner), ("solutions", trainer)]
        dashboard = build_dashboard(trainer, source.stem) if is_module(source) else None
        if dashboard is not None:
            outputs.append(("dashboards", dashboard))
        for folder, notebook in outputs:
            target = COURSE / folder / f"{source.stem}.ipynb"
            target.parent.mkdir(exist_ok=True)
            text = nbformat.writes(notebook) + "\n"
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                target.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
