"""The five-step widget: the control-group slider changes the control-group size, counted independently."""

from __future__ import annotations

import numpy as np

from custseg.process import SegmentationProcess
from custseg.widgets.process import process_explorer


def test_control_share_and_scheme(online_retail_clean):
    part = online_retail_clean[online_retail_clean["invoice_date"] >= "2011-09-01"]
    box = process_explorer(part)
    (scheme, share), summary, table = box.children[0].children, box.children[1], box.children[2]
    sizes = SegmentationProcess().fit(part).customers_["segment"].value_counts()
    assert f"对照组 {int(np.floor(sizes * 0.1).sum())} 人" in summary.value
    share.value = 0.2
    assert f"对照组 {int(np.floor(sizes * 0.2).sum())} 人" in summary.value
    scheme.value = "classic"
    assert "冠军客户" in table.value


def test_renamed_columns_give_the_same_table(online_retail_clean):
    part = online_retail_clean[online_retail_clean["invoice_date"] >= "2011-10-01"]
    renamed = part.rename(columns={"customer_id": "CustomerID", "amount": "Sales"})
    ours = process_explorer(renamed, customer_col="CustomerID", amount_col="Sales")
    theirs = process_explorer(part)
    assert ours.children[2].value == theirs.children[2].value
    assert ours.children[1].value == theirs.children[1].value
