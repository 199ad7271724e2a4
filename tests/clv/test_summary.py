"""summary_from_transactions reproduces the published CDNOW summary and an independent DuckDB SQL."""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import polars as pl
import pytest

from custseg.clv import summary_from_transactions
from custseg.errors import DataError, ParameterError

CDNOW_CALIBRATION_END = "1997-09-30"
HALF_CENT = 0.005 + 1e-9


def duckdb_summary(
    transactions: pd.DataFrame,
    calibration_end: str,
    observation_end: str | None = None,
    days_per_unit: float = 1.0,
) -> pd.DataFrame:
    """The BTYD summary written independently in SQL: purchase days, then per customer."""
    con = duckdb.connect()
    con.register("tx", transactions[["customer_id", "invoice_date", "amount"]])
    calibration = f"DATE '{calibration_end}'"
    summary = con.execute(
        f"""
        WITH days AS (
            SELECT customer_id, CAST(invoice_date AS DATE) AS day, SUM(amount) AS amount
            FROM tx WHERE CAST(invoice_date AS DATE) <= {calibration}
            GROUP BY customer_id, day
        ), ranked AS (
            SELECT *, ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY day) AS k FROM days
        )
        SELECT customer_id,
               COUNT(*) - 1 AS frequency,
               date_diff('day', MIN(day), MAX(day)) / {days_per_unit} AS recency,
               date_diff('day', MIN(day), {calibration}) / {days_per_unit} AS "T",
               COALESCE(AVG(amount) FILTER (WHERE k > 1), 0) AS monetary_value
        FROM ranked GROUP BY customer_id ORDER BY customer_id
        """
    ).df()
    summary = summary.set_index("customer_id")
    if observation_end is not None:
        holdout = con.execute(
            f"""
            WITH days AS (
                SELECT customer_id, CAST(invoice_date AS DATE) AS day, SUM(amount) AS amount
                FROM tx
                WHERE CAST(invoice_date AS DATE) > {calibration}
                  AND CAST(invoice_date AS DATE) <= DATE '{observation_end}'
                GROUP BY customer_id, day
            )
            SELECT customer_id, COUNT(*) AS frequency_holdout,
                   AVG(amount) AS monetary_value_holdout
            FROM days GROUP BY customer_id
            """
        ).df()
        summary = summary.join(holdout.set_index("customer_id"), how="left")
        summary["frequency_holdout"] = summary["frequency_holdout"].fillna(0)
        summary["monetary_value_holdout"] = summary["monetary_value_holdout"].fillna(0.0)
    return summary


@pytest.fixture(scope="module")
def cdnow_weekly(cdnow_sample):
    return summary_from_transactions(cdnow_sample, CDNOW_CALIBRATION_END, unit="W")


def test_cdnow_reproduces_the_published_summary(cdnow_weekly, cdnow_summary):
    published = cdnow_summary.set_index("customer_id")
    assert len(cdnow_weekly) == len(published) == 2357
    ours = cdnow_weekly.reindex(published.index)
    assert not ours.isna().any().any(), "a published customer is missing"
    np.testing.assert_array_equal(ours["frequency"], published["frequency"])
    # the published file rounds to 2 decimals (weeks and dollars)
    for column in ("recency", "T", "monetary_value"):
        gap = (ours[column] - published[column]).abs()
        assert gap.max() <= HALF_CENT, (column, gap.idxmax())
    assert (ours["monetary_value"] > 0).sum() == 946  # the repeat buyers of the Gamma-Gamma paper


def test_cdnow_columns_and_types(cdnow_weekly):
    assert list(cdnow_weekly.columns) == ["frequency", "recency", "T", "monetary_value"]
    assert cdnow_weekly.index.name == "customer_id"
    assert cdnow_weekly.index.is_monotonic_increasing
    assert cdnow_weekly["frequency"].dtype == np.int64
    assert (cdnow_weekly["recency"] <= cdnow_weekly["T"]).all()


