"""The Voilà dashboard of module 03 in a real browser: no code, Chinese, a slider that works."""

from __future__ import annotations

import re

import nbformat
import pytest

from custseg.datasets import load_sample
from custseg.rfm import rfm_table
from custseg.segments import RFMSegmenter
from custseg.transactions import clean_transactions
from tests.browser.conftest import (
    ROOT,
    free_port,
    screenshot_dir,
    start_server,
    stop_server,
    venv_command,
)
from tests.course.test_notebooks import build

CHART = ".bqplot"
BAR_LABELS = ".bqplot .label.element"  # the number written at the end of each bar


@pytest.fixture(scope="module")
def dashboard_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dashboards")
    source = ROOT / "course" / "src" / "03_rfm.py"
    _, trainer = build.build_versions(source)
    nbformat.write(build.build_dashboard(trainer, source.stem), folder / "03_rfm.ipynb")
    port = free_port()
    server = start_server(
        [
            venv_command("voila"),
            str(folder),
            "--no-browser",
            f"--port={port}",
            "--template=custseg",
            "--VoilaConfiguration.classic_tree=True",
        ],
        f"http://127.0.0.1:{port}/",
        folder / "voila.log",
        env={"JUPYTER_PATH": str(ROOT / "course" / "share" / "jupyter")},
    )
    yield f"http://127.0.0.1:{port}/"
    stop_server(server)


def _counts(text: str) -> dict[str, int]:
    return {name: int(n) for name, n in re.findall(r"([^，\s]+客户) (\d+) 人", text)}


def _readouts(page) -> list[float]:
    return [float(t) for t in page.locator(".widget-readout").all_inner_texts()]


def _top_down(locator) -> list[str]:
    """The texts of the matched SVG elements, from the top of the page down."""
    boxes = [(item.bounding_box()["y"], item.text_content()) for item in locator.all()]
    return [text for _, text in sorted(boxes)]


def _bar_numbers(page) -> dict[str, int]:
    """The segment names down the chart's vertical axis and the number beside each bar."""
    names = _top_down(page.locator(".bqplot .axis").nth(1).locator(".tick text"))
    numbers = _top_down(page.locator(BAR_LABELS))
    return {name: int(n.replace(",", "")) for name, n in zip(names, numbers, strict=True)}


def test_tree_lists_the_dashboard_in_chinese(browser_page, dashboard_url):
    browser_page.goto(dashboard_url)
    assert "互动仪表板" in browser_page.title()
    link = browser_page.get_by_role("link", name=re.compile("03_rfm"))
    assert link.count() == 1


def test_a_missing_dashboard_gets_a_chinese_page_with_the_way_back(browser_page, dashboard_url):
    response = browser_page.goto(dashboard_url + "voila/render/99_missing.ipynb")
    assert response.status == 404
    text = browser_page.inner_text("body")
    assert "404：页面不存在" in text and "回到仪表板列表" in text
    browser_page.get_by_role("link", name="回到仪表板列表").click()
    assert "互动仪表板" in browser_page.title()


def test_moving_a_slider_redraws_chart_and_counts(browser_page, dashboard_url):
    page = browser_page
    page.goto(dashboard_url + "voila/render/03_rfm.ipynb", timeout=180_000)
    page.wait_for_selector(CHART, timeout=180_000)
    page.wait_for_function(
        "sel => [...document.querySelectorAll(sel)].some(t => t.textContent.trim() !== '')",
        arg=BAR_LABELS,
        timeout=60_000,
    )
    assert page.title() == "第 3 讲 RFM 模型 · 互动仪表板"
    assert "rfm_cutoff_explorer" not in page.inner_text("body")  # no code on the page
    summary = page.locator(".widget-html-content").first
    before_counts = _counts(summary.inner_text())
    before_bars = _bar_numbers(page)
    assert sum(before_bars.values()) == sum(before_counts.values())
    before_values = _readouts(page)
    page.screenshot(path=screenshot_dir() / "dashboard_03_rfm_before.png", full_page=True)

    handle = page.locator(".noUi-handle").first  # the R slider
    box = handle.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + 120, box["y"] + box["height"] / 2, steps=5)
    page.mouse.up()
    page.wait_for_function(
        "([sel, old]) => [...document.querySelectorAll(sel)].map(t => t.textContent).join() !== old",
        arg=[BAR_LABELS, ",".join(str(n) for n in before_bars.values())],
        timeout=60_000,
    )
    page.screenshot(path=screenshot_dir() / "dashboard_03_rfm_after.png", full_page=True)
    after_values = _readouts(page)
    after_counts = _counts(summary.inner_text())

    assert after_values[0] > before_values[0] and after_values[1:] == before_values[1:]
    assert after_counts != before_counts
    # The numbers on the page are the segmentation at the cut points the page shows.
    clean, _ = clean_transactions(load_sample())
    recency, frequency, monetary = after_values
    expected = (
        RFMSegmenter(cutoffs={"recency": recency, "frequency": frequency, "monetary": monetary})
        .fit_transform(rfm_table(clean))["segment"]
        .value_counts()
    )
    assert after_counts == expected.to_dict()
    # The chart the browser drew shows the same numbers, every segment in the scheme order.
    assert {name: n for name, n in _bar_numbers(page).items() if n} == after_counts
    assert (screenshot_dir() / "dashboard_03_rfm_after.png").stat().st_size > 10_000
