"""custseg.rfm: the RFM table and the 1..5 scores, checked on Online Retail."""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import polars as pl
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from custseg.errors import DataError, ParameterError
from custseg.frames import as_lazy
from custseg.rfm import RFMScorer, customer_summary, rfm_table

COLUMNS = ["customer_id", "invoice_id", "invoice_date", "amount"]


@pytest.fixture(scope="module")
def tx(online_retail_clean):
    return online_retail_clean


@pytest.fixture(scope="module")
def rfm(tx):
    return rfm_table(tx)


def duckdb_rfm(tx: pd.DataFrame, as_of: str, *, by_day: bool = False) -> pd.DataFrame:
    """Independent RFM in DuckDB SQL: days between dates, distinct invoices (or days), sum."""
    purchases = (
        "count(DISTINCT CAST(invoice_date AS DATE))" if by_day else "count(DISTINCT invoice_id)"
    )
    con = duckdb.connect()
    con.register("tx", tx[COLUMNS])
    sql = f"""
        SELECT customer_id,
               date_diff('day', max(CAST(invoice_date AS DATE)), DATE '{as_of}') AS recency,
               {purchases} AS frequency,
               sum(amount) AS monetary
        FROM tx
        WHERE CAST(invoice_date AS DATE) <= DATE '{as_of}'
        GROUP BY customer_id
        ORDER BY customer_id
    """
    return con.sql(sql).df().set_index("customer_id")


def assert_same_rfm(got: pd.DataFrame, expected: pd.DataFrame) -> None:
    assert got.index.astype("int64").tolist() == expected.index.astype("int64").tolist()
    assert got["recency"].tolist() == expected["recency"].astype("int64").tolist()
    assert got["frequency"].tolist() == expected["frequency"].astype("int64").tolist()
    np.testing.assert_allclose(got["monetary"], expected["monetary"], rtol=1e-9)


def test_rfm_table_matches_duckdb_sql_on_online_retail(tx, rfm):
    last_day = tx["invoice_date"].max().normalize()
    expected = duckdb_rfm(tx, str((last_day + pd.Timedelta(days=1)).date()))
    assert len(rfm) == 4338
    assert rfm.index.name == "customer_id"
    assert rfm.columns.tolist() == ["recency", "frequency", "monetary"]
    assert rfm.attrs["as_of"] == last_day + pd.Timedelta(days=1)
    assert rfm["recency"].min() == 1
    assert_same_rfm(rfm, expected)


def test_rfm_table_as_of_leaves_out_later_transactions(tx):
    got = rfm_table(tx, as_of=pd.Timestamp("2011-06-30 17:45"))
    assert_same_rfm(got, duckdb_rfm(tx, "2011-06-30"))
    assert got.attrs["as_of"] == pd.Timestamp("2011-06-30")


def test_without_invoice_id_frequency_counts_purchase_days(tx, rfm):
    no_invoice = tx[["customer_id", "invoice_date", "amount"]]
    expected = duckdb_rfm(tx, "2011-12-10", by_day=True)
    got = rfm_table(no_invoice)
    assert_same_rfm(got, expected)
    # A customer can place several invoices on one day, so days never exceed invoices.
    assert (got["frequency"].to_numpy() <= rfm["frequency"].to_numpy()).all()
    assert (got["frequency"].to_numpy() < rfm["frequency"].to_numpy()).any()


@pytest.mark.parametrize("backend", ["polars", "polars_lazy", "duckdb"])
def test_polars_and_duckdb_input_give_the_pandas_result(tx, rfm, backend):
    plain = tx[COLUMNS]
    if backend == "duckdb":
        data = duckdb.connect().from_df(plain)
    else:
        data = pl.from_pandas(plain)
        data = data.lazy() if backend == "polars_lazy" else data
    got = rfm_table(data)
    pd.testing.assert_frame_equal(got, rfm, check_index_type=False)
    assert got.attrs["as_of"] == rfm.attrs["as_of"]


@pytest.mark.parametrize("as_of", [None, "2011-06-30"])
def test_pandas_and_duckdb_engines_agree(tx, as_of):
    columns = ["customer_id", "invoice_id", "invoice_date", "amount"]
    numpy_columns = tx[columns].astype({"customer_id": "int64", "invoice_id": object})
    assert str(as_lazy(numpy_columns, engine="auto").implementation) == "duckdb"
    native = rfm_table(tx, as_of, engine="native")
    auto = rfm_table(numpy_columns, as_of, engine="auto")
    pd.testing.assert_frame_equal(auto, native, check_index_type=False)
    expected = duckdb_rfm(tx, "2011-06-30" if as_of else "2011-12-10")
    assert_same_rfm(native, expected)


