"""custseg.dimensions on Bank Marketing, Online Retail and the iFood file, checked independently."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest
from sklearn.cluster import KMeans
from threadpoolctl import threadpool_limits

from custseg.dimensions import (
    BANK_LABELS,
    IFOOD_CHANNELS,
    IFOOD_SPENDING,
    OVERALL,
    PURCHASE_STYLES,
    age_bands,
    cluster_mix,
    combine_segments,
    country_regions,
    customer_countries,
    dominant_segments,
    income_bands,
    label_values,
    profile_index,
    profile_segments,
    purchase_styles,
    response_by,
    spending_mix,
)
from custseg.errors import DataError, ParameterError


def test_response_by_job_on_bank_marketing(bank):
    table = response_by(bank, "job")
    for job, rows in bank.groupby("job"):
        assert table.loc[job, "customers"] == len(rows)
        assert table.loc[job, "response_rate"] == pytest.approx((rows["y"] == "yes").mean())
    assert table["customers"].sum() == 45_211
    assert table["responses"].sum() == 5_289
    assert table["share"].sum() == pytest.approx(1.0)
    assert table.index[0] == "student"  # students respond most in this data set
    assert table["response_rate"].is_monotonic_decreasing
    overall = 5_289 / 45_211
    assert table.loc["retired", "lift"] == pytest.approx(
        table.loc["retired", "response_rate"] / overall
    )


def test_age_bands_on_bank_marketing(bank):
    bands = age_bands(bank["age"])
    assert bands.isna().sum() == 0
    counts = bands.value_counts()
    assert counts["25岁以下"] == (bank["age"] < 25).sum()
    assert counts["65岁及以上"] == (bank["age"] >= 65).sum()
    assert counts["35-44岁"] == bank["age"].between(35, 44).sum()


def test_bad_input_names_the_culprit():
    with pytest.raises(DataError, match="'abc'"):
        age_bands(pd.Series([30, "abc"]))
    with pytest.raises(ParameterError, match="edges"):
        age_bands(pd.Series([30]), edges=(0, 40, 30))
    with pytest.raises(DataError, match="'是'"):
        response_by(pd.DataFrame({"job": ["a"], "y": ["yes"]}), "job", positive="是")
    with pytest.raises(DataError, match="'工作'"):
        response_by(pd.DataFrame({"job": ["a"], "y": ["yes"]}), "工作")


# ----------------------------------- demographic, geographic, psychographic, behavioral

IFOOD = (
    Path(
        os.environ.get(
            "CUSTSEG_SHARED_DATASETS", Path(__file__).parents[1] / ".." / "shared" / "datasets"
        )
    )
    / "marketing_campaign.csv.gz"
)
EUROPE = {  # written out here, apart from the package's table
    "United Kingdom", "EIRE", "France", "Germany", "Spain", "Netherlands", "Belgium",
    "Switzerland", "Portugal", "Italy", "Channel Islands", "Finland", "Cyprus", "Sweden",
    "Austria", "Denmark", "Poland", "Norway", "Iceland", "Greece", "Malta", "Lithuania",
    "Czech Republic", "European Community",
}  # fmt: skip


@pytest.fixture(scope="module")
def ifood():
    """The Customer Personality Analysis file, read through its path (never shipped)."""
    if not IFOOD.exists():
        pytest.skip(f"shared data file missing: {IFOOD}")
    return pd.read_csv(IFOOD, sep="\t")


def test_income_quartiles_on_ifood(ifood):
    bands = income_bands(ifood["Income"])
    q1, q3 = ifood["Income"].quantile([0.25, 0.75])
    counts = bands.value_counts()
    assert counts["低收入"] == (ifood["Income"] <= q1).sum()
    assert counts["高收入"] == (ifood["Income"] > q3).sum()
    assert bands.isna().sum() == ifood["Income"].isna().sum() == 24
    assert list(bands.cat.categories) == ["低收入", "中低收入", "中高收入", "高收入"]
    fixed = income_bands(ifood["Income"], edges=[0, 30_000, 1e9], labels=["低", "高"])
    assert (fixed == "低").sum() == (ifood["Income"] < 30_000).sum()
    with pytest.raises(DataError, match="'abc'"):
        income_bands(pd.Series([1.0, "abc"]))
    with pytest.raises(ParameterError, match="edges"):
        income_bands(pd.Series([1.0]), edges=[0, 10], labels=["a", "b"])


def test_chinese_labels_and_combined_segments(bank):
    before = bank.copy()
    labeled = label_values(bank, BANK_LABELS)
    pd.testing.assert_frame_equal(bank, before)
    assert (labeled["job"] == "学生").sum() == (bank["job"] == "student").sum()
    for column in ["job", "marital", "education", "y"]:
        assert not labeled[column].isin(list(BANK_LABELS[column])).any(), column
    combined = combine_segments(
        labeled.assign(age_band=age_bands(bank["age"])), ["age_band", "marital"]
    )
    assert (
        combined.nunique()
        == bank.groupby([age_bands(bank["age"]), "marital"], observed=True).ngroups
    )
    assert combined.iloc[0] == "55-64岁·已婚"  # first client: 58, married
    with pytest.raises(DataError, match="'城市'"):
        combine_segments(bank, ["job", "城市"])


def test_customer_countries_against_sql(online_retail_clean):
    sql = duckdb.connect()
    sql.register("tx", online_retail_clean[["customer_id", "country"]])
    expected = sql.sql(
        """
        SELECT customer_id, arg_min(country, (-n, country)) AS country
        FROM (SELECT customer_id, country, count(*) AS n FROM tx GROUP BY ALL)
        GROUP BY customer_id ORDER BY customer_id
        """
    ).df()
    countries = customer_countries(online_retail_clean)
    assert len(countries) == 4_338
    assert countries.loc[expected["customer_id"]].tolist() == expected["country"].tolist()


def test_country_regions_on_online_retail(online_retail_clean):
    countries = customer_countries(online_retail_clean)
    regions = country_regions(countries)
    assert (regions == "英国").sum() == (countries == "United Kingdom").sum()
    europe = countries.isin(EUROPE - {"United Kingdom"})
    assert (regions == "欧洲其他").sum() == europe.sum()
    assert (regions == "未知").sum() == (countries == "Unspecified").sum()
    assert (regions == "其他地区").sum() == (~countries.isin(EUROPE | {"Unspecified"})).sum()
    assert list(regions.cat.categories) == ["英国", "欧洲其他", "其他地区", "未知"]
    continents = country_regions(online_retail_clean["country"], level="continent")
    assert set(continents) <= {"欧洲", "亚洲", "北美洲", "南美洲", "大洋洲", "非洲", "未知"}
    assert (continents == "欧洲").sum() == online_retail_clean["country"].isin(EUROPE).sum()
    names = country_regions(pd.Series(["Germany", "Hong Kong"]), level="country")
    assert names.tolist() == ["德国", "中国香港"]
    french_home = country_regions(pd.Series(["France", "Germany"]), home="France")
    assert french_home.tolist() == ["法国", "欧洲其他"]
    with pytest.raises(DataError, match="'Hungary'"):
        country_regions(pd.Series(["Hungary", "France"]))
    extra = country_regions(pd.Series(["Hungary"]), extra={"Hungary": ("匈牙利", "欧洲")})
    assert extra.tolist() == ["欧洲其他"]
    with pytest.raises(ParameterError, match="level"):
        country_regions(countries, level="city")


def test_spending_mix_and_lifestyle_rules_on_ifood(ifood):
    amounts = ifood[list(IFOOD_SPENDING)].to_numpy(dtype=float)
    totals = amounts.sum(axis=1)
    mix = spending_mix(ifood, IFOOD_SPENDING)
    assert list(mix.columns) == list(IFOOD_SPENDING.values())
    np.testing.assert_allclose(mix.to_numpy(), amounts / totals[:, None])
    segments = dominant_segments(mix)
    names = np.array(list(IFOOD_SPENDING.values()))
    top = amounts.argmax(axis=1)
    dominant = amounts.max(axis=1) >= 0.5 * totals
    expected = np.where(dominant, [f"{n}偏好型" for n in names[top]], "均衡型")
    assert segments.tolist() == expected.tolist()
    assert (segments == "葡萄酒偏好型").sum() == (ifood["MntWines"] >= 0.5 * totals).sum()
    # raw amounts give the same segments as shares
    raw = ifood[list(IFOOD_SPENDING)].rename(columns=IFOOD_SPENDING)
    assert dominant_segments(raw).equals(segments)


def test_channel_segments_on_ifood(ifood):
    counts = ifood[list(IFOOD_CHANNELS)].rename(columns=IFOOD_CHANNELS)
    channels = dominant_segments(counts, suffix="为主", mixed="多渠道", dominance=0.6)
    store = ifood["NumStorePurchases"] >= 0.6 * counts.sum(axis=1)
    assert (channels == "门店为主").sum() == (store & (counts.sum(axis=1) > 0)).sum()
    assert (channels == "无记录").sum() == (counts.sum(axis=1) == 0).sum()
    assert set(channels) <= {"网店为主", "目录邮购为主", "门店为主", "多渠道", "无记录"}


def test_cluster_mix_on_ifood(ifood):
    mix = spending_mix(ifood, IFOOD_SPENDING)
    segments = cluster_mix(mix, 4, random_state=0)
    assert segments.notna().all() and segments.nunique() == 4
    sizes = segments.value_counts(sort=False)
    assert sizes.is_monotonic_decreasing  # categories run from the largest cluster
    # the same partition as k-means run directly
    with threadpool_limits(limits=1, user_api="openmp"):
        direct = KMeans(n_clusters=4, n_init=10, random_state=0).fit_predict(mix.to_numpy())
    table = pd.crosstab(segments, direct)
    assert ((table > 0).sum(axis=1) == 1).all() and ((table > 0).sum(axis=0) == 1).all()
    # each name lists the categories standing out in its cluster
    index = mix.groupby(segments, observed=True).mean() / mix.mean()
    for name, row in index.iterrows():
        standing = row[row >= 1.2].sort_values(ascending=False).index[:2].tolist()
        expected = "、".join(standing) + "偏好型" if standing else "均衡型"
        assert name.rstrip("0123456789") == expected
    assert cluster_mix(mix, 4, random_state=0).equals(segments)
    with pytest.raises(ParameterError, match="n_clusters"):
        cluster_mix(mix, 1)


def test_profile_segments_on_bank(bank):
    before = bank.copy()
    profile = profile_segments(bank, "job", ["age", "balance", "education", "y"])
    pd.testing.assert_frame_equal(bank, before)
    assert list(profile.columns) == ["customers", "share", "age", "balance", "education", "y"]
    assert profile.index[-1] == OVERALL
    segments = profile.drop(index=OVERALL)
    assert segments["customers"].is_monotonic_decreasing
    for job, rows in bank.groupby("job"):
        assert segments.loc[job, "customers"] == len(rows)
        assert segments.loc[job, "age"] == pytest.approx(rows["age"].mean())
        assert segments.loc[job, "balance"] == pytest.approx(rows["balance"].mean())
        assert segments.loc[job, "education"] == rows["education"].mode()[0]
    assert profile.loc[OVERALL, "customers"] == 45_211
    assert profile.loc[OVERALL, "age"] == pytest.approx(bank["age"].mean())
    assert profile.loc[OVERALL, "y"] == "no"
    assert segments["share"].sum() == pytest.approx(1.0)

    index = profile_index(profile)
    assert list(index.columns) == ["age", "balance"]
    assert index.loc["retired", "age"] == pytest.approx(
        100 * bank.loc[bank["job"] == "retired", "age"].mean() / bank["age"].mean()
    )


def test_profile_segments_keeps_band_order_and_bools(bank):
    clients = bank.assign(band=age_bands(bank["age"]), subscribed=bank["y"] == "yes")
    profile = profile_segments(clients, "band", ["subscribed"], overall=False)
    assert profile.index.tolist() == [
        b for b in clients["band"].cat.categories if b in set(clients["band"])
    ]
    for band, rows in clients.groupby("band", observed=True):
        assert profile.loc[band, "subscribed"] == pytest.approx((rows["y"] == "yes").mean())
    with pytest.raises(DataError, match="'收入'"):
        profile_segments(bank, "job", ["收入"])
    with pytest.raises(ParameterError, match="'job'"):
        profile_segments(bank, "job", ["job"])
    with pytest.raises(DataError, match="overall"):
        profile_index(profile)


def _styles_sql(tx: pd.DataFrame) -> pd.DataFrame:
    """The purchase-style rules with their default thresholds, written out in SQL."""
    return duckdb.sql(
        """
        WITH orders AS (
            SELECT customer_id, invoice_id, sum(amount) AS value
            FROM tx GROUP BY customer_id, invoice_id
        ), med AS (SELECT median(value) AS m FROM orders),
        c AS (
            SELECT customer_id,
                count(DISTINCT invoice_id) AS orders,
                date_diff('day', CAST(min(invoice_date) AS DATE), CAST(max(invoice_date) AS DATE))
                    AS span_days,
                sum(amount) AS total,
                sum(CASE WHEN month(invoice_date) IN (11, 12) THEN amount ELSE 0 END)
                    / sum(amount) AS promo_share
            FROM tx GROUP BY customer_id
        ), big AS (SELECT customer_id, max(value) AS largest FROM orders GROUP BY customer_id)
        SELECT c.*, big.largest / c.total AS concentration, big.largest / med.m AS vs_median,
            CASE
                WHEN orders >= 5 AND span_days >= 180 THEN '忠诚型'
                WHEN promo_share >= 0.6 THEN '冲动型'
                WHEN big.largest / med.m >= 3 AND big.largest / c.total >= 0.5 THEN '冲动型'
                ELSE '理性型'
            END AS style
        FROM c JOIN big USING (customer_id), med
        ORDER BY customer_id
        """
    ).df()


def test_purchase_styles_on_online_retail_against_sql(online_retail_clean):
    tx = online_retail_clean[["customer_id", "invoice_id", "invoice_date", "amount"]]
    before = tx.copy()
    styles = purchase_styles(tx)
    pd.testing.assert_frame_equal(tx, before)
    expected = _styles_sql(tx).set_index("customer_id")
    styles = styles.loc[expected.index]
    assert len(styles) == 4_338
    assert (styles["orders"] == expected["orders"]).all()
    assert (styles["span_days"] == expected["span_days"]).all()
    np.testing.assert_allclose(styles["total"], expected["total"])
    np.testing.assert_allclose(styles["promo_share"], expected["promo_share"], atol=1e-12)
    np.testing.assert_allclose(styles["concentration"], expected["concentration"])
    np.testing.assert_allclose(styles["largest_vs_median"], expected["vs_median"])
    assert (styles["style"] == expected["style"]).all()
    assert set(styles["style"]) == set(PURCHASE_STYLES)
    # loyal customers are few but bring most of the revenue in this shop
    loyal = styles["style"] == "忠诚型"
    assert loyal.mean() < 0.5 < styles.loc[loyal, "total"].sum() / styles["total"].sum()


def test_purchase_style_thresholds_move_customers(online_retail_clean):
    base = purchase_styles(online_retail_clean)
    strict = purchase_styles(online_retail_clean, loyal_min_orders=10, loyal_min_days=300)
    assert (strict["style"] == "忠诚型").sum() < (base["style"] == "忠诚型").sum()
    expected = (base["orders"] >= 10) & (base["span_days"] >= 300)
    assert ((strict["style"] == "忠诚型") == expected).all()
    no_promo = purchase_styles(online_retail_clean, promo_months=[])
    assert (no_promo["promo_share"] == 0).all()


def test_purchase_styles_without_invoices_and_bad_input(online_retail):
    tx = pd.DataFrame(
        {
            "customer_id": [1, 1, 1, 2],
            "invoice_date": pd.to_datetime(
                ["2011-03-01 10:00", "2011-03-01 15:00", "2011-04-01 09:00", "2011-11-20 09:00"]
            ),
            "amount": [10.0, 20.0, 30.0, 5.0],
        }
    )
    styles = purchase_styles(tx)
    assert styles.loc[1, "orders"] == 2  # two lines on 1 March are one purchase
    assert styles.loc[1, "largest_order"] == 30.0
    assert styles.loc[2, "style"] == "冲动型"  # bought only in the promotion season
    assert styles.loc[1, "style"] == "理性型"
    first_bad = online_retail.index[~(online_retail["amount"] > 0)][0]
    with pytest.raises(DataError, match=f"索引 {int(first_bad)}，值 -"):
        purchase_styles(online_retail.dropna(subset=["customer_id"]).loc[first_bad:])
    with pytest.raises(ParameterError, match="promo_months"):
        purchase_styles(tx, promo_months=[13])
    with pytest.raises(ParameterError, match="impulsive_promo_share"):
        purchase_styles(tx, impulsive_promo_share=0)
    with pytest.raises(DataError, match="'amount'"):
        purchase_styles(tx.drop(columns="amount"))


# ----------------------------------------------------------------------------- readable tables


def test_response_table_in_chinese_agrees_with_a_direct_count(bank):
    from custseg.dimensions import response_table

    table = response_table(bank, by="job")
    assert table.index.name == "职业"
    overall = (bank["y"] == "yes").mean()
    for job, rows in bank.groupby("job"):
        row = table.loc[BANK_LABELS["job"][job]]
        rate = (rows["y"] == "yes").mean()
        assert row["客户数"] == len(rows)
        assert row["响应人数"] == (rows["y"] == "yes").sum()
        assert row["响应率"] == f"{rate:.1%}"
        assert row["客户占比"] == f"{len(rows) / len(bank):.1%}"
        assert row["提升度"] == round(rate / overall, 2)
    rates = [float(r.rstrip("%")) for r in table["响应率"]]
    assert rates == sorted(rates, reverse=True)
    everyone = response_table(bank)
    assert everyone.loc["全部客户", "客户数"] == len(bank)
    assert everyone.loc["全部客户", "响应率"] == f"{overall:.1%}"


def test_response_table_bands_ages_and_names_outcomes(bank):
    from custseg.dimensions import response_table

    by_age = response_table(bank, by="age")
    assert by_age.index.name == "年龄段"
    assert by_age["客户数"].sum() == len(bank)
    assert by_age.loc["65岁及以上", "客户数"] == (bank["age"] >= 65).sum()
    by_outcome = response_table(bank, by="poutcome")
    assert set(by_outcome.index) == {"成功", "失败", "其他", "未联系过或未知"}
    assert by_outcome.index[0] == "成功"
    with pytest.raises(DataError, match="salary"):
        response_table(bank, by="salary")


def test_sales_by_city_tier_on_the_simulated_orders():
    from custseg.datasets import load_cn_orders
    from custseg.dimensions import sales_by

    orders = load_cn_orders()
    table = sales_by(orders, by="city_tier")
    assert table.index.name == "城市级别"
    assert set(table.index) == {"一线", "新一线", "二线", "三线及以下"}
    for tier, rows in orders.groupby("city_tier"):
        row = table.loc[tier]
        assert row["客户数"] == rows["customer_id"].nunique()
        assert row["订单数"] == rows["invoice_id"].nunique()
        assert row["销售额"] == round(rows["amount"].sum())
        assert row["人均销售额"] == round(rows["amount"].sum() / rows["customer_id"].nunique())
        assert row["销售额占比"] == f"{rows['amount'].sum() / orders['amount'].sum():.1%}"
    assert table["销售额"].is_monotonic_decreasing
    bad = orders.head(3).assign(amount=["12", "x", "3"])
    with pytest.raises(DataError, match="'x'"):
        sales_by(bad, by="city_tier")


def test_mix_table_rows_add_up_and_match_a_crosstab():
    from custseg.datasets import load_cn_customers
    from custseg.dimensions import mix_table

    customers = load_cn_customers()
    table = mix_table(customers, by="city_tier", column="channel")
    assert table.index.tolist() == ["一线", "新一线", "二线", "三线及以下", "全部"]
    assert table.loc["全部", "客户数"] == len(customers)
    first_tier = customers[customers["city_tier"] == "一线"]["channel"].value_counts(normalize=True)
    for channel, share in first_tier.items():
        assert table.loc["一线", channel] == f"{share:.1%}"
    for _, row in table.drop(columns="客户数").iterrows():
        assert abs(sum(float(v.rstrip("%")) for v in row) - 100) < 0.2


def test_survey_segments_pick_the_one_standout_answer():
    from custseg.datasets import load_cn_customers
    from custseg.dimensions import SURVEY_ITEMS, add_survey_segments, survey_profile

    customers = load_cn_customers()
    segmented = add_survey_segments(customers)
    answers = customers[list(SURVEY_ITEMS)]
    for index in customers.index[:300]:
        row = answers.loc[index]
        top = row.max()
        standout = (row == top).sum() == 1 and top >= 4
        expected = f"{SURVEY_ITEMS[row.idxmax()]}型" if standout else "均衡型"
        assert segmented.loc[index, "心理分群"] == expected
    profile = survey_profile(segmented, by="心理分群")
    for item in SURVEY_ITEMS.values():  # each segment stands out on its own statement
        assert profile.loc[f"{item}型", item] == profile.drop(index="全部客户")[item].max()
        mean = customers[[k for k, v in SURVEY_ITEMS.items() if v == item][0]].mean()
        assert profile.loc["全部客户", item] == round(mean, 1)
    assert profile.loc["全部客户", "客户数"] == len(customers)


def test_survey_answers_out_of_range_are_named():
    from custseg.dimensions import survey_profile

    answers = pd.DataFrame(
        {
            "price_sensitivity": [3, 7],
            "health_focus": [1, 2],
            "brand_loyalty": [1, 2],
            "novelty_seeking": [1, 2],
            "convenience": [1, 2],
        }
    )
    with pytest.raises(DataError, match="price_sensitivity.*7"):
        survey_profile(answers)


def test_purchase_style_table_summarises_the_styles():
    from custseg.datasets import load_cn_orders
    from custseg.dimensions import purchase_style_table

    orders = load_cn_orders()
    styles = purchase_styles(orders)
    table = purchase_style_table(orders)
    assert table.index.tolist() == list(PURCHASE_STYLES)
    assert table["客户数"].sum() == orders["customer_id"].nunique()
    loyal = styles[styles["style"] == "忠诚型"]
    assert table.loc["忠诚型", "平均订单数"] == round(loyal["orders"].mean(), 1)
    assert table.loc["忠诚型", "人均消费"] == round(loyal["total"].mean())
    assert (
        table.loc["忠诚型", "销售额占比"] == f"{loyal['total'].sum() / styles['total'].sum():.1%}"
    )


def test_labeled_rows_read_in_chinese(bank):
    from custseg.dimensions import labeled_rows

    shown = labeled_rows(bank, rows=4)
    assert len(shown) == 4
    assert {"年龄", "职业", "是否认购", "上次活动结果"} <= set(shown.columns)
    assert set(shown["是否认购"]) <= {"认购", "未认购"}


def test_segment_response_reads_bank_marketing_by_readable_segments(bank):
    from custseg.dimensions import overall_rate, response_sentence, segment_response

    before = bank.copy()
    table = segment_response(bank, "education")
    assert table.index.name == "学历"
    hit = bank["y"] == "yes"
    counted = duckdb.sql(
        "SELECT education, count(*) AS n, sum(CASE WHEN y = 'yes' THEN 1 ELSE 0 END) AS r "
        "FROM bank GROUP BY education"
    ).df()
    for _, row in counted.iterrows():
        label = BANK_LABELS["education"][row["education"]]
        assert table.loc[label, "customers"] == row["n"]
        assert table.loc[label, "responses"] == row["r"]
    assert table["response_rate"].is_monotonic_decreasing
    assert overall_rate(table) == pytest.approx(hit.mean())
    by_age = segment_response(bank, "age")
    assert by_age.loc["65岁及以上", "customers"] == (bank["age"] >= 65).sum()
    assert overall_rate(by_age) == pytest.approx(hit.mean())
    # the overall rate weighs segments by their customers, not the mean of their rates
    assert overall_rate(by_age) != pytest.approx(by_age["response_rate"].mean())
    everyone = segment_response(bank)
    assert everyone.index.tolist() == [OVERALL] and everyone["customers"].iloc[0] == len(bank)
    pd.testing.assert_frame_equal(bank, before)

    sentence = response_sentence(table, "学历")
    best = hit.groupby(bank["education"]).mean()
    high, low = best.max(), best.min()
    assert sentence.startswith(f"按<b>学历</b>分成 {bank['education'].nunique()} 群")
    assert f"最高的是 <b>{BANK_LABELS['education'][best.idxmax()]}</b>（{high:.1%}）" in sentence
    assert f"最低的是 <b>{BANK_LABELS['education'][best.idxmin()]}</b>（{low:.1%}）" in sentence
    assert sentence.endswith(f"相差 {(high - low) * 100:.1f} 个百分点。")
    # the same words whatever the order of the rows
    assert response_sentence(table.iloc[::-1], "学历") == sentence
    with pytest.raises(DataError, match="salary"):
        segment_response(bank, "salary")
    with pytest.raises(DataError, match="空"):
        response_sentence(table.head(0), "学历")


def test_one_survey_statement_ranked_across_groups():
    from custseg.datasets import load_cn_customers
    from custseg.dimensions import survey_item_ranking, survey_item_sentence, survey_profile

    customers = load_cn_customers()
    profile = survey_profile(customers, by="channel")
    groups, everyone = survey_item_ranking(profile, "注重健康")
    means = customers.groupby("channel")["health_focus"].mean().round(1)
    assert groups.to_dict() == means.to_dict()
    assert groups.is_monotonic_decreasing
    assert everyone == round(customers["health_focus"].mean(), 1)
    sentence = survey_item_sentence(profile, "注重健康", "渠道")
    top, bottom = groups.index[0], groups.index[-1]
    assert sentence == (
        f"按<b>渠道</b>分组，“注重健康”平均分最高的是 <b>{top}</b>（{groups.iloc[0]:.1f}），"
        f"最低的是 <b>{bottom}</b>（{groups.iloc[-1]:.1f}）；全部客户 {everyone:.1f}。"
    )
    with pytest.raises(DataError, match="爱喝咖啡"):
        survey_item_ranking(profile, "爱喝咖啡")
    with pytest.raises(DataError, match="分组"):
        survey_item_ranking(survey_profile(customers), "注重健康")


RETAIL_NAMES = {
    "customer_id": "CustomerID",
    "invoice_id": "InvoiceNo",
    "invoice_date": "InvoiceDate",
    "amount": "Sales",
}
RETAIL_KEYWORDS = {
    "customer_col": "CustomerID",
    "invoice_col": "InvoiceNo",
    "date_col": "InvoiceDate",
    "amount_col": "Sales",
}


def test_renamed_columns_give_the_same_styles_countries_and_sales(online_retail_clean):
    from custseg.dimensions import purchase_style_table, sales_by

    renamed = online_retail_clean.rename(columns=RETAIL_NAMES)
    before = renamed.copy()
    pd.testing.assert_frame_equal(
        purchase_styles(renamed, **RETAIL_KEYWORDS), purchase_styles(online_retail_clean)
    )
    pd.testing.assert_frame_equal(
        purchase_style_table(renamed, loyal_min_orders=3, **RETAIL_KEYWORDS),
        purchase_style_table(online_retail_clean, loyal_min_orders=3),
    )
    pd.testing.assert_series_equal(
        customer_countries(renamed, customer_col="CustomerID"),
        customer_countries(online_retail_clean),
    )
    pd.testing.assert_frame_equal(
        sales_by(renamed, by="country", **RETAIL_KEYWORDS),
        sales_by(online_retail_clean, by="country"),
    )
    pd.testing.assert_frame_equal(renamed, before)  # input untouched
    # the invoice column was read: without it orders are counted per day
    by_day = purchase_styles(
        renamed.drop(columns="InvoiceNo"), **{**RETAIL_KEYWORDS, "invoice_col": "invoice_id"}
    )
    assert not by_day["orders"].equals(purchase_styles(renamed, **RETAIL_KEYWORDS)["orders"])


def test_a_missing_renamed_column_is_named_by_its_given_name(online_retail_clean):
    from custseg.dimensions import sales_by

    renamed = online_retail_clean.head(500).rename(columns=RETAIL_NAMES)
    with pytest.raises(DataError, match="'下单时间'"):
        purchase_styles(renamed, **{**RETAIL_KEYWORDS, "date_col": "下单时间"})
    with pytest.raises(DataError, match="'会员号'"):
        customer_countries(renamed, customer_col="会员号")
    with pytest.raises(DataError, match="'实付'"):
        sales_by(renamed, by="country", **{**RETAIL_KEYWORDS, "amount_col": "实付"})
    bad = renamed.assign(Sales=renamed["Sales"].astype(object))
    bad.loc[bad.index[3], "Sales"] = "x"
    with pytest.raises(DataError, match="'x'"):
        sales_by(bad, by="country", **RETAIL_KEYWORDS)


def test_the_old_data_keyword_of_the_tables_still_works_and_warns():
    from custseg.datasets import load_cn_orders
    from custseg.dimensions import purchase_style_table, sales_by

    orders = load_cn_orders()
    with pytest.deprecated_call(match="data= 已改名为 transactions="):
        old = sales_by(data=orders, by="channel")
    pd.testing.assert_frame_equal(old, sales_by(orders, by="channel"))
    with pytest.deprecated_call(match="data= 已改名为 transactions="):
        old = purchase_style_table(data=orders)
    pd.testing.assert_frame_equal(old, purchase_style_table(orders))


def test_segment_labels_is_the_function_and_its_module_is_labels(bank):
    import importlib
    import sys

    import custseg.dimensions
    import custseg.dimensions.segment_labels  # the old module path  # noqa: F401
    from custseg.dimensions import labels, segment_labels

    assert custseg.dimensions.segment_labels is segment_labels is labels.segment_labels
    jobs = segment_labels(bank.head(200), "job")
    assert jobs.name == "职业" and jobs.notna().all()
    old_module = sys.modules["custseg.dimensions.segment_labels"]
    assert importlib.import_module("custseg.dimensions.segment_labels") is old_module
    with pytest.deprecated_call(match="custseg.dimensions.labels.labeled_rows"):
        from custseg.dimensions.segment_labels import labeled_rows
    assert labeled_rows is labels.labeled_rows
    assert custseg.dimensions.segment_labels is segment_labels  # still the function
