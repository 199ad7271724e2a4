"""The RFM cut-off widget: a stricter M cut point leaves fewer 重要 (important) customers."""

from __future__ import annotations

import re

from custseg.rfm import rfm_table
from custseg.widgets.rfm import rfm_cutoff_explorer


def _counts(text: str) -> dict[str, int]:
    return {name: int(n) for name, n in re.findall(r"([^，\s]+) (\d+) 人", text)}


def test_moving_the_m_cut_point(online_retail_clean):
    rfm = rfm_table(online_retail_clean)
    box = rfm_cutoff_explorer(rfm)
    sliders, summary, _ = box.children
    recency, frequency, monetary = sliders.children
    before = _counts(summary.value)
    assert sum(before.values()) == len(rfm)
    monetary.value = 5000
    after = _counts(summary.value)
    important = sum(n for name, n in after.items() if name.startswith("重要"))
    assert important == (rfm["monetary"] > 5000).sum()
    assert important < sum(n for name, n in before.items() if name.startswith("重要"))
    recency.value = 30
    value = _counts(summary.value).get("重要价值客户", 0)
    expected = (
        (rfm["recency"] < 30) & (rfm["frequency"] > frequency.value) & (rfm["monetary"] > 5000)
    ).sum()
    assert value == expected
