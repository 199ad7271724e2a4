"""Module 07's practice questions: right answers pass, wrong ones fail with their own message.

Expected values are recomputed here from the data with the estimators and pandas, independently
of the exercise module and of the Chinese tables it reads.
"""

from __future__ import annotations

import pytest
from threadpoolctl import threadpool_limits

from custseg.cluster_tables import SURVEY_COLUMNS
from custseg.clustering import CustomerClusterer
from custseg.datasets import load_cn_customers, load_sample
from custseg.exercises import Outcome
from custseg.exercises import clustering as ex
from custseg.rfm import rfm_table
from custseg.transactions import clean_transactions

NAMES = [f"q{n}" for n in range(1, 9)]


@pytest.fixture(scope="module", autouse=True)
def _one_thread():
    with threadpool_limits(limits=1):
        yield


@pytest.fixture(scope="module")
def rfm():
    return rfm_table(clean_transactions(load_sample())[0])


@pytest.fixture(scope="module")
def survey_means():
    customers = load_cn_customers()
    labels = (
        CustomerClusterer(n_clusters=4, random_state=0).fit(customers[list(SURVEY_COLUMNS)]).labels_
    )
    means = customers[list(SURVEY_COLUMNS)].groupby(labels).mean()
    means["size"] = labels.value_counts()
    return means


def _outcome(name, answer):
    return getattr(ex, name).problem.evaluate(answer)


def test_the_right_answers_computed_from_the_data_pass(rfm, survey_means):
    labels4 = CustomerClusterer(n_clusters=4, random_state=0).fit(rfm).labels_
    means4 = rfm.groupby(labels4).mean()
    valuable = means4[means4["monetary"] > rfm["monetary"].mean()]
    assert len(valuable) == 2  # two high-value clusters at k = 4 on the sample
    smallest = {
        k: CustomerClusterer(n_clusters=k, random_state=0).fit(rfm).labels_.value_counts().min()
        for k in range(2, 9)
    }
    finest = max(k for k, n in smallest.items() if n >= ex.MIN_CLUSTER_SIZE)
    price = survey_means["price_sensitivity"].idxmax()
    right = {
        "q1": "B",
        "q2": "A",
        "q3": 3,
        "q4": "C",
        "q5": int(valuable["recency"].idxmax()),
        "q6": finest,
        "q7": int(survey_means["health_focus"].idxmax()),
        "q8": 5 * int(survey_means.loc[price, "size"]),
    }
    for name, answer in right.items():
        assert _outcome(name, answer).outcome is Outcome.CORRECT, name
    # the questions are not trivial on this data: the smallest cluster shrinks below the line
    assert smallest[finest + 1] < ex.MIN_CLUSTER_SIZE <= smallest[finest]
    assert survey_means["health_focus"].idxmax() != survey_means["novelty_seeking"].idxmax()


@pytest.mark.parametrize("name", NAMES)
def test_the_reference_solution_passes(name):
    problem = getattr(ex, name).problem
    namespace: dict = {}
    exec(problem.solution, namespace)
    assert problem.evaluate(namespace[problem.name]).outcome is Outcome.CORRECT


@pytest.mark.parametrize(
    ("name", "answer"),
    [("q1", "C"), ("q2", "B"), ("q3", 5), ("q4", "A"), ("q5", 9), ("q6", 7), ("q7", 7),
     ("q8", 1)],
)  # fmt: skip
def test_a_wrong_answer_fails_and_says_how_to_get_a_hint(name, answer):
    feedback = _outcome(name, answer)
    assert feedback.outcome is Outcome.WRONG
    assert ".hint()" in feedback.message
    assert feedback.message.count("不对") <= 1


@pytest.mark.parametrize("name", NAMES)
def test_every_misconception_gets_its_own_message(name):
    problem = getattr(ex, name).problem
    assert problem.misconceptions, name
    for item in problem.misconceptions:
        feedback = problem.evaluate(item.value())
        assert feedback.outcome is Outcome.WRONG, (name, item.value())
        assert feedback.message.startswith(item.message), (name, item.value())


def test_misconceptions_differ_from_the_right_answer_and_each_other():
    for name in NAMES:
        problem = getattr(ex, name).problem
        values = [repr(m.value()) for m in problem.misconceptions]
        assert len(set(values)) == len(values), name
        assert repr(problem.expected_value) not in values, name


def test_letters_synonyms_and_cluster_names_count(survey_means):
    assert _outcome("q1", "b").outcome is Outcome.CORRECT
    assert _outcome("q2", "变小").outcome is Outcome.CORRECT
    assert _outcome("q4", "沉睡大额客户").outcome is Outcome.CORRECT
    health = int(survey_means["health_focus"].idxmax())
    assert _outcome("q7", str(health)).outcome is Outcome.CORRECT
    assert _outcome("q7", f"簇{health}").outcome is Outcome.CORRECT
    from custseg.exercises.clustering import _survey_profiles

    name = _survey_profiles().loc[health, "名称"]
    assert name.startswith("注重健康偏高")
    assert _outcome("q7", name).outcome is Outcome.CORRECT
    feedback = _outcome("q7", "健康的那一簇")
    assert feedback.outcome is Outcome.WRONG and "编号" in feedback.message


def test_prompts_and_explanations_are_chinese_markdown():
    for name in NAMES:
        problem = getattr(ex, name).problem
        assert problem.kind in {"calculation", "judgement", "decision", "prediction"}
        assert problem.explanation and problem.hints
    kinds = [getattr(ex, n).problem.kind for n in NAMES]
    assert sum(k != "calculation" for k in kinds) >= len(kinds) / 2


def test_near_synonyms_of_a_wrong_choice_get_its_message():
    """Words a learner types for a wrong option (not its exact text) are diagnosed like it."""
    for name, typed, chosen in [
        ("q1", "算得更快", "A"),
        ("q2", "变大", "B"),
        ("q2", "先变小后变大", "C"),
        ("q4", "流失风险高价值", "B"),
        ("q4", "已流失低价值", "D"),
    ]:
        assert _outcome(name, typed).message == _outcome(name, chosen).message, (name, typed)
    assert _outcome("q1", "让R、F、M的影响力相当").outcome is Outcome.CORRECT


def test_a_name_two_clusters_share_asks_for_the_number(rfm):
    labels4 = CustomerClusterer(n_clusters=4, random_state=0).fit(rfm).labels_
    means4 = rfm.groupby(labels4).mean()
    valuable = means4[means4["monetary"] > rfm["monetary"].mean()]
    feedback = _outcome("q5", "高价值活跃客户")
    assert feedback.outcome is Outcome.WRONG
    assert all(str(c) in feedback.message for c in valuable.index)
    assert "括号" in feedback.message and ".hint()" in feedback.message