@pytest.mark.parametrize("as_of", [None, "2011-06-30"])
def test_numpy_path_on_shuffled_text_ids_agrees_with_pandas(tx, as_of):
    # Text customer ids are hashed, not used as numbers; the rows come in random order, so
    # the lines of an invoice are no longer next to each other.
    shuffled = tx[COLUMNS].sample(frac=1.0, random_state=7)
    shuffled = shuffled.assign(customer_id=shuffled["customer_id"].astype(str))
    got = rfm_table(shuffled, as_of)
    expected = rfm_table(shuffled, as_of, engine="native")
    pd.testing.assert_frame_equal(got, expected)
    assert got.attrs["as_of"] == expected.attrs["as_of"]
    assert got.index.is_monotonic_increasing


def test_numpy_path_customer_summary_and_day_count_agree_with_pandas(tx):
    pd.testing.assert_frame_equal(
        customer_summary(tx, "2011-09-30"),
        customer_summary(tx, "2011-09-30", engine="native"),
        check_index_type=False,
    )
    by_day = tx[["customer_id", "invoice_date", "amount"]]
    pd.testing.assert_frame_equal(
        rfm_table(by_day), rfm_table(by_day, engine="native"), check_index_type=False
    )


def test_numpy_path_reads_every_time_resolution(tx):
    seconds = tx[COLUMNS].assign(invoice_date=tx["invoice_date"].astype("datetime64[s]"))
    got = rfm_table(seconds, "2011-06-30")
    pd.testing.assert_frame_equal(got, rfm_table(tx, "2011-06-30"))
    assert got.attrs["as_of"] == pd.Timestamp("2011-06-30")


def test_an_invoice_number_reused_by_two_customers_counts_for_each():
    tx = pd.DataFrame(
        {
            "customer_id": [7, 8, 7, 7, 8],
            "invoice_id": [1, 1, 1, 2, 1],
            "invoice_date": pd.to_datetime(["2024-01-01"] * 3 + ["2024-01-02", "2024-01-03"]),
            "amount": [1.0, 2.0, 4.0, 8.0, 16.0],
        }
    )
    got = rfm_table(tx)
    assert got["frequency"].tolist() == [2, 1]
    assert got["monetary"].tolist() == [13.0, 18.0]
    assert got["recency"].tolist() == [2, 1]
    pd.testing.assert_frame_equal(got, rfm_table(tx, engine="native"), check_index_type=False)


def test_time_zone_aware_dates_keep_their_local_day(tx):
    # 2011-12-09 20:00 in Shanghai is 12:00 UTC: the purchase day must stay the local day.
    sample = tx.iloc[::4]
    aware = sample.assign(invoice_date=sample["invoice_date"].dt.tz_localize("Asia/Shanghai"))
    for as_of in (None, "2011-06-30"):
        got = rfm_table(aware, as_of)
        expected = rfm_table(sample, as_of)
        assert got["recency"].tolist() == expected["recency"].tolist()
        assert got["frequency"].tolist() == expected["frequency"].tolist()


@pytest.mark.parametrize("engine", ["auto", "native"])
@pytest.mark.parametrize("column", ["amount", "invoice_date", "invoice_id"])
def test_missing_values_are_refused_by_every_engine(tx, engine, column):
    sample = tx.head(2000).copy()
    sample[column] = sample[column].astype(
        object if column == "invoice_id" else sample[column].dtype
    )
    sample.loc[sample.index[[5, 9]], column] = None
    with pytest.raises(DataError, match=f"'{column}' 有 2 个缺失值"):
        rfm_table(sample, engine=engine)


def test_customer_summary_first_purchase_and_tenure(tx):
    summary = customer_summary(tx)
    first = tx.groupby("customer_id")["invoice_date"].min().dt.normalize()
    assert summary.index.tolist() == first.index.tolist()
    assert summary["first_purchase"].tolist() == first.tolist()
    as_of = summary.attrs["as_of"]
    assert summary["tenure"].tolist() == (as_of - first).dt.days.tolist()
    assert (summary["tenure"] >= summary["recency"]).all()


def test_rfm_table_does_not_change_its_input(tx):
    sample = tx.head(5000)
    before = sample.copy()
    rfm_table(sample, as_of="2011-01-01")
    pd.testing.assert_frame_equal(sample, before)


def test_missing_customer_ids_are_refused_with_their_count(online_retail):
    missing = int(online_retail["customer_id"].isna().sum())
    with pytest.raises(DataError, match="'customer_id'") as info:
        rfm_table(online_retail)
    assert str(missing) in str(info.value)


