"""Module 08 helpers and widgets, checked against DuckDB and plain numpy on the real data."""

from __future__ import annotations

import re

import duckdb
import numpy as np
import pandas as pd
import pytest

from custseg.dimensions.categories import (
    OTHER_CATEGORY,
    PRODUCT_KEYWORDS,
    category_spend,
    product_categories,
)
from custseg.errors import DataError, ParameterError
from custseg.recommend import ONLINE_RETAIL_NON_PRODUCTS, ItemToItemRecommender
from custseg.widgets.cases import also_bought_explorer, customer_group_explorer


def _category_sql() -> str:
    """A CASE expression giving the first category whose keyword the description contains."""
    cases = []
    for name, words in PRODUCT_KEYWORDS.items():
        test = " OR ".join(f"contains(upper(description), '{word}')" for word in words)
        cases.append(f"WHEN {test} THEN '{name}'")
    return f"CASE {' '.join(cases)} ELSE '{OTHER_CATEGORY}' END"


def test_category_spend_agrees_with_sql(online_retail_clean):
    lines = online_retail_clean[["customer_id", "description", "amount"]].copy()
    before = lines.copy()
    spend = category_spend(lines)
    pd.testing.assert_frame_equal(lines, before)  # input untouched
    expected = duckdb.sql(
        f"SELECT customer_id, {_category_sql()} AS category, sum(amount) AS amount "
        "FROM lines GROUP BY ALL"
    ).df()
    expected = expected.pivot(index="customer_id", columns="category", values="amount")
    expected = expected.reindex(columns=spend.columns).fillna(0.0)
    assert list(spend.columns) == [*PRODUCT_KEYWORDS, OTHER_CATEGORY]
    assert len(spend) == online_retail_clean["customer_id"].nunique()
    np.testing.assert_allclose(
        spend.sort_index().to_numpy(), expected.sort_index().to_numpy(), rtol=1e-9, atol=1e-6
    )
    assert (spend.drop(columns=OTHER_CATEGORY).sum() > 0).all()  # every category is bought


def test_first_matching_category_wins_and_bad_keywords_are_refused():
    texts = pd.Series(["christmas tea cup", "tea cup", "no match here"])
    assert product_categories(texts).tolist() == ["节日派对", "厨房餐具", OTHER_CATEGORY]
    with pytest.raises(ParameterError, match="玩具"):
        product_categories(texts, {"玩具": ()})
    with pytest.raises(DataError, match="description"):
        category_spend(pd.DataFrame({"customer_id": [1], "amount": [1.0]}))


def _cosine_scores(lines: pd.DataFrame, item: str) -> pd.Series:
    """Cosine similarity of every item to ``item``, pairs sharing at least 2 baskets."""
    pairs = lines[["invoice_id", "stock_code"]].drop_duplicates()  # noqa: F841 (read by DuckDB)
    scores = duckdb.sql(
        f"""
        WITH counts AS (SELECT stock_code, count(*) AS n FROM pairs GROUP BY stock_code),
        together AS (
            SELECT b.stock_code, count(*) AS both_n
            FROM pairs a JOIN pairs b ON a.invoice_id = b.invoice_id
            WHERE a.stock_code = '{item}' AND b.stock_code <> '{item}'
            GROUP BY b.stock_code HAVING count(*) >= 2)
        SELECT t.stock_code, t.both_n / sqrt(c.n * (SELECT n FROM counts
                                                     WHERE stock_code = '{item}')) AS score
        FROM together t JOIN counts c USING (stock_code)
        """
    ).df()
    return scores.set_index("stock_code")["score"].sort_values(ascending=False)


def test_dropdown_shows_the_items_most_similar_to_the_choice(online_retail_clean):
    november = online_retail_clean[
        (online_retail_clean["invoice_date"] >= "2011-11-01")
        & ~online_retail_clean["stock_code"].isin(ONLINE_RETAIL_NON_PRODUCTS)
    ]
    model = ItemToItemRecommender().fit(november)
    box = also_bought_explorer(model, products=5, n=6)
    choice, table, figure = box.children
    bars, numbers = figure.marks
    popular = november.groupby("stock_code")["invoice_id"].nunique().sort_values(ascending=False)
    assert choice.options[0][1] == popular.index[0]
    for position in (0, 3):
        item = choice.options[position][1]
        choice.value = item
        shown = re.findall(r"<td>([\w]+)</td>\s*<td>[^<]*</td>\s*<td>([\d.]+)</td>", table.value)
        expected = _cosine_scores(november, item)
        assert [float(score) for _, score in shown] == pytest.approx(
            expected.head(6).round(3).tolist(), abs=1e-9
        )
        first = shown[0][0]
        assert expected[first] == pytest.approx(expected.iloc[0])
        assert item not in [code for code, _ in shown]
        _assert_bars_show_the_scores(bars, numbers, expected)


def _assert_bars_show_the_scores(bars, numbers, expected: pd.Series) -> None:
    """One bar per recommended item, best on top, its length the cosine score from SQL."""
    codes = [re.search(r"\((\w+)\)$", label).group(1) for label in bars.x]
    assert len(codes) == 6
    np.testing.assert_allclose(bars.y, expected.head(6).to_numpy(), rtol=1e-9)
    np.testing.assert_allclose(bars.y, expected[codes].to_numpy(), rtol=1e-9)
    assert list(numbers.y) == list(bars.x)
    assert list(numbers.text) == [f"{v:.3f}" for v in expected.head(6)]


