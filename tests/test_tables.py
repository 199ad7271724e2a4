"""Plain questions asked of real tables: counts, sums, means, shares, top rows, readable output.

Every answer is checked against an independent computation of the same question in DuckDB
on the course's sample data (Online Retail customers and Bank Marketing clients).
"""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from custseg.datasets import load_sample
from custseg.errors import DataError, ParameterError
from custseg.rfm import RFMScorer, rfm_table, segment_customers
from custseg.tables import (
    average,
    average_by,
    count_by,
    count_rows,
    readable,
    share,
    top,
    total,
    total_by,
    value_of,
)
from custseg.transactions import clean_transactions


@pytest.fixture(scope="module")
def clean():
    return clean_transactions(load_sample())[0]


@pytest.fixture(scope="module")
def segmented(clean):
    return segment_customers(RFMScorer().fit_transform(rfm_table(clean)), scheme="cn8")


@pytest.fixture(scope="module")
def bank():
    return load_sample("bank_marketing")


def _sql(query: str, **tables) -> float:
    connection = duckdb.connect()
    for name, frame in tables.items():
        connection.register(name, frame)
    return connection.sql(query).fetchone()[0]


def test_count_rows_with_ranges_and_lists_matches_sql(segmented):
    frame = segmented.reset_index()
    assert count_rows(segmented, recency_at_most=30) == _sql(
        "select count(*) from t where recency <= 30", t=frame
    )
    assert count_rows(segmented, frequency_at_least=3, monetary_below=1000) == _sql(
        "select count(*) from t where frequency >= 3 and monetary < 1000", t=frame
    )
    two = ["重要价值客户", "一般挽留客户"]
    assert count_rows(segmented, segment=two) == _sql(
        "select count(*) from t where segment in ('重要价值客户', '一般挽留客户')", t=frame
    )
    assert count_rows(segmented, segment_not="重要价值客户") == _sql(
        "select count(*) from t where segment <> '重要价值客户'", t=frame
    )
    assert count_rows(segmented) == len(segmented)


def test_chinese_column_labels_and_the_index_work_as_column_names(segmented):
    assert count_rows(segmented, 最近购买距今天数_at_most=30) == count_rows(
        segmented, recency_at_most=30
    )
    first = segmented.index[:5].tolist()
    assert count_rows(segmented, customer_id=first) == 5


def test_average_and_total_match_sql(segmented, clean):
    frame = segmented.reset_index()
    expected = _sql("select avg(monetary) from t where segment = '重要价值客户'", t=frame)
    assert average(segmented, "monetary", segment="重要价值客户") == round(expected, 2)
    november = _sql(
        "select sum(amount) from t where invoice_date >= timestamp '2011-11-01'", t=clean
    )
    assert total(clean, "amount", invoice_date_at_least="2011-11-01") == round(november, 2)
    assert total(clean, "金额") == round(float(clean["amount"].sum()), 2)
    assert total(segmented, "frequency") == int(segmented["frequency"].sum())


def test_share_is_a_fraction_of_rows(bank):
    subscribed = _sql("select avg(case when y = 'yes' then 1 else 0 end) from t", t=bank)
    assert share(bank, y="yes") == round(subscribed, 4)
    assert 0 < share(bank, y="yes") < 1
    assert share(bank, age_at_least=0) == 1.0


def test_top_rows_are_ordered_readable_and_filtered(segmented):
    best = top(segmented, "monetary", n=5)
    assert list(best.columns[:2]) == ["客户编号", "最近购买距今天数"]
    assert best["消费金额"].tolist() == sorted(segmented["monetary"].round(2), reverse=True)[:5]
    assert list(best.index) == [1, 2, 3, 4, 5]
    recent = top(segmented, "recency", n=3, smallest=True, segment="一般挽留客户")
    pool = segmented[segmented["segment"] == "一般挽留客户"]["recency"]
    assert recent["最近购买距今天数"].tolist() == sorted(pool)[:3]
    assert set(recent["客户群"]) == {"一般挽留客户"}
    with pytest.raises(ParameterError, match="正整数"):
        top(segmented, "monetary", n=0)
    with pytest.raises(DataError, match="不是数字"):
        top(segmented, "segment")


def test_value_of_reads_one_cell_by_row_label_or_first_column(segmented):
    customer = segmented.index[7]
    assert (
        value_of(segmented, row=customer, column="monetary") == segmented.loc[customer, "monetary"]
    )
    sizes = readable(segmented["segment"].value_counts().rename("customers"))
    assert value_of(sizes, row="重要价值客户", column="客户数") == int(
        (segmented["segment"] == "重要价值客户").sum()
    )
    with pytest.raises(DataError, match="没有 'nobody' 这一行"):
        value_of(segmented, row="nobody", column="monetary")


def test_a_misspelt_column_is_named_with_the_valid_ones(segmented):
    with pytest.raises(DataError) as info:
        count_rows(segmented, recncy_at_most=30)
    message = str(info.value)
    assert "'recncy'" in message and "是不是想写 'recency'" in message
    assert "monetary（消费金额）" in message and "_at_most" in message
    with pytest.raises(DataError, match="'monetry'.*可用的列"):
        average(segmented, "monetry")


