"""custseg.promotion: campaign statistics against scipy, published values and DuckDB SQL."""

from __future__ import annotations

import math

import duckdb
import numpy as np
import pandas as pd
import pytest
from scipy import stats

from custseg.errors import DataError, ParameterError
from custseg.promotion import (
    CAMPAIGN_COLUMNS,
    PromotionPlan,
    campaign_table,
    contact_history_groups,
    evaluate_campaign,
    newcombe_interval,
    promotion_roi,
    promotion_roi_table,
    rate_interval_table,
    summarize_campaign,
    two_proportion_ztest,
    wilson_interval,
)


@pytest.fixture(scope="module")
def clients(bank):
    return bank.assign(contact=contact_history_groups(bank))


@pytest.fixture(scope="module")
def result(clients):
    return evaluate_campaign(
        clients,
        group_col="contact",
        treatment="此前联系过",
        control="首次联系",
        outcome_col="y",
        positive="yes",
        revenue_per_response=120.0,
        cost_per_contact=8.0,
        segment_col="job",
    )


@pytest.mark.parametrize(
    ("x1", "n1", "x0", "n0", "low", "high"),
    [(56, 70, 48, 80, 0.0524, 0.3339), (9, 10, 3, 10, 0.1705, 0.8090)],
)
def test_newcombe_matches_published_examples(x1, n1, x0, n0, low, high):
    # Newcombe (1998b), Table II, method 10.
    got = newcombe_interval(x1, n1, x0, n0)
    assert got == pytest.approx((low, high), abs=6e-5)


@pytest.mark.parametrize(("x", "n"), [(0, 20), (1, 29), (81, 263), (5289, 45211), (20, 20)])
def test_wilson_matches_scipy(x, n):
    expected = stats.binomtest(x, n).proportion_ci(confidence_level=0.95, method="wilson")
    assert wilson_interval(x, n) == pytest.approx((expected.low, expected.high), abs=1e-12)
    expected = stats.binomtest(x, n).proportion_ci(confidence_level=0.9, method="wilson")
    assert wilson_interval(x, n, alpha=0.1) == pytest.approx((expected.low, expected.high))


def test_ztest_is_the_uncorrected_chi_square(clients):
    table = pd.crosstab(clients["contact"], clients["y"])
    x1, n1 = table.loc["此前联系过", "yes"], table.loc["此前联系过"].sum()
    x0, n0 = table.loc["首次联系", "yes"], table.loc["首次联系"].sum()
    chi2, p, _, _ = stats.chi2_contingency(table.to_numpy(), correction=False)
    z, p_value = two_proportion_ztest(x1, n1, x0, n0)
    assert z * z == pytest.approx(chi2, rel=1e-10)
    assert z > 0  # clients contacted before subscribe more often
    assert p_value == pytest.approx(p, rel=1e-9)
    small = clients.sample(3000, random_state=0)
    table = pd.crosstab(small["contact"], small["y"])
    chi2, p, _, _ = stats.chi2_contingency(table.to_numpy(), correction=False)
    z, p_value = two_proportion_ztest(
        table.loc["此前联系过", "yes"],
        table.loc["此前联系过"].sum(),
        table.loc["首次联系", "yes"],
        table.loc["首次联系"].sum(),
    )
    assert p_value == pytest.approx(p, rel=1e-9)


def test_counts_and_rates_match_sql(clients, result):
    expected = (
        duckdb.connect()
        .execute(
            """
            SELECT job, contact, count(*) AS n, sum(CASE WHEN y = 'yes' THEN 1 ELSE 0 END) AS x
            FROM clients GROUP BY job, contact
            """
        )
        .df()
        .pivot(index="job", columns="contact", values=["n", "x"])
    )
    assert list(result.columns) == list(CAMPAIGN_COLUMNS)
    assert result.index[0] == "全部 (all)"
    segments = result.drop(index="全部 (all)")
    assert sorted(segments.index) == sorted(expected.index)
    for job, row in segments.iterrows():
        assert row["treatment_n"] == expected.loc[job, ("n", "此前联系过")]
        assert row["control_n"] == expected.loc[job, ("n", "首次联系")]
        assert row["treatment_responses"] == expected.loc[job, ("x", "此前联系过")]
        assert row["control_responses"] == expected.loc[job, ("x", "首次联系")]
    overall = result.loc["全部 (all)"]
    assert overall["treatment_n"] + overall["control_n"] == len(clients) == 45_211
    assert overall["treatment_responses"] + overall["control_responses"] == 5_289
    assert overall["treatment_n"] == (clients["pdays"] != -1).sum()
    assert segments["treatment_n"].sum() == overall["treatment_n"]


