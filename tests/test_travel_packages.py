"""The tourism case: rules tried from the top, the group table checked against pandas."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from custseg.errors import DataError, ParameterError
from custseg.travel_packages import (
    TRAVEL_PACKAGES,
    example_travelers,
    travel_group_table,
    travel_groups,
)


@pytest.fixture(scope="module")
def travelers():
    return example_travelers()


def test_simulated_travelers_are_reproducible(travelers):
    pd.testing.assert_frame_equal(travelers, example_travelers())
    assert len(travelers) == 400 and travelers.index.is_unique
    assert travelers.index.name == "traveler_id"
    assert (travelers["trips_per_year"] >= 1).all()
    assert travelers["family_share"].between(0, 1).all()
    with pytest.raises(ParameterError, match="n 应为"):
        example_travelers(n=0)


def test_groups_follow_the_first_matching_rule(travelers):
    expected = np.select(
        [
            travelers["family_share"] >= 0.5,
            travelers["spend_per_trip"] >= 8000,
            travelers["days_booked_ahead"] >= 60,
            travelers["days_booked_ahead"] <= 7,
        ],
        ["家庭亲子型", "高端品质型", "早鸟计划型", "说走就走型"],
        default="经典观光型",
    )
    assert travel_groups(travelers).tolist() == expected.tolist()


def test_group_table_matches_pandas(travelers):
    table = travel_group_table(travelers)
    groups = travel_groups(travelers)
    assert table["人数"].to_dict() == groups.value_counts().to_dict()
    yearly = (travelers["trips_per_year"] * travelers["spend_per_trip"]).groupby(groups).sum()
    assert table["全年消费合计（万元）"].to_dict() == (yearly / 10_000).round(1).to_dict()
    means = travelers.groupby(groups)["spend_per_trip"].mean().round()
    assert table["平均每次花费（元）"].to_dict() == means.astype(int).to_dict()
    assert table["建议套餐"].to_dict() == {g: TRAVEL_PACKAGES[g] for g in table.index}


def test_missing_behavior_is_named(travelers):
    with pytest.raises(DataError, match="family_share"):
        travel_group_table(travelers.drop(columns="family_share"))
