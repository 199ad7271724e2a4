"""Build a static HTML site of the course for reading: every notebook executed, one page each.

Usage: ``python course/build_site.py [--out course/_build/html]``. The trainer's versions
(with solutions) are executed with their widget state kept, converted with nbconvert, and
linked from an index page, the modules in order and then the glossary (术语表); links between
notebooks (``glossary.ipynb``) point to their pages. Open ``course/_build/html/index.html``.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from pathlib import Path

from nbclient import NotebookClient
from nbconvert import HTMLExporter

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build  # noqa: E402  (the sibling course/build.py)

COURSE = Path(__file__).resolve().parent
NOTEBOOK_LINK = re.compile(r'href="([\w.-]+)\.ipynb(#[^"]*)?"')


def link_pages(body: str) -> str:
    """Links to another course notebook point to its page instead.

    >>> link_pages('术语见 <a href="glossary.ipynb">术语表</a>，<a href="03_rfm.ipynb#x">RFM</a>')
    '术语见 <a href="glossary.html">术语表</a>，<a href="03_rfm.html#x">RFM</a>'
    """
    return NOTEBOOK_LINK.sub(lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"', body)


def _title(notebook) -> str:
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return "未命名"


def build_site(out: Path, sources: list[Path]) -> list[tuple[str, str]]:
    """Execute and convert each source; return (page, title) pairs for the index."""
    out.mkdir(parents=True, exist_ok=True)
    exporter = HTMLExporter(template_name="lab")
    pages = []
    for source in sources:
        _, notebook = build.build_versions(source)
        NotebookClient(
            notebook,
            timeout=600,
            kernel_name="python3",
            store_widget_state=True,
            resources={"metadata": {"path": str(out)}},
        ).execute()
        body, _ = exporter.from_notebook_node(notebook)
        body = link_pages(body)
        page = f"{source.stem}.html"
        (out / page).write_text(body, encoding="utf-8")
        pages.append((page, _title(notebook)))
        print(f"{page}: {_title(notebook)}")
    return pages


def write_index(out: Path, pages: list[tuple[str, str]]) -> Path:
    items = "\n".join(
        f'<li><a href="{html.escape(page)}">{html.escape(title)}</a></li>' for page, title in pages
    )
    index = out / "index.html"
    index.write_text(
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
        '<title>客户分类课程</title></head><body style="font-family:sans-serif;max-width:48em;'
        'margin:2em auto"><h1>客户分类课程 · custseg</h1><ol>\n'
        f"{items}\n</ol></body></html>\n",
        encoding="utf-8",
    )
    return index


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=COURSE / "_build" / "html")
    parser.add_argument("sources", nargs="*", type=Path, help="default: course/src/*.py")
    args = parser.parse_args(argv)
    sources = args.sources or sorted(
        (COURSE / "src").glob("*.py"), key=lambda s: (not build.is_module(s), s.name)
    )
    index = write_index(args.out, build_site(args.out, sources))
    print(f"打开 (open) {index}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
