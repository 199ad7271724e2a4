"""The House of Quality: weighted scores are importance x strength summed, checked by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from custseg.clustering import CustomerClusterer
from custseg.datasets import load_cn_customers
from custseg.errors import DataError
from custseg.qfd import (
    NEEDS,
    RELATIONS,
    house_of_quality,
    relation_table,
    segment_house_of_quality,
    segment_needs,
)


def test_scores_are_the_weighted_sums_by_hand():
    importance = {"价格实惠": 1, "健康少糖": 2, "品牌可信": 0, "口味新鲜": 5, "方便携带": 3}
    table = house_of_quality(importance)
    weights = np.array([importance[n] for n in RELATIONS.index], dtype=float)
    expected = pd.Series(RELATIONS.to_numpy().T @ weights, index=RELATIONS.columns)
    assert table["加权得分"].to_dict() == expected.round(1).to_dict()
    assert table["排名"].tolist() == [1, 2, 3, 4, 5]
    assert list(table.index) == list(expected.sort_values(ascending=False, kind="stable").index)
    assert table["占比（%）"].sum() == pytest.approx(100, abs=0.3)


def test_relation_symbols():
    table = relation_table()
    assert table.loc["健康少糖", "含糖量低"] == "◎ 9"
    assert table.loc["品牌可信", "含糖量低"] == "○ 3"
    assert table.loc["价格实惠", "含糖量低"] == "△ 1"
    assert table.loc["方便携带", "含糖量低"] == ""


def test_segment_needs_are_the_cluster_means_of_the_survey():
    customers = load_cn_customers()
    survey = list(NEEDS)
    labels = CustomerClusterer(n_clusters=4, random_state=0).fit(customers[survey]).labels_
    means = customers[survey].groupby(labels).mean().round(1).rename(columns=NEEDS)
    needs = segment_needs(customers)
    for cluster in means.index:
        assert needs.loc[cluster, list(NEEDS.values())].tolist() == means.loc[cluster].tolist()
    assert needs.loc["全体", "健康少糖"] == round(customers["health_focus"].mean(), 1)
    house = segment_house_of_quality(customers, cluster=int(means["价格实惠"].idxmax()))
    assert house.index[0] == "单包成本低"
    assert segment_house_of_quality(customers, cluster="全体").index[0] != "单包成本低"


def test_bad_input_is_named():
    with pytest.raises(DataError, match="缺少"):
        house_of_quality({"价格实惠": 3})
    with pytest.raises(DataError, match="不小于 0"):
        house_of_quality({n: -1 for n in RELATIONS.index})
    with pytest.raises(DataError, match="第 9 簇"):
        segment_house_of_quality(load_cn_customers(), cluster=9)