def test_cdnow_holdout_matches_duckdb(cdnow_sample):
    ours = summary_from_transactions(cdnow_sample, CDNOW_CALIBRATION_END, "1998-06-30", unit="W")
    expected = duckdb_summary(cdnow_sample, CDNOW_CALIBRATION_END, "1998-06-30", 7.0)
    assert ours.index.equals(expected.index)
    np.testing.assert_array_equal(ours["frequency_holdout"], expected["frequency_holdout"])
    np.testing.assert_allclose(ours["monetary_value_holdout"], expected["monetary_value_holdout"])
    # 1997-09-30 .. 1998-06-30 is 273 days = 39 weeks
    assert (ours["duration_holdout"] == 39.0).all()
    assert ours["frequency_holdout"].sum() > 0


@pytest.mark.parametrize(
    ("calibration_end", "observation_end"),
    [(None, None), ("2011-06-30", None), ("2011-06-30", "2011-12-09")],
)
def test_online_retail_matches_duckdb(online_retail_clean, calibration_end, observation_end):
    ours = summary_from_transactions(online_retail_clean, calibration_end, observation_end)
    end = calibration_end or str(online_retail_clean["invoice_date"].max().date())
    expected = duckdb_summary(online_retail_clean, end, observation_end)
    # customers whose first purchase is after calibration_end are left out
    assert ours.index.equals(expected.index.astype(ours.index.dtype))
    if calibration_end is None:
        assert len(ours) == online_retail_clean["customer_id"].nunique() == 4338
    else:
        assert len(ours) < 4338
    for column in expected.columns:
        np.testing.assert_allclose(
            ours[column].to_numpy(float),
            expected[column].to_numpy(float),
            rtol=1e-9,
            err_msg=column,
        )
    if observation_end is not None:
        assert (ours["duration_holdout"] == 162.0).all()  # 2011-06-30 .. 2011-12-09


def test_string_ids_give_the_same_summary(online_retail_clean):
    as_text = online_retail_clean.assign(customer_id=online_retail_clean["customer_id"].astype(str))
    ours = summary_from_transactions(as_text, "2011-09-30", unit="W")
    numeric = summary_from_transactions(online_retail_clean, "2011-09-30", unit="W")
    numeric.index = numeric.index.astype(str)
    pd.testing.assert_frame_equal(ours, numeric.loc[ours.index])


def test_same_day_purchases_count_once_and_weeks_are_days_over_seven():
    tx = pd.DataFrame(
        {
            "customer_id": ["a", "a", "a", "b"],
            "invoice_date": pd.to_datetime(
                ["2024-01-01 09:00", "2024-01-01 17:30", "2024-01-15 12:00", "2024-01-10 00:00"]
            ),
            "amount": [10.0, 5.0, 21.0, 8.0],
        }
    )
    daily = summary_from_transactions(tx, "2024-01-29")
    assert daily.loc["a"].tolist() == [1, 14.0, 28.0, 21.0]
    assert daily.loc["b"].tolist() == [0, 0.0, 19.0, 0.0]
    weekly = summary_from_transactions(tx, "2024-01-29", unit="W")
    assert weekly.loc["a", "recency"] == 2.0 and weekly.loc["a", "T"] == 4.0


def test_default_calibration_end_is_the_last_date(cdnow_sample):
    summary = summary_from_transactions(cdnow_sample)
    last = cdnow_sample["invoice_date"].max()
    firsts = cdnow_sample.groupby("customer_id")["invoice_date"].min()
    np.testing.assert_array_equal(summary["T"], (last - firsts).dt.days.to_numpy())


def test_input_is_not_mutated(cdnow_sample):
    before = cdnow_sample.copy()
    summary_from_transactions(cdnow_sample, CDNOW_CALIBRATION_END, "1998-06-30", unit="W")
    pd.testing.assert_frame_equal(cdnow_sample, before)


def test_missing_column_is_named(cdnow_sample):
    with pytest.raises(DataError, match="amount"):
        summary_from_transactions(cdnow_sample.drop(columns="amount"))


