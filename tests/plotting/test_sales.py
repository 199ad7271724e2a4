"""The static monthly-sales chart draws one bar per month with the month's real total."""

from __future__ import annotations

import numpy as np
import pytest

from custseg.errors import DataError
from custseg.plotting.sales import plot_monthly_sales
from custseg.sales import monthly_sales_title


def test_bars_are_the_monthly_totals(online_retail_clean):
    ax = plot_monthly_sales(online_retail_clean, country="Germany")
    german = online_retail_clean[online_retail_clean["country"] == "Germany"]
    totals = german.groupby(german["invoice_date"].dt.strftime("%Y-%m"))["amount"].sum()
    np.testing.assert_allclose([bar.get_height() for bar in ax.patches], totals.to_numpy())
    assert [t.get_text() for t in ax.get_xticklabels()] == totals.index.tolist()
    assert ax.get_title() == "每月销售额：Germany"
    assert ax.get_ylabel() == "销售额（英镑）"


def test_the_chart_and_the_widget_give_the_same_title(online_retail_clean):
    from custseg.widgets.sales import monthly_sales_explorer

    choice, _, figure = monthly_sales_explorer(online_retail_clean).children
    for country in ("全部国家", "Germany", "EIRE"):
        choice.value = country
        assert plot_monthly_sales(online_retail_clean, country=country).get_title() == figure.title
        assert figure.title == monthly_sales_title(country)
    own = plot_monthly_sales(online_retail_clean, title="英国网店：每月销售额")
    assert own.get_title() == "英国网店：每月销售额"


def test_renamed_columns_draw_the_same_bars(online_retail_clean):
    tx = online_retail_clean[["customer_id", "invoice_date", "amount", "country"]]
    renamed = tx.rename(
        columns={"customer_id": "CustomerID", "invoice_date": "InvoiceDate", "amount": "Sales"}
    )
    keywords = {"customer_col": "CustomerID", "date_col": "InvoiceDate", "amount_col": "Sales"}
    canonical = plot_monthly_sales(tx, country="France")
    own = plot_monthly_sales(renamed, country="France", **keywords)
    assert [b.get_height() for b in own.patches] == [b.get_height() for b in canonical.patches]
    assert own.get_title() == canonical.get_title()
    with pytest.raises(DataError, match="'Sales'"):
        plot_monthly_sales(tx, country="France", **keywords)


def test_the_old_data_keyword_still_works_and_warns(online_retail_clean):
    with pytest.deprecated_call(match="data= 已改名为 transactions="):
        old = plot_monthly_sales(data=online_retail_clean)
    new = plot_monthly_sales(online_retail_clean)
    heights = [bar.get_height() for bar in new.patches]
    assert heights and [bar.get_height() for bar in old.patches] == heights
