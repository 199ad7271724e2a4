"""custseg.customer_groups on a seeded synthetic customer table (no real Huawei data is public).

Europe is drawn as a technology-led market (high technical need, low price sensitivity), Africa
as a price-performance market (the reverse), Asia-Pacific in between; the tests check the rule
table against an independent numpy implementation, the regional contrast against DuckDB SQL,
and invariants that any sound grouping keeps.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from custseg.customer_groups import (
    DEFAULT_RULES,
    GROUP_STRATEGIES,
    GROUPS,
    CustomerGroupClassifier,
    regional_contrast,
)
from custseg.errors import DataError, ParameterError

MARKETS = {
    # region: (mean technical need, mean price sensitivity)
    "欧洲": (3.9, 2.8),
    "亚太": (3.3, 3.4),
    "非洲": (2.7, 4.0),
}


def synthetic_customers(seed: int = 11, per_region: int = 400) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    frames = []
    for region, (technical, price) in MARKETS.items():
        frames.append(
            pd.DataFrame(
                {
                    "region": region,
                    "technical_need": np.clip(rng.normal(technical, 0.7, per_region), 1, 5),
                    "price_sensitivity": np.clip(rng.normal(price, 0.7, per_region), 1, 5),
                    "strategic_importance": np.clip(rng.normal(2.8, 0.9, per_region), 1, 5),
                    "revenue": rng.lognormal(5, 1, per_region).round(1),
                }
            )
        )
    table = pd.concat(frames, ignore_index=True)
    table.index = pd.Index([f"C{i:04d}" for i in range(len(table))], name="customer_id")
    return table


@pytest.fixture(scope="module")
def customers():
    return synthetic_customers()


@pytest.fixture(scope="module")
def model(customers):
    return CustomerGroupClassifier().fit(customers)


def numpy_groups(frame: pd.DataFrame, revenue_cut: float) -> np.ndarray:
    strategic = (frame["revenue"] >= revenue_cut) | (frame["strategic_importance"] >= 4.5)
    technical = (frame["technical_need"] >= 3.5) & (frame["price_sensitivity"] < 3.5)
    return np.where(strategic, "战略型", np.where(technical, "技术型", "标准型"))


def test_default_rules_match_numpy(customers, model):
    cut = np.quantile(customers["revenue"], 0.9)
    assert model.rules_.loc[0, "threshold_value"] == pytest.approx(cut)
    got = model.predict(customers)
    assert got.index.equals(customers.index)
    np.testing.assert_array_equal(got.to_numpy(), numpy_groups(customers, cut))
    assert set(got) == set(GROUPS)
    assert model.groups_ == list(GROUPS)


def test_regional_contrast_shows_technology_led_and_price_led_markets(customers, model):
    frame = customers.assign(group=model.predict(customers))
    contrast = regional_contrast(frame, "group")
    expected = (
        duckdb.sql('SELECT region, "group", count(*) AS n FROM frame GROUP BY ALL')
        .df()
        .pivot(index="region", columns="group", values="n")
        .fillna(0)
    )
    for region in MARKETS:
        assert contrast.loc[region, "customers"] == 400
        for group in GROUPS:
            assert contrast.loc[region, group] == pytest.approx(expected.loc[region, group] / 400)
    np.testing.assert_allclose(contrast[list(GROUPS)].sum(axis=1), 1.0)
    assert (
        contrast.loc["欧洲", "技术型"]
        > contrast.loc["亚太", "技术型"]
        > contrast.loc["非洲", "技术型"]
    )
    assert contrast.loc["非洲", "标准型"] > contrast.loc["欧洲", "标准型"]
    assert contrast.loc["欧洲", "dominant"] == "技术型"
    assert contrast.loc["非洲", "dominant"] == "标准型"
    assert list(contrast.columns) == [*GROUPS, "customers", "dominant"]
    # the same table from a Series of groups
    pd.testing.assert_frame_equal(regional_contrast(customers, frame["group"]), contrast)


def test_rules_are_tried_in_order_and_explained(customers, model):
    table = model.explain(customers)
    both = (
        (customers["strategic_importance"] >= 4.5)
        & (customers["technical_need"] >= 3.5)
        & (customers["price_sensitivity"] < 3.5)
    )
    assert both.sum() > 0
    assert (table.loc[both, "group"] == "战略型").all()
    top = customers["revenue"] >= model.rules_.loc[0, "threshold_value"]
    assert (table.loc[top, "rule"] == 1).all()
    assert table.loc[top, "reason"].str.startswith("规则 1：收入贡献 revenue = ").all()
    assert table.loc[top, "reason"].str.contains("前 10% 分界").all()
    default = table["group"] == "标准型"
    assert table.loc[default, "rule"].isna().all()
    assert table["strategy"].tolist() == [GROUP_STRATEGIES[g] for g in table["group"]]
    row = table[table["rule"] == 3].iloc[0]
    assert "技术需求 technical_need" in row["reason"] and "价格敏感度" in row["reason"]


def test_thresholds_are_learned_once(customers, model):
    other = synthetic_customers(seed=12, per_region=100)
    got = model.predict(other)
    expected = numpy_groups(other, np.quantile(customers["revenue"], 0.9))
    np.testing.assert_array_equal(got.to_numpy(), expected)


def test_the_rule_table_is_replaceable(customers):
    rules = pd.DataFrame(
        {
            "rule": [1, 2],
            "group": ["战略型", "技术型"],
            "attribute": ["revenue", "technical_need"],
            "operator": [">", ">="],
            "threshold": [500.0, "q0.5"],
        }
    )
    model = CustomerGroupClassifier(rules).fit(customers)
    got = model.predict(customers).to_numpy()
    median = customers["technical_need"].median()
    expected = np.where(
        customers["revenue"] > 500,
        "战略型",
        np.where(customers["technical_need"] >= median, "技术型", "标准型"),
    )
    np.testing.assert_array_equal(got, expected)
    watch = CustomerGroupClassifier(
        DEFAULT_RULES, default_group="观察型", strategies={**GROUP_STRATEGIES, "观察型": "定期回访"}
    ).fit(customers)
    assert (watch.predict(customers) == "观察型").sum() == (
        CustomerGroupClassifier().fit(customers).predict(customers) == "标准型"
    ).sum()
    assert watch.groups_[-1] == "观察型"


def test_estimator_conventions(customers):
    before = customers.copy()
    rules_before = DEFAULT_RULES.copy()
    model = CustomerGroupClassifier()
    assert clone(model).get_params()["default_group"] == "标准型"
    with pytest.raises(NotFittedError):
        model.predict(customers)
    assert model.fit(customers) is model
    model.explain(customers)
    regional_contrast(customers.assign(group=model.predict(customers)), "group")
    pd.testing.assert_frame_equal(customers, before)
    pd.testing.assert_frame_equal(DEFAULT_RULES, rules_before)


def test_bad_input_names_the_culprit(customers):
    bad = DEFAULT_RULES.copy()
    bad.loc[2, "operator"] = "=>"
    with pytest.raises(DataError, match="第 2 行.*'=>'"):
        CustomerGroupClassifier(bad).fit(customers)
    bad = DEFAULT_RULES.copy()
    bad.loc[0, "threshold"] = "q1.5"
    with pytest.raises(DataError, match="'q1.5'"):
        CustomerGroupClassifier(bad).fit(customers)
    bad = DEFAULT_RULES.copy()
    bad.loc[3, "group"] = "价格型"
    with pytest.raises(DataError, match="'价格型'"):
        CustomerGroupClassifier(bad).fit(customers)
    with pytest.raises(DataError, match="'revenue'"):
        CustomerGroupClassifier().fit(customers.drop(columns="revenue"))
    broken = customers.copy()
    broken.loc["C0007", "technical_need"] = np.nan
    with pytest.raises(DataError, match="'C0007'"):
        CustomerGroupClassifier().fit(broken)
    with pytest.raises(DataError, match="lengths differ"):
        regional_contrast(customers, pd.Series(["技术型"]))


# ----------------------------------------------------------------------------- course tables


def test_example_accounts_are_reproducible_and_hold_no_group_labels():
    from custseg.customer_groups import example_accounts

    accounts = example_accounts()
    pd.testing.assert_frame_equal(accounts, example_accounts())
    assert list(accounts.columns) == [
        "region", "technical_need", "price_sensitivity", "strategic_importance", "revenue"
    ]  # fmt: skip
    assert accounts["region"].value_counts().to_dict() == {"欧洲": 80, "非洲": 80}
    ratings = accounts[["technical_need", "price_sensitivity", "strategic_importance"]]
    assert ((ratings * 2) % 1 == 0).all().all() and ratings.min().min() >= 1
    assert not example_accounts(seed=9).equals(accounts)
    with pytest.raises(ParameterError, match="per_region"):
        example_accounts(per_region=0)


def test_group_tables_follow_the_rules_computed_with_numpy(customers):
    from custseg.customer_groups import account_groups, group_mix_table

    for top, technical in ((0.1, 3.5), (0.25, 4.0)):
        cut = np.quantile(customers["revenue"], 1 - top)
        strategic = (customers["revenue"] >= cut) | (customers["strategic_importance"] >= 4.5)
        tech = (customers["technical_need"] >= technical) & (customers["price_sensitivity"] < 3.5)
        expected = np.where(strategic, "战略型", np.where(tech, "技术型", "标准型"))
        table = account_groups(customers, top_revenue_share=top, technical_min=technical)
        assert table["客户群"].tolist() == expected.tolist()
        assert table.index.equals(customers.index)
        mix = group_mix_table(customers, top_revenue_share=top, technical_min=technical)
        counts = pd.crosstab(customers["region"], expected)
        for region in counts.index:
            for group in GROUPS:
                n = int(counts.loc[region].get(group, 0))
                assert mix.loc[region, f"{group}（户）"] == n
                share = round(100 * n / counts.loc[region].sum(), 1)
                assert mix.loc[region, f"{group}（%）"] == share
            assert mix.loc[region, "主导客户群"] == counts.loc[region].idxmax()
        assert mix.loc["全部", "客户数"] == len(customers)
    reasons = "".join(account_groups(customers)["理由"])
    assert "technical_need" not in reasons
    assert ">=" not in reasons and "≥" in reasons  # signs a reader knows from school


def test_rule_and_strategy_tables_read_in_chinese():
    from custseg.customer_groups import group_rule_table, group_strategy_table

    rules = group_rule_table(top_revenue_share=0.05, technical_min=4.0)
    assert rules.loc["1", "条件"] == "收入贡献排在前 5%"
    assert "技术需求至少 4 分" in rules.loc["3", "条件"]
    assert list(group_strategy_table().index) == list(GROUPS)
    with pytest.raises(ParameterError, match="top_revenue_share"):
        group_rule_table(top_revenue_share=10)


def test_region_group_mix_is_the_share_of_each_group_by_the_rules(customers):
    from custseg.customer_groups import group_rules_by_share, region_group_mix

    rules = group_rules_by_share(top_revenue_share=0.25, technical_min=3.0)
    assert rules["threshold"].tolist() == ["q0.75", 4.5, 3.0, 3.5]
    mix = region_group_mix(customers, rules)
    cut = np.quantile(customers["revenue"], 0.75)
    strategic = (customers["revenue"] >= cut) | (customers["strategic_importance"] >= 4.5)
    technical = (customers["technical_need"] >= 3.0) & (customers["price_sensitivity"] < 3.5)
    groups = np.where(strategic, "战略型", np.where(technical, "技术型", "标准型"))
    expected = pd.crosstab(customers["region"], groups, normalize="index")
    np.testing.assert_allclose(mix[list(GROUPS)], expected[list(GROUPS)], rtol=1e-12)
    assert mix["customers"].to_dict() == customers["region"].value_counts().to_dict()
    default = region_group_mix(customers)
    assert default["dominant"].to_dict() == {"亚太": "标准型", "欧洲": "技术型", "非洲": "标准型"}
    with pytest.raises(ParameterError, match="top_revenue_share"):
        group_rules_by_share(top_revenue_share=10)
    with pytest.raises(DataError, match="'地区'"):
        region_group_mix(customers, region_col="地区")


def test_classifier_keeps_the_estimator_contract(customers):
    model = CustomerGroupClassifier(default_group="战略型")
    assert repr(model) == "CustomerGroupClassifier(default_group='战略型')"
    with pytest.raises(ParameterError, match="CustomerGroupClassifier 的参数 rules"):
        CustomerGroupClassifier(rules=[1, 2]).fit(customers)
    with pytest.raises(ParameterError, match="default_group"):
        CustomerGroupClassifier(default_group=3).fit(customers)
    with pytest.raises(NotFittedError, match="CustomerGroupClassifier 还没有拟合"):
        CustomerGroupClassifier().explain(customers)