def test_missing_customer_names_the_row():
    tx = pd.DataFrame(
        {
            "customer_id": [1.0, np.nan],
            "invoice_date": pd.to_datetime(["2024-01-01", "2024-01-02"]),
            "amount": [1.0, 2.0],
        },
        index=[10, 11],
    )
    with pytest.raises(DataError, match=r"customer_id.*11"):
        summary_from_transactions(tx)


def test_missing_date_names_the_row():
    tx = pd.DataFrame(
        {"customer_id": [1, 2], "invoice_date": pd.to_datetime(["2024-01-01", None]), "amount": 1.0}
    )
    with pytest.raises(DataError, match=r"invoice_date.*1"):
        summary_from_transactions(tx)


def test_bad_unit_and_bad_holdout_are_errors(cdnow_sample):
    with pytest.raises(ParameterError, match="unit"):
        summary_from_transactions(cdnow_sample, unit="M")
    with pytest.raises(ParameterError, match="observation_end"):
        summary_from_transactions(cdnow_sample, "1997-09-30", "1997-09-01")


def test_text_dates_and_local_time_zones_use_the_calendar_day():
    text = pd.DataFrame(
        {"customer_id": [1, 1], "invoice_date": ["2024-01-01", "2024-01-05"], "amount": [1.0, 2.0]}
    )
    assert summary_from_transactions(text).loc[1].tolist() == [1, 4.0, 4.0, 2.0]
    local = text.assign(
        invoice_date=pd.to_datetime(["2024-01-01 23:00", "2024-01-03 01:00"]).tz_localize(
            "Asia/Shanghai"
        )
    )
    # the local calendar days (1st and 3rd), not the UTC ones
    assert summary_from_transactions(local, "2024-01-10").loc[1].tolist() == [1, 2.0, 9.0, 2.0]


def test_empty_log_gives_an_empty_summary():
    empty = pd.DataFrame(
        {
            "customer_id": pd.Series([], dtype="int64"),
            "invoice_date": pd.Series([], dtype="datetime64[ns]"),
            "amount": pd.Series([], dtype=float),
        }
    )
    summary = summary_from_transactions(empty)
    assert summary.empty
    assert list(summary.columns) == ["frequency", "recency", "T", "monetary_value"]


@pytest.mark.parametrize("engine", ["polars", "duckdb"])
def test_polars_and_duckdb_input_give_the_pandas_summary(online_retail_clean, engine):
    columns = ["customer_id", "invoice_date", "amount"]
    tx = online_retail_clean[columns]
    native = pl.from_pandas(tx).lazy() if engine == "polars" else duckdb.connect().from_df(tx)
    for calibration_end, observation_end in [(None, None), ("2011-06-30", "2011-12-09")]:
        expected = summary_from_transactions(tx, calibration_end, observation_end, unit="W")
        got = summary_from_transactions(native, calibration_end, observation_end, unit="W")
        pd.testing.assert_frame_equal(got, expected, check_index_type=False, rtol=1e-9)


def test_lazy_input_uses_the_local_calendar_day():
    local = pl.DataFrame(
        {
            "customer_id": [1, 1],
            "invoice_date": pd.to_datetime(["2024-01-01 23:00", "2024-01-03 01:00"]).tz_localize(
                "Asia/Shanghai"
            ),
            "amount": [1.0, 2.0],
        }
    )
    # 2024-01-03 01:00 in Shanghai is still 2024-01-02 in UTC: the local day must count
    assert summary_from_transactions(local, "2024-01-10").loc[1].tolist() == [1, 2.0, 9.0, 2.0]


def test_lazy_input_refuses_text_dates_and_counts_missing_values():
    text = pl.DataFrame(
        {"customer_id": [1, 2], "invoice_date": ["2024-01-01", "2024-01-05"], "amount": 1.0}
    )
    with pytest.raises(DataError, match="'invoice_date' 不是日期时间类型"):
        summary_from_transactions(text)
    holes = pl.DataFrame(
        {
            "customer_id": [1, None, None],
            "invoice_date": pd.to_datetime(["2024-01-01", "2024-01-02", "2024-01-03"]),
            "amount": [1.0, 2.0, 3.0],
        }
    )
    with pytest.raises(DataError, match="'customer_id' 有 2 个缺失"):
        summary_from_transactions(holes.lazy())


