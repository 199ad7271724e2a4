"""custseg.segments: the cn8 and classic RFM segment rule tables, checked on Online Retail."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.exceptions import NotFittedError

from custseg.errors import DataError
from custseg.rfm import RFMScorer, rfm_table
from custseg.segments import RFMSegmenter, apply_rules, rule_table, segment_customers


@pytest.fixture(scope="module")
def scored(online_retail_clean):
    return RFMScorer().fit_transform(rfm_table(online_retail_clean))


# (R high, F high, M high) -> name, written out independently of the rule table.
CN8_BY_FLAGS = {
    (1, 1, 1): "重要价值客户",
    (1, 0, 1): "重要发展客户",
    (0, 1, 1): "重要保持客户",
    (0, 0, 1): "重要挽留客户",
    (1, 1, 0): "一般价值客户",
    (1, 0, 0): "一般发展客户",
    (0, 1, 0): "一般保持客户",
    (0, 0, 0): "一般挽留客户",
}


def test_cn8_matches_an_independent_mean_split(scored):
    got = segment_customers(scored, scheme="cn8")
    r_high = (scored["recency"].to_numpy() < scored["recency"].to_numpy().mean()).astype(int)
    f_high = (scored["frequency"].to_numpy() > scored["frequency"].to_numpy().mean()).astype(int)
    m_high = (scored["monetary"].to_numpy() > scored["monetary"].to_numpy().mean()).astype(int)
    expected = [CN8_BY_FLAGS[key] for key in zip(r_high, f_high, m_high, strict=True)]
    assert got["segment"].tolist() == expected
    assert got["segment"].nunique() == 8


# The classic grid, one row per R score (5 at the top), one column per F score 1..5.
CLASSIC_GRID = {
    5: ["New", "Potential Loyalist", "Potential Loyalist", "Champions", "Champions"],
    4: ["Promising", "Potential Loyalist", "Potential Loyalist", "Loyal", "Loyal"],
    3: ["About to Sleep", "About to Sleep", "Need Attention", "Loyal", "Loyal"],
    2: ["Hibernating", "Hibernating", "At Risk", "At Risk", "Can't Lose Them"],
    1: ["Lost", "Lost", "At Risk", "At Risk", "Can't Lose Them"],
}


def test_classic_matches_the_r_by_f_grid(scored):
    got = segment_customers(scored, scheme="classic")
    expected = [
        CLASSIC_GRID[r][f - 1] for r, f in zip(scored["r_score"], scored["f_score"], strict=True)
    ]
    assert got["segment_en"].tolist() == expected
    assert got["segment_en"].nunique() == 11


@pytest.mark.parametrize("scheme", ["cn8", "classic"])
def test_every_customer_gets_one_segment_with_a_chinese_name_and_action(scored, scheme):
    got = segment_customers(scored, scheme=scheme)
    table = rule_table(scheme)
    assert got.index.equals(scored.index)
    assert got[["segment", "segment_en", "action"]].notna().all().all()
    assert set(got["segment"]) <= set(table["segment"])
    names = dict(zip(table["segment"], table["segment_en"], strict=True))
    assert (got["segment_en"] == got["segment"].map(names)).all()
    for text in [*table["segment"], *table["action"]]:
        assert any("\u4e00" <= ch <= "\u9fff" for ch in text)
    assert table["segment"].is_unique


def test_rule_tables_are_fresh_copies():
    table = rule_table("cn8")
    table.loc[0, "segment"] = "改掉"
    assert rule_table("cn8").loc[0, "segment"] == "重要价值客户"


def test_a_user_rule_table_works(scored):
    rules = pd.DataFrame(
        {
            "segment": ["高消费", "中消费", "低消费"],
            "segment_en": ["High", "Middle", "Low"],
            "rule": ["m_score >= 4", "m_score == 3", "m_score <= 2"],
            "action": ["专属服务", "推荐新品", "发放优惠券"],
        }
    )
    got = RFMSegmenter(scheme=rules).fit_transform(scored)
    expected = np.select(
        [scored["m_score"] >= 4, scored["m_score"] == 3], ["高消费", "中消费"], "低消费"
    )
    assert got["segment"].tolist() == expected.tolist()


def test_rules_leaving_customers_out_name_one_of_them(scored):
    rules = rule_table("classic").iloc[1:]  # drop Champions
    champion = scored.index[(scored["r_score"] == 5) & (scored["f_score"] >= 4)][0]
    with pytest.raises(DataError, match="match no rule") as info:
        segment_customers(scored, scheme=rules)
    assert f"(customer) {champion}:" in str(info.value)


def test_overlapping_rules_name_the_customer_and_both_rules(scored):
    rules = rule_table("classic")
    rules.loc[1, "rule"] = "r_score >= 3 and f_score >= 4"  # Loyal now also covers R = 5
    champion = scored.index[(scored["r_score"] == 5) & (scored["f_score"] >= 4)][0]
    with pytest.raises(DataError, match="match several rules") as info:
        segment_customers(scored, scheme=rules)
    message = str(info.value)
    assert f"(customer) {champion} " in message
    assert "冠军客户" in message and "忠诚客户" in message


def test_broken_rules_are_named(scored):
    rules = rule_table("cn8")
    rules.loc[2, "rule"] = "r_high and no_such_column"
    with pytest.raises(DataError, match="重要保持客户"):
        segment_customers(scored, scheme=rules)
    rules.loc[2, "rule"] = "monetary * 2"
    with pytest.raises(DataError, match="true/false"):
        segment_customers(scored, scheme=rules)
    with pytest.raises(DataError, match="'action'"):
        segment_customers(scored, scheme=rule_table("cn8").drop(columns="action"))


def test_classic_needs_the_scores(scored):
    with pytest.raises(DataError, match="'r_score'"):
        segment_customers(scored[["recency", "frequency", "monetary"]], scheme="classic")


def test_unknown_scheme_and_unfitted_segmenter(scored):
    segmenter = RFMSegmenter(scheme="abc")  # stored, not checked yet
    with pytest.raises(ValueError, match="'abc'"):
        segmenter.fit(scored)
    with pytest.raises(NotFittedError):
        RFMSegmenter().transform(scored)


def test_means_are_learned_in_fit_and_input_is_kept(scored):
    before = scored.copy()
    segmenter = RFMSegmenter().fit(scored)
    np.testing.assert_allclose(
        segmenter.means_.to_numpy(), scored[["recency", "frequency", "monetary"]].mean().to_numpy()
    )
    subset = scored.iloc[:50]
    full = segmenter.transform(scored)
    assert segmenter.transform(subset)["segment"].tolist() == full["segment"].iloc[:50].tolist()
    pd.testing.assert_frame_equal(scored, before)


def test_apply_rules_with_variables():
    frame = pd.DataFrame({"x": [1, 5, 9]}, index=["a", "b", "c"])
    rules = pd.DataFrame(
        {
            "stage": ["小", "大"],
            "stage_en": ["small", "big"],
            "rule": ["x < limit", "x >= limit"],
            "action": ["甲", "乙"],
        }
    )
    got = apply_rules(frame, rules, label="stage", variables={"limit": 5})
    assert got["stage"].tolist() == ["小", "大", "大"]
    assert got.columns.tolist() == ["stage", "stage_en", "action"]


def test_user_cutoffs_replace_the_means(online_retail_clean):
    from custseg.rfm import rfm_table
    from custseg.segments import RFMSegmenter

    rfm = rfm_table(online_retail_clean)
    segmenter = RFMSegmenter(cutoffs={"recency": 30, "monetary": 5000}).fit(rfm)
    assert segmenter.cutoffs_["frequency"] == pytest.approx(rfm["frequency"].mean())
    out = segmenter.transform(rfm)
    vip = (
        (rfm["recency"] < 30)
        & (rfm["frequency"] > rfm["frequency"].mean())
        & (rfm["monetary"] > 5000)
    )
    assert (out["segment"] == "重要价值客户").sum() == vip.sum()
    with pytest.raises(ValueError, match="spend"):
        RFMSegmenter(cutoffs={"spend": 1}).fit(rfm)


def test_segment_migration_counts_every_customer_once(online_retail_clean):
    from custseg.rfm import rfm_table
    from custseg.segments import segment_customers, segment_migration

    table = segment_migration(online_retail_clean, "2011-06-01", "2011-12-01")
    at_end = rfm_table(online_retail_clean, as_of="2011-12-01")
    assert table.to_numpy().sum() == len(at_end)
    new = at_end.index.difference(rfm_table(online_retail_clean, as_of="2011-06-01").index)
    assert table.loc["（新客户）"].sum() == len(new)
    expected_end = segment_customers(at_end)["segment"].value_counts()
    pd.testing.assert_series_equal(
        table.sum(axis=0).sort_index(), expected_end.sort_index(), check_names=False
    )
    with pytest.raises(ValueError, match="start"):
        segment_migration(online_retail_clean, "2011-12-01", "2011-06-01")


def test_segment_migration_reads_the_named_columns(online_retail_clean):
    from custseg.segments import segment_migration

    renames = {
        "customer_id": "CustomerID",
        "invoice_date": "InvoiceDate",
        "amount": "Sales",
        "invoice_id": "InvoiceNo",
    }
    keywords = {
        "customer_col": "CustomerID",
        "date_col": "InvoiceDate",
        "amount_col": "Sales",
        "invoice_col": "InvoiceNo",
    }
    renamed = online_retail_clean.rename(columns=renames)
    before = renamed.copy()
    for scheme in ("cn8", "classic"):
        pd.testing.assert_frame_equal(
            segment_migration(renamed, "2011-06-01", "2011-12-01", scheme=scheme, **keywords),
            segment_migration(online_retail_clean, "2011-06-01", "2011-12-01", scheme=scheme),
        )
    pd.testing.assert_frame_equal(renamed, before)
    with pytest.raises(DataError, match="'CustomerNo'"):
        segment_migration(
            renamed, "2011-06-01", "2011-12-01", **{**keywords, "customer_col": "CustomerNo"}
        )


def test_segment_profile_counts_every_customer_once_with_their_means(online_retail_clean):
    from custseg.segments import segment_profile

    segmented = segment_customers(rfm_table(online_retail_clean))
    profile = segment_profile(segmented)
    assert profile["客户数"].sum() == len(segmented)
    assert list(profile.index) == [n for n in rule_table("cn8")["segment"] if n in profile.index]
    vip = segmented[segmented["segment"] == "重要价值客户"]
    assert profile.loc["重要价值客户", "客户数"] == len(vip)
    assert profile.loc["重要价值客户", "平均消费金额"] == round(vip["monetary"].mean())
    assert profile.loc["重要价值客户", "客户占比"] == f"{len(vip) / len(segmented):.1%}"


def test_scheme_table_reads_the_cn8_rules_back_as_near_far_high_low():
    from custseg.segments import scheme_table

    table = scheme_table("cn8")
    for (r, f, m), name in CN8_BY_FLAGS.items():
        row = table.loc[name]
        assert (row["R 最近购买"], row["F 购买次数"], row["M 消费金额"]) == (
            "近" if r else "远",
            "多" if f else "少",
            "高" if m else "低",
        )
    assert len(scheme_table("classic")) == 11


def _imported_modules(module) -> set[str]:
    """Every custseg module ``module`` imports, at the top or inside a function."""
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(module))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return {name for name in names if name.startswith("custseg")}


def test_rfm_and_segments_import_in_one_direction():
    import custseg.rfm
    import custseg.segment_rules
    import custseg.segments

    assert "custseg.segments" not in _imported_modules(custseg.rfm)
    assert not {"custseg.rfm", "custseg.segments"} & _imported_modules(custseg.segment_rules)
    assert "custseg.rfm" in _imported_modules(custseg.segments)
    # every name stays importable where it was
    assert custseg.rfm.RFMSegmenter is custseg.segments.RFMSegmenter
    assert custseg.rfm.segment_customers is custseg.segments.segment_customers
    assert custseg.rfm.rule_table is custseg.segments.rule_table


def test_segment_sizes_count_every_customer_in_the_scheme_order(online_retail_clean):
    from custseg.segments import segment_sentence, segment_sizes

    segments = segment_customers(rfm_table(online_retail_clean))["segment"]
    sizes = segment_sizes(segments)
    assert sizes.index.tolist() == rule_table("cn8")["segment"].tolist()
    assert int(sizes.sum()) == len(segments)
    for name, count in sizes.items():
        assert count == int((segments == name).sum())
    sentence = segment_sentence(segments)
    largest = sizes.idxmax()
    assert sentence.startswith(f"{largest} {sizes.max()} 人，")
    assert sentence.count("人") == int((sizes > 0).sum())


def test_segment_sizes_refuse_a_name_outside_the_scheme():
    from custseg.segments import segment_sizes

    with pytest.raises(DataError, match="Champions"):
        segment_sizes(pd.Series(["重要价值客户", "Champions"]))


def test_cutoff_limits_cover_the_default_cutoffs_on_real_data(online_retail_clean):
    from custseg.segments import cutoff_limits, default_cutoffs

    rfm = rfm_table(online_retail_clean)
    limits = cutoff_limits(rfm)
    assert limits["recency"] == rfm["recency"].max()
    share_below = (rfm["frequency"] <= limits["frequency"]).mean()
    assert 0.99 <= share_below < 1
    assert (rfm["monetary"] > limits["monetary"]).mean() <= 0.011
    start = default_cutoffs(rfm)
    assert all(start[key] <= limits[key] for key in start)


def test_analysis_days_are_month_starts_after_two_months_of_history(online_retail_clean):
    from custseg.segments import analysis_days

    days = analysis_days(online_retail_clean)
    dates = online_retail_clean["invoice_date"]
    assert all(day.day == 1 for day in days)
    assert days[0] == (dates.min().to_period("M") + 2).to_timestamp()
    assert days[-1] > dates.max() >= days[-2]
    assert len(days) == len(set(days)) == (days[-1].to_period("M") - days[0].to_period("M")).n + 1


def test_analysis_days_read_the_callers_date_column(online_retail_clean):
    from custseg.segments import analysis_days

    renamed = online_retail_clean.rename(columns={"invoice_date": "InvoiceDate"})
    assert analysis_days(renamed, date_col="InvoiceDate") == analysis_days(online_retail_clean)
    with pytest.raises(DataError, match="'下单时间'"):
        analysis_days(renamed, date_col="下单时间")


def test_analysis_days_take_every_column_keyword(online_retail_clean):
    from custseg.segments import analysis_days

    names = {
        "customer_id": "CustomerID",
        "invoice_date": "InvoiceDate",
        "amount": "Sales",
        "invoice_id": "InvoiceNo",
    }
    keywords = {
        f"{key}_col": value
        for key, value in zip(
            ("customer", "date", "amount", "invoice"), names.values(), strict=True
        )
    }
    renamed = online_retail_clean.rename(columns=names)
    assert analysis_days(renamed, **keywords) == analysis_days(online_retail_clean)
    with pytest.raises(DataError, match="'单号'"):
        analysis_days(renamed, **{**keywords, "invoice_col": "单号"})


@pytest.mark.parametrize("start", ["2011-13-45", "不是日期", None, [2011, 6]])
def test_a_bad_start_is_a_parameter_error_naming_it(online_retail_clean, start):
    from custseg.errors import ParameterError
    from custseg.segments import segment_migration

    with pytest.raises(ParameterError, match="start"):
        segment_migration(online_retail_clean.head(2000), start, "2011-12-01")
    with pytest.raises(ParameterError, match="end"):
        segment_migration(online_retail_clean.head(2000), "2011-06-01", start)