def test_lift_revenue_and_roi_follow_their_formulas(result):
    for _, row in result.iterrows():
        p1 = row["treatment_responses"] / row["treatment_n"]
        p0 = row["control_responses"] / row["control_n"]
        assert row["abs_lift"] == pytest.approx(p1 - p0)
        assert row["rel_lift"] == pytest.approx(p1 / p0 - 1)
        low1, high1 = stats.binomtest(
            int(row["treatment_responses"]), int(row["treatment_n"])
        ).proportion_ci(method="wilson")
        low0, high0 = stats.binomtest(
            int(row["control_responses"]), int(row["control_n"])
        ).proportion_ci(method="wilson")
        assert row["abs_lift_ci_low"] == pytest.approx(
            p1 - p0 - math.sqrt((p1 - low1) ** 2 + (high0 - p0) ** 2)
        )
        assert row["abs_lift_ci_high"] == pytest.approx(
            p1 - p0 + math.sqrt((high1 - p1) ** 2 + (p0 - low0) ** 2)
        )
        assert row["abs_lift_ci_low"] <= row["abs_lift"] <= row["abs_lift_ci_high"]
        assert row["significant"] == (row["p_value"] < 0.05)
        # Significance and an interval excluding zero agree except at the margin.
        if row["p_value"] < 0.01:
            assert row["abs_lift_ci_low"] > 0 or row["abs_lift_ci_high"] < 0
        incremental = (p1 - p0) * row["treatment_n"]
        assert row["incremental_revenue"] == pytest.approx(incremental * 120.0)
        assert row["cost"] == pytest.approx(row["treatment_n"] * 8.0)
        assert row["roi"] == pytest.approx((incremental * 120.0 - row["cost"]) / row["cost"])


def test_a_randomized_experiment_recovers_its_true_lift():
    rng = np.random.default_rng(7)
    covered = 0
    for _ in range(200):
        group = rng.permutation(np.repeat(["活动组", "对照组"], 2000))
        rate = np.where(group == "活动组", 0.15, 0.10)
        frame = pd.DataFrame({"group": group, "y": rng.random(4000) < rate})
        row = evaluate_campaign(
            frame,
            group_col="group",
            treatment="活动组",
            control="对照组",
            outcome_col="y",
            positive=True,
        ).iloc[0]
        covered += row["abs_lift_ci_low"] <= 0.05 <= row["abs_lift_ci_high"]
    # 95 % intervals: about 190 of 200 cover the true lift (binomial sd about 3).
    assert 180 <= covered <= 199


def test_input_is_not_mutated(clients):
    before = clients.copy()
    evaluate_campaign(
        clients, group_col="contact", treatment="此前联系过", control="首次联系", outcome_col="y"
    )
    pd.testing.assert_frame_equal(clients, before)


def test_bad_input_names_the_culprit(clients):
    kwargs = {"group_col": "contact", "treatment": "此前联系过", "outcome_col": "y"}
    with pytest.raises(DataError, match="'对照'"):
        evaluate_campaign(clients, control="对照", **kwargs)
    with pytest.raises(DataError, match="'是'"):
        evaluate_campaign(clients, control="首次联系", positive="是", **kwargs)
    with pytest.raises(DataError, match="'segment'"):
        evaluate_campaign(clients, control="首次联系", segment_col="segment", **kwargs)
    with pytest.raises(DataError, match="'pdays'"):
        contact_history_groups(pd.DataFrame({"pdays": [1, "x"]}))
    with pytest.raises(ParameterError, match="cost_per_contact"):
        evaluate_campaign(clients, control="首次联系", cost_per_contact=-1, **kwargs)


def plan(**changes) -> PromotionPlan:
    settings = {
        "objective": "提升定期存款签约率",
        "target_segments": ["student", "retired"],
        "segment_col": "job",
        "scope": ["电话"],
        "start": "2025-05-01",
        "end": "2025-05-31",
        "budget": 20_000.0,
        "cost_per_contact": 5.0,
        "expected_response_rate": 0.2,
        "revenue_per_response": 100.0,
    }
    settings.update(changes)
    return PromotionPlan(**settings)


def test_a_consistent_plan_has_no_problem(bank):
    good = plan()
    assert good.check() == []
    assert good.check(bank) == []
    n = duckdb.sql("SELECT count(*) FROM bank WHERE job IN ('student', 'retired')").fetchone()[0]
    assert len(good.target_customers(bank)) == n


def test_plan_problems_are_found_on_bank_marketing(bank):
    n = int(bank["job"].isin(["student", "retired"]).sum())
    problems = plan(budget=n * 5.0 - 1).check(bank)
    assert len(problems) == 1 and "预算" in problems[0] and str(n) in problems[0]
    problems = plan(target_segments=["student", "学生"]).check(bank)
    assert problems == ["目标客群“学生”不在数据的 job 列中"]
    problems = plan(expected_response_rate=0.04).check(bank)
    assert len(problems) == 1 and "亏损" in problems[0]
    problems = plan(start="2025-06-01", objective=" ", scope=[], budget=0).check()
    assert len(problems) == 4
    assert any("结束日期" in p and "2025-05-31" in p for p in problems)
    assert any("objective" in p for p in problems)
    assert any("scope" in p for p in problems)
    assert any("budget" in p for p in problems)
    assert any("segment_col" in p for p in plan(segment_col="职业").check(bank))


