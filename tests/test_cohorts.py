"""Acquisition cohorts on the cleaned Online Retail data, checked against DuckDB SQL and pandas."""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import polars as pl
import pytest

from custseg.cohorts import cohort_table, retention_matrix, retention_table
from custseg.errors import DataError, ParameterError


@pytest.fixture(scope="module")
def transactions(online_retail_clean):
    """The cleaned lines with the three columns cohorts need."""
    return online_retail_clean[["customer_id", "invoice_date", "amount"]].copy()


def _sql_cohorts(tx: pd.DataFrame, unit: str, measure: str) -> pd.DataFrame:
    """(cohort start, periods since, value) rows, computed by DuckDB from scratch."""
    con = duckdb.connect()
    con.register("tx", tx)
    return con.sql(
        f"""
        with lines as (
            select customer_id, amount, date_trunc('{unit}', invoice_date) as start from tx
        ), firsts as (
            select customer_id, min(start) as cohort from lines group by customer_id
        )
        select cast(f.cohort as date) as cohort, date_diff('{unit}', f.cohort, l.start) as k,
               {measure} as value
        from lines l join firsts f using (customer_id)
        group by all
        """
    ).df()


def _assert_matches(table: pd.DataFrame, sql: pd.DataFrame, freq: str) -> None:
    """Every SQL cell equals the table's cell; every other reached cell is 0."""
    cohorts = pd.PeriodIndex(pd.to_datetime(sql["cohort"]), freq=freq)
    got = np.array([table.loc[c, k] for c, k in zip(cohorts, sql["k"].astype(int), strict=True)])
    np.testing.assert_allclose(got, sql["value"].to_numpy(dtype=float), rtol=1e-9)
    reached = table.notna().to_numpy()
    assert np.count_nonzero(table.fillna(0).to_numpy()) == len(sql)
    # A cohort reaches every period up to the last one in the data, and no further.
    last = (cohorts + sql["k"].astype(int).to_numpy()).max()
    expected_reached = [(last - c).n + 1 for c in table.index]
    assert reached.sum(axis=1).tolist() == expected_reached
    assert all(reached[i, :n].all() for i, n in enumerate(expected_reached))


def test_customer_cohorts_match_duckdb_sql(transactions):
    table = cohort_table(transactions)
    sql = _sql_cohorts(transactions, "month", "count(distinct customer_id)")
    _assert_matches(table, sql, "M")
    assert table.index.name == "cohort"
    assert table.columns.name == "periods_since_first"
    assert table.columns.tolist() == list(range(13))  # Dec 2010 .. Dec 2011
    assert table[0].sum() == transactions["customer_id"].nunique() == 4338


def test_revenue_cohorts_match_pandas_period_ordinals(transactions):
    table = cohort_table(transactions, value="amount")
    month = transactions["invoice_date"].dt.to_period("M").astype("int64")  # months since 1970
    first = month.groupby(transactions["customer_id"]).transform("min")
    expected = transactions["amount"].groupby([first, month - first]).sum()
    start = pd.Period("1970-01", freq="M")
    for (cohort, k), value in expected.items():
        assert table.loc[start + int(cohort), int(k)] == pytest.approx(value, rel=1e-9)
    assert np.nansum(table.to_numpy()) == pytest.approx(transactions["amount"].sum(), rel=1e-9)


def test_quarterly_cohorts_match_duckdb_sql(transactions):
    table = cohort_table(transactions, period="Q")
    _assert_matches(
        table, _sql_cohorts(transactions, "quarter", "count(distinct customer_id)"), "Q"
    )
    assert str(table.index[0]) == "2010Q4"


def test_pandas_polars_and_duckdb_give_identical_tables(transactions):
    expected = cohort_table(transactions)
    polars_frame = pl.from_pandas(transactions)
    relation = duckdb.connect().from_df(transactions)
    pd.testing.assert_frame_equal(cohort_table(polars_frame), expected)
    pd.testing.assert_frame_equal(cohort_table(polars_frame.lazy()), expected)
    pd.testing.assert_frame_equal(cohort_table(relation), expected)
    pd.testing.assert_frame_equal(
        cohort_table(relation, value="amount"), cohort_table(transactions, value="amount")
    )


def test_retention_is_the_share_of_the_cohort(transactions):
    retention = retention_matrix(transactions)
    firsts = transactions.groupby("customer_id")["invoice_date"].min().dt.to_period("M")
    sizes = firsts.value_counts().sort_index()
    counts = cohort_table(transactions)
    pd.testing.assert_frame_equal(retention, counts.div(sizes.to_numpy(), axis="index"))
    assert (retention[0] == 1.0).all()
    assert np.nanmax(retention.to_numpy()) <= 1.0
    assert np.nanmin(retention.to_numpy()) >= 0.0


