"""custseg.recommend on Online Retail: time split, leave-one-out hit rate, similarities by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from custseg.errors import DataError, ParameterError
from custseg.recommend import (
    ONLINE_RETAIL_NON_PRODUCTS,
    ItemToItemRecommender,
    MostPopular,
    basket_item_matrix,
    compare_hit_rates,
    evaluate_hit_rate,
)

SPLIT = pd.Timestamp("2011-10-01")


@pytest.fixture(scope="module")
def train(online_retail_clean):
    return online_retail_clean[online_retail_clean["invoice_date"] < SPLIT]


@pytest.fixture(scope="module")
def test(online_retail_clean):
    return online_retail_clean[online_retail_clean["invoice_date"] >= SPLIT]


@pytest.fixture(scope="module")
def model(train):
    return ItemToItemRecommender(exclude=ONLINE_RETAIL_NON_PRODUCTS).fit(train)


@pytest.fixture(scope="module")
def invoices_by_item(train):
    products = train[~train["stock_code"].isin(ONLINE_RETAIL_NON_PRODUCTS)]
    return products.groupby("stock_code")["invoice_id"].agg(set)


def _pairs(model, invoices_by_item):
    rng = np.random.default_rng(3)
    top = model.item_baskets_.sort_values(ascending=False).index[:30]
    pairs = [(a, b) for a in top[:5] for b in top[5:10]]
    pairs += [tuple(rng.choice(model.items_, 2, replace=False)) for _ in range(20)]
    # pairs right at the support thresholds (2 for cosine, 5 below): 1, 2, 4, 5 and 6 shared invoices
    anchor = invoices_by_item["85123A"]
    shared = invoices_by_item.map(lambda invoices: len(invoices & anchor)).drop("85123A")
    for count in [1, 2, 4, 5, 6]:
        pairs += [("85123A", item) for item in shared.index[shared == count][:3]]
    return pairs


def test_similarities_match_a_count_by_hand(model, invoices_by_item):
    assert set(model.items_) == set(invoices_by_item.index)
    assert not set(ONLINE_RETAIL_NON_PRODUCTS) & set(model.items_)
    position = {item: i for i, item in enumerate(model.items_)}
    for a, b in _pairs(model, invoices_by_item):
        both = len(invoices_by_item[a] & invoices_by_item[b])
        n_a, n_b = len(invoices_by_item[a]), len(invoices_by_item[b])
        expected = both / np.sqrt(n_a * n_b) if both >= 2 else 0.0
        i, j = position[a], position[b]
        assert model.similarity_[i, j] == pytest.approx(expected), (a, b)
        assert model.similarity_[j, i] == pytest.approx(expected)
        assert model.cooccurrence_[i, j] == (both if both >= 2 else 0)
    assert model.item_baskets_["85123A"] == len(invoices_by_item["85123A"])
    assert model.similarity_.diagonal().max() == 0


def test_conditional_probability_and_min_support(train, model, invoices_by_item):
    conditional = ItemToItemRecommender(
        similarity="conditional", min_support=5, exclude=ONLINE_RETAIL_NON_PRODUCTS
    ).fit(train)
    position = {item: i for i, item in enumerate(conditional.items_)}
    for a, b in _pairs(model, invoices_by_item):
        both = len(invoices_by_item[a] & invoices_by_item[b])
        expected = both / len(invoices_by_item[a]) if both >= 5 else 0.0
        assert conditional.similarity_[position[a], position[b]] == pytest.approx(expected)
    assert conditional.similarity_.nnz < model.similarity_.nnz
    assert (conditional.cooccurrence_.data >= 5).all()


def test_basket_scores_add_similarities(model, invoices_by_item):
    basket = ["85123A", "22423", "21212"]
    table = model.recommend(basket, n=5)
    assert len(table) == 5 and not table["stock_code"].isin(basket).any()
    assert table["score"].is_monotonic_decreasing
    for item, score in zip(table["stock_code"], table["score"], strict=True):
        expected = 0.0
        for owned in basket:
            both = len(invoices_by_item[owned] & invoices_by_item[item])
            if both >= 2:
                expected += both / np.sqrt(
                    len(invoices_by_item[owned]) * len(invoices_by_item[item])
                )
        assert score == pytest.approx(expected)
    # no item outside the list scores higher than the last one
    everything = model.recommend(basket, n=len(model.items_))
    assert everything["score"].iloc[5] <= table["score"].iloc[-1]
    assert len(everything) == len(model.items_) - len(basket)
    assert table["reason"].str.startswith("常与「").all()


def test_descriptions_are_the_most_frequent(model, train):
    table = model.recommend(["85123A"], n=10)
    for item, text in zip(table["stock_code"], table["description"], strict=True):
        assert text == train.loc[train["stock_code"] == item, "description"].mode().sort_values()[0]


def test_popular_items_are_the_items_in_most_invoices(model, train):
    popular = model.popular_items(20)
    products = train[~train["stock_code"].isin(ONLINE_RETAIL_NON_PRODUCTS)]
    invoices = products.groupby("stock_code")["invoice_id"].nunique()
    assert popular.columns.tolist() == ["stock_code", "description", "baskets"]
    assert popular["baskets"].tolist() == invoices.sort_values(ascending=False).head(20).tolist()
    assert popular["baskets"].tolist() == invoices[popular["stock_code"]].tolist()
    assert popular["stock_code"].is_unique
    for code, text in popular[["stock_code", "description"]].itertuples(index=False):
        assert text == products.loc[products["stock_code"] == code, "description"].mode()[0]
    assert popular.equals(
        MostPopular(exclude=ONLINE_RETAIL_NON_PRODUCTS).fit(train).popular_items(20)
    )
    assert len(model.popular_items()) == model.top_n
    with pytest.raises(ParameterError, match="0"):
        model.popular_items(0)
    with pytest.raises(NotFittedError):
        ItemToItemRecommender().popular_items(5)


def test_recommend_for_a_customer_uses_their_history(model, train):
    history = train.loc[train["customer_id"] == 17850, "stock_code"].unique().tolist()
    by_customer = model.recommend(customer=17850, n=8)
    by_basket = model.recommend(history, n=8)
    pd.testing.assert_frame_equal(by_customer, by_basket)
    assert not by_customer["stock_code"].isin(history).any()
    newcomer = model.recommend(customer=-1, n=3)
    popular = model.item_baskets_.sort_values(ascending=False, kind="stable").index[:3]
    assert newcomer["stock_code"].tolist() == popular.tolist()
    assert (newcomer["score"] == 0).all() and newcomer["reason"].str.startswith("热门").all()


def test_recommend_many_agrees_with_recommend(model):
    baskets = [["85123A"], ["22423", "21212"], ["无此商品"], []]
    many = model.recommend_many(baskets, n=4)
    for basket, top in zip(baskets, many, strict=True):
        assert model.recommend(basket, n=4)["stock_code"].tolist() == top
    assert model.recommend_many([]) == []
    everything = model.recommend_many([["85123A", "22423"]], n=len(model.items_))[0]
    assert len(everything) == len(model.items_) - 2  # never the basket's own items
    assert not {"85123A", "22423"} & set(everything)


def test_item_to_item_beats_most_popular_on_held_out_baskets(train, test):
    models = {
        "同购推荐": ItemToItemRecommender(exclude=ONLINE_RETAIL_NON_PRODUCTS),
        "热门推荐": MostPopular(exclude=ONLINE_RETAIL_NON_PRODUCTS),
    }
    table = compare_hit_rates(models, train, test, n=10, max_baskets=2_000, random_state=0)
    assert table["baskets"].tolist() == [2_000, 2_000]
    assert (table["hit_rate"] == table["hits"] / table["baskets"]).all()
    item_to_item, popular = table["hit_rate"]
    assert item_to_item > 2 * popular  # co-purchase signal is strong in this shop
    assert 0 < popular < item_to_item < 1


def test_hit_rate_protocol(train, test, model):
    products = model.items_  # the same catalogue as MostPopular's: same data, same exclusions
    known = test[test["stock_code"].isin(products)]
    eligible = (known.groupby("invoice_id")["stock_code"].nunique() >= 2).sum()
    small = test[test["invoice_id"].isin(known["invoice_id"].drop_duplicates().iloc[:400])]
    everything = compare_hit_rates(
        {"热门": MostPopular(exclude=ONLINE_RETAIL_NON_PRODUCTS)},
        train,
        small,
        n=len(products),
        max_baskets=None,
    )
    # recommending the whole catalogue always finds the hidden item
    assert everything.loc["热门", "hit_rate"] == 1.0
    subset = known[known["invoice_id"].isin(small["invoice_id"])]
    assert (
        everything.loc["热门", "baskets"]
        == (subset.groupby("invoice_id")["stock_code"].nunique() >= 2).sum()
    )
    assert eligible > 2_000  # so the 2,000-basket sample above is a sample
    one = MostPopular(exclude=ONLINE_RETAIL_NON_PRODUCTS)
    first = evaluate_hit_rate(one, train, small, n=5, random_state=1)
    assert first == evaluate_hit_rate(one, train, small, n=5, random_state=1)
    with pytest.raises(NotFittedError):
        one.recommend(["85123A"])  # evaluation fits a copy


def test_inputs_are_not_changed(train):
    sample = train.head(5_000)
    before = sample.copy()
    ItemToItemRecommender().fit(sample)
    pd.testing.assert_frame_equal(sample, before)


def test_baskets_without_invoice_column():
    tx = pd.DataFrame(
        {
            "customer_id": [1, 1, 1, 2, 2],
            "invoice_date": pd.to_datetime(["2024-01-01"] * 3 + ["2024-01-02"] * 2),
            "stock_code": ["杯", "壶", "杯", "杯", "壶"],
        }
    )
    matrix, baskets, items = basket_item_matrix(tx)
    assert matrix.shape == (2, 2) and matrix.sum() == 4
    model = ItemToItemRecommender(min_support=1).fit(tx)
    assert model.recommend(["杯"])["stock_code"].tolist() == ["壶"]
    assert model.recommend(["杯"])["description"].tolist() == [""]


def test_estimator_conventions_and_bad_input(train):
    model = ItemToItemRecommender(top_n=3, similarity="jaccard")
    assert clone(model).get_params()["similarity"] == "jaccard"
    with pytest.raises(NotFittedError):
        model.recommend(["85123A"])
    with pytest.raises(ParameterError, match="'jaccard'"):
        model.fit(train)
    with pytest.raises(ParameterError, match="min_support"):
        ItemToItemRecommender(min_support=0).fit(train)
    with pytest.raises(ParameterError, match="top_n"):
        MostPopular(top_n=0).fit(train)
    with pytest.raises(DataError, match="'sku'"):
        MostPopular(item_col="sku").fit(train)
    with pytest.raises(DataError, match="'customer_id'"):
        MostPopular().fit(pd.DataFrame({"stock_code": ["a"]}))
    fitted = MostPopular().fit(train.head(1_000))
    with pytest.raises(ParameterError, match="basket"):
        fitted.recommend()
    with pytest.raises(ParameterError, match="-2"):
        fitted.recommend(["85123A"], n=-2)
    one_item = pd.DataFrame({"invoice_id": [1, 2], "stock_code": ["a", "b"]})
    with pytest.raises(DataError, match="2"):
        compare_hit_rates({"热门": MostPopular()}, one_item, one_item)


# ----------------------------------------------------------------------------- course tables


def test_product_rows_drop_exactly_the_non_products(online_retail_clean):
    from custseg.recommend import product_rows

    kept = product_rows(online_retail_clean)
    assert not kept["stock_code"].isin(ONLINE_RETAIL_NON_PRODUCTS).any()
    dropped = online_retail_clean["stock_code"].isin(ONLINE_RETAIL_NON_PRODUCTS).sum()
    assert len(kept) + dropped == len(online_retail_clean)


def test_also_bought_table_is_the_recommendation_in_chinese(train, model):
    from custseg.recommend import also_bought_table, fit_recommender

    fitted = fit_recommender(train)
    table = also_bought_table(fitted, item="85123A", n=5)
    reference = model.recommend(["85123A"], n=5)
    assert table["商品编码"].tolist() == reference["stock_code"].tolist()
    assert table["相似度"].tolist() == reference["score"].round(3).tolist()
    assert list(table.index) == [1, 2, 3, 4, 5] and table.index.name == "排名"


def test_hit_rate_table_splits_by_date_and_compares_both(online_retail_clean, train, test):
    from custseg.recommend import HIT_RATE_MODELS, hit_rate_table

    table = hit_rate_table(online_retail_clean, split_date="2011-10-01", n=10)
    reference = compare_hit_rates(
        {
            HIT_RATE_MODELS[0]: ItemToItemRecommender(exclude=ONLINE_RETAIL_NON_PRODUCTS),
            HIT_RATE_MODELS[1]: MostPopular(exclude=ONLINE_RETAIL_NON_PRODUCTS),
        },
        train,
        test,
        n=10,
    )
    assert table["命中数"].to_dict() == reference["hits"].to_dict()
    assert table["命中率（%）"].to_dict() == (100 * reference["hit_rate"]).round(1).to_dict()
    with pytest.raises(DataError, match="split_date.*请换一个日期 \\(no training or no test"):
        hit_rate_table(online_retail_clean, split_date="2030-01-01")
    with pytest.raises(ParameterError, match="不是日期.*\\(not a date\\)"):
        hit_rate_table(online_retail_clean, split_date="九月")


RENAMED = {
    "customer_id": "客户编号",
    "invoice_date": "下单时间",
    "amount": "金额",
    "invoice_id": "发票号",
    "stock_code": "商品编码",
}
COLUMN_KEYWORDS = {
    "customer_col": "客户编号",
    "date_col": "下单时间",
    "invoice_col": "发票号",
    "item_col": "商品编码",
}


def test_column_keywords_give_the_same_recommendations(online_retail_clean, train, model):
    from custseg.recommend import also_bought_table, fit_recommender, hit_rate_table, product_rows

    renamed = train.rename(columns=RENAMED)
    pd.testing.assert_frame_equal(
        product_rows(renamed, **COLUMN_KEYWORDS), product_rows(train).rename(columns=RENAMED)
    )
    fitted = fit_recommender(renamed, amount_col="金额", **COLUMN_KEYWORDS)
    assert (fitted.similarity_ != model.similarity_).nnz == 0
    pd.testing.assert_frame_equal(
        fitted.recommend(customer=17850, n=5).rename(columns={"商品编码": "stock_code"}),
        model.recommend(customer=17850, n=5),
    )
    pd.testing.assert_frame_equal(
        also_bought_table(fitted, item="85123A", n=5), also_bought_table(model, item="85123A", n=5)
    )
    # Without the invoice column, baskets come from the named customer and date columns.
    spring = online_retail_clean[online_retail_clean["invoice_date"] < "2011-03-01"]
    by_day = spring.drop(columns="invoice_id")
    expected = basket_item_matrix(by_day)
    got = basket_item_matrix(by_day.rename(columns=RENAMED), **COLUMN_KEYWORDS)
    assert (got[0] != expected[0]).nnz == 0 and got[1].equals(expected[1])
    pd.testing.assert_frame_equal(
        hit_rate_table(
            spring.rename(columns=RENAMED), split_date="2011-02-01", n=5, **COLUMN_KEYWORDS
        ),
        hit_rate_table(spring, split_date="2011-02-01", n=5),
    )
    with pytest.raises(DataError, match="'商品代码'"):
        fit_recommender(renamed, **{**COLUMN_KEYWORDS, "item_col": "商品代码"})


def test_the_old_basket_col_keyword_still_works_with_a_warning(online_retail_clean):
    spring = online_retail_clean[online_retail_clean["invoice_date"] < "2011-03-01"]
    renamed = spring.rename(columns={"invoice_id": "发票号"})
    with pytest.deprecated_call(match="basket_col= 已改名为 invoice_col="):
        old = basket_item_matrix(renamed, basket_col="发票号")
    new = basket_item_matrix(spring)
    assert (old[0] != new[0]).nnz == 0 and old[1].equals(new[1]) and old[2].equals(new[2])
    for model_class in (MostPopular, ItemToItemRecommender):
        with pytest.deprecated_call(match="basket_col= 已改名为 invoice_col="):
            model = model_class(basket_col="发票号")
        assert model.get_params()["invoice_col"] == "发票号" and "basket_col" not in repr(model)
        assert clone(model).invoice_col == "发票号"
        fitted, expected = model.fit(renamed), model_class().fit(spring)
        assert fitted.item_baskets_.equals(expected.item_baskets_)
        with pytest.raises(ParameterError, match="只能给一个"):
            model_class(basket_col="发票号", invoice_col="发票号")