# --- calendar weeks, as lifetimes counts them ------------------------------------------


def lifetimes_weekly(transactions: pd.DataFrame, end: str | None) -> pd.DataFrame:
    """lifetimes' own summary in calendar weeks (freq="W"), the oracle of period="calendar"."""
    from lifetimes.utils import summary_data_from_transaction_data

    return summary_data_from_transaction_data(
        transactions[["customer_id", "invoice_date", "amount"]],
        "customer_id",
        "invoice_date",
        monetary_value_col="amount",
        observation_period_end=end,
        freq="W",
    ).sort_index()


# lifetimes counts the whole week of its end date, custseg counts up to the end date, so the
# two agree when the end is the last day of a week: 1997-09-28 and 2011-09-04 are Sundays.
@pytest.mark.parametrize(
    ("log", "calibration_end", "customers"),
    [
        ("cdnow_master", None, 23_570),
        ("cdnow_master", "1997-09-28", 23_570),
        ("online_retail_clean", None, 4338),
        ("online_retail_clean", "2011-09-04", 3342),
    ],
)
def test_calendar_weeks_match_lifetimes(request, log, calibration_end, customers):
    transactions = request.getfixturevalue(log)
    ours = summary_from_transactions(transactions, calibration_end, unit="W", period="calendar")
    expected = lifetimes_weekly(transactions, calibration_end)
    assert len(ours) == len(expected) == customers
    assert ours.index.tolist() == expected.index.tolist()
    np.testing.assert_array_equal(ours["frequency"], expected["frequency"])
    for column in ("recency", "T", "monetary_value"):
        np.testing.assert_allclose(ours[column], expected[column], rtol=1e-9, err_msg=column)
    assert (ours["T"] % 1 == 0).all()  # whole weeks
    assert ours.attrs["time_unit"] == "W" and ours.attrs["period"] == "calendar"
    # two purchases in one week are one purchase, so there are fewer than purchase days
    days = summary_from_transactions(transactions, calibration_end, unit="W")
    assert (ours["frequency"] <= days["frequency"]).all()
    assert (ours["frequency"] < days["frequency"]).sum() > 100


def test_calendar_weeks_start_on_monday_and_stop_at_the_calibration_end():
    tx = pd.DataFrame(
        {
            "customer_id": ["a", "a", "a", "a", "b"],
            # Sunday, Monday, Wednesday of the same week, then the next Thursday
            "invoice_date": pd.to_datetime(
                ["2024-01-07", "2024-01-08", "2024-01-10", "2024-01-18", "2024-01-10"]
            ),
            "amount": [1.0, 2.0, 4.0, 8.0, 16.0],
        }
    )
    weekly = summary_from_transactions(tx, "2024-01-17", "2024-01-31", unit="W", period="calendar")
    # weeks of a: 01-01..07, 01-08..14; the 18th is in the holdout (after Wednesday 17th)
    assert weekly.loc["a"].tolist() == [1, 1.0, 2.0, 6.0, 1, 8.0, 2.0]
    assert weekly.loc["b"].tolist() == [0, 0.0, 1.0, 0.0, 0, 0.0, 2.0]
    # continuous time counts the three purchase days before the 18th, in days / 7
    daily = summary_from_transactions(tx, "2024-01-17", unit="W")
    assert daily.loc["a", "frequency"] == 2 and daily.loc["a", "recency"] == 3 / 7
    # with days as the unit, calendar and continuous are the same thing
    pd.testing.assert_frame_equal(
        summary_from_transactions(tx, period="calendar"), summary_from_transactions(tx)
    )


