"""course/build_site.py builds a readable HTML page per notebook and an index linking them."""

from __future__ import annotations

import importlib.util
from pathlib import Path

COURSE = Path(__file__).parents[2] / "course"


def test_site_page_and_index(tmp_path, monkeypatch):
    monkeypatch.delenv("MPLBACKEND", raising=False)
    spec = importlib.util.spec_from_file_location("course_site", COURSE / "build_site.py")
    site = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(site)
    pages = site.build_site(
        tmp_path, [COURSE / "src" / "00_welcome.py", COURSE / "src" / "glossary.py"]
    )
    assert pages == [
        ("00_welcome.html", "第 0 讲 导论：为什么要给客户分类"),
        ("glossary.html", "术语表 (glossary)"),
    ]
    page = (tmp_path / "00_welcome.html").read_text(encoding="utf-8")
    assert 'href="glossary.html"' in page and 'href="glossary.ipynb"' not in page
    assert "簇内平方和" in (tmp_path / "glossary.html").read_text(encoding="utf-8")
    assert "为什么要分类" in page and "data:image/png;base64," in page
    assert "application/vnd.jupyter.widget-state+json" in page  # widgets keep their state
    index = site.write_index(tmp_path, pages).read_text(encoding="utf-8")
    assert '<a href="00_welcome.html">第 0 讲 导论：为什么要给客户分类</a>' in index
