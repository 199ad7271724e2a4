"""course/build_site.py builds the learner's pages, linked from an index, that work offline."""

from __future__ import annotations

import importlib.util
import os
import re
import sys
import time
from pathlib import Path

import pytest

from tests.browser.conftest import browser_page, screenshot_dir  # noqa: F401  (shared Chromium)

COURSE = Path(__file__).parents[2] / "course"
REMOTE_ASSET = re.compile(
    r"""<(?:script|link|img|iframe)[^>]+(?:src|href)=["']?(?:https?:)?//"""
    r"""|@import\s+(?:url\()?["']?(?:https?:)?//|url\(["']?(?:https?:)?//|import\s[^;]*from\s+["']https?://"""
)


def load(name: str):
    sys.path.insert(0, str(COURSE))
    spec = importlib.util.spec_from_file_location(name, COURSE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def solution_lines(source: Path) -> list[str]:
    """Lines between the solution markers that the learner's version does not contain."""
    build = load("build")
    learner, _ = build.build_versions(source)
    learner_text = "\n".join(cell.source for cell in learner.cells)
    inside, found = False, []
    for line in source.read_text(encoding="utf-8").splitlines():
        if line.strip() in (build.BEGIN, build.END):
            inside = line.strip() == build.BEGIN
        elif inside and line.strip() and line.strip() not in learner_text:
            found.append(line.strip())
    return found


def require_web_packages() -> None:
    """Skip (fail in CI) when the npm scripts the pages load are not installed.

    ``make test`` installs them with npm when npm is there (``make .venv/bin/.installed-web``).
    """
    scripts = Path(sys.prefix) / "share" / "custseg-web" / "node_modules"
    if not scripts.is_dir():
        if os.environ.get("CUSTSEG_REQUIRE_BROWSER") == "1":
            pytest.fail(
                f"CUSTSEG_REQUIRE_BROWSER=1 but {scripts} is missing (make .venv/bin/.installed-web)"
            )
        pytest.skip(f"{scripts} missing: install npm, then make .venv/bin/.installed-web")


def shared_cache(tmp_path_factory) -> Path:
    """Executed notebooks shared by the site, slide and handout tests of one test process."""
    return tmp_path_factory.getbasetemp() / "executed-notebooks"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    require_web_packages()
    out = tmp_path_factory.mktemp("site")
    build_site = load("build_site")
    pages = build_site.build_site(
        out,
        [COURSE / "src" / "00_welcome.py", COURSE / "src" / "glossary.py"],
        cache=shared_cache(tmp_path_factory),
    )
    return build_site, out, pages


def test_site_page_and_index(site, monkeypatch):
    build_site, out, pages = site
    assert pages == [
        ("00_welcome.html", "第 0 讲 导论：为什么要给客户分类"),
        ("glossary.html", "术语表 (glossary)"),
    ]
    page = (out / "00_welcome.html").read_text(encoding="utf-8")
    assert 'href="glossary.html"' in page and 'href="glossary.ipynb"' not in page
    assert "簇内平方和" in (out / "glossary.html").read_text(encoding="utf-8")
    assert "为什么要分类" in page and "data:image/png;base64," in page
    assert "application/vnd.jupyter.widget-state+json" in page  # widgets keep their state
    index = build_site.write_index(out, pages).read_text(encoding="utf-8")
    assert '<a href="00_welcome.html">第 0 讲 导论：为什么要给客户分类</a>' in index


def test_site_is_the_learners_version(site):
    _, out, _ = site
    page = (out / "00_welcome.html").read_text(encoding="utf-8")
    answers = solution_lines(COURSE / "src" / "00_welcome.py")
    assert answers, "00_welcome has practice answers to hide"
    assert "____" in page  # the blanks to fill in
    leaked = [line for line in answers if line in page]
    assert leaked == []
    assert "✅" not in page  # no check() was answered


def test_site_loads_nothing_from_the_internet(site):
    _, out, _ = site
    for page in out.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert REMOTE_ASSET.findall(text) == [], page.name
        for src in re.findall(r'<script[^>]+src="([^"]+)"', text):
            assert (out / src).is_file(), src
    assert (out / "@jupyter-widgets/html-manager/dist/embed-amd.js").is_file()


def test_site_widget_renders_offline(site, browser_page):  # noqa: F811
    _, out, _ = site
    requests = []

    def only_files(route):
        requests.append(route.request.url)
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            route.abort()

    browser_page.route("**/*", only_files)
    browser_page.goto((out / "00_welcome.html").as_uri())
    slider = browser_page.wait_for_selector(".widget-slider, .widget-dropdown", timeout=30000)
    browser_page.wait_for_selector(".jupyter-widgets svg", timeout=30000)
    time.sleep(1)
    slider.scroll_into_view_if_needed()
    browser_page.screenshot(path=str(screenshot_dir() / "site_offline_widget.png"))
    assert [url for url in requests if not url.startswith(("file:", "data:"))] == []
    figure = browser_page.query_selector(".jupyter-widgets svg")
    assert figure.bounding_box()["height"] > 100
    browser_page.unroute("**/*")


def test_a_failing_notebook_is_named_and_the_others_still_build(tmp_path, capsys):
    build_site = load("build_site")
    broken = tmp_path / "98_broken.py"
    broken.write_text(
        "# %% [markdown]\n# # 坏掉的一讲\n\n# %%\nraise ValueError('第 3 行的金额不是数字')\n",
        encoding="utf-8",
    )
    fine = tmp_path / "99_fine.py"
    fine.write_text("# %% [markdown]\n# # 好的一讲\n\n# %%\nprint('好')\n", encoding="utf-8")
    pages = build_site.build_site(tmp_path / "out", [broken, fine], cache=tmp_path / "exe")
    assert pages == [("99_fine.html", "好的一讲")]
    message = capsys.readouterr().err
    assert "98_broken.py 运行出错" in message and "第 3 行的金额不是数字" in message
