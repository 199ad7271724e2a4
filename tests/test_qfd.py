"""custseg.qfd: segment needs from the simulated survey and the House of Quality arithmetic."""

from __future__ import annotations

import pandas as pd
import pytest

from custseg.datasets import load_cn_customers, load_cn_orders
from custseg.errors import DataError, ParameterError
from custseg.qfd import NEEDS, RELATIONS, house_of_quality, segment_needs
from custseg.rfm import rfm_table
from custseg.segments import segment_customers


def test_segment_needs_are_the_mean_answers_per_segment():
    customers, orders = load_cn_customers(), load_cn_orders()
    needs = segment_needs(customers, orders)
    segments = segment_customers(rfm_table(orders))["segment"]
    joined = customers.set_index("customer_id").join(segments)
    for segment, rows in joined.groupby("segment"):
        assert needs.loc[segment, "客户数"] == len(rows)
        for column, need in NEEDS.items():
            assert needs.loc[segment, need] == pytest.approx(rows[column].mean(), abs=0.005)
    assert needs.equals(segment_needs(load_customers=True))
    # the simulation's psychographic types differ by value: VIPs care more for health, less for price
    assert needs.loc["重要价值客户", "健康配料"] > needs.loc["一般挽留客户", "健康配料"]
    assert needs.loc["重要价值客户", "价格实惠"] < needs.loc["一般挽留客户", "价格实惠"]


def test_house_of_quality_sums_importance_times_strength():
    needs = segment_needs(load_customers=True)
    table = house_of_quality(needs=needs, segment="重要价值客户")
    importance = needs.loc["重要价值客户", list(RELATIONS.index)]
    for _, row in table.iterrows():
        by_hand = sum(importance[n] * RELATIONS.loc[n, row["产品要求"]] for n in RELATIONS.index)
        assert row["技术重要度"] == pytest.approx(by_hand, abs=0.05)
    assert table["技术重要度"].is_monotonic_decreasing
    assert table["排名"].tolist() == list(range(1, len(RELATIONS.columns) + 1))
    shares = table["占比"].str.rstrip("%").astype(float)
    assert shares.sum() == pytest.approx(100, abs=0.3)
    assert set(RELATIONS.to_numpy().ravel()) <= {0, 1, 3, 9}


def test_unknown_segment_and_missing_needs_are_named():
    needs = segment_needs(load_customers=True)
    with pytest.raises(ParameterError, match="沉睡客户"):
        house_of_quality(needs=needs, segment="沉睡客户")
    with pytest.raises(DataError, match="买得方便"):
        house_of_quality(needs=needs.drop(columns="买得方便"), segment="重要价值客户")
    with pytest.raises(ParameterError, match="load_customers"):
        segment_needs()
    with pytest.raises(DataError, match="共同"):
        segment_needs(load_cn_customers().assign(customer_id="X"), load_cn_orders())
    assert isinstance(needs, pd.DataFrame)


RENAMED = {
    "customer_id": "会员号",
    "invoice_id": "单号",
    "invoice_date": "下单时间",
    "amount": "实付",
}
KEYWORDS = {
    "customer_col": "会员号",
    "invoice_col": "单号",
    "date_col": "下单时间",
    "amount_col": "实付",
}


def test_renamed_order_columns_give_the_same_needs():
    customers, orders = load_cn_customers(), load_cn_orders()
    renamed = orders.rename(columns=RENAMED)
    before = renamed.copy()
    needs = segment_needs(customers, renamed, **KEYWORDS)
    pd.testing.assert_frame_equal(needs, segment_needs(customers, orders))
    pd.testing.assert_frame_equal(renamed, before)
    with pytest.raises(DataError, match="'付款时间'"):
        segment_needs(customers, renamed, **{**KEYWORDS, "date_col": "付款时间"})
