"""Build a static HTML site of the course for reading, one page per notebook, that works offline.

Usage: ``python course/build_site.py [--out course/_build/html]``. The learner's versions
(blanks instead of answers) are executed with their widget state kept, converted with nbconvert,
and linked from an index page, the modules in order and then the glossary (术语表); links between
notebooks (``glossary.ipynb``) point to their pages. Open ``course/_build/html/index.html``.

Every script the pages load is copied next to them into ``static/`` from installed packages, so
the widgets draw without internet: require.js and the widget manager
(``@jupyter-widgets/html-manager``, npm packages that ``make site`` installs into
``.venv/share/custseg-web``) and bqplot's and bqscales' scripts from their pip packages
(``.venv/share/jupyter/nbextensions``). MathJax and mermaid are left out: the course has no
formulas or diagrams. Executed notebooks are kept in ``course/_build/executed`` and reused while
the notebook and the ``custseg`` package are unchanged (slides and handouts share them).
"""

from __future__ import annotations

import argparse
import hashlib
import html
import re
import shutil
import sys
from pathlib import Path

import nbformat
from jinja2 import DictLoader
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError
from nbconvert import HTMLExporter

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build  # noqa: E402  (the sibling course/build.py)

COURSE = Path(__file__).resolve().parent
PACKAGE = COURSE.parent / "custseg"
EXECUTED = COURSE / "_build" / "executed"
NOTEBOOK_LINK = re.compile(r'href="([\w.-]+)\.ipynb(#[^"]*)?"')
WEB_PACKAGES = Path(sys.prefix) / "share" / "custseg-web" / "node_modules"
NBEXTENSIONS = Path(sys.prefix) / "share" / "jupyter" / "nbextensions"
STATIC = "static"
HTML_MANAGER = "@jupyter-widgets/html-manager/dist"  # its icon fonts are found from the page there
WIDGET_SCRIPTS = {  # path beside the pages -> where it comes from
    f"{STATIC}/require.js": WEB_PACKAGES / "requirejs" / "require.js",
    f"{STATIC}/jquery.min.js": WEB_PACKAGES / "jquery" / "dist" / "jquery.min.js",
    HTML_MANAGER: WEB_PACKAGES / HTML_MANAGER,
    f"{STATIC}/bqplot.js": NBEXTENSIONS / "bqplot" / "index.js",
    f"{STATIC}/bqscales.js": NBEXTENSIONS / "bqscales" / "index.js",
}
REQUIRE_CONFIG = (
    "<script>require.config({paths: {"
    f'bqplot: "{STATIC}/bqplot", bqscales: "{STATIC}/bqscales"'
    "}});</script>"
)
OFFLINE_BLOCKS = (
    "{%- block html_head_js_requirejs -%}{{ super() }}\n" + REQUIRE_CONFIG + "\n"
    "{%- endblock html_head_js_requirejs -%}\n"
    "{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}\n"
    "{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}\n"
)
PAGE_TEMPLATE = "{%- extends 'index.html.j2' -%}\n" + OFFLINE_BLOCKS
OFFLINE_URLS = {
    "require_js_url": f"{STATIC}/require.js",
    "jquery_url": f"{STATIC}/jquery.min.js",
    "widget_renderer_url": f"{HTML_MANAGER}/embed-amd.js",
}


def link_pages(body: str) -> str:
    """Links to another course notebook point to its page instead.

    >>> link_pages('术语见 <a href="glossary.ipynb">术语表</a>，<a href="03_rfm.ipynb#x">RFM</a>')
    '术语见 <a href="glossary.html">术语表</a>，<a href="03_rfm.html#x">RFM</a>'
    """
    return NOTEBOOK_LINK.sub(lambda m: f'href="{m.group(1)}.html{m.group(2) or ""}"', body)


def title(notebook: nbformat.NotebookNode) -> str:
    """The text of the notebook's first ``#`` heading."""
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return "未命名"


