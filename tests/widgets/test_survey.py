"""The survey widget: each choice of grouping and statement shows that group's real average."""

from __future__ import annotations

import numpy as np

from custseg.datasets import load_cn_customers
from custseg.dimensions import add_survey_segments
from custseg.widgets.survey import survey_explorer


def test_the_bars_are_the_average_answers_of_each_group():
    customers = add_survey_segments(load_cn_customers())
    box = survey_explorer(customers)
    (by, item), summary, figure = box.children[0].children, box.children[1], box.children[2]
    bars, numbers, overall = figure.marks
    assert list(by.options) == ["城市级别", "渠道", "性别", "年龄段", "心理分群"]
    for grouping, column in (("城市级别", "city_tier"), ("渠道", "channel")):
        by.value = grouping
        for statement, source in (("价格敏感", "price_sensitivity"), ("追求便利", "convenience")):
            item.value = statement
            means = customers.groupby(column)[source].mean().round(1)
            means = means.sort_values(ascending=False, kind="stable")
            shown = dict(zip(bars.x, np.asarray(bars.y, dtype=float), strict=True))
            assert shown == means.to_dict()
            assert bars.y[0] == max(bars.y)  # highest on top
            assert list(numbers.text) == [f"{v:.1f}" for v in bars.y]
            everyone = round(customers[source].mean(), 1)
            np.testing.assert_allclose(overall.x, [everyone, everyone])
            assert f"“{statement}”平均分最高的是 <b>{bars.x[0]}</b>" in summary.value
            assert figure.title == f"按{grouping}分组：“{statement}”的平均分"


def test_only_groupings_the_data_has_are_offered():
    box = survey_explorer(load_cn_customers())
    by = box.children[0].children[0]
    assert "心理分群" not in by.options
    by.value = "年龄段"
    assert "25岁以下" in set(box.children[2].marks[0].x)
