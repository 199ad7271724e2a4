"""Build one reveal.js slide deck per module, for projecting in class, that opens without network.

Usage: ``python course/build_slides.py [--out course/_build/slides] [sources…]``; open
``course/_build/slides/03_rfm.slides.html`` in a browser, press ``S`` for the speaker view
(notes, timer, next slide), ``Esc`` for the overview.

The decks come from the **trainer's version**, executed: every chart and table is computed from
the right answers, so nothing on a slide is an error or an empty result caused by a blank. The
answers themselves never reach a slide: the cells where the learner's version differs (the
practice answers) are left out, and so are the set-up cell (imports) and the optional 进阶 cells.
The questions stay, so the room can answer them aloud.

Slide boundaries: when the source marks cells (``slideshow.slide_type`` in the cell metadata),
those marks are used. Otherwise each ``#`` or ``##`` heading starts a slide, a ``###`` heading
(a practice question, a case) a sub-slide below it, and a cell that would overflow the slide
(text, code and output added up) starts a further sub-slide; code stays with its output.

Speaker notes come from the facilitator notes ``course/trainer/<module>.md``: the section whose
``##`` heading is the slide's heading (numbering and spaces ignored) becomes that slide's notes;
its 本讲要点 and 时间安排 become the notes of the title slide.

Every script, style and font is copied next to the decks from installed packages (reveal.js,
require.js and the widget manager from npm into ``.venv/share/custseg-web``, bqplot from its pip
package), so the decks and their widgets work in a room without internet.
"""

from __future__ import annotations

import argparse
import copy
import re
import sys
from pathlib import Path

import nbformat
from jinja2 import DictLoader
from nbconvert import SlidesExporter

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build  # noqa: E402  (the sibling course/build.py)
import build_site  # noqa: E402

COURSE = Path(__file__).resolve().parent
TRAINER_NOTES = COURSE / "trainer"
REVEAL = build_site.WEB_PACKAGES / "reveal.js"
REVEAL_PREFIX = f"{build_site.STATIC}/reveal.js"
REVEAL_FILES = {
    f"{REVEAL_PREFIX}/dist": REVEAL / "dist",
    f"{REVEAL_PREFIX}/plugin/notes": REVEAL / "plugin" / "notes",
}
SLIDE_HEADING = re.compile(r"^(#{1,3}) +(.+?)\s*$")
NUMBERING = re.compile(r"^[\d.、]+\s*|[\s·:：]")
SLIDE_LINES = 18  # about what fits on a 1280×800 slide at the deck's font size
DECK_TEMPLATE = (
    "{%- extends 'index.html.j2' -%}\n"
    + build_site.OFFLINE_BLOCKS
    + "{%- block html_head_css -%}\n"
    "<style>.reveal .slides > section > section { height: 800px; overflow-y: auto; }\n"
    ".reveal .jp-OutputArea-output table { font-size: 15px; }\n"
    ".reveal .jp-OutputArea-output th, .reveal .jp-OutputArea-output td { white-space: nowrap; }\n"
    ".reveal .jp-OutputArea-output { overflow-x: auto; }</style>\n"
    "{%- endblock html_head_css -%}\n"  # a slide taller than the screen scrolls
    "{%- block footer_js -%}\n"
    "<script>\n"
    f'require(["{REVEAL_PREFIX}/dist/reveal.js", "{REVEAL_PREFIX}/plugin/notes/notes.js"],\n'
    "  function (Reveal, RevealNotes) {\n"
    '    Reveal.initialize({controls: true, progress: true, history: true, slideNumber: "c/t",\n'
    '      transition: "slide", width: 1280, height: 800, center: false,\n'
    "      plugins: [RevealNotes]});\n"
    "  });\n"
    "</script>\n"
    "{%- endblock footer_js -%}\n"
)


def heading_key(text: str) -> str:
    """A heading without its numbering, spaces and punctuation, for matching notes to slides.

    >>> heading_key("## 2. 八类客户：怎么分")
    '八类客户怎么分'
    >>> heading_key("八类客户 怎么分") == heading_key("3、八类客户：怎么分")
    True
    """
    text = text.lstrip("#").strip()
    return NUMBERING.sub("", text)