def copy_static(out: Path, extra: dict[str, Path] | None = None) -> None:
    """Copy the scripts the pages load beside them; a clear message when one is missing."""
    for name, origin in {**WIDGET_SCRIPTS, **(extra or {})}.items():
        if not origin.exists():
            raise SystemExit(
                f"缺少离线网页文件 {origin}：请先运行 make site（用 npm 安装到 .venv/share/custseg-web）。"
                f" (missing {origin}: run make site first)"
            )
        if origin.is_dir():
            shutil.copytree(origin, out / name, dirs_exist_ok=True)
        else:
            (out / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(origin, out / name)
    fonts = WEB_PACKAGES / HTML_MANAGER
    for font in fonts.iterdir():  # its stylesheets look for the icon fonts in two places
        if font.suffix in {".woff2", ".woff", ".ttf", ".eot", ".svg"}:
            shutil.copy2(font, out / "@jupyter-widgets" / font.name)


def _fingerprint() -> str:
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".csv", ".json", ".parquet", ".yaml"}:
            digest.update(str(path.relative_to(PACKAGE)).encode() + path.read_bytes())
    return digest.hexdigest()


def executed(source: Path, version: str, cache: Path = EXECUTED) -> nbformat.NotebookNode:
    """The ``learner`` or ``trainer`` version of a source, executed with its widget state.

    Reused from ``cache`` while the notebook and the ``custseg`` package are unchanged.
    """
    learner, trainer = build.build_versions(source)
    notebook = learner if version == "learner" else trainer
    text = nbformat.writes(notebook)
    key = hashlib.sha256((text + _fingerprint()).encode()).hexdigest()[:16]
    saved = cache / f"{source.stem}.{version}.{key}.ipynb"
    if saved.exists():
        return nbformat.read(saved, as_version=4)
    workdir = cache / "work"
    workdir.mkdir(parents=True, exist_ok=True)
    NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        store_widget_state=True,
        resources={"metadata": {"path": str(workdir)}},
    ).execute()
    for stale in cache.glob(f"{source.stem}.{version}.*.ipynb"):
        stale.unlink()
    nbformat.write(notebook, saved)
    return notebook


def run_or_report(source: Path, version: str, cache: Path) -> nbformat.NotebookNode | None:
    """:func:`executed`, or None after printing which cell of which source failed (the build goes on)."""
    try:
        return executed(source, version, cache)
    except CellExecutionError as error:
        first = str(error).strip().splitlines()[-1] if str(error).strip() else ""
        print(f"{source.name} 运行出错，跳过 (failed, skipped): {first}", file=sys.stderr)
        return None


def page_exporter() -> HTMLExporter:
    """nbconvert's lab page with local scripts only, no MathJax and no mermaid."""
    return HTMLExporter(
        template_name="lab",
        template_file="custseg_page.html.j2",
        extra_loaders=[DictLoader({"custseg_page.html.j2": PAGE_TEMPLATE})],
        **OFFLINE_URLS,
    )


def build_site(out: Path, sources: list[Path], cache: Path = EXECUTED) -> list[tuple[str, str]]:
    """Execute the learner's version of each source, convert it; (page, title) pairs for the index."""
    out.mkdir(parents=True, exist_ok=True)
    copy_static(out)
    exporter = page_exporter()
    pages = []
    for source in sources:
        notebook = run_or_report(source, "learner", cache)
        if notebook is None:
            continue
        body, _ = exporter.from_notebook_node(notebook)
        page = f"{source.stem}.html"
        (out / page).write_text(link_pages(body), encoding="utf-8")
        pages.append((page, title(notebook)))
        print(f"{page}: {title(notebook)}")
    return pages


def write_index(out: Path, pages: list[tuple[str, str]]) -> Path:
    items = "\n".join(
        f'<li><a href="{html.escape(page)}">{html.escape(name)}</a></li>' for page, name in pages
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


def course_sources(names: list[Path] | None = None) -> list[Path]:
    """The given sources, or every module in order and then the glossary."""
    return names or sorted(
        (COURSE / "src").glob("*.py"), key=lambda s: (not build.is_module(s), s.name)
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=COURSE / "_build" / "html")
    parser.add_argument("sources", nargs="*", type=Path, help="default: course/src/*.py")
    args = parser.parse_args(argv)
    sources = course_sources(args.sources)
    pages = build_site(args.out, sources)
    index = write_index(args.out, pages)
    print(f"打开 (open) {index}")
    return 0 if len(pages) == len(sources) else 1


if __name__ == "__main__":
    sys.exit(main())
