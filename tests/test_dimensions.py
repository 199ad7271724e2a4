"""custseg.dimensions on Bank Marketing, checked against independent pandas computations."""

from __future__ import annotations

import pandas as pd
import pytest

from custseg.dimensions import age_bands, response_by
from custseg.errors import DataError


def test_response_by_job_on_bank_marketing(bank):
    table = response_by(bank, "job")
    for job, rows in bank.groupby("job"):
        assert table.loc[job, "customers"] == len(rows)
        assert table.loc[job, "response_rate"] == pytest.approx((rows["y"] == "yes").mean())
    assert table["customers"].sum() == 45_211
    assert table["responses"].sum() == 5_289
    assert table["share"].sum() == pytest.approx(1.0)
    assert table.index[0] == "student"  # students respond most in this data set
    assert table["response_rate"].is_monotonic_decreasing
    overall = 5_289 / 45_211
    assert table.loc["retired", "lift"] == pytest.approx(
        table.loc["retired", "response_rate"] / overall
    )


def test_age_bands_on_bank_marketing(bank):
    bands = age_bands(bank["age"])
    assert bands.isna().sum() == 0
    counts = bands.value_counts()
    assert counts["25岁以下"] == (bank["age"] < 25).sum()
    assert counts["65岁及以上"] == (bank["age"] >= 65).sum()
    assert counts["35-44岁"] == bank["age"].between(35, 44).sum()


def test_bad_input_names_the_culprit():
    with pytest.raises(DataError, match="'abc'"):
        age_bands(pd.Series([30, "abc"]))
    with pytest.raises(DataError, match="edges"):
        age_bands(pd.Series([30]), edges=(0, 40, 30))
    with pytest.raises(DataError, match="'是'"):
        response_by(pd.DataFrame({"job": ["a"], "y": ["yes"]}), "job", positive="是")
    with pytest.raises(DataError, match="'工作'"):
        response_by(pd.DataFrame({"job": ["a"], "y": ["yes"]}), "工作")