def test_observational_lessons_claim_no_effect_and_recommend_no_segment(bank, result):
    lines = summarize_campaign(result, top=2, randomized=False)
    before = bank["pdays"] >= 0
    treated = (bank.loc[before, "y"] == "yes").mean()
    control = (bank.loc[~before, "y"] == "yes").mean()
    # chosen groups are no treatment and control groups: they are not called so
    assert lines[0].startswith(f"总体：活动组响应率 {treated:.1%}，比较组 {control:.1%}")
    assert "p < 0.001" in lines[0] and "不是随机实验" in lines[0]
    text = "\n".join(lines)
    assert "不能拿去汇报" in lines[1]
    for claim in ("效果显著", "优先覆盖", "下次可优先", "因果效应"):
        assert claim not in text, claim
    segments = result.iloc[1:]
    best = segments[segments["significant"] & (segments["abs_lift"] > 0)]["abs_lift"].nlargest(2)
    assert lines[2].startswith(f"两组差距显著的客户群：{best.index[0]}（")
    assert "不能据此决定下次覆盖谁" in lines[2]
    assert lines[-1].startswith("下一步：在目标客户中随机留出对照组")
    assert "- 总体" in lines._repr_markdown_()


def test_randomized_lessons_name_the_segments_to_cover(result):
    lines = summarize_campaign(result, top=2, randomized=True)
    assert "随机实验" in lines[0] and "因果效应" in lines[0]
    segments = result.iloc[1:]
    best = segments[segments["significant"] & (segments["abs_lift"] > 0)]["abs_lift"].nlargest(2)
    assert lines[2].startswith(f"增量显著为正的客户群：{best.index[0]}（")
    assert str(best.index[1]) in lines[2]
    weak = segments.index[~segments["significant"]]
    assert all(str(name) in lines[3] for name in weak)
    with pytest.raises(TypeError):
        summarize_campaign(result)  # the caller must say how the groups were formed


def test_campaign_table_reads_the_result(result):
    table = campaign_table(result)
    assert table["客户群"].tolist() == ["全部", *map(str, result.index[1:])]
    row, first = table.iloc[0], result.iloc[0]
    assert row["实验组响应率"] == f"{first['treatment_rate']:.1%}"
    assert row["增量（百分点）"] == round(first["abs_lift"] * 100, 1)
    # lift is the ratio of the two rates, not their difference
    assert row["提升度（倍）"] == f"{first['treatment_rate'] / first['control_rate']:.2f}"
    # a segment whose control group bought nothing has no ratio: a dash, never "nan"
    zero = result["control_rate"].to_numpy() == 0
    assert (table.loc[zero, "提升度（倍）"] == "—").all()
    assert not table.astype(str).apply(lambda col: col.str.contains("nan")).any().any()
    assert table["是否显著"].isin(["是", "否"]).all()
    assert (table["是否显著"] == "是").tolist() == result["significant"].tolist()
    assert not any(name.isascii() and name != "ROI" for name in table.columns)
    named = campaign_table(result, treatment_label="此前联系过", control_label="首次联系")
    assert named.columns[1:5].tolist() == [
        "此前联系过人数",
        "此前联系过响应率",
        "首次联系人数",
        "首次联系响应率",
    ]
    assert named.iloc[:, 1:].equals(table.iloc[:, 1:].set_axis(named.columns[1:], axis=1))


def test_readable_roi_and_interval_tables_agree_with_the_functions():
    plan = {"targets": 2500, "cost_per_contact": 6.0, "revenue_per_response": 80.0}
    numbers = promotion_roi(response_rate=0.2, baseline_rate=0.04, **plan)
    table = promotion_roi_table(response_rate=0.2, baseline_rate=0.04, **plan)
    assert table["项目"].tolist()[-1] == "保本响应率"
    assert table["数值"].tolist()[-1] == f"{numbers['break_even_rate']:.1%}"
    assert table["数值"].tolist()[3] == f"{numbers['profit']:,.0f}（盈利）"
    rates = rate_interval_table(responses=[20, 200], contacted=[100, 1000])
    for (_, row), (x, n) in zip(rates.iterrows(), [(20, 100), (200, 1000)], strict=True):
        low, high = wilson_interval(x, n)
        assert row["95% 置信区间"] == f"{low:.1%} 至 {high:.1%}"
    with pytest.raises(DataError, match="一样长"):
        rate_interval_table(responses=[1], contacted=[10, 20])


