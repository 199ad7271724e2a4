"""Module 01's practice questions: right answers pass, wrong ones fail, each misconception gets its message.

Expected values are recomputed here from the data and the package's lifecycle rules.
"""

from __future__ import annotations

import pandas as pd
import pytest

from custseg.abc_analysis import top_share
from custseg.datasets import load_cn_orders, load_sample
from custseg.exercises import Outcome, ____, theory
from custseg.lifecycle import STAGES, lifecycle_stages
from custseg.transactions import clean_transactions

NAMES = ["q1", "q2", "q3", "q4", "q5", "q6", "q7"]


@pytest.fixture(scope="module")
def clean():
    return clean_transactions(load_sample())[0]


def _evaluate(name, answer):
    return getattr(theory, name).problem.evaluate(answer)


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
        assert _evaluate(name, answer).outcome is Outcome.CORRECT, name
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


@pytest.mark.parametrize("name", NAMES)
def test_the_reference_solution_passes(name):
    problem = getattr(theory, name).problem
    namespace: dict = {}
    exec(problem.solution, namespace)
    assert problem.evaluate(namespace[problem.name]).outcome is Outcome.CORRECT


@pytest.mark.parametrize(
    ("name", "answer"),
    [
        ("q1", 0.5),
        ("q2", 0.5),
        ("q3", "已流失"),
        ("q4", "新客"),
        ("q5", "新客"),
        ("q6", "价值链理论"),
        ("q7", "A"),
    ],
)
def test_a_wrong_answer_fails_and_says_how_to_get_a_hint(name, answer):
    feedback = _evaluate(name, answer)
    assert feedback.outcome is Outcome.WRONG
    assert ".hint()" in feedback.message
    assert feedback.message.count("不对") <= 1


@pytest.mark.parametrize("name", NAMES)
def test_every_misconception_gets_its_own_message(name):
    problem = getattr(theory, name).problem
    assert problem.misconceptions
    for item in problem.misconceptions:
        feedback = problem.evaluate(item.value())
        assert feedback.outcome is Outcome.WRONG, (name, item.value())
        assert feedback.message.startswith(item.message), (name, item.value())


def test_a_percent_for_a_fraction_is_named_whatever_its_rounding(clean):
    share = top_share(clean, top=0.1)
    for answer in (share * 100, round(share * 100, 1), round(share * 100)):
        assert _evaluate("q1", answer).message.startswith("这是百分数")


def test_letters_and_synonyms_count():
    assert _evaluate("q3", "D").outcome is Outcome.CORRECT
    assert _evaluate("q3", "忠诚客户").outcome is Outcome.CORRECT
    assert _evaluate("q4", "流失客户").outcome is Outcome.CORRECT
    assert _evaluate("q5", "流失风险客户").outcome is Outcome.CORRECT
    assert _evaluate("q6", "市场细分").outcome is Outcome.CORRECT
    assert _evaluate("q7", "C").outcome is Outcome.CORRECT


def test_a_blank_is_not_attempted():
    for name in NAMES:
        assert _evaluate(name, ____).outcome is Outcome.NOT_ATTEMPTED


def test_a_percent_written_as_text_is_told_how_to_write_a_fraction():
    message = _evaluate("q1", "36%").message
    assert "0 到 1 之间的小数" in message and "0.36" in message
    assert "去掉引号" not in message


def test_stage_names_with_a_suffix_and_short_theory_names_count():
    assert _evaluate("q3", "忠诚期").outcome is Outcome.CORRECT
    assert _evaluate("q5", "流失风险期").outcome is Outcome.CORRECT
    assert _evaluate("q6", "细分理论").outcome is Outcome.CORRECT
    assert _evaluate("q7", "价值理论").outcome is Outcome.CORRECT


def test_half_a_stage_name_or_a_short_wrong_theory_gets_a_targeted_message():
    for name in ("q4", "q5"):
        assert "两个阶段" in _evaluate(name, "流失").message
    assert "需求" in _evaluate("q6", "客户价值").message
    assert "利润" in _evaluate("q7", "客户生命周期").message
    assert "经验现象" in _evaluate("q7", "二八法则").message
    assert "CRM" in _evaluate("q7", "crm").message
