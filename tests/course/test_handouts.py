"""course/build_handouts.py prints the learner's page to PDF: no answers, widgets drawn, CJK font embedded."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from tests.browser.conftest import screenshot_dir
from tests.course.test_build_site import (
    COURSE,
    load,
    require_web_packages,
    shared_cache,
    solution_lines,
)

POPPLER = ("pdffonts", "pdftotext", "pdftoppm")


@pytest.fixture(scope="module")
def handout(tmp_path_factory):
    if shutil.which("chromium") is None:
        if os.environ.get("CUSTSEG_REQUIRE_BROWSER") == "1":
            pytest.fail("CUSTSEG_REQUIRE_BROWSER=1 but Chromium is missing")
        pytest.skip("no Chromium (apt-get install chromium fonts-noto-cjk)")
    missing = [tool for tool in POPPLER if shutil.which(tool) is None]
    if missing:  # the PDF is read with poppler's tools
        pytest.skip(f"{missing} missing (apt-get install poppler-utils)")
    require_web_packages()
    out = tmp_path_factory.mktemp("handouts")
    handouts = load("build_handouts")
    [pdf] = handouts.build_handouts(
        out, [COURSE / "src" / "00_welcome.py"], cache=shared_cache(tmp_path_factory)
    )
    return pdf


def _run(*command) -> str:
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def test_handout_embeds_a_chinese_font(handout):
    assert handout.name == "00_welcome.pdf"
    fonts = [line.split() for line in _run("pdffonts", str(handout)).splitlines()[2:]]
    embedded = {row[0].split("+")[-1] for row in fonts if row[-5] == "yes"}
    assert "SimHei" in embedded, embedded


def test_handout_shows_the_learners_version(handout):
    text = _run("pdftotext", "-layout", str(handout), "-")
    flat = re.sub(r"\s+", "", text)
    assert "第0讲导论：为什么要给客户分类" in flat
    assert "____" in text  # the blanks the learner fills in
    answers = [
        re.sub(r"\s+", "", line) for line in solution_lines(COURSE / "src" / "00_welcome.py")
    ]
    assert [line for line in answers if line in flat] == []
    assert "✅" not in text and "还没有作答" in flat  # no check was answered


def test_handout_draws_the_widget(handout):
    text = re.sub(r"\s+", "", _run("pdftotext", str(handout), "-"))
    assert "国家/地区" in text and "每月销售额：全部国家" in text  # the widget's control and chart
    first = screenshot_dir() / "handout_00_welcome"
    _run("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(handout), str(first))
    assert list(screenshot_dir().glob("handout_00_welcome*.png"))
