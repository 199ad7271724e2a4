"""PySpark input gives the same RFM, ABC, cohort and BTYD tables as pandas input.

One local Spark session (``local[2]``) serves the whole module. The grouping runs in
Spark; only the per-customer results come back. Spark reads ``TIMESTAMP`` columns in the
session time zone (set to UTC here) and ``TIMESTAMP_NTZ`` columns as they are; both are
checked, with the Python process in another time zone, which must not matter.

Without pyspark or java the tests are skipped, unless ``CUSTSEG_REQUIRE_SPARK=1`` (CI),
where that is an error. Under pytest-xdist, ``--dist loadgroup`` keeps them on one worker
(the ``xdist_group`` mark below); otherwise each worker that runs some of them starts its
own session.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import time
from collections.abc import Callable

import numpy as np
import pandas as pd
import pytest

from custseg.abc_analysis import abc_classify
from custseg.clv import summary_from_transactions
from custseg.cohorts import cohort_table, retention_matrix
from custseg.datasets import load_sample
from custseg.errors import DataError
from custseg.rfm import rfm_table
from custseg.transactions import clean_transactions

pytestmark = pytest.mark.xdist_group("spark")

COLUMNS = ["customer_id", "invoice_id", "invoice_date", "amount"]
SESSION_TIME_ZONE = "UTC"


def _skip_or_fail(reason: str) -> None:
    if os.environ.get("CUSTSEG_REQUIRE_SPARK") == "1":
        pytest.fail(f"CUSTSEG_REQUIRE_SPARK=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def spark():
    """One local Spark session for the module: two cores, few partitions, no UI, UTC."""
    if importlib.util.find_spec("pyspark") is None:
        _skip_or_fail("pyspark is not installed (pip install pyspark)")
    java_home = os.environ.get("JAVA_HOME")
    if shutil.which("java") is None and not (java_home and os.path.isdir(java_home)):
        _skip_or_fail("java is not installed (Spark needs a Java 17+ runtime)")
    from pyspark.sql import SparkSession

    try:
        session = (
            SparkSession.builder.master("local[2]")
            .appName("custseg-tests")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.default.parallelism", "2")
            .config("spark.sql.session.timeZone", SESSION_TIME_ZONE)
            # pandas -> Spark through Arrow, naive times read in the session zone; the
            # row-by-row fallback would read them in the process's zone instead.
            .config("spark.sql.execution.arrow.pyspark.enabled", "true")
            .config("spark.sql.execution.arrow.pyspark.fallback.enabled", "false")
            # Small test queries: skip adaptive re-planning, start the JVM's quick compiler only.
            .config("spark.sql.adaptive.enabled", "false")
            .config("spark.driver.extraJavaOptions", "-XX:+UseSerialGC -XX:TieredStopAtLevel=1")
            .getOrCreate()
        )
    except Exception as exc:  # a JVM that does not start, e.g. Java too old
        _skip_or_fail(f"Spark did not start: {exc}")
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture
def process_in_shanghai():
    """Put the Python process in UTC+8, away from the session's UTC, for one test."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.fixture(scope="module")
def sample():
    """The bundled sample, cleaned: 150 customers."""
    clean, _ = clean_transactions(load_sample())
    return clean[COLUMNS].reset_index(drop=True)


@pytest.fixture(scope="module")
def sample_spark(spark, sample):
    """The sample as a Spark DataFrame made in memory: a ``TIMESTAMP`` (session zone) column."""
    frame = spark.createDataFrame(sample)
    assert dict(frame.dtypes)["invoice_date"] == "timestamp"
    return frame


@pytest.fixture(scope="module")
def retail(online_retail_clean):
    return online_retail_clean[COLUMNS].reset_index(drop=True)


@pytest.fixture(scope="module")
def retail_ntz(spark, retail, tmp_path_factory):
    """Online Retail written to parquet and read back by Spark: a ``TIMESTAMP_NTZ`` column."""
    path = tmp_path_factory.mktemp("spark") / "online_retail.parquet"
    retail.to_parquet(path, coerce_timestamps="us", index=False)
    frame = spark.read.parquet(str(path))
    assert dict(frame.dtypes)["invoice_date"] == "timestamp_ntz"
    return frame.cache()


@pytest.fixture(scope="module")
def retail_ltz(retail_ntz):
    """The same lines with a ``TIMESTAMP`` column: the wall-clock times read in UTC."""
    from pyspark.sql import functions as F

    frame = retail_ntz.withColumn("invoice_date", F.col("invoice_date").cast("timestamp"))
    assert dict(frame.dtypes)["invoice_date"] == "timestamp"
    return frame.cache()


