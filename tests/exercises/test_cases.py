"""Module 08's practice questions: right answers recomputed from the data pass, and the words
and mistakes particular to this module get their message.

Expected values are recomputed here from the data with pandas and numpy, independently of the
exercise module and of the Chinese tables it reads. What every question must do is checked in
tests/course/test_main_track.py.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from custseg.customer_groups import example_accounts
from custseg.datasets import load_cn_orders, load_sample
from custseg.exercises import cases as ex
from custseg.travel_packages import example_travelers
from tests.exercises.answers import assert_right, assert_told_like, assert_wrong


def _balanced_count(orders: pd.DataFrame, dominance: float) -> int:
    spend = orders.groupby(["customer_id", "category"])["amount"].sum().unstack(fill_value=0)
    shares = spend.div(spend.sum(axis=1), axis=0)
    return int((shares.max(axis=1) < dominance).sum())


def _core_customers(orders: pd.DataFrame, dominance: float) -> pd.Series:
    spend = orders.groupby(["customer_id", "category"])["amount"].sum().unstack(fill_value=0)
    shares = spend.div(spend.sum(axis=1), axis=0)
    return shares.idxmax(axis=1)[shares.max(axis=1) >= dominance].value_counts()


def _groups(accounts: pd.DataFrame, top: float, technical: float) -> pd.Series:
    cut = np.quantile(accounts["revenue"], 1 - top)
    strategic = (accounts["revenue"] >= cut) | (accounts["strategic_importance"] >= 4.5)
    tech = (accounts["technical_need"] >= technical) & (accounts["price_sensitivity"] < 3.5)
    return pd.Series(
        np.where(strategic, "战略型", np.where(tech, "技术型", "标准型")), index=accounts.index
    )


def test_the_right_answers_computed_from_the_data_pass():
    orders = load_cn_orders()
    assert _balanced_count(orders, 0.6) > _balanced_count(orders, 0.5)
    launch = int((_core_customers(orders, 0.6) >= ex.LAUNCH_MIN).sum())

    accounts = example_accounts()
    europe = accounts[accounts["region"] == "欧洲"]
    before = _groups(europe, 0.1, 3.5).value_counts().idxmax()
    after = _groups(europe, 0.1, 4.0).value_counts().idxmax()
    assert (before, after) == ("技术型", "标准型")  # the conclusion moves with the threshold

    def strategic_ok(top):
        return all(
            (_groups(accounts[accounts["region"] == r], top, 3.5) == "战略型").mean() <= 0.10
            for r in ("欧洲", "非洲")
        )

    largest = max(s for s in np.round(np.arange(0, 0.51, 0.05), 2) if strategic_ok(s))

    travelers = example_travelers()
    rules = [
        ("家庭亲子型", travelers["family_share"] >= 0.5),
        ("高端品质型", travelers["spend_per_trip"] >= 8000),
        ("早鸟计划型", travelers["days_booked_ahead"] >= 60),
        ("说走就走型", travelers["days_booked_ahead"] <= 7),
    ]
    group = pd.Series("经典观光型", index=travelers.index)
    for name, hit in reversed(rules):
        group[hit] = name
    ahead = travelers.groupby(group)["days_booked_ahead"].mean().idxmin()
    yearly = (travelers["trips_per_year"] * travelers["spend_per_trip"]).groupby(group)
    per_person = yearly.sum() / group.value_counts()

    clients = load_sample("bank_marketing")
    rich = clients["balance"] >= clients["balance"].quantile(0.75)
    quality = rich & (clients["default"] == "no") & (clients["loan"] == "no")
    rate = clients["y"] == "yes"
    lift = round(rate[quality].mean() / rate.mean(), 2)

    right = {
        "q1": "A",
        "q2": launch,
        "q3": "B",
        "q4": after,
        "q5": float(largest),
        "q6": ahead,
        "q7": per_person.idxmax(),
        "q8": lift,
    }
    for name, answer in right.items():
        assert_right(getattr(ex, name), answer)
    assert largest < 0.10  # the default 10% breaks the budget: the decision is not trivial
    assert per_person.idxmax() != group.value_counts().idxmax()


def test_near_answers_count():
    assert_right(ex.q4, "标准型客户")
    assert_right(ex.q5, "5%")


def test_short_forms_and_words_the_course_uses_count_as_their_choice():
    """A learner's short form ("说走就走", "标准") or everyday word ("增加") is its choice."""
    for name, letter, typed in [
        ("q1", "A", "增加"),
        ("q1", "A", "变多了"),
        ("q3", "B", "降低"),
        ("q4", "B", "标准"),
        ("q6", "D", "说走就走"),
        ("q7", "B", "高端"),
    ]:
        assert_right(getattr(ex, name), letter, typed)


def test_lift_written_as_a_percentage_or_rounded_too_far_is_told_apart():
    table = ex._quality_rates()
    quality, everyone = table.loc["优质客户", "认购率（%）"], table.loc["全部客户", "认购率（%）"]
    assert_wrong(ex.q8, round(100 * quality / everyone, 1), "不要乘 100")
    assert_wrong(ex.q8, round(quality / everyone, 1), "两位小数")
    assert_right(ex.q8, round(quality / everyone, 2))


def test_short_forms_of_a_wrong_choice_get_its_message():
    """Short forms such as 减少, 变高了, 技术, 家庭亲子 get the message of the choice meant."""
    for name, typed, chosen in [
        ("q1", "减少", "B"),
        ("q3", "变高了", "A"),
        ("q3", "提高", "A"),
        ("q4", "战略", "C"),
        ("q6", "早鸟", "C"),
        ("q7", "说走就走", "D"),
    ]:
        assert_told_like(getattr(ex, name), typed, chosen)
    default = ex._dominant("欧洲")
    assert_told_like(ex.q4, default.removesuffix("型"), default)
