"""Module 09's practice questions: right answers pass, wrong ones fail with their own message.

Expected values are recomputed here from the sample with numpy and pandas (percentile scores by
hand), independently of the exercise module and of the Chinese tables it reads.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from custseg.datasets import load_sample
from custseg.exercises import Outcome
from custseg.exercises import distributors as ex

NAMES = [f"q{n}" for n in range(1, 9)]


@pytest.fixture(scope="module")
def periods():
    data = load_sample("distributors")
    return data[data["period"] == "2024-H1"], data[data["period"] == "2024-H2"]


def _totals(reference: pd.DataFrame, frame: pd.DataFrame, weights: dict) -> pd.Series:
    """The weighted total by hand: coverage points, mean sales percentile, linear rating."""
    sales = np.zeros(len(frame))
    for column in ("sales", "target_attainment"):
        ref = np.sort(reference[column].to_numpy())
        sales += np.searchsorted(ref, frame[column].to_numpy(), side="right") / len(ref)
    scores = pd.DataFrame(
        {
            "coverage": frame["coverage"].map({"全国": 100, "区域": 70, "地方": 40}).to_numpy(),
            "sales": 100 * sales / 2,
            "cooperation": 100 * (frame["cooperation"].to_numpy() - 1) / 4,
        },
        index=frame["distributor_id"].to_numpy(),
    )
    total = sum(scores[k] * w for k, w in weights.items()) / sum(weights.values())
    return total.round(10)


def _grades(total: pd.Series) -> pd.Series:
    return pd.Series(
        np.select([total >= 75, total >= 60, total >= 45], ["A", "B", "C"], "D"), index=total.index
    )


DEFAULT = {"coverage": 0.3, "sales": 0.4, "cooperation": 0.3}


def test_the_right_answers_computed_from_the_data_pass(periods):
    h1, h2 = periods
    default = _totals(h1, h1, DEFAULT)
    grades = _grades(default)
    cooperation = _grades(_totals(h1, h1, ex.COOPERATION_FIRST))
    sales_first = _totals(h1, h1, ex.SALES_FIRST).sort_values(ascending=False, kind="stable")
    b = default[grades == "B"].sort_values(ascending=False, kind="stable")
    after = _grades(_totals(h1, h2, DEFAULT))
    both_d = int(((grades == "D") & (after.reindex(grades.index) == "D")).sum())
    provinces = h1.groupby("coverage")["provinces_covered"].mean()
    right = {
        "q1": {"全国": "全国性经销商", "区域": "区域性经销商", "地方": "地方性经销商"}[
            provinces.idxmax()
        ],
        "q2": "B",
        "q3": "变少" if (cooperation == "A").sum() < (grades == "A").sum() else "变多",
        "q4": set(sales_first.index[:3]),
        "q5": set(b.index[:2]),
        "q6": both_d,
        "q7": next(c for c in ex.REPLACE_CANDIDATES if grades[c] == "D" and after[c] == "D"),
        "q8": "C",
    }
    for name, answer in right.items():
        assert _outcome(name, answer).outcome is Outcome.CORRECT, (name, answer)
    # the premises the prompts and explanations state still hold on the data
    assert ((grades == "A").sum(), (cooperation == "A").sum()) == (11, 10)
    assert set(sales_first.index[:3]) != set(default.sort_values(ascending=False).index[:3])
    assert [after[c] for c in ex.REPLACE_CANDIDATES] == ["D", "D"]
    assert sorted(grades[c] for c in ex.REPLACE_CANDIDATES) == ["C", "D"]
    assert b.iloc[1] > b.iloc[2] and b.iloc[0] < 75


def _outcome(name, answer):
    return getattr(ex, name).problem.evaluate(answer)


@pytest.mark.parametrize("name", NAMES)
def test_the_reference_solution_passes(name):
    problem = getattr(ex, name).problem
    namespace: dict = {}
    exec(problem.solution, namespace)
    assert problem.evaluate(namespace[problem.name]).outcome is Outcome.CORRECT


@pytest.mark.parametrize(
    ("name", "answer"),
    [("q1", "C"), ("q2", "C"), ("q3", "A"), ("q4", {"D001", "D002", "D003"}),
     ("q5", {"D001", "D002"}), ("q6", 5), ("q7", "D001"), ("q8", "A")],
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
    values = [repr(m.value()) for m in problem.misconceptions]
    assert len(set(values)) == len(values), name
    for item in problem.misconceptions:
        feedback = problem.evaluate(item.value())
        assert feedback.outcome is Outcome.WRONG, (name, item.value())
        assert feedback.message.startswith(item.message), (name, item.value())


def test_letters_and_synonyms_count():
    assert _outcome("q1", "A").outcome is Outcome.CORRECT
    assert _outcome("q1", "全国性").outcome is Outcome.CORRECT
    assert _outcome("q7", "A").outcome is Outcome.CORRECT
    assert _outcome("q8", "不能下这个结论").outcome is Outcome.CORRECT
    assert _outcome("q4", ["D005", "D102", "D038"]).outcome is not Outcome.NOT_ATTEMPTED


def test_kinds_and_explanations():
    kinds = [getattr(ex, n).problem.kind for n in NAMES]
    assert sum(k != "calculation" for k in kinds) >= len(kinds) / 2
    for name in NAMES:
        problem = getattr(ex, name).problem
        assert problem.explanation and problem.hints, name


def test_short_forms_of_a_wrong_choice_get_its_message():
    for name, typed, chosen in [
        ("q1", "区域", "区域性经销商"),
        ("q1", "地方性", "地方性经销商"),
        ("q2", "终止合作", "A"),
        ("q2", "加大返利", "C"),
        ("q3", "增加", "变多"),
        ("q3", "没变", "不变"),
    ]:
        problem = getattr(ex, name).problem
        assert problem.evaluate(typed).message == problem.evaluate(chosen).message, (name, typed)
    assert ex.q3.problem.evaluate("减少").outcome == ex.q3.problem.evaluate("变少").outcome


def test_distributor_codes_typed_as_text_count_and_a_partly_right_set_is_told_how_far():
    from custseg.datasets import load_sample
    from custseg.distributors import distributor_score_table, period_rows

    h1 = period_rows(load_sample("distributors"), period="2024-H1")
    weights = {"coverage": 0.2, "sales": 0.6, "cooperation": 0.2}
    top3 = list(distributor_score_table(h1, weights=weights).index[:3])
    q4 = ex.q4.problem
    assert q4.evaluate("、".join(code.lower() for code in top3)).outcome.value == "correct"
    outsider = "D999"
    feedback = q4.evaluate({*top3[:2], outsider})
    assert feedback.outcome.value == "wrong"
    assert outsider in feedback.message and "2 家对了" in feedback.message
    assert top3[2] not in feedback.message  # the missing code is not given away
    assert "题目要 3 家" in q4.evaluate(top3[0]).message