def notes_sections(markdown: str) -> dict[str, str]:
    """The ``##`` sections of a facilitator-notes file, by :func:`heading_key` of their heading.

    >>> notes_sections("# 第 3 讲\\n\\n## 1. 计算 R、F、M\\n\\n强调 R 越小越好。\\n\\n## 小结\\n\\n- 回顾\\n")
    {'计算R、F、M': '强调 R 越小越好。', '小结': '- 回顾'}
    """
    sections: dict[str, list[str]] = {}
    current = None
    for line in markdown.splitlines():
        if line.startswith("## "):
            current = heading_key(line)
            sections[current] = []
        elif line.startswith("# "):
            current = None
        elif current is not None:
            sections[current].append(line)
    return {key: "\n".join(lines).strip() for key, lines in sections.items()}


GENERAL_SECTIONS = ("本讲要点", "时间安排", "角色卡与情景单", "学员卡住时")  # not tied to a slide


def unmatched_notes(notes: dict[str, str], notebook: nbformat.NotebookNode) -> list[str]:
    r"""The notes sections that no heading of the notebook matches (they would reach no slide).

    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# 标题\n\n## 1. 计算 R")])
    >>> unmatched_notes(notes_sections("## 计算 R\n\n要点\n\n## 计算 F\n\n要点\n\n## 时间安排\n"), nb)
    ['计算F']
    """
    headings = {
        heading_key(match.group(2))
        for cell in notebook.cells
        if cell.cell_type == "markdown"
        for match in map(SLIDE_HEADING.match, cell.source.splitlines())
        if match
    }
    general = {heading_key(name) for name in GENERAL_SECTIONS}
    return [key for key in notes if key not in headings and key not in general]


def split_at_headings(source: str) -> list[str]:
    """A markdown cell's text cut before each heading line, so that every heading opens a piece.

    >>> split_at_headings("读图：右图……\\n\\n## 3. 互动\\n\\n拖动滑块。")
    ['读图：右图……', '## 3. 互动\\n\\n拖动滑块。']
    """
    pieces, lines = [], []
    for line in source.splitlines():
        if SLIDE_HEADING.match(line) and any(part.strip() for part in lines):
            pieces.append("\n".join(lines).strip())
            lines = []
        lines.append(line)
    pieces.append("\n".join(lines).strip())
    return [piece for piece in pieces if piece]