def test_bad_transactions_name_the_culprit(tx):
    with pytest.raises(DataError, match="'amount'"):
        rfm_table(tx.drop(columns="amount"))
    as_text = tx.head(100).assign(invoice_date=lambda d: d["invoice_date"].astype(str))
    with pytest.raises(DataError, match="invoice_date"):
        rfm_table(as_text)
    with pytest.raises(DataError, match="2000-01-01"):
        rfm_table(tx, as_of="2000-01-01")
    with pytest.raises(ParameterError, match="as_of"):
        rfm_table(tx, as_of="not a date")
    with pytest.raises(DataError, match="no transactions"):
        rfm_table(tx.head(0))


# --- RFMScorer -------------------------------------------------------------------------

SCORE_OF = {"recency": "r_score", "frequency": "f_score", "monetary": "m_score"}


@pytest.fixture(scope="module")
def scored(rfm):
    return RFMScorer().fit_transform(rfm)


def test_frequency_is_mostly_one_so_ties_are_heavy(rfm):
    # The reason for tie-breaking: plain quantiles of F would collapse.
    assert (rfm["frequency"] == 1).mean() > 0.3
    with pytest.raises(ValueError, match="unique"):
        pd.qcut(rfm["frequency"], 5)


def test_every_score_appears_in_near_equal_groups(scored):
    n = len(scored)
    for score in SCORE_OF.values():
        counts = scored[score].value_counts()
        assert sorted(counts.index) == [1, 2, 3, 4, 5]
        assert counts.min() >= 0.19 * n
        assert counts.max() <= 0.21 * n


def test_bins_are_ordered_by_value(scored):
    for column, score in SCORE_OF.items():
        ranges = scored.groupby(score)[column].agg(["min", "max"])
        if column == "recency":  # recent (small recency) is a high score
            assert (ranges["min"].to_numpy()[:-1] >= ranges["max"].to_numpy()[1:]).all()
        else:
            assert (ranges["max"].to_numpy()[:-1] <= ranges["min"].to_numpy()[1:]).all()


def test_frequency_ties_are_broken_by_monetary(scored):
    once = scored[scored["frequency"] == 1].sort_values(["monetary", "recency"])
    assert once["f_score"].is_monotonic_increasing
    assert once["f_score"].nunique() >= 2


def test_customers_equal_on_all_three_share_their_scores(scored):
    groups = scored.groupby(["recency", "frequency", "monetary"])["rfm_score"].nunique()
    assert (groups == 1).all()


def test_rfm_score_joins_the_three_digits(scored):
    expected = (
        scored["r_score"].astype(str)
        + scored["f_score"].astype(str)
        + scored["m_score"].astype(str)
    )
    assert (scored["rfm_score"] == expected).all()
    assert scored["rfm_score"].str.fullmatch("[1-5]{3}").all()


def test_fit_then_transform_equals_fit_transform_and_input_is_kept(rfm, scored):
    before = rfm.copy()
    scorer = RFMScorer().fit(rfm)
    pd.testing.assert_frame_equal(scorer.transform(rfm), scored)
    pd.testing.assert_frame_equal(rfm, before)
    assert set(scorer.bin_edges_) == set(SCORE_OF)
    assert len(scorer.bin_edges_["monetary"]) == 4
    assert scorer.n_customers_ == len(rfm)


def test_transform_new_customers_with_learned_edges(rfm):
    scorer = RFMScorer().fit(rfm)
    new = pd.DataFrame(
        {"recency": [0, 400], "frequency": [500, 1], "monetary": [1e7, 0.5]}, index=["x", "y"]
    )
    assert scorer.transform(new)["rfm_score"].tolist() == ["555", "111"]


def test_thresholds_method_follows_the_cut_points(rfm):
    cuts = {
        "recency": [30, 60, 90, 180],
        "frequency": [2, 3, 5, 10],
        "monetary": [250, 500, 1000, 3000],
    }
    got = RFMScorer(method="thresholds", thresholds=cuts).fit_transform(rfm)
    # Independent: intervals closed on the left, recency reversed.
    r_bin = pd.cut(rfm["recency"], [-np.inf, 30, 60, 90, 180, np.inf], right=False, labels=False)
    f_bin = pd.cut(rfm["frequency"], [-np.inf, 2, 3, 5, 10, np.inf], right=False, labels=False)
    m_bin = pd.cut(
        rfm["monetary"], [-np.inf, 250, 500, 1000, 3000, np.inf], right=False, labels=False
    )
    assert got["r_score"].tolist() == (5 - r_bin).tolist()
    assert got["f_score"].tolist() == (f_bin + 1).tolist()
    assert got["m_score"].tolist() == (m_bin + 1).tolist()