def assert_same(got: pd.DataFrame, expected: pd.DataFrame) -> None:
    """Same customers (or cohorts), same columns and values, floats to 1e-9 relative."""
    assert len(got) == len(expected) > 0
    pd.testing.assert_frame_equal(
        got.sort_index(), expected.sort_index(), check_index_type=False, rtol=1e-9
    )


def in_session_zone(stamp: pd.Timestamp) -> pd.Timestamp:
    """A naive pandas time, as a Spark ``TIMESTAMP`` column gives it back."""
    return stamp.tz_localize(SESSION_TIME_ZONE)


def without_invoices(tx):
    """The lines without ``invoice_id`` (pandas or Spark), so purchases are counted by day."""
    return tx.drop(columns="invoice_id") if isinstance(tx, pd.DataFrame) else tx.drop("invoice_id")


CALLS: dict[str, Callable[[object], pd.DataFrame]] = {
    "rfm_table as_of": lambda tx: rfm_table(tx, as_of="2011-06-30"),
    "rfm_table by day": lambda tx: rfm_table(without_invoices(tx)),
    "abc_classify": abc_classify,
    "cohort_table": lambda tx: cohort_table(tx, value="amount"),
    "retention_matrix": lambda tx: retention_matrix(tx, period="Q"),
    "summary_from_transactions": lambda tx: summary_from_transactions(
        tx, "2011-06-30", "2011-12-09", unit="W"
    ),
    "summary_from_transactions default": summary_from_transactions,
}


def test_sample_rfm_table_gives_the_pandas_result_and_independent_counts(sample, sample_spark):
    got = rfm_table(sample_spark)
    assert_same(got, rfm_table(sample))
    grouped = sample.groupby("customer_id")
    assert got.index.tolist() == sorted(sample["customer_id"].unique().tolist())
    assert got["frequency"].tolist() == grouped["invoice_id"].nunique().tolist()
    np.testing.assert_allclose(got["monetary"], grouped["amount"].sum(), rtol=1e-9)
    last_day = sample["invoice_date"].max().normalize()
    assert got.attrs["as_of"] == in_session_zone(last_day + pd.Timedelta(days=1))


@pytest.mark.parametrize("call", list(CALLS))
def test_sample_gives_the_pandas_result(sample, sample_spark, call):
    assert_same(CALLS[call](sample_spark), CALLS[call](sample))


@pytest.mark.parametrize(
    "call", ["rfm_table as_of", "abc_classify", "cohort_table", "summary_from_transactions"]
)
def test_online_retail_parquet_gives_the_pandas_result(retail, retail_ntz, call):
    assert_same(CALLS[call](retail_ntz), CALLS[call](retail))


def test_session_time_zone_timestamps_keep_their_days(retail, retail_ltz):
    got = rfm_table(retail_ltz)
    expected = rfm_table(retail)
    assert len(got) == 4338
    assert_same(got, expected)
    assert got.attrs["as_of"] == in_session_zone(expected.attrs["as_of"])
    summary = CALLS["summary_from_transactions"]
    assert_same(summary(retail_ltz), summary(retail))


def test_process_time_zone_does_not_matter(retail, retail_ntz, retail_ltz, process_in_shanghai):
    # 2011-07-01 00:00 in Shanghai is 2011-06-30 16:00 UTC: a cut-off built with the
    # process's clock would lose the purchases of that evening, and there are some.
    times = retail["invoice_date"]
    assert ((times >= "2011-06-30 16:00") & (times < "2011-07-01")).any()
    expected = rfm_table(retail, as_of="2011-06-30")
    for frame in (retail_ntz, retail_ltz):
        got = rfm_table(frame, as_of="2011-06-30")
        assert_same(got, expected)
    assert got.attrs["as_of"] == in_session_zone(pd.Timestamp("2011-06-30"))


def test_missing_column_is_named(sample_spark):
    without_amount = sample_spark.drop("amount")
    with pytest.raises(DataError, match="缺少必需的列.*'amount'"):
        rfm_table(without_amount)
    with pytest.raises(DataError, match="amount"):
        summary_from_transactions(without_amount)
    with pytest.raises(DataError, match="customer_id"):
        cohort_table(sample_spark.drop("customer_id"))


def test_missing_values_are_counted_and_named(spark, sample):
    holes = sample.head(500).copy()
    holes["customer_id"] = holes["customer_id"].astype("Int64")
    holes.loc[[3, 7], "customer_id"] = pd.NA
    frame = spark.createDataFrame(holes)
    with pytest.raises(DataError, match="'customer_id' 有 2 个缺失值"):
        rfm_table(frame)
    with pytest.raises(DataError, match="'customer_id' 有 2 个缺失"):
        summary_from_transactions(frame)