def height(cell: nbformat.NotebookNode) -> int:
    """Roughly how many lines of a slide the cell fills (40 characters a line, a chart 12)."""
    lines = sum(1 + len(line) // 40 for line in cell.source.splitlines() if line.strip())
    for output in cell.get("outputs", []):
        data = output.get("data", {})
        if "application/vnd.jupyter.widget-view+json" in data:
            lines += SLIDE_LINES  # a widget (controls, table and chart) fills a slide of its own
        elif "image/png" in data:
            lines += 12
        elif "text/html" in data:
            lines += min(12, str(data["text/html"]).count("<tr"))
        else:
            lines += len(str(output.get("text", data.get("text/plain", ""))).splitlines())
    return lines


def _kept(learner: nbformat.NotebookNode, trainer: nbformat.NotebookNode) -> list:
    """The trainer's cells a deck shows: no set-up cell, no practice answer, nothing optional."""
    first_code = next((i for i, c in enumerate(trainer.cells) if c.cell_type == "code"), None)
    kept = []
    for index, (mine, theirs) in enumerate(zip(learner.cells, trainer.cells, strict=True)):
        optional = build.is_advanced(theirs) or build.ADVANCED_NOTE_TAG in theirs.metadata.get(
            "tags", []
        )
        if index == first_code or optional or mine.source != theirs.source:
            continue
        kept.append(copy.deepcopy(theirs))
    return kept


def _mark(cell: nbformat.NotebookNode, slide_type: str) -> nbformat.NotebookNode:
    cell.metadata["slideshow"] = {"slide_type": slide_type}
    return cell


def slide_cells(
    learner: nbformat.NotebookNode, trainer: nbformat.NotebookNode, notes: dict[str, str]
) -> list[nbformat.NotebookNode]:
    """The deck's cells, each marked with its ``slideshow.slide_type``, notes after headings.

    ``learner`` is the unexecuted learner's version, ``trainer`` the executed trainer's version
    of the same source (cell for cell).
    """
    cells = _kept(learner, trainer)
    marked = any("slideshow" in cell.metadata for cell in cells)
    deck: list[nbformat.NotebookNode] = []
    filled = SLIDE_LINES
    for cell in cells:
        pieces = split_at_headings(cell.source) if cell.cell_type == "markdown" else [None]
        for piece in pieces:
            part = cell if piece is None else nbformat.v4.new_markdown_cell(piece, **_meta(cell))
            match = SLIDE_HEADING.match(piece.splitlines()[0]) if piece else None
            if not marked:
                if match and len(match.group(1)) <= 2:
                    slide_type, filled = "slide", 0
                elif match or filled + height(part) > SLIDE_LINES:
                    slide_type, filled = "subslide", 0
                else:
                    slide_type = "-"
                filled += height(part)
                _mark(part, slide_type)
            deck.append(part)
            note = notes.get(heading_key(match.group(2))) if match else None
            if note:
                deck.append(_mark(nbformat.v4.new_markdown_cell(note), "notes"))
    if deck and "slideshow" not in deck[0].metadata:
        _mark(deck[0], "slide")
    overview = [notes[key] for key in map(heading_key, GENERAL_SECTIONS[:2]) if notes.get(key)]
    if deck and overview:  # key messages and timing: the notes of the title slide
        deck.insert(1, _mark(nbformat.v4.new_markdown_cell("\n\n".join(overview)), "notes"))
    return deck


def _meta(cell: nbformat.NotebookNode) -> dict:
    return {"metadata": copy.deepcopy(cell.metadata)}


def deck_exporter() -> SlidesExporter:
    """nbconvert's reveal.js exporter with local scripts and the notes plugin."""
    return SlidesExporter(
        template_file="custseg_deck.html.j2",
        extra_loaders=[DictLoader({"custseg_deck.html.j2": DECK_TEMPLATE})],
        reveal_url_prefix=REVEAL_PREFIX,
        reveal_theme="white",
        **build_site.OFFLINE_URLS,
    )


def build_deck(
    source: Path, out: Path, cache: Path = build_site.EXECUTED, notes_dir: Path = TRAINER_NOTES
) -> Path | None:
    """Execute the trainer's version of one module and write its deck; its path, None if it failed."""
    learner, _ = build.build_versions(source)
    trainer = build_site.run_or_report(source, "trainer", cache)
    if trainer is None:
        return None
    notes_file = notes_dir / f"{source.stem}.md"
    notes = notes_sections(notes_file.read_text(encoding="utf-8")) if notes_file.exists() else {}
    for key in unmatched_notes(notes, learner):
        print(f"{notes_file}: 笔记小节“{key}”没有对应的标题，不会出现在幻灯片上 (no slide heading)")
    deck = copy.deepcopy(trainer)
    deck.cells = slide_cells(learner, trainer, notes)
    deck.metadata["title"] = build_site.title(trainer)
    body, _ = deck_exporter().from_notebook_node(
        deck, resources={"metadata": {"name": source.stem}}
    )
    target = out / f"{source.stem}.slides.html"
    target.write_text(build_site.link_pages(body), encoding="utf-8")
    return target


def build_slides(
    out: Path,
    sources: list[Path],
    cache: Path = build_site.EXECUTED,
    notes_dir: Path = TRAINER_NOTES,
) -> list[Path]:
    """Copy the scripts and write one deck per module source."""
    out.mkdir(parents=True, exist_ok=True)
    build_site.copy_static(out, REVEAL_FILES)
    decks = []
    for source in sources:
        deck = build_deck(source, out, cache, notes_dir)
        if deck is not None:
            decks.append(deck)
            print(deck.name)
    return decks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=COURSE / "_build" / "slides")
    parser.add_argument("sources", nargs="*", type=Path, help="default: course/src/NN_*.py")
    args = parser.parse_args(argv)
    sources = args.sources or sorted(s for s in (COURSE / "src").glob("*.py") if build.is_module(s))
    decks = build_slides(args.out, sources)
    print(f"打开 (open) {decks[0] if decks else args.out}；按 S 打开讲师视图 (speaker notes)")
    return 0 if len(decks) == len(sources) else 1


if __name__ == "__main__":
    sys.exit(main())