def test_other_bin_counts(rfm):
    got = RFMScorer(bins=3).fit_transform(rfm)
    assert sorted(got["f_score"].unique()) == [1, 2, 3]
    assert got["rfm_score"].str.fullmatch("[1-3]{3}").all()


@pytest.mark.parametrize(
    "params",
    [
        {"bins": 1},
        {"bins": 10},
        {"bins": 2.5},
        {"method": "kmeans"},
        {"method": "thresholds"},
        {"method": "thresholds", "thresholds": {"recency": [1, 2, 3, 4]}},
        {
            "method": "thresholds",
            "thresholds": {
                "recency": [4, 3, 2, 1],
                "frequency": [1, 2, 3, 4],
                "monetary": [1, 2, 3, 4],
            },
        },
    ],
)
def test_parameters_are_checked_in_fit_not_in_init(rfm, params):
    scorer = RFMScorer(**params)  # storing never fails
    assert scorer.get_params()["bins"] == params.get("bins", 5)
    with pytest.raises(ValueError):
        scorer.fit(rfm)


def test_scorer_follows_sklearn_conventions(rfm):
    scorer = RFMScorer(bins=4)
    with pytest.raises(NotFittedError):
        scorer.transform(rfm)
    copy = clone(scorer)
    assert copy.get_params() == {"bins": 4, "method": "quantile", "thresholds": None}
    with pytest.raises(TypeError):
        RFMScorer(5, "quantile")  # keyword-only after bins


def test_scorer_names_a_bad_customer(rfm):
    broken = rfm.copy()
    customer = broken.index[10]
    broken.loc[customer, "monetary"] = np.nan
    with pytest.raises(DataError, match=str(customer)):
        RFMScorer().fit(broken)
    with pytest.raises(DataError, match="'recency'"):
        RFMScorer().fit(rfm.drop(columns="recency"))


RENAMES = {
    "customer_id": "CustomerID",
    "invoice_date": "InvoiceDate",
    "amount": "Sales",
    "invoice_id": "InvoiceNo",
}
KEYWORDS = {
    "customer_col": "CustomerID",
    "date_col": "InvoiceDate",
    "amount_col": "Sales",
    "invoice_col": "InvoiceNo",
}


def test_column_keywords_give_the_same_tables_on_online_retail(tx, rfm):
    # Another column already called "amount" (a unit price here) must not be read as the amount.
    renamed = tx.rename(columns=RENAMES).assign(amount=tx["unit_price"])
    before = renamed.copy()
    pd.testing.assert_frame_equal(rfm_table(renamed, **KEYWORDS), rfm)
    pd.testing.assert_frame_equal(
        customer_summary(renamed, "2011-12-10", **KEYWORDS), customer_summary(tx, "2011-12-10")
    )
    pd.testing.assert_frame_equal(renamed, before)  # input untouched
    lines = tx[COLUMNS]
    canonical = pl.from_pandas(lines).lazy()
    lazy = canonical.rename(RENAMES).with_columns(pl.col("Sales").alias("amount"))
    pd.testing.assert_frame_equal(rfm_table(lazy, **KEYWORDS), rfm_table(canonical))
    con = duckdb.connect()
    relation = con.from_df(lines.rename(columns=RENAMES))
    pd.testing.assert_frame_equal(rfm_table(relation, **KEYWORDS), rfm_table(con.from_df(lines)))


def test_wrong_column_keyword_names_the_column(tx):
    with pytest.raises(DataError, match="'客户编号'"):
        rfm_table(tx, customer_col="客户编号")
    with pytest.raises(DataError, match="'InvoiceNo'"):
        customer_summary(tx, invoice_col="InvoiceNo")
    with pytest.raises(ParameterError, match="two roles"):
        rfm_table(tx, amount_col="customer_id")


def test_type_and_missing_value_errors_name_the_given_column(tx):
    lines = tx[COLUMNS].rename(columns=RENAMES)
    as_text = lines.assign(InvoiceDate=lines["InvoiceDate"].astype(str))
    with pytest.raises(DataError, match="'InvoiceDate'") as caught:
        rfm_table(as_text, **KEYWORDS)
    assert "invoice_date" not in str(caught.value)
    holes = lines.assign(Sales=lines["Sales"].where(lines.index % 1000 != 0))
    with pytest.raises(DataError, match="'Sales'"):
        customer_summary(holes, **KEYWORDS)
    with pytest.raises(DataError, match="'Sales'"):
        rfm_table(pl.from_pandas(holes).lazy(), **KEYWORDS)
