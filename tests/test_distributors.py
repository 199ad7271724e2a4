"""custseg.distributors on the bundled synthetic distributors, checked with DuckDB SQL."""

from __future__ import annotations

import importlib.resources
import importlib.util
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from custseg.distributors import (
    COVERAGE_POINTS,
    GRADE_LABELS,
    GRADE_STRATEGIES,
    GRADES,
    DistributorEvaluator,
)
from custseg.errors import DataError, ParameterError

BUILDER = Path(__file__).resolve().parents[1] / "datasets" / "build_distributors.py"


@pytest.fixture(scope="module")
def distributors():
    return pd.read_csv(importlib.resources.files("custseg") / "data" / "distributors.csv")


@pytest.fixture(scope="module")
def h1(distributors):
    return distributors[distributors["period"] == "2024-H1"].reset_index(drop=True)


@pytest.fixture(scope="module")
def h2(distributors):
    return distributors[distributors["period"] == "2024-H2"].reset_index(drop=True)


@pytest.fixture(scope="module")
def evaluator(h1):
    return DistributorEvaluator().fit(h1)


def test_the_bundled_file_is_what_the_seeded_generator_builds(distributors):
    assert distributors.shape == (240, 11)
    assert distributors["period"].value_counts().to_dict() == {"2024-H1": 120, "2024-H2": 120}
    assert not distributors.duplicated(["period", "distributor_id"]).any()
    assert set(distributors["coverage"]) == {"全国", "区域", "地方"}
    assert distributors["cooperation"].between(1, 5).all()
    if not BUILDER.exists():
        pytest.skip("datasets/ is not part of an installed package")
    spec = importlib.util.spec_from_file_location("build_distributors", BUILDER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    pd.testing.assert_frame_equal(module.build(), distributors, check_exact=False, rtol=1e-12)


def test_scores_match_sql(h1, evaluator):
    frame = h1  # noqa: F841 (read by DuckDB)
    expected = (
        duckdb.sql(
            """
            SELECT distributor_id,
                   CASE coverage WHEN '全国' THEN 100 WHEN '区域' THEN 70 ELSE 40 END AS coverage,
                   50 * (cume_dist() OVER (ORDER BY sales)
                         + cume_dist() OVER (ORDER BY target_attainment)) AS sales,
                   100 * (cooperation - 1) / 4 AS cooperation
            FROM frame
            """
        )
        .df()
        .set_index("distributor_id")
        .loc[h1["distributor_id"]]
    )
    got = evaluator.transform(h1)
    pd.testing.assert_frame_equal(got, expected, check_dtype=False, check_names=False)
    table = evaluator.evaluate(h1)
    total = 0.3 * expected["coverage"] + 0.4 * expected["sales"] + 0.3 * expected["cooperation"]
    np.testing.assert_allclose(table["total_score"], total)
    cuts = np.array([75.0, 60.0, 45.0])
    grades = [GRADES[int(np.sum(t < cuts))] for t in np.round(total, 9)]
    assert table["grade"].tolist() == grades
    assert table["grade_label"].tolist() == [GRADE_LABELS[g] for g in grades]
    assert table["strategy"].tolist() == [GRADE_STRATEGIES[g] for g in grades]
    assert set(grades) == set(GRADES)  # the synthetic data shows every grade
    median = (table["score_sales"] >= 50).mean()
    assert 0.4 < median < 0.65
    assert (table["coverage_type"].str[:2] == h1["coverage"].to_numpy()).all()


def test_reevaluation_uses_the_reference_yardstick(h1, h2, evaluator):
    changes = evaluator.reevaluate(h1, h2)
    assert sorted(changes.index) == sorted(h1["distributor_id"])
    after = evaluator.evaluate(h2)
    # the H2 sales score reads H2 sales against the H1 distribution, not against H2
    reference = np.sort(h1["sales"].to_numpy())
    share = np.searchsorted(reference, h2["sales"].to_numpy(), side="right") / len(reference)
    attainment = np.sort(h1["target_attainment"].to_numpy())
    share2 = np.searchsorted(attainment, h2["target_attainment"], side="right") / len(attainment)
    np.testing.assert_allclose(after["score_sales"], 50 * (share + share2))
    rank = {g: 4 - k for k, g in enumerate(GRADES)}
    for distributor, row in changes.iterrows():
        step = rank[row["grade_after"]] - rank[row["grade_before"]]
        assert row["steps"] == step
        assert row["movement"] == ("升级" if step > 0 else "降级" if step < 0 else "不变")
        assert row["score_after"] == pytest.approx(after.loc[distributor, "total_score"])
    counts = changes["movement"].value_counts()
    assert counts["升级"] > 0 and counts["降级"] > 0 and counts["不变"] > 0
    assert changes["steps"].is_monotonic_decreasing
    # widening coverage raises the coverage score by the difference of the points
    widened = (
        h1.set_index("distributor_id")["coverage"] != h2.set_index("distributor_id")["coverage"]
    )
    assert widened.sum() == 14
    before = evaluator.evaluate(h1)
    gain = (
        after.loc[widened[widened].index, "score_coverage"]
        - before.loc[widened[widened].index, "score_coverage"]
    )
    assert set(gain) == {30.0}


def test_new_and_leaving_distributors(h1, h2, evaluator):
    changes = evaluator.reevaluate(h1.iloc[:100], h2.iloc[10:])
    assert (changes["movement"] == "退出").sum() == 10
    assert (changes["movement"] == "新增").sum() == 20
    assert changes.loc["D001", "movement"] == "退出"
    assert pd.isna(changes.loc["D120", "score_before"])


def test_weights_and_settings_are_the_users(h1):
    only_sales = DistributorEvaluator(weights={"coverage": 0, "sales": 1, "cooperation": 0})
    table = only_sales.fit(h1).evaluate(h1)
    np.testing.assert_allclose(table["total_score"], table["score_sales"])
    points = {"全国": 90.0, "区域": 60.0, "地方": 30.0}
    custom = DistributorEvaluator(coverage_points=points, sales_cols=["sales"]).fit(h1)
    scores = custom.transform(h1)
    assert scores["coverage"].tolist() == h1["coverage"].map(points).tolist()
    expected = 100 * h1["sales"].rank(method="max", pct=True)
    np.testing.assert_allclose(scores["sales"], expected)
    assert COVERAGE_POINTS == {"全国": 100.0, "区域": 70.0, "地方": 40.0}


def test_more_cooperation_never_lowers_the_grade(h1, evaluator):
    better = h1.assign(cooperation=np.minimum(h1["cooperation"] + 1, 5))
    before = evaluator.evaluate(h1)
    after = evaluator.evaluate(better)
    assert (after["total_score"] >= before["total_score"]).all()
    order = {g: k for k, g in enumerate(GRADES)}
    assert (after["grade"].map(order) <= before["grade"].map(order)).all()


def test_estimator_conventions(h1, h2):
    before = h1.copy()
    evaluator = DistributorEvaluator(grade_cuts=(70, 55, 40))
    assert clone(evaluator).get_params()["grade_cuts"] == (70, 55, 40)
    with pytest.raises(NotFittedError):
        evaluator.evaluate(h1)
    assert evaluator.fit(h1) is evaluator
    evaluator.reevaluate(h1, h2)
    pd.testing.assert_frame_equal(h1, before)


def test_bad_input_names_the_culprit(distributors, h1, evaluator):
    with pytest.raises(DataError, match="'D001'"):
        DistributorEvaluator().fit(distributors)  # two periods at once
    bad = h1.copy()
    bad.loc[5, "coverage"] = "省级"
    with pytest.raises(DataError, match="'省级'.*'D006'"):
        evaluator.evaluate(bad)
    with pytest.raises(DataError, match="'省级'"):
        DistributorEvaluator().fit(bad)
    bad = h1.copy()
    bad.loc[7, "cooperation"] = 7.0
    with pytest.raises(DataError, match="'D008'"):
        evaluator.evaluate(bad)
    bad = h1.astype({"sales": object})
    bad.loc[2, "sales"] = "n/a"
    with pytest.raises(DataError, match="'sales'.*'D003'.*'n/a'"):
        evaluator.evaluate(bad)
    with pytest.raises(DataError, match="'cooperation'"):
        evaluator.evaluate(h1.drop(columns="cooperation"))
    with pytest.raises(ParameterError, match="weights"):
        DistributorEvaluator(weights={"sales": 1}).fit(h1)
    with pytest.raises(ParameterError, match="grade_cuts"):
        DistributorEvaluator(grade_cuts=(10, 20, 30)).fit(h1)


# ----------------------------------------------------------------------------- course tables


def test_period_rows_and_a_missing_period(distributors, h1):
    from custseg.distributors import period_rows

    pd.testing.assert_frame_equal(period_rows(distributors, period="2024-H1"), h1)
    with pytest.raises(DataError, match=r"'period' 中没有 '2025-H1'.*\(no rows for this period\)"):
        period_rows(distributors, period="2025-H1")


def test_coverage_table_matches_duckdb(h1):
    from custseg.distributors import coverage_table

    table = coverage_table(h1)
    rows = duckdb.sql(
        "SELECT coverage, count(*), avg(provinces_covered), avg(target_attainment) FROM h1 "
        "GROUP BY coverage"
    ).fetchall()
    names = {"全国": "全国性经销商", "区域": "区域性经销商", "地方": "地方性经销商"}
    assert list(table.index) == ["全国性经销商", "区域性经销商", "地方性经销商"]
    for coverage, count, provinces, attainment in rows:
        assert table.loc[names[coverage], "家数"] == count
        assert table.loc[names[coverage], "平均覆盖省份数"] == pytest.approx(provinces, abs=0.051)
        assert table.loc[names[coverage], "平均目标达成率（%）"] == pytest.approx(
            100 * attainment, abs=0.051
        )


def test_score_and_count_tables_agree_with_the_evaluator(h1, evaluator):
    from custseg.distributors import distributor_score_table, grade_count_table

    evaluation = evaluator.evaluate(h1)
    table = distributor_score_table(h1)
    assert list(table.index) == list(
        evaluation["total_score"].sort_values(ascending=False, kind="stable").index
    )
    assert table["总分"].to_dict() == evaluation["total_score"].round(1).to_dict()
    assert table["排名"].tolist() == list(range(1, len(h1) + 1))
    counts = grade_count_table(h1)
    assert counts["家数"].to_dict() == evaluation["grade"].value_counts().to_dict()
    weights = {"coverage": 0.2, "sales": 0.2, "cooperation": 0.6}
    other = DistributorEvaluator(weights=weights).fit(h1).evaluate(h1)
    assert grade_count_table(h1, weights=weights)["家数"].to_dict() == (
        other["grade"].value_counts().reindex(list("ABCD"), fill_value=0).to_dict()
    )


def test_regrade_and_movement_tables_agree_with_reevaluate(h1, h2, evaluator):
    from custseg.distributors import grade_profile_table, movement_table, regrade_table

    changes = evaluator.reevaluate(h1, h2)
    table = regrade_table(h1, h2)
    assert list(table.index) == list(changes.index)
    assert table["变动"].tolist() == changes["movement"].tolist()
    assert table["本期等级"].tolist() == changes["grade_after"].tolist()
    two = regrade_table(h1, h2, only=["D114", "D084"])
    assert list(two.index) == ["D114", "D084"]
    assert two["上期等级"].tolist() == changes.loc[["D114", "D084"], "grade_before"].tolist()
    with pytest.raises(DataError, match=r"\(unknown distributors\)：\['D999'\]"):
        regrade_table(h1, h2, only=["D999"])
    assert movement_table(h1, h2)["家数"].to_dict() == changes["movement"].value_counts().to_dict()
    profile = grade_profile_table(h1)
    grades = evaluator.predict(h1).to_numpy()
    expected = h1.groupby(grades)["payment_days"].mean().round(1)
    assert profile["平均回款天数"].to_dict() == expected.to_dict()
    assert profile["家数"].sum() == len(h1)


def test_distributor_col_names_the_id_column_and_id_col_still_works(h1, evaluator):
    renamed = h1.rename(columns={"distributor_id": "经销商编号"})
    expected = evaluator.evaluate(h1)
    got = DistributorEvaluator(distributor_col="经销商编号").fit(renamed).evaluate(renamed)
    assert got.index.name == "经销商编号"
    pd.testing.assert_frame_equal(got.rename_axis("distributor_id"), expected)
    old = DistributorEvaluator(id_col="经销商编号")
    with pytest.deprecated_call(match="distributor_col"):
        old.fit(renamed)
    pd.testing.assert_frame_equal(old.evaluate(renamed), got)
    with pytest.raises(DataError, match="'经销商编号'"):
        DistributorEvaluator(distributor_col="经销商编号").fit(h1)


def test_evaluator_keeps_the_estimator_contract(h1):
    evaluator = DistributorEvaluator(weights={"coverage": 1, "sales": 1, "cooperation": 2})
    cuts = DistributorEvaluator(grade_cuts=(70, 55, 40))
    assert repr(cuts) == "DistributorEvaluator(grade_cuts=(70, 55, 40))"  # only what was set
    pd.testing.assert_frame_equal(
        clone(evaluator).fit_transform(h1), evaluator.fit(h1).transform(h1)
    )
    assert evaluator.weights_.to_dict() == {"coverage": 0.25, "sales": 0.25, "cooperation": 0.5}
    with pytest.raises(ParameterError, match="DistributorEvaluator 的参数 sales_cols"):
        DistributorEvaluator(sales_cols="sales").fit(h1)
    with pytest.raises(ParameterError, match=r"cooperation_range .*\(needs \(lowest, highest\)"):
        DistributorEvaluator(cooperation_range=(1, 3, 5)).fit(h1)
    with pytest.raises(NotFittedError, match="DistributorEvaluator 还没有拟合"):
        DistributorEvaluator().transform(h1)


def test_both_scorecards_word_a_bad_weight_alike(h1):
    from custseg.selection import CustomerScorecard

    customers = pd.DataFrame({"loyalty": [1.0, 2.0]})
    messages = []
    for fit in (
        lambda: DistributorEvaluator(weights={"coverage": -1, "sales": 1, "cooperation": 1}).fit(
            h1
        ),
        lambda: CustomerScorecard({"loyalty": "loyalty"}, weights={"loyalty": -1}).fit(customers),
    ):
        with pytest.raises(ParameterError) as caught:
            fit()
        messages.append(str(caught.value).split(":")[0])
    assert messages[0] == messages[1] == "权重 (weights) 必须是非负的数 (non-negative numbers)"


def test_ranking_and_grade_counts_come_from_the_evaluation(h1, evaluator):
    from custseg.distributors import grade_counts, ranked_distributors, ranking_table
    from custseg.widgets import distributors as widget_module

    evaluation = evaluator.evaluate(h1)
    counts = grade_counts(evaluation)
    sql = dict(duckdb.sql("SELECT grade, count(*) FROM evaluation GROUP BY grade").fetchall())
    assert counts.to_dict() == {grade: sql.get(grade, 0) for grade in GRADES}
    assert counts.sum() == len(h1) and counts.name == "经销商数"
    ranking = ranking_table(evaluation, top=12)
    assert list(ranking.index) == list(
        evaluation.sort_values("total_score", ascending=False, kind="stable").index[:12]
    )
    pd.testing.assert_frame_equal(
        ranked_distributors(h1, {"coverage": 0.3, "sales": 0.4, "cooperation": 0.3}, top=12),
        ranking[["排名", "覆盖类型", "总分", "等级", "等级名称"]],
    )
    with pytest.raises(ParameterError, match="top"):
        ranking_table(evaluation, top=0)
    # Course material may import them from the widget's module.
    assert widget_module.grade_counts is grade_counts
    assert widget_module.ranked_distributors is ranked_distributors
