"""The scorecard widget: putting all the weight on one criterion ranks by that criterion alone."""

from __future__ import annotations

import re

import pandas as pd

from custseg.widgets.selection import scorecard_explorer


def test_all_weight_on_loyalty_ranks_by_loyalty(online_retail_clean):
    by_customer = online_retail_clean.groupby("customer_id")
    criteria = pd.DataFrame(
        {
            "potential_value": by_customer["amount"].sum(),
            "loyalty": by_customer["invoice_id"].nunique(),
        }
    )
    box = scorecard_explorer(criteria, top=5)
    (value, loyalty), summary, table = box.children[0].children, box.children[1], box.children[2]
    tiers = {t: int(n) for t, n in re.findall(r"(\S+?客户) (\d+) 人", summary.value)}
    assert sum(tiers.values()) == len(criteria)
    value.value = 0
    loyalty.value = 100
    top_ids = [int(i) for i in re.findall(r"<th>(\d+)</th>", table.value.split("<tbody>")[1])]
    assert (
        criteria.loc[top_ids, "loyalty"].tolist() == sorted(criteria["loyalty"], reverse=True)[:5]
    )
    loyalty.value = 0
    assert "至少要有一个" in summary.value
