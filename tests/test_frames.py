"""custseg.frames: one narwhals entry point for pandas, polars and DuckDB input."""

from __future__ import annotations

import duckdb
import narwhals as nw
import pandas as pd
import polars as pl
import pytest

from custseg.errors import DataError
from custseg.frames import (
    DUCKDB_MIN_ROWS,
    as_lazy,
    as_narwhals,
    column_names,
    datetime_literal,
    require_frame_columns,
    to_pandas,
)

COLUMNS = ["customer_id", "invoice_id", "invoice_date", "amount"]


@pytest.fixture(scope="module")
def small(online_retail_clean):
    """The first 20,000 cleaned Online Retail lines, plain numpy dtypes."""
    frame = online_retail_clean[COLUMNS].head(20_000).copy()
    frame["customer_id"] = frame["customer_id"].astype("int64")
    frame["invoice_id"] = frame["invoice_id"].astype(object)
    return frame


@pytest.fixture(scope="module")
def natives(small):
    connection = duckdb.connect()
    return {
        "pandas": small,
        "polars": pl.from_pandas(small),
        "polars_lazy": pl.from_pandas(small).lazy(),
        "duckdb": connection.from_df(small),
    }


@pytest.mark.parametrize(
    ("name", "kind", "implementation"),
    [
        ("pandas", nw.DataFrame, "pandas"),
        ("polars", nw.DataFrame, "polars"),
        ("polars_lazy", nw.LazyFrame, "polars"),
        ("duckdb", nw.LazyFrame, "duckdb"),
    ],
)
def test_as_narwhals_keeps_eager_or_lazy_and_the_backend(natives, name, kind, implementation):
    frame = as_narwhals(natives[name])
    assert isinstance(frame, kind)
    assert str(frame.implementation) == implementation
    assert as_narwhals(frame) is frame
    assert isinstance(as_lazy(natives[name]), nw.LazyFrame)


@pytest.mark.parametrize("name", ["pandas", "polars", "polars_lazy", "duckdb"])
def test_a_narwhals_query_gives_the_pandas_groupby_result_on_every_backend(natives, small, name):
    query = (
        as_lazy(natives[name])
        .group_by("customer_id")
        .agg(nw.col("amount").sum(), nw.col("invoice_id").n_unique().alias("invoices"))
        .sort("customer_id")
    )
    got = to_pandas(query).set_index("customer_id")
    grouped = small.groupby("customer_id")
    assert got.index.tolist() == sorted(small["customer_id"].unique())
    assert got["amount"].to_numpy() == pytest.approx(grouped["amount"].sum().to_numpy())
    assert got["invoices"].tolist() == grouped["invoice_id"].nunique().tolist()


@pytest.mark.parametrize("name", ["pandas", "polars", "polars_lazy", "duckdb"])
def test_to_pandas_round_trips_the_data(natives, small, name):
    back = to_pandas(natives[name])
    assert isinstance(back, pd.DataFrame)
    assert back.columns.tolist() == COLUMNS
    assert len(back) == len(small)
    assert back["amount"].sum() == pytest.approx(small["amount"].sum())
    assert column_names(natives[name]) == COLUMNS


def test_to_pandas_never_hands_back_the_callers_frame(small):
    before = small.columns.tolist()
    back = to_pandas(small)
    back["extra"] = 1
    assert back is not small
    assert small.columns.tolist() == before


def test_require_frame_columns_names_the_missing_column_for_lazy_input(natives):
    require_frame_columns(natives["duckdb"], COLUMNS)
    with pytest.raises(DataError, match="'quantity'") as info:
        require_frame_columns(natives["polars_lazy"], ["customer_id", "quantity"], what="交易表")
    assert "交易表" in str(info.value)
    assert "'customer_id'" not in str(info.value).split("现有的列")[0]


@pytest.mark.parametrize("bad", [[1, 2, 3], {"a": 1}, "customers.csv"])
def test_non_frames_are_refused_naming_their_type(bad):
    with pytest.raises(DataError, match=type(bad).__name__):
        as_narwhals(bad)


@pytest.fixture(scope="module")
def large(small):
    """The small frame repeated to just over the size from which DuckDB is used."""
    return pd.concat([small] * (DUCKDB_MIN_ROWS // len(small) + 1), ignore_index=True)


def test_engine_auto_hands_large_numpy_frames_to_duckdb_with_the_same_result(large):
    auto = as_lazy(large, engine="auto")
    assert str(auto.implementation) == "duckdb"
    assert str(as_lazy(large).implementation) == "pandas"
    query = [nw.col("amount").sum(), nw.col("invoice_id").n_unique().alias("invoices")]
    got = to_pandas(auto.group_by("customer_id").agg(*query).sort("customer_id"))
    native = to_pandas(as_lazy(large).group_by("customer_id").agg(*query).sort("customer_id"))
    pd.testing.assert_frame_equal(got, native, check_dtype=False)


def test_engine_auto_keeps_small_frames_and_text_columns_in_pandas(small, online_retail_clean):
    assert len(small) < DUCKDB_MIN_ROWS
    assert str(as_lazy(small, engine="auto").implementation) == "pandas"
    assert len(online_retail_clean) >= DUCKDB_MIN_ROWS  # pandas string columns: slow in DuckDB
    assert online_retail_clean["invoice_id"].dtype == "string"
    assert str(as_lazy(online_retail_clean, engine="auto").implementation) == "pandas"


def test_engine_auto_keeps_time_zone_aware_frames_in_pandas(large):
    aware = large.assign(invoice_date=large["invoice_date"].dt.tz_localize("Asia/Shanghai"))
    assert str(as_lazy(aware, engine="auto").implementation) == "pandas"
    polars_lazy = pl.from_pandas(large).lazy()
    assert str(as_lazy(polars_lazy, engine="auto").implementation) == "polars"
    with pytest.raises(ValueError, match="engine"):
        as_lazy(large, engine="spark")


@pytest.mark.parametrize("name", ["pandas", "polars_lazy", "duckdb"])
@pytest.mark.parametrize("zone", [None, "Asia/Shanghai"])
def test_datetime_literal_is_a_wall_clock_time_in_the_column_zone(small, name, zone):
    frame = small
    if zone is not None:
        frame = small.assign(invoice_date=small["invoice_date"].dt.tz_localize(zone))
    if name == "polars_lazy":
        frame = pl.from_pandas(frame).lazy()
    elif name == "duckdb":
        connection = duckdb.connect()
        # DuckDB shows time-zone-aware times in the connection's time zone
        connection.execute(f"SET TimeZone = '{zone or 'UTC'}'")
        frame = connection.from_df(frame)
    lazy = as_lazy(frame)
    cut = "2010-12-08 12:00"
    before = lazy.filter(nw.col("invoice_date") < datetime_literal(cut, lazy, "invoice_date"))
    expected = int((small["invoice_date"] < pd.Timestamp(cut)).sum())
    assert 0 < expected < len(small)
    assert len(to_pandas(before)) == expected
