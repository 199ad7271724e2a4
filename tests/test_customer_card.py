"""The customer card on the course's real sample: the numbers behind the lifecycle stage."""

from __future__ import annotations

import pytest

from custseg.customer_card import customer_card
from custseg.datasets import load_sample
from custseg.errors import DataError
from custseg.lifecycle import lifecycle_stages
from custseg.transactions import clean_transactions


@pytest.fixture(scope="module")
def clean():
    return clean_transactions(load_sample())[0]


def test_customer_card_shows_the_numbers_behind_the_lifecycle_stage(clean):
    stages = lifecycle_stages(clean)
    for customer in (14344, 12613):
        card = customer_card(clean, customer_id=customer)["数值"]
        assert card["订单数"] == str(stages.loc[customer, "orders"])
        assert card["最近购买距今天数"] == str(stages.loc[customer, "recency"])
        assert card["成为客户天数"] == str(stages.loc[customer, "tenure"])
        rows = clean[clean["customer_id"] == customer]
        assert card["消费金额"] == f"{rows['amount'].sum():,.0f}"
        assert card["最近购买日期"] == rows["invoice_date"].max().strftime("%Y-%m-%d")
    assert customer_card(clean, customer_id="14344").equals(customer_card(clean, customer_id=14344))


def test_customer_card_names_an_unknown_customer(clean):
    with pytest.raises(DataError, match="99999"):
        customer_card(clean, customer_id=99999)