@pytest.mark.parametrize("engine", ["polars", "duckdb"])
def test_calendar_weeks_in_polars_and_duckdb_give_the_pandas_summary(online_retail_clean, engine):
    tx = online_retail_clean[["customer_id", "invoice_date", "amount"]]
    native = pl.from_pandas(tx).lazy() if engine == "polars" else duckdb.connect().from_df(tx)
    for ends in [(None, None), ("2011-06-30", "2011-12-09")]:
        expected = summary_from_transactions(tx, *ends, unit="W", period="calendar")
        got = summary_from_transactions(native, *ends, unit="W", period="calendar")
        pd.testing.assert_frame_equal(got, expected, check_index_type=False, rtol=1e-9)
    # 2011-06-30 is a Thursday, 2011-12-09 a Friday: 23 weeks apart
    assert (got["duration_holdout"] == 23.0).all()


def test_unknown_period_is_an_error(cdnow_sample):
    with pytest.raises(ParameterError, match="period.*'weekly'"):
        summary_from_transactions(cdnow_sample, unit="W", period="weekly")


# --- dates written as numbers ----------------------------------------------------------


@pytest.fixture(scope="module")
def cdnow_raw():
    """The CDNOW master log as pandas reads the file: dates are integers such as 19970101."""
    from tests.conftest import shared_file

    return pd.read_csv(
        shared_file("CDNOW_master.txt.gz"),
        sep=r"\s+",
        header=0,
        names=["customer_id", "invoice_date", "quantity", "amount"],
    )


def test_integer_dates_are_read_with_date_format(cdnow_raw, cdnow_master):
    assert cdnow_raw["invoice_date"].dtype == np.int64
    got = summary_from_transactions(cdnow_raw, "1997-09-30", unit="W", date_format="%Y%m%d")
    expected = summary_from_transactions(cdnow_master, "1997-09-30", unit="W")
    pd.testing.assert_frame_equal(got, expected)
    for native in (pl.from_pandas(cdnow_raw).lazy(), duckdb.connect().from_df(cdnow_raw)):
        lazy = summary_from_transactions(native, "1997-09-30", unit="W", date_format="%Y%m%d")
        pd.testing.assert_frame_equal(lazy, expected, check_index_type=False)


def test_integer_dates_without_a_format_are_refused_not_read_as_nanoseconds(cdnow_raw):
    with pytest.raises(DataError, match=r"'invoice_date'.*row\) 0.*19970101.*%Y%m%d"):
        summary_from_transactions(cdnow_raw)


def test_an_unreadable_date_names_its_row_and_value(cdnow_raw):
    broken = cdnow_raw.copy()
    broken.loc[1234, "invoice_date"] = 19971301  # month 13
    with pytest.raises(DataError, match=r"'invoice_date'.*1234.*19971301"):
        summary_from_transactions(broken, date_format="%Y%m%d")
    text = pd.DataFrame(
        {
            "customer_id": [1, 1, 2],
            "invoice_date": ["2024-01-31", "2024-02-01", "01/02/2024"],
            "amount": [1.0, 2.0, 3.0],
        }
    )
    with pytest.raises(DataError, match=r"'invoice_date'.*row\) 2.*01/02/2024"):
        summary_from_transactions(text)
    # read day first, 01/02/2024 is the 1st of February: 9 days before the 10th
    day_first = summary_from_transactions(text.iloc[[2]], "2024-02-10", date_format="%d/%m/%Y")
    assert day_first.loc[2, "T"] == 9.0
    with pytest.raises(DataError, match="'invoice_date'.*%Y%m%d"):
        summary_from_transactions(pl.from_pandas(broken), date_format="%Y%m%d")


@pytest.mark.parametrize("engine", ["pandas", "polars"])
def test_calibration_end_before_the_first_purchase_is_refused(cdnow_sample, engine):
    first = cdnow_sample["invoice_date"].min()
    day_before = str((first - pd.Timedelta(days=1)).date())
    frame = cdnow_sample if engine == "pandas" else pl.from_pandas(cdnow_sample)
    with pytest.raises(DataError, match=f"calibration_end '{day_before}'.*早于第一笔购买"):
        summary_from_transactions(frame, day_before)
    # on the first purchase day itself the customers of that day are there
    summary = summary_from_transactions(frame, str(first.date()))
    assert (
        len(summary)
        == cdnow_sample.loc[cdnow_sample["invoice_date"] == first, "customer_id"].nunique()
    )
