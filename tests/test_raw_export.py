"""custseg.raw_export: the faults added to the simulated orders are exactly the documented ones."""

from __future__ import annotations

import pandas as pd

from custseg.datasets import load_cn_orders
from custseg.raw_export import DATE_SLIPS, export_problems, raw_cn_orders


def test_faults_are_the_documented_ones_and_the_rest_is_untouched():
    raw, clean = raw_cn_orders(), load_cn_orders()
    walk_in = raw[raw["invoice_id"].str.startswith("SW")]
    refunds = raw[raw["invoice_id"].str.startswith("RT")]
    assert walk_in["customer_id"].isna().all() and raw["customer_id"].isna().sum() == len(walk_in)
    assert (refunds["amount"] < 0).all() and (raw["amount"] < 0).sum() == len(refunds)
    assert refunds["customer_id"].notna().all()
    slipped = raw[raw["invoice_date"].dt.year >= 2040]
    assert len(slipped) == DATE_SLIPS and (slipped["invoice_date"].dt.year == 2042).all()
    assert raw["invoice_date"].max() < pd.Timestamp("2043-01-01")
    normal = raw[~raw["invoice_id"].str.startswith(("SW", "RT"))]
    normal = normal[normal["invoice_date"].dt.year < 2040]
    doubled = normal.duplicated()
    assert doubled.sum() > 0
    # every normal line is a line of the clean orders; only the date slips went missing
    merged = normal[~doubled].merge(clean, how="left", indicator=True)
    assert (merged["_merge"] == "both").all()
    assert len(normal[~doubled]) == len(clean) - DATE_SLIPS
    # each refund returns exactly one purchase line of the same customer, at most 14 days earlier
    keys = ["customer_id", "category", "channel"]
    paired = refunds.assign(amount=-refunds["amount"]).merge(
        clean, on=[*keys, "amount"], suffixes=("", "_bought")
    )
    assert set(refunds["invoice_id"]) <= set(paired["invoice_id"])
    assert raw.equals(raw_cn_orders()) and not raw.equals(raw_cn_orders(seed=1))


def test_export_problems_counts_each_fault():
    raw = raw_cn_orders()
    table = export_problems(raw).set_index("问题")
    assert table.loc["没有客户编号（散客）", "行数"] == raw["customer_id"].isna().sum()
    assert table.loc["完全重复的行", "行数"] == raw.duplicated().sum()
    assert table.loc["金额为负（退款）", "行数"] == (raw["amount"] < 0).sum()
    assert table.loc["日期异常（远离其他订单）", "行数"] == DATE_SLIPS
    assert "SW" in table.loc["没有客户编号（散客）", "例子"]
    assert "客户编号 （空）" in table.loc["没有客户编号（散客）", "例子"]
    assert "订单日期 2042-" in table.loc["日期异常（远离其他订单）", "例子"]
    assert (export_problems(load_cn_orders())["行数"] == 0).all()
