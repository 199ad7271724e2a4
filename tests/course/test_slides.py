"""course/build_slides.py: slides cut at headings, no answers, notes from the trainer's notes, offline."""

from __future__ import annotations

import re
import time

import nbformat
import pytest

from tests.browser.conftest import browser_page, screenshot_dir  # noqa: F401  (shared Chromium)
from tests.course.test_build_site import (
    COURSE,
    REMOTE_ASSET,
    load,
    require_web_packages,
    shared_cache,
    solution_lines,
)

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
    require_web_packages()
    out = tmp_path_factory.mktemp("slides")
    notes = out / "notes"
    notes.mkdir()
    (notes / "00_welcome.md").write_text(
        "# 第 0 讲 讲师备课笔记\n\n## 本讲要点\n\n- 清洗要说得清\n\n"
        "## 为什么要分类\n\n先问学员：你们公司对所有客户一视同仁吗？\n",
        encoding="utf-8",
    )
    [path] = slides.build_slides(
        out,
        [COURSE / "src" / "00_welcome.py"],
        cache=shared_cache(tmp_path_factory),
        notes_dir=notes,
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
    title_slide = text[text.index("<section") : text.index(">为什么要分类<a")]
    assert "清洗要说得清" in title_slide  # key messages: the title slide's notes


def test_deck_opens_offline(deck, browser_page):  # noqa: F811
    requests = []

    def only_files(route):
        requests.append(route.request.url)
        if route.request.url.startswith(("file:", "data:")):
            route.continue_()
        else:
            route.abort()

    browser_page.set_viewport_size({"width": 1280, "height": 800})
    browser_page.context.route("**/*", only_files)  # the speaker view's window too
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
    with browser_page.context.expect_page() as opened:
        browser_page.keyboard.press("s")  # the speaker view shows this slide's notes
    speaker = opened.value
    speaker.wait_for_function(
        "() => document.body.innerText.includes('你们公司对所有客户一视同仁吗')", timeout=20000
    )
    speaker.close()
    assert [url for url in requests if not url.startswith(("file:", "data:"))] == []
    browser_page.context.unroute("**/*")


def test_doctests_of_the_builders():
    import doctest

    for module in (slides, load("build_site"), load("build_handouts")):
        assert doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE).failed == 0


def _headings(source) -> set[str]:
    learner, _ = build.build_versions(source)
    return {
        slides.heading_key(match.group(2))
        for cell in learner.cells
        if cell.cell_type == "markdown"
        for match in map(slides.SLIDE_HEADING.match, cell.source.splitlines())
        if match
    }


def test_facilitator_notes_reach_their_slides():
    notes_files = sorted((COURSE / "trainer").glob("[0-9][0-9]_*.md"))
    for notes_file in notes_files:
        source = COURSE / "src" / f"{notes_file.stem}.py"
        assert source.exists(), f"{notes_file.name} has no module"
        learner, _ = build.build_versions(source)
        notes = slides.notes_sections(notes_file.read_text(encoding="utf-8"))
        assert slides.unmatched_notes(notes, learner) == [], notes_file.name
    assert (COURSE / "trainer" / "TEMPLATE.md").exists()


def test_agendas_cover_the_topics_and_name_real_slides():
    guide = (COURSE / "TRAINER_GUIDE.md").read_text(encoding="utf-8")
    one_day = guide[guide.index("## 一天工作坊") : guide.index("## 半天工作坊")]
    half_day = guide[guide.index("## 半天工作坊") : guide.index("## 两天工作坊")]
    for module in (0, 1, 2, 3, 4, 5, 9, 10, 11, 13):  # dimensions, selection, distributors, …
        assert f"| 第 {module} 讲" in one_day, module
    assert "| 第 3 讲" in half_day and "| 第 13 讲" in half_day
    assert "make slides handouts site" in guide and "(trainer/README.md)" in guide
    for agenda in (one_day, half_day):
        for number, blocks in re.findall(r"\| 第 (\d+) 讲[^|]*短块（([^|]*)）", agenda):
            [source] = (COURSE / "src").glob(f"{int(number):02d}_*.py")
            headings = _headings(source)
            for name in re.findall(r"“([^”]+)”", blocks):
                key = slides.heading_key(name)
                assert any(h.startswith(key) for h in headings), (source.name, name)
