"""Module 03's practice questions: right answers from an independent pandas computation pass,
near misses fail, and the words and mistakes particular to this module get their message.

What every question must do is checked in tests/course/test_main_track.py."""

from __future__ import annotations

import pandas as pd
import pytest

from custseg.datasets import load_cn_orders, load_sample
from custseg.exercises import rfm as ex
from custseg.transactions import clean_transactions
from tests.exercises.answers import assert_right, assert_told_like, assert_wrong


def _rfm(orders: pd.DataFrame) -> pd.DataFrame:
    """R, F, M written out with plain pandas, independently of custseg.rfm."""
    day = orders["invoice_date"].dt.normalize()
    today = day.max() + pd.Timedelta(days=1)
    grouped = orders.assign(day=day).groupby("customer_id")
    return pd.DataFrame(
        {
            "recency": (today - grouped["day"].max()).dt.days,
            "frequency": grouped["invoice_id"].nunique(),
            "monetary": grouped["amount"].sum(),
        }
    )


def _cn8(rfm: pd.DataFrame, recency: float | None = None) -> pd.Series:
    """The eight classes from the rule "R, F, M each high or low against the mean"."""
    r_cut = rfm["recency"].mean() if recency is None else recency
    r_high = rfm["recency"] < r_cut
    f_high = rfm["frequency"] > rfm["frequency"].mean()
    m_high = rfm["monetary"] > rfm["monetary"].mean()
    names = {
        (True, True): "价值",
        (True, False): "发展",
        (False, True): "保持",
        (False, False): "挽留",
    }
    return pd.Series(
        [
            ("重要" if m else "一般") + names[(r, f)] + "客户"
            for r, f, m in zip(r_high, f_high, m_high, strict=True)
        ],
        index=rfm.index,
    )


@pytest.fixture(scope="module")
def sample_rfm():
    return _rfm(clean_transactions(load_sample())[0])


@pytest.fixture(scope="module")
def cn():
    rfm = _rfm(load_cn_orders())
    return rfm.assign(segment=_cn8(rfm))


def test_q1_r_is_days_so_smaller_is_more_recent():
    assert_right(ex.q1, "甲")
    assert_wrong(ex.q1, "客户乙")


def test_q2_and_q3_a_stricter_recency_cut_leaves_fewer_vips(sample_rfm):
    before = int((_cn8(sample_rfm) == "重要价值客户").sum())
    frequency = round(sample_rfm["frequency"].mean(), 1)
    monetary = round(sample_rfm["monetary"].mean())
    rfm = sample_rfm
    after = int(
        (
            (rfm["recency"] < 30) & (rfm["frequency"] > frequency) & (rfm["monetary"] > monetary)
        ).sum()
    )
    assert after < before
    assert_right(ex.q2, "减少")
    assert_right(ex.q3, after)
    assert_wrong(ex.q3, after + 1)
    assert_wrong(ex.q3, before, "拖到 30")


def test_q4_counts_the_vips_of_the_chinese_business(cn):
    right = int((cn["segment"] == "重要价值客户").sum())
    assert_right(ex.q4, right)
    assert_wrong(ex.q4, right + 5)


def test_q5_wants_the_mean_not_the_total(cn):
    spend = cn.loc[cn["segment"] == "重要保持客户", "monetary"]
    assert_right(ex.q5, round(spend.mean()))
    assert_wrong(ex.q5, round(spend.mean()) + 50)
    assert_wrong(ex.q5, round(spend.sum()), "合计")


def test_q6_and_q7_decisions_name_the_segment_and_accept_letters():
    assert_right(ex.q6, "重要保持客户", "B", "重要保持")
    assert_right(ex.q7, "重要发展客户", "b", "重要发展")


@pytest.mark.parametrize(
    ("name", "answer", "same_as"),
    [
        ("q1", "乙", "客户乙"),
        ("q1", "一样", "两人一样"),
        ("q2", "变多了", "变多"),
        ("q2", "没变", "不变"),
        ("q6", "重要挽留", "重要挽留客户"),
        ("q6", "一般挽留", "一般挽留客户"),
        ("q7", "重要价值", "重要价值客户"),
    ],
)
def test_short_names_of_a_wrong_choice_get_its_message(name, answer, same_as):
    assert_told_like(getattr(ex, name), answer, same_as)


def test_the_direction_in_other_words_counts():
    assert_right(ex.q2, "变少了", "减少", "下降")
