"""Build printable learner handouts, one PDF per module, without answers.

Usage: ``python course/build_handouts.py [--out course/_build/handouts] [sources…]``.

Each handout is the module's page of the course site (:mod:`build_site`): the **learner's
version**, executed, so the practice answers are blanks (``____``) and no check is answered.
Headless Chromium (Debian's ``chromium``, driven by Playwright) opens the page with every
request outside the build folder refused, waits until each widget has drawn its first state,
and prints the page to A4. The widgets are thus drawn as pictures of their first state. Chinese
text is set in SimHei, a TrueType font from the ``mplfonts`` package, which the PDF embeds by
name (Chromium would embed the system's OpenType CJK fonts as unnamed Type 3 glyphs).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

import mplfonts

sys.path.insert(0, str(Path(__file__).resolve().parent))
import build  # noqa: E402  (the sibling course/build.py)
import build_site  # noqa: E402

COURSE = Path(__file__).resolve().parent
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
HANDOUT_FONT = "SimHei.ttf"  # TrueType, so the PDF embeds it as a named font (mplfonts ships it)
PRINT_CSS = """
@font-face { font-family: "CustsegHei"; src: url("static/SimHei.ttf"); }
:root, body {
  --jp-content-font-family: "DejaVu Sans", "CustsegHei", sans-serif;
  --jp-ui-font-family: "DejaVu Sans", "CustsegHei", sans-serif;
  --jp-code-font-family: "DejaVu Sans Mono", "CustsegHei", monospace;
  font-family: "DejaVu Sans", "CustsegHei", sans-serif;
}
.jupyter-widgets, .jupyter-widgets text { font-family: "DejaVu Sans", "CustsegHei", sans-serif; }
@page { size: A4; margin: 14mm 12mm; }
.jp-InputPrompt, .jp-OutputPrompt { display: none !important; }
.jp-Cell { break-inside: avoid-page; }
.jp-OutputArea-output img, .jupyter-widgets svg { break-inside: avoid; }
"""
WIDGETS_DRAWN = """() => {
  const views = document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]');
  return [...views].every(v => v.parentElement.querySelector('.jupyter-widgets'));
}"""


def chromium() -> str:
    """Debian's Chromium, or a clear message how to install it."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    raise SystemExit(
        "需要 Chromium 浏览器：sudo apt-get install chromium fonts-noto-cjk (no chromium)"
    )


def print_pages(pages: list[Path], out: Path) -> list[Path]:
    """Print each HTML page to ``out/<name>.pdf`` once its widgets have drawn."""
    from playwright.sync_api import sync_playwright

    printed = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium(), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1100, "height": 1400})
        page.route(
            "**/*",
            lambda route: (
                route.continue_()
                if route.request.url.startswith(("file:", "data:"))
                else route.abort()
            ),
        )
        for html_page in pages:
            page.goto(html_page.as_uri())
            page.add_style_tag(content=PRINT_CSS)
            page.wait_for_function(WIDGETS_DRAWN, timeout=60000)
            time.sleep(1)  # the charts' last drawing step
            target = out / f"{html_page.stem}.pdf"
            page.pdf(path=str(target), format="A4", print_background=True)
            printed.append(target)
            print(target.name)
        browser.close()
    return printed


def build_handouts(out: Path, sources: list[Path], cache: Path = build_site.EXECUTED) -> list[Path]:
    """The learner's pages of ``sources`` (in ``out/html``) printed to ``out/<module>.pdf``."""
    pages_dir = out / "html"
    pages = build_site.build_site(pages_dir, sources, cache)
    shutil.copy2(Path(mplfonts.__file__).parent / "fonts" / HANDOUT_FONT, pages_dir / "static")
    return print_pages([pages_dir / page for page, _ in pages], out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=COURSE / "_build" / "handouts")
    parser.add_argument("sources", nargs="*", type=Path, help="default: course/src/NN_*.py")
    args = parser.parse_args(argv)
    sources = args.sources or sorted(s for s in (COURSE / "src").glob("*.py") if build.is_module(s))
    printed = build_handouts(args.out, sources)
    print(f"讲义 (handouts): {len(printed)} 个 PDF 在 {args.out}")
    return 0 if len(printed) == len(sources) else 1


if __name__ == "__main__":
    sys.exit(main())
