"""custseg.lifecycle: stages from transactions, checked on Online Retail with plain pandas."""

from __future__ import annotations

import numpy as np
import pandas as pd
import polars as pl
import pytest

from custseg.errors import DataError
from custseg.lifecycle import (
    STAGES,
    lifecycle_rule_table,
    lifecycle_stages,
    stage_counts,
    stage_sentence,
)
from custseg.rfm import customer_summary


@pytest.fixture(scope="module")
def tx(online_retail_clean):
    return online_retail_clean[["customer_id", "invoice_id", "invoice_date", "amount"]]


def pandas_stages(
    tx: pd.DataFrame,
    as_of: pd.Timestamp,
    new_days: int,
    at_risk_days: int,
    churn_days: int,
    loyal_orders: int,
) -> pd.Series:
    """The documented rules, written independently with groupby and np.select."""
    tx = tx[tx["invoice_date"] < as_of + pd.Timedelta(days=1)]
    per = (
        tx.assign(day=tx["invoice_date"].dt.normalize())
        .groupby("customer_id")
        .agg(first=("day", "min"), last=("day", "max"), orders=("invoice_id", "nunique"))
    )
    recency = (as_of - per["last"]).dt.days
    tenure = (as_of - per["first"]).dt.days
    active = recency <= at_risk_days
    new = active & ((tenure <= new_days) | (per["orders"] == 1))
    loyal = active & ~new & (per["orders"] >= loyal_orders)
    repeat = active & ~new & ~loyal
    churned = recency > churn_days
    stage = np.select(
        [new, repeat, loyal, churned], ["新客", "回购", "忠诚", "已流失"], default="流失风险"
    )
    return pd.Series(stage, index=per.index)


@pytest.mark.parametrize(
    ("as_of", "params"),
    [
        (None, {}),
        ("2011-09-01", {"new_days": 30, "at_risk_days": 60, "churn_days": 120, "loyal_orders": 3}),
    ],
)
def test_stages_match_independent_pandas_logic(tx, as_of, params):
    got = lifecycle_stages(tx, as_of, **params)
    full = {"new_days": 90, "at_risk_days": 90, "churn_days": 180, "loyal_orders": 5, **params}
    if as_of is None:  # the day after the last purchase day
        day = tx["invoice_date"].max().normalize() + pd.Timedelta(days=1)
    else:
        day = pd.Timestamp(as_of)
    expected = pandas_stages(tx, day, **full)
    assert got.attrs["as_of"] == day
    assert got.index.tolist() == expected.index.tolist()
    assert got["stage"].tolist() == expected.tolist()
    assert set(got["stage"]) == set(STAGES) - {"潜在"}


def test_output_columns_and_actions(tx):
    got = lifecycle_stages(tx)
    assert got.columns.tolist() == [
        "orders",
        "recency",
        "tenure",
        "monetary",
        "stage",
        "stage_en",
        "action",
    ]
    table = lifecycle_rule_table()
    actions = dict(zip(table["stage"], table["action"], strict=True))
    assert (got["action"] == got["stage"].map(actions)).all()
    assert table["stage"].tolist() == list(STAGES)


def test_prospects_without_purchases_are_potential(tx):
    bought = tx["customer_id"].iloc[0]
    got = lifecycle_stages(tx, prospects=[99_001, 99_002, bought, 99_001])
    assert got.loc[[99_001, 99_002], "stage"].tolist() == ["潜在", "潜在"]
    assert got.loc[[99_001, 99_002], "orders"].tolist() == [0, 0]
    assert got.loc[bought, "stage"] != "潜在"
    assert len(got) == tx["customer_id"].nunique() + 2


def test_polars_input_gives_the_same_stages(tx):
    pandas_result = lifecycle_stages(tx)
    polars_result = lifecycle_stages(pl.from_pandas(tx).lazy())
    assert polars_result["stage"].tolist() == pandas_result["stage"].tolist()


@pytest.mark.parametrize(
    ("params", "culprit"),
    [
        ({"new_days": 0}, "new_days"),
        ({"churn_days": 60}, "churn_days"),
        ({"at_risk_days": 30}, "at_risk_days"),
        ({"loyal_orders": 1}, "loyal_orders"),
        ({"loyal_orders": 2.5}, "loyal_orders"),
    ],
)
def test_parameters_are_checked(tx, params, culprit):
    with pytest.raises(ValueError, match=culprit):
        lifecycle_stages(tx.head(100), **params)


