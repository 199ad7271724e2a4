"""Module 01's practice questions: right answers recomputed from the data pass, and the words
and mistakes particular to this module get their message.

Expected values are recomputed here from the data and the package's lifecycle rules. What every
question must do is checked in tests/course/test_main_track.py.
"""

from __future__ import annotations

import pandas as pd
import pytest

from custseg.abc_analysis import top_share
from custseg.datasets import load_cn_orders, load_sample
from custseg.exercises import theory
from custseg.lifecycle import STAGES, lifecycle_stages
from custseg.transactions import clean_transactions
from tests.exercises.answers import assert_right, assert_wrong


@pytest.fixture(scope="module")
def clean():
    return clean_transactions(load_sample())[0]


def test_stage_choices_are_the_packages_stages():
    assert theory.STAGE_CHOICES == STAGES
    assert set(theory.STAGE_SYNONYMS) == set(STAGES)


def test_the_right_answers_computed_from_the_data_pass(clean):
    stages = lifecycle_stages(clean)
    right = {
        "q1": round(top_share(clean, top=0.1), 2),
        "q2": round(top_share(load_cn_orders(), top=0.2), 2),
        "q3": "忠诚",
        "q4": "已流失",
        "q5": stages.loc[14344, "stage"],
        "q6": "市场细分理论",
        "q7": "客户价值理论",
    }
    for name, answer in right.items():
        assert_right(getattr(theory, name), answer)
    assert right["q5"] == "流失风险"
    assert stages.loc[14344, "orders"] >= 5  # a past regular, now at risk: the point of q5


def test_scenarios_follow_the_package_rules():
    as_of = pd.Timestamp("2024-07-01")

    def stage(days_ago):
        tx = pd.DataFrame(
            {
                "customer_id": "x",
                "invoice_id": [str(d) for d in days_ago],
                "invoice_date": [as_of - pd.Timedelta(days=d) for d in days_ago],
                "amount": 1.0,
            }
        )
        return lifecycle_stages(tx, as_of=as_of)["stage"].iloc[0]

    assert stage([150, 122, 94, 66, 38, 10]) == theory.q3.problem.expected_value
    assert stage([500, 457, 414, 371, 329, 286, 243, 200]) == theory.q4.problem.expected_value


def test_a_percent_for_a_fraction_is_named_whatever_its_rounding(clean):
    share = top_share(clean, top=0.1)
    for answer in (share * 100, round(share * 100, 1), round(share * 100)):
        assert assert_wrong(theory.q1, answer).startswith("这是百分数")


def test_letters_and_synonyms_count():
    assert_right(theory.q3, "D", "忠诚客户")
    assert_right(theory.q4, "流失客户")
    assert_right(theory.q5, "流失风险客户")
    assert_right(theory.q6, "市场细分")
    assert_right(theory.q7, "C")


def test_a_percent_written_as_text_is_told_how_to_write_a_fraction():
    message = assert_wrong(theory.q1, "36%", "0 到 1 之间的小数", "0.36")
    assert "去掉引号" not in message


def test_stage_names_with_a_suffix_and_short_theory_names_count():
    assert_right(theory.q3, "忠诚期")
    assert_right(theory.q5, "流失风险期")
    assert_right(theory.q6, "细分理论")
    assert_right(theory.q7, "价值理论")


def test_half_a_stage_name_or_a_short_wrong_theory_gets_a_targeted_message():
    for view in (theory.q4, theory.q5):
        assert_wrong(view, "流失", "两个阶段")
    assert_wrong(theory.q6, "客户价值", "需求")
    assert_wrong(theory.q7, "客户生命周期", "利润")
    assert_wrong(theory.q7, "二八法则", "经验现象")
    assert_wrong(theory.q7, "crm", "CRM")