def test_a_value_that_never_occurs_is_an_error_not_a_silent_zero(segmented):
    with pytest.raises(DataError) as info:
        count_rows(segmented, segment="重要价值")
    assert "'重要价值'" in str(info.value) and "重要价值客户" in str(info.value)


def test_wrong_kinds_of_condition_are_explained(segmented):
    with pytest.raises(ParameterError, match="数字不要加引号"):
        count_rows(segmented, recency_at_most="30")
    with pytest.raises(DataError, match="不是数字"):
        count_rows(segmented, segment_at_most=3)
    with pytest.raises(DataError, match="没有符合条件的行"):
        average(segmented, "monetary", recency_below=0)
    with pytest.raises(DataError, match="不是数字，不能求和"):
        total(segmented, "segment")


def test_readable_shows_chinese_headers_rounded_numbers_and_percentages(bank):
    rates = bank.groupby("job").agg(
        customers=("y", "size"), response_rate=("y", lambda s: (s == "yes").mean())
    )
    before = rates.copy()
    shown = readable(rates)
    assert list(shown.columns) == ["职业", "客户数", "响应率"]
    assert list(shown.index) == list(range(1, len(rates) + 1))
    first = rates.iloc[0]
    assert shown.iloc[0]["响应率"] == f"{first['response_rate'] * 100:.1f}%"
    assert shown["响应率"].str.fullmatch(r"\d{1,3}\.\d%").all()
    assert "dtype" not in repr(shown)
    pd.testing.assert_frame_equal(rates, before)  # the input is not changed


def test_readable_rounds_formats_dates_booleans_and_series(clean, segmented):
    shown = readable(clean.head(20))
    assert "订单日期" in shown.columns and "金额" in shown.columns
    assert "名称" not in shown.columns  # plain row numbers are not a column
    assert shown["订单日期"].str.fullmatch(r"\d{4}-\d\d-\d\d( \d\d:\d\d)?").all()
    monetary = readable(segmented[["monetary"]], digits=1)["消费金额"]
    assert (monetary == monetary.round(1)).all()
    flags = readable(pd.DataFrame({"significant": [True, False]}))
    assert flags["是否显著"].tolist() == ["是", "否"]
    series = readable(segmented["segment"].value_counts())
    assert list(series.columns) == ["客户群", "计数"] and "dtype" not in repr(series)
    assert list(readable(pd.Series([1.5, 2.0])).columns) == ["数值"]
    chosen = readable(pd.DataFrame({"x": [0.25]}), percent="x")
    assert chosen["x"].tolist() == ["25.0%"]
    every = readable(pd.DataFrame({"a": [0.5], "b": [0.125]}), percent=True)
    assert every.iloc[0].tolist() == ["50.0%", "12.5%"]


def test_count_by_matches_sql_and_keeps_missing_values(bank):
    shown = count_by(bank, "job")
    expected = duckdb.sql(
        "select job, count(*) as n from bank group by job order by n desc, job"
    ).df()
    assert list(shown.columns) == ["职业", "计数", "占比"]
    assert dict(zip(shown["职业"], shown["计数"], strict=True)) == dict(
        zip(expected["job"], expected["n"], strict=True)
    )
    assert shown["计数"].is_monotonic_decreasing
    assert shown["计数"].sum() == len(bank)
    gaps = pd.DataFrame({"segment": ["甲", None, "甲"]})
    assert count_by(gaps, "segment")["客户群"].tolist() == ["甲", "（缺失）"]


def test_average_by_and_total_by_match_sql(segmented, clean):
    frame = segmented.reset_index()  # noqa: F841 (read by DuckDB)
    expected = duckdb.sql(
        "select segment, count(*) as n, avg(monetary) as m from frame group by segment"
    ).df()
    shown = average_by(segmented, "segment", "monetary")
    assert list(shown.columns) == ["客户群", "计数", "平均消费金额"]
    for _, row in expected.iterrows():
        line = shown[shown["客户群"] == row["segment"]].iloc[0]
        assert line["计数"] == row["n"] and line["平均消费金额"] == round(row["m"], 2)
    assert shown["平均消费金额"].is_monotonic_decreasing
    by_country = total_by(clean, "country", "amount", invoice_date_at_least="2011-01-01")
    uk = _sql(
        "select sum(amount) from t where country = 'United Kingdom' "
        "and invoice_date >= timestamp '2011-01-01'",
        t=clean,
    )
    assert value_of(by_country, row="United Kingdom", column="金额合计") == round(uk, 2)
    with pytest.raises(DataError, match="不是数字"):
        average_by(segmented, "segment", "segment_en")


def test_none_matches_the_empty_cells_instead_of_nothing():
    orders = load_sample()
    assert orders["customer_id"].isna().any()
    empty = _sql("select count(*) from t where customer_id is null", t=orders)
    assert count_rows(orders, customer_id=None) == empty
    assert count_rows(orders, customer_id_not=None) == len(orders) - empty
    walk_in = _sql("select sum(amount) from t where customer_id is null", t=orders)
    assert total(orders, "amount", customer_id=None) == round(walk_in, 2)
    assert total(orders, "amount", customer_id=[None, orders["customer_id"].dropna().iloc[0]]) > (
        round(walk_in, 2)
    )
