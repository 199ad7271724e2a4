"""Module 09's practice questions: right answers recomputed from the data pass, and the words
and mistakes particular to this module get their message.

Expected values are recomputed here from the sample with numpy and pandas (percentile scores by
hand), independently of the exercise module and of the Chinese tables it reads. What every
question must do is checked in tests/course/test_main_track.py.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from custseg.datasets import load_sample
from custseg.exercises import Outcome
from custseg.exercises import distributors as ex
from tests.exercises.answers import assert_right, assert_told_like, assert_wrong


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
        assert_right(getattr(ex, name), answer)
    # the premises the prompts and explanations state still hold on the data
    assert ((grades == "A").sum(), (cooperation == "A").sum()) == (11, 10)
    assert set(sales_first.index[:3]) != set(default.sort_values(ascending=False).index[:3])
    assert [after[c] for c in ex.REPLACE_CANDIDATES] == ["D", "D"]
    assert sorted(grades[c] for c in ex.REPLACE_CANDIDATES) == ["C", "D"]
    assert b.iloc[1] > b.iloc[2] and b.iloc[0] < 75


def test_synonyms_count_and_a_list_of_codes_is_an_answer():
    assert_right(ex.q1, "A", "全国性")
    assert_right(ex.q7, "A")
    assert_right(ex.q8, "不能下这个结论")
    assert ex.q4.problem.evaluate(["D005", "D102", "D038"]).outcome is not Outcome.NOT_ATTEMPTED


def test_short_forms_of_a_wrong_choice_get_its_message():
    for name, typed, chosen in [
        ("q1", "区域", "区域性经销商"),
        ("q1", "地方性", "地方性经销商"),
        ("q2", "终止合作", "A"),
        ("q2", "加大返利", "C"),
        ("q3", "增加", "变多"),
        ("q3", "没变", "不变"),
    ]:
        assert_told_like(getattr(ex, name), typed, chosen)
    assert_right(ex.q3, "减少")


def test_distributor_codes_typed_as_text_count_and_a_partly_right_set_is_told_how_far():
    from custseg.datasets import load_sample
    from custseg.distributors import distributor_score_table, period_rows

    h1 = period_rows(load_sample("distributors"), period="2024-H1")
    weights = {"coverage": 0.2, "sales": 0.6, "cooperation": 0.2}
    top3 = list(distributor_score_table(h1, weights=weights).index[:3])
    assert_right(ex.q4, "、".join(code.lower() for code in top3))
    outsider = "D999"
    message = assert_wrong(ex.q4, {*top3[:2], outsider}, outsider, "2 家对了")
    assert top3[2] not in message  # the missing code is not given away
    assert_wrong(ex.q4, top3[0], "题目要 3 家")
