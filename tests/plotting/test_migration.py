"""The migration heatmap draws the same counts whatever the transactions' column names."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest

from custseg.errors import DataError
from custseg.plotting.migration import plot_migration

NAMES = {"customer_id": "CustomerID", "invoice_date": "InvoiceDate", "amount": "Sales"}
KEYWORDS = {"customer_col": "CustomerID", "date_col": "InvoiceDate", "amount_col": "Sales"}
DAYS = {"start": "2011-06-30", "end": "2011-11-30"}


def test_renamed_columns_draw_the_same_heatmap(online_retail_clean):
    lines = online_retail_clean[["customer_id", "invoice_id", "invoice_date", "amount"]]
    renamed = lines.rename(columns={**NAMES, "invoice_id": "InvoiceNo"})
    ax = plot_migration(renamed, **DAYS, **KEYWORDS, invoice_col="InvoiceNo")
    expected = plot_migration(lines, **DAYS)
    assert (ax.images[0].get_array() == expected.images[0].get_array()).all()
    assert [t.get_text() for t in ax.texts] == [t.get_text() for t in expected.texts]
    assert ax.get_ylabel() == "2011-06-30 的客户群"
    plt.close("all")
    with pytest.raises(DataError, match="'Umsatz'"):
        plot_migration(renamed, **DAYS, **{**KEYWORDS, "amount_col": "Umsatz"})
