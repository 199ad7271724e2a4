"""Prime bank clients on the Bank Marketing sample, checked against pandas."""

from __future__ import annotations

import pytest

from custseg.datasets import load_sample
from custseg.errors import DataError, ParameterError
from custseg.quality_clients import is_quality_client, quality_client_table


@pytest.fixture(scope="module")
def clients():
    return load_sample("bank_marketing")


@pytest.mark.parametrize("top", [0.25, 0.1])
def test_table_matches_pandas(clients, top):
    rich = clients["balance"] >= clients["balance"].quantile(1 - top)
    quality = rich & (clients["default"] == "no") & (clients["loan"] == "no")
    assert is_quality_client(clients, balance_top_share=top).equals(quality.rename("quality"))
    table = quality_client_table(clients, balance_top_share=top)
    subscribed = clients["y"] == "yes"
    assert table.loc["优质客户", "客户数"] == quality.sum()
    assert table.loc["其他客户", "客户数"] == (~quality).sum()
    assert table.loc["全部客户", "客户数"] == len(clients)
    assert table.loc["优质客户", "认购率（%）"] == round(100 * subscribed[quality].mean(), 1)
    assert table.loc["全部客户", "认购率（%）"] == round(100 * subscribed.mean(), 1)
    assert table.loc["优质客户", "认购率（%）"] > table.loc["其他客户", "认购率（%）"]


def test_bad_share_is_named(clients):
    with pytest.raises(ParameterError, match="balance_top_share"):
        quality_client_table(clients, balance_top_share=25)
    with pytest.raises(DataError, match="loan"):
        quality_client_table(clients.drop(columns="loan"))