def _made_up_accounts(seed: int = 3) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    n = 120
    return pd.DataFrame(
        {
            "region": np.repeat(["欧洲", "非洲", "亚洲"], n // 3),
            "technical_need": rng.integers(1, 11, n) / 2,
            "price_sensitivity": rng.integers(1, 11, n) / 2,
            "strategic_importance": rng.integers(1, 11, n) / 2,
            "revenue": rng.lognormal(4, 1, n),
        }
    )


def _shares_shown(html: str) -> dict[str, list[float]]:
    rows = re.findall(r"<th>([^<]+)</th>\s*((?:<td>[^<]*</td>\s*)+)", html)
    return {
        region: [float(v) / 100 for v in re.findall(r"<td>([\d.]+)%</td>", cells)]
        for region, cells in rows
        if "%" in cells
    }


def _assert_same_shares(html: str, expected: dict[str, list[float]]) -> None:
    shown = _shares_shown(html)
    assert set(shown) == set(expected) == {"欧洲", "非洲", "亚洲"}
    for region, shares in expected.items():
        assert shown[region] == pytest.approx(shares, abs=1e-9), region


def _expected_shares(accounts, top, strategic, technical, price) -> dict[str, list[float]]:
    shares = _expected_mix(accounts, top, strategic, technical, price)
    return {region: row.round(3).tolist() for region, row in shares.iterrows()}


def _expected_mix(accounts, top, strategic, technical, price) -> pd.DataFrame:
    """Share of 技术型, 标准型, 战略型 (columns) in each region (rows, sorted)."""
    cut = np.quantile(accounts["revenue"], 1 - top)
    is_strategic = (accounts["revenue"] >= cut) | (accounts["strategic_importance"] >= strategic)
    is_technical = (accounts["technical_need"] >= technical) & (
        accounts["price_sensitivity"] < price
    )
    group = np.where(is_strategic, "战略型", np.where(is_technical, "技术型", "标准型"))
    shares = pd.crosstab(accounts["region"], group, normalize="index")
    return shares.reindex(columns=["技术型", "标准型", "战略型"], fill_value=0.0)


def _assert_stacked_bars(figure, accounts, mix: pd.DataFrame) -> None:
    """One stacked bar per region, its parts the group shares, the larger ones written on."""
    parts, written = figure.marks
    sizes = accounts["region"].value_counts()
    assert list(parts.x) == [f"{region}（{sizes[region]} 户）" for region in mix.index]
    np.testing.assert_allclose(parts.y, mix.to_numpy().T, rtol=1e-12)
    middles = mix.cumsum(axis=1) - mix / 2
    np.testing.assert_allclose(written.x, middles.to_numpy().T.ravel(), rtol=1e-12)
    shown = [f"{v:.0%}" if v >= 0.06 else "" for v in mix.to_numpy().T.ravel()]
    assert list(written.text) == shown


def test_rule_sliders_change_the_regional_mix():
    accounts = _made_up_accounts()
    before = accounts.copy()
    box = customer_group_explorer(accounts)
    (top, strategic, technical, price), table, _ = box.children[0].children, *box.children[1:]
    figure = box.children[-1]
    _assert_same_shares(table.value, _expected_shares(accounts, 0.1, 4.5, 3.5, 3.5))
    _assert_stacked_bars(figure, accounts, _expected_mix(accounts, 0.1, 4.5, 3.5, 3.5))
    top.value, strategic.value, technical.value, price.value = 0.25, 5.0, 2.5, 4.5
    changed = _expected_shares(accounts, 0.25, 5.0, 2.5, 4.5)
    assert changed != _expected_shares(accounts, 0.1, 4.5, 3.5, 3.5)
    _assert_same_shares(table.value, changed)
    _assert_stacked_bars(figure, accounts, _expected_mix(accounts, 0.25, 5.0, 2.5, 4.5))
    price.value = 1.0  # hardly anyone is technical: too narrow to write the share on
    _assert_stacked_bars(figure, accounts, _expected_mix(accounts, 0.25, 5.0, 2.5, 1.0))
    assert figure.marks[0].y[0].max() < 0.06
    assert list(figure.marks[1].text[:3]) == ["", "", ""]
    pd.testing.assert_frame_equal(accounts, before)


def test_group_explorer_names_a_missing_attribute():
    with pytest.raises(DataError, match="technical_need"):
        customer_group_explorer(_made_up_accounts().drop(columns="technical_need"))


def test_also_bought_refuses_an_unfitted_model_and_bad_counts(online_retail_clean):
    from sklearn.exceptions import NotFittedError

    with pytest.raises(NotFittedError, match="ItemToItemRecommender 还没有拟合"):
        also_bought_explorer(ItemToItemRecommender())
    week = online_retail_clean[online_retail_clean["invoice_date"] >= "2011-12-01"]
    model = ItemToItemRecommender().fit(week)
    with pytest.raises(ParameterError, match="products"):
        also_bought_explorer(model, products=0)
