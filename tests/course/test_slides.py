"""course/build_slides.py: slides cut at headings, no answers, notes from the trainer's notes, offline."""

from __future__ import annotations

import re
import time

import nbformat
import pytest

from tests.browser.conftest import browser_page, screenshot_dir  # noqa: F401  (shared Chromium)
from tests.course.test_build_site import COURSE, REMOTE_ASSET, load, solution_lines

slides = load("build_slides")
build = load("build")


def _versions(cells):
    """A learner's and an executed trainer's notebook from (learner source, trainer source, kind)."""
    learner = nbformat.v4.new_notebook()
    trainer = nbformat.v4.new_notebook()
    for mine, theirs, kind in cells:
        maker = nbformat.v4.new_markdown_cell if kind == "md" else nbformat.v4.new_code_cell
        learner.cells.append(maker(mine))
        trainer.cells.append(maker(theirs))
    return learner, trainer


def test_headings_start_slides_and_answers_stay_off():
    learner, trainer = _versions([
        ("# 第 9 讲 标题\n\n学习目标", "# 第 9 讲 标题\n\n学习目标", "md"),
        ("import custseg", "import custseg", "code"),
        ("导语\n\n## 1. 计算 R\n\n说明", "导语\n\n## 1. 计算 R\n\n说明", "md"),
        ("rfm = rfm_table(clean)", "rfm = rfm_table(clean)", "code"),
        ("### 练习 1", "### 练习 1", "md"),
        ("answer = ____", "answer = 42", "code"),
        ("ex.q1.check()", "ex.q1.check()", "code"),
    ])  # fmt: skip
    notes = slides.notes_sections("## 计算 R\n\n强调：R 越小越好。\n")
    deck = slides.slide_cells(learner, trainer, notes)
    shown = [(c.source, c.metadata["slideshow"]["slide_type"]) for c in deck]
    assert shown == [
        ("# 第 9 讲 标题\n\n学习目标", "slide"),
        ("导语", "-"),
        ("## 1. 计算 R\n\n说明", "slide"),
        ("强调：R 越小越好。", "notes"),
        ("rfm = rfm_table(clean)", "-"),
        ("### 练习 1", "subslide"),
        ("ex.q1.check()", "-"),
    ]  # no set-up cell, no answer; the notes follow their heading


def test_marked_sources_keep_their_marks_and_long_slides_split():
    learner, trainer = _versions([("# 标题", "# 标题", "md")] + [("段落\n" * 6,) * 2 + ("md",)] * 4)
    deck = slides.slide_cells(learner, trainer, {})
    assert [c.metadata["slideshow"]["slide_type"] for c in deck] == [
        "slide", "-", "-", "subslide", "-",
    ]  # fmt: skip
    trainer.cells[2].metadata["slideshow"] = {"slide_type": "fragment"}
    deck = slides.slide_cells(learner, trainer, {})
    assert [c.metadata.get("slideshow", {}).get("slide_type") for c in deck] == [
        "slide", None, "fragment", None, None,
    ]  # fmt: skip


@pytest.fixture(scope="module")
def deck(tmp_path_factory):
    out = tmp_path_factory.mktemp("slides")
    notes = out / "notes"
    notes.mkdir()
    (notes / "00_welcome.md").write_text(
        "# 第 0 讲 讲师备课笔记\n\n## 为什么要分类\n\n先问学员：你们公司对所有客户一视同仁吗？\n",
        encoding="utf-8",
    )
    [path] = slides.build_slides(
        out, [COURSE / "src" / "00_welcome.py"], cache=out / "executed", notes_dir=notes
    )
    return path


def test_deck_has_no_answers_and_no_remote_assets(deck):
    text = deck.read_text(encoding="utf-8")
    assert deck.name == "00_welcome.slides.html"
    assert REMOTE_ASSET.findall(text) == []
    for src in re.findall(r'<script[^>]+src="([^"]+)"', text):
        assert (deck.parent / src).is_file(), src
    assert "data:image/png;base64," in text  # charts rendered
    leaked = [line for line in solution_lines(COURSE / "src" / "00_welcome.py") if line in text]
    assert leaked == []
    assert '<aside class="notes">' in text and "你们公司对所有客户一视同仁吗" in text


def test_deck_opens_offline(deck, browser_page):  # noqa: F811
    requests = []

    def only_files(route):
        requests.append(route.request.url)
        if route.request.url.startswith(("file:", "data:")):
            route.continue_()
        else:
            route.abort()

    browser_page.set_viewport_size({"width": 1280, "height": 800})
    browser_page.route("**/*", only_files)
    browser_page.goto(deck.as_uri())
    browser_page.wait_for_selector(".reveal.ready", timeout=30000)
    count = browser_page.evaluate("() => document.querySelectorAll('.slides > section').length")
    expected = deck.read_text(encoding="utf-8").count("<section>\n<section>")
    assert count >= 5 and (expected == 0 or count == expected)
    title = browser_page.inner_text(".slides > section.present")
    assert "为什么要给客户分类" in title
    assert browser_page.is_visible("text=为什么要给客户分类")
    browser_page.screenshot(path=str(screenshot_dir() / "slides_title.png"))
    browser_page.keyboard.press("ArrowRight")
    time.sleep(1)
    assert "为什么要分类" in browser_page.inner_text(".slides > section.present")
    browser_page.screenshot(path=str(screenshot_dir() / "slides_second.png"))
    assert [url for url in requests if not url.startswith(("file:", "data:"))] == []
    browser_page.unroute("**/*")