def test_roi_table_reads_a_plan_drawn_from_bank_marketing(bank):
    groups = contact_history_groups(bank)
    rates = (bank["y"] == "yes").groupby(groups).mean()
    plan = {
        "targets": int((groups == "此前联系过").sum()),
        "response_rate": float(rates["此前联系过"]),
        "baseline_rate": float(rates["首次联系"]),
    }
    gain = plan["response_rate"] - plan["baseline_rate"]
    assert gain > 0
    # a call that costs what an extra response brings, times the gain, breaks even
    even = promotion_roi_table(cost_per_contact=gain * 100, revenue_per_response=100, **plan)
    assert even.set_index("项目").loc["利润", "数值"].endswith("（持平）")
    assert even.set_index("项目").loc["保本响应率", "数值"] == f"{plan['response_rate']:.1%}"
    dear = promotion_roi_table(cost_per_contact=20, revenue_per_response=10, **plan)
    dear = dear.set_index("项目")["数值"]
    numbers = promotion_roi(cost_per_contact=20, revenue_per_response=10, **plan)
    assert dear["利润"] == f"{numbers['profit']:,.0f}（亏损）"
    assert numbers["break_even_rate"] > 1
    assert (
        dear["保本响应率"] == f"{numbers['break_even_rate']:.1%}（超过 100%：这个方案不可能保本）"
    )
    free = promotion_roi_table(cost_per_contact=2, revenue_per_response=0, **plan)
    assert free.set_index("项目").loc["保本响应率", "数值"] == "无法计算（单次响应收入为 0）"


def test_check_table_lists_the_problems(bank):
    draft = PromotionPlan(
        "提升签约率", ["学生"], "job", ["电话"], "2025-05-01", "2025-04-01", 100, 5, 0.1
    )
    assert draft.check_table(bank)["发现的问题"].tolist() == draft.check(bank)
    fine = PromotionPlan(
        "提升签约率", ["student"], "job", ["电话"], "2025-05-01", "2025-05-31", 10_000, 5, 0.5
    )
    assert fine.check_table(bank)["发现的问题"].tolist() == ["没有发现问题"]


def test_break_even_rate_is_where_profit_is_zero():
    plan = {"targets": 2500, "cost_per_contact": 6.0, "revenue_per_response": 80.0}
    even = promotion_roi(response_rate=0.2, baseline_rate=0.04, **plan)["break_even_rate"]
    assert even == pytest.approx(0.04 + 6 / 80)
    assert promotion_roi(response_rate=even, baseline_rate=0.04, **plan)["profit"] == pytest.approx(
        0, abs=1e-9
    )
    assert promotion_roi(response_rate=even + 0.01, baseline_rate=0.04, **plan)["profit"] > 0
    assert promotion_roi(response_rate=even - 0.01, baseline_rate=0.04, **plan)["roi"] < 0
    free = promotion_roi(targets=10, cost_per_contact=0, revenue_per_response=0, response_rate=0.1)
    assert math.isnan(free["roi"]) and math.isnan(free["break_even_rate"])


@pytest.mark.parametrize(
    ("settings", "culprit"),
    [
        ({"targets": 0}, "targets"),
        ({"cost_per_contact": -1}, "cost_per_contact"),
        ({"response_rate": 1.5}, "response_rate"),
        ({"baseline_rate": -0.1}, "baseline_rate"),
    ],
)
def test_bad_plans_are_refused_by_name(settings, culprit):
    plan = {
        "targets": 100,
        "cost_per_contact": 5,
        "revenue_per_response": 50,
        "response_rate": 0.1,
        "baseline_rate": 0.0,
    }
    with pytest.raises(ParameterError, match=culprit):
        promotion_roi(**{**plan, **settings})


def test_the_coupon_experiment_table_and_summary_read_as_a_learner_needs():
    from custseg.datasets import load_cn_promotion

    coupon = evaluate_campaign(
        load_cn_promotion(), group_col="group", treatment="实验组", control="对照组",
        outcome_col="responded", positive=True, segment_col="segment",
        revenue_per_response=60, cost_per_contact=5,
    )  # fmt: skip
    table = campaign_table(coupon)
    zero = coupon["control_rate"].to_numpy() == 0
    assert zero.any()  # a small segment whose control group bought nothing
    assert (table.loc[zero, "提升度（倍）"] == "—").all()
    assert "nan" not in table.to_string().lower()
    lines = summarize_campaign(coupon, randomized=True)
    # overall not significant: no sentence may call the coupon effective
    assert "包含 0" in lines[0] and "效果显著" not in "".join(lines)
    # the significant segments come with the multiple-comparisons caution
    picked = next(line for line in lines if line.startswith("增量显著为正"))
    assert "碰巧显著" in picked and "再做一次随机实验" in picked