def test_a_custom_rule_table(tx):
    rules = pd.DataFrame(
        {
            "stage": ["活跃", "沉睡"],
            "stage_en": ["Active", "Dormant"],
            "rule": ["recency <= at_risk_days", "recency > at_risk_days"],
            "action": ["保持联系", "唤醒"],
        }
    )
    got = lifecycle_stages(tx, rules=rules, at_risk_days=120)
    assert (got["stage"] == np.where(got["recency"] <= 120, "活跃", "沉睡")).all()
    with pytest.raises(DataError, match="match no rule"):
        lifecycle_stages(tx, rules=rules.iloc[:1])


def test_input_is_not_changed(tx):
    sample = tx.head(3000)
    before = sample.copy()
    lifecycle_stages(sample, prospects=[1, 2])
    pd.testing.assert_frame_equal(sample, before)


def test_a_summary_computed_once_gives_the_same_stages_without_reading_transactions(tx):
    summary = customer_summary(tx, "2011-09-30")
    expected = lifecycle_stages(tx, "2011-09-30", at_risk_days=120, churn_days=200)
    got = lifecycle_stages(None, at_risk_days=120, churn_days=200, summary=summary)
    pd.testing.assert_frame_equal(got, expected)
    assert got.attrs["as_of"] == expected.attrs["as_of"]


def test_stage_table_counts_every_customer_in_lifecycle_order(tx):
    from custseg.lifecycle import STAGES, stage_table

    stages = lifecycle_stages(tx)
    table = stage_table(stages)
    assert list(table.index) == list(STAGES)
    assert table["客户数"].sum() == len(stages) == tx["customer_id"].nunique()
    at_risk = stages[stages["stage"] == "流失风险"]
    assert table.loc["流失风险", "客户数"] == len(at_risk)
    assert table.loc["流失风险", "客户占比"] == f"{len(at_risk) / len(stages):.1%}"


def test_stage_rules_write_the_thresholds_in_and_the_widget_uses_them():
    from custseg.lifecycle import explorer_thresholds, stage_rules

    rules = stage_rules(at_risk_days=60, churn_days=120, loyal_orders=8)
    assert rules.loc["流失风险", "规则"] == "60 天以上、120 天以内没有购买"
    assert "2 到 7 次" in rules.loc["回购", "规则"]
    assert explorer_thresholds(120)["new_days"] == 90
    assert explorer_thresholds(45)["new_days"] == 45


def test_column_keywords_give_the_same_stages(tx):
    names = {
        "customer_id": "客户编号",
        "invoice_id": "发票号",
        "invoice_date": "下单时间",
        "amount": "金额",
    }
    renamed = tx.rename(columns=names)
    got = lifecycle_stages(
        renamed,
        "2011-09-01",
        prospects=[99_001],
        customer_col="客户编号",
        invoice_col="发票号",
        date_col="下单时间",
        amount_col="金额",
    )
    pd.testing.assert_frame_equal(got, lifecycle_stages(tx, "2011-09-01", prospects=[99_001]))
    assert list(renamed.columns) == list(names.values())
    with pytest.raises(DataError, match="'下单日期'"):
        lifecycle_stages(renamed, customer_col="客户编号", date_col="下单日期", amount_col="金额")


def test_stage_counts_and_sentence_count_every_customer_in_lifecycle_order(tx):
    day = tx["invoice_date"].max().normalize() + pd.Timedelta(days=1)
    expected = pandas_stages(
        tx, day, new_days=90, at_risk_days=90, churn_days=180, loyal_orders=5
    ).value_counts()
    counts = stage_counts(lifecycle_stages(tx))
    assert counts.index.tolist() == list(STAGES)
    assert counts["潜在"] == 0
    assert counts.drop("潜在").to_dict() == expected.to_dict()
    assert counts.sum() == tx["customer_id"].nunique()
    sentence = stage_sentence(lifecycle_stages(tx))
    parts = [part.split(" ") for part in sentence.split("，")]
    assert [name for name, _, _ in parts] == expected.sort_values(ascending=False).index.tolist()
    assert {name: int(n) for name, n, _ in parts} == expected.to_dict()


def test_stage_counts_keep_the_stages_of_a_custom_rule_table_and_need_a_stage_column(tx):
    rules = pd.DataFrame(
        {
            "stage": ["活跃", "沉睡"],
            "stage_en": ["Active", "Dormant"],
            "rule": ["recency <= at_risk_days", "recency > at_risk_days"],
            "action": ["保持联系", "唤醒"],
        }
    )
    got = lifecycle_stages(tx, rules=rules, at_risk_days=120)
    counts = stage_counts(got)
    assert counts.index.tolist()[: len(STAGES)] == list(STAGES)
    assert counts[list(STAGES)].sum() == 0
    assert counts[["活跃", "沉睡"]].tolist() == [
        int((got["recency"] <= 120).sum()),
        int((got["recency"] > 120).sum()),
    ]
    with pytest.raises(DataError, match="stage"):
        stage_counts(got.drop(columns="stage"))
