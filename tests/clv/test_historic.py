"""historic_clv agrees with an independent DuckDB SQL computation on Online Retail."""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pytest

from custseg.clv import historic_clv
from custseg.errors import DataError, ParameterError


def duckdb_orders(transactions: pd.DataFrame, order_column: str) -> pd.DataFrame:
    con = duckdb.connect()
    con.register("tx", transactions[["customer_id", order_column, "amount"]])
    return (
        con.execute(
            f"""
            SELECT customer_id, COUNT(DISTINCT {order_column}) AS orders, SUM(amount) AS revenue
            FROM tx GROUP BY customer_id ORDER BY customer_id
            """
        )
        .df()
        .set_index("customer_id")
    )


@pytest.fixture(scope="module")
def retail(online_retail_clean):
    return online_retail_clean


def test_matches_duckdb_with_invoices(retail):
    ours = historic_clv(retail, margin=0.3)
    expected = duckdb_orders(retail, "invoice_id")
    assert len(ours) == 4338
    assert ours.index.equals(expected.index.astype(ours.index.dtype))
    np.testing.assert_array_equal(ours["orders"], expected["orders"])
    np.testing.assert_allclose(ours["revenue"], expected["revenue"], rtol=1e-9)
    np.testing.assert_allclose(
        ours["average_order_value"], expected["revenue"] / expected["orders"], rtol=1e-9
    )
    np.testing.assert_allclose(ours["historic_clv"], 0.3 * expected["revenue"], rtol=1e-9)
    # average order value x orders x margin is the same number
    np.testing.assert_allclose(
        ours["average_order_value"] * ours["orders"] * 0.3, ours["historic_clv"], rtol=1e-12
    )


def test_without_invoices_each_timestamp_is_an_order(retail):
    ours = historic_clv(retail.drop(columns="invoice_id"))
    expected = duckdb_orders(retail, "invoice_date")
    np.testing.assert_array_equal(ours["orders"], expected["orders"])
    assert (ours["historic_clv"] == ours["revenue"]).all()  # margin 1


def test_first_and_last_purchase(retail):
    ours = historic_clv(retail)
    dates = retail.groupby("customer_id")["invoice_date"].agg(["min", "max"])
    np.testing.assert_array_equal(ours["first_purchase"], dates["min"])
    np.testing.assert_array_equal(ours["last_purchase"], dates["max"])


def test_input_is_not_mutated(retail):
    before = retail.copy()
    historic_clv(retail, margin=0.5)
    pd.testing.assert_frame_equal(retail, before)


@pytest.mark.parametrize("margin", [0, 1.5, -0.2, "high"])
def test_margin_outside_zero_one_is_an_error(retail, margin):
    with pytest.raises(ParameterError, match="margin"):
        historic_clv(retail, margin=margin)


def test_missing_column_and_missing_customer_are_named(online_retail):
    with pytest.raises(DataError, match="amount"):
        historic_clv(online_retail.drop(columns="amount"))
    first_missing = online_retail.index[online_retail["customer_id"].isna()][0]
    with pytest.raises(DataError, match=rf"customer_id.*{first_missing}"):
        historic_clv(online_retail)
