"""The concentration widget: moving the slider changes the sentence, checked against numpy."""

from __future__ import annotations

import numpy as np

from custseg.widgets.concentration import concentration_explorer, concentration_sentence


def test_slider_updates_the_sentence(online_retail_clean):
    box = concentration_explorer(online_retail_clean)
    slider, sentence, chart = box.children
    spend = online_retail_clean.groupby("customer_id")["amount"].sum().sort_values(ascending=False)

    def share_of_top(fraction):  # the top k customers, k fractional: part of the next one
        k = len(spend) * fraction
        whole = int(k)
        return (spend.iloc[:whole].sum() + (k - whole) * spend.iloc[whole]) / spend.sum()

    expected_20 = share_of_top(0.2)
    assert f"{expected_20:.1%}" in sentence.value
    slider.value = 5
    expected_5 = share_of_top(0.05)
    assert f"{expected_5:.1%}" in sentence.value
    assert expected_5 < expected_20


def test_sentence_counts_customers():
    values = np.arange(1, 101, dtype=float)
    assert "（10 位）" in concentration_sentence(values, 10)
