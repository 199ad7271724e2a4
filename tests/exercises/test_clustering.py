"""Module 07's practice questions: right answers recomputed from the data pass, and the words
and mistakes particular to this module get their message.

Expected values are recomputed here from the data with the estimators and pandas, independently
of the exercise module and of the Chinese tables it reads. What every question must do is
checked in tests/course/test_main_track.py.
"""

from __future__ import annotations

import pytest
from threadpoolctl import threadpool_limits

from custseg.cluster_tables import SURVEY_COLUMNS
from custseg.clustering import CustomerClusterer
from custseg.datasets import load_cn_customers, load_sample
from custseg.exercises import clustering as ex
from custseg.rfm import rfm_table
from custseg.transactions import clean_transactions
from tests.exercises.answers import assert_right, assert_told_like, assert_wrong


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
        assert_right(getattr(ex, name), answer)
    # the questions are not trivial on this data: the smallest cluster shrinks below the line
    assert smallest[finest + 1] < ex.MIN_CLUSTER_SIZE <= smallest[finest]
    assert survey_means["health_focus"].idxmax() != survey_means["novelty_seeking"].idxmax()


def test_letters_synonyms_and_cluster_names_count(survey_means):
    assert_right(ex.q2, "变小")
    assert_right(ex.q4, "沉睡大额客户")
    health = int(survey_means["health_focus"].idxmax())
    assert_right(ex.q7, str(health), f"簇{health}")
    from custseg.exercises.clustering import _survey_profiles

    name = _survey_profiles().loc[health, "名称"]
    assert name.startswith("注重健康偏高")
    assert_right(ex.q7, name)
    assert_wrong(ex.q7, "健康的那一簇", "编号")


def test_near_synonyms_of_a_wrong_choice_get_its_message():
    """Words a learner types for a wrong option (not its exact text) are diagnosed like it."""
    for name, typed, chosen in [
        ("q1", "算得更快", "A"),
        ("q2", "变大", "B"),
        ("q2", "先变小后变大", "C"),
        ("q4", "流失风险高价值", "B"),
        ("q4", "已流失低价值", "D"),
    ]:
        assert_told_like(getattr(ex, name), typed, chosen)
    assert_right(ex.q1, "让R、F、M的影响力相当")


def test_a_name_two_clusters_share_asks_for_the_number(rfm):
    labels4 = CustomerClusterer(n_clusters=4, random_state=0).fit(rfm).labels_
    means4 = rfm.groupby(labels4).mean()
    valuable = means4[means4["monetary"] > rfm["monetary"].mean()]
    assert_wrong(ex.q5, "高价值活跃客户", "括号", *(str(c) for c in valuable.index))