def test_retention_accepts_polars_lazy(transactions):
    pd.testing.assert_frame_equal(
        retention_matrix(pl.from_pandas(transactions).lazy()), retention_matrix(transactions)
    )


def test_calendar_months_and_unreached_cells():
    tx = pd.DataFrame(
        {
            "customer_id": ["a", "a", "b", "c"],
            "invoice_date": pd.to_datetime(
                ["2011-01-31 23:00", "2011-02-01 08:00", "2011-01-10 12:00", "2011-03-05 09:30"]
            ),
        }
    )
    table = cohort_table(tx)
    assert table.index.astype(str).tolist() == ["2011-01", "2011-03"]
    assert table.loc["2011-01"].tolist() == [2.0, 1.0, 0.0]
    assert table.loc["2011-03", 0] == 1.0
    assert table.loc["2011-03", [1, 2]].isna().all()


def test_inputs_are_not_modified(transactions):
    before = transactions.copy()
    cohort_table(transactions, value="amount")
    retention_matrix(transactions)
    pd.testing.assert_frame_equal(transactions, before)


def test_missing_column_is_named(transactions):
    with pytest.raises(DataError, match="invoice_date"):
        cohort_table(transactions.drop(columns="invoice_date"))
    with pytest.raises(DataError, match="amount"):
        cohort_table(transactions.drop(columns="amount"), value="amount")


def test_text_dates_are_rejected(transactions):
    head = transactions.head(5).assign(invoice_date=lambda d: d["invoice_date"].astype(str))
    with pytest.raises(DataError, match="invoice_date.*datetime"):
        cohort_table(head)


def test_missing_customer_is_named(transactions):
    head = transactions.head(5).astype({"customer_id": "float64"})
    head.loc[head.index[2], "customer_id"] = np.nan
    with pytest.raises(DataError, match="'customer_id' 有 1 个缺失值"):
        cohort_table(head)


def test_unknown_parameters_are_named(transactions):
    with pytest.raises(ParameterError, match="'W'"):
        cohort_table(transactions, period="W")
    with pytest.raises(ParameterError, match="'orders'"):
        cohort_table(transactions, value="orders")


def test_no_rows_is_an_error(transactions):
    with pytest.raises(DataError, match="no transactions"):
        cohort_table(transactions.head(0))


def test_retention_table_shows_the_matrix_as_percentages(online_retail_clean):
    from custseg.cohorts import retention_table

    matrix = retention_matrix(online_retail_clean)
    table = retention_table(online_retail_clean, periods=3)
    assert list(table.columns) == ["新客户数", "第 1 个月", "第 2 个月", "第 3 个月"]
    assert list(table.index) == [str(p) for p in matrix.index]
    assert table["新客户数"].sum() == online_retail_clean["customer_id"].nunique()
    assert table.iloc[0, 1] == f"{matrix.iloc[0, 1]:.1%}"
    assert table.iloc[-1, 1] == ""  # the last cohort has no month after it
    with pytest.raises(ValueError, match="periods"):
        retention_table(online_retail_clean, periods=0)


def test_column_keywords_give_the_same_tables(transactions):
    names = {"customer_id": "CustomerID", "invoice_date": "InvoiceDate", "amount": "Sales"}
    keywords = {"customer_col": "CustomerID", "date_col": "InvoiceDate", "amount_col": "Sales"}
    renamed = transactions.rename(columns=names)
    before = renamed.copy()
    pd.testing.assert_frame_equal(
        cohort_table(renamed, value="amount", **keywords),
        cohort_table(transactions, value="amount"),
    )
    lazy = pl.from_pandas(renamed[list(names.values())]).lazy()
    pd.testing.assert_frame_equal(
        retention_matrix(lazy, period="Q", **keywords), retention_matrix(transactions, period="Q")
    )
    pd.testing.assert_frame_equal(
        retention_table(renamed, **keywords), retention_table(transactions)
    )
    pd.testing.assert_frame_equal(renamed, before)  # input untouched
    with pytest.raises(DataError, match="'Date'"):
        cohort_table(renamed, customer_col="CustomerID", date_col="Date")


def test_a_type_error_names_the_given_column(transactions):
    renamed = transactions.rename(columns={"customer_id": "CustomerID", "invoice_date": "Day"})
    as_text = renamed.assign(Day=renamed["Day"].astype(str))
    with pytest.raises(DataError, match="'Day'"):
        cohort_table(as_text, customer_col="CustomerID", date_col="Day")
