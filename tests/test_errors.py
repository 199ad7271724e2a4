"""The three error classes: which fault raises which, on real calls with real data.

``DataError`` is for the data (a column, a row, a value), ``ParameterError`` for an
argument, ``ConvergenceError`` for a fit that did not converge (tested on CDNOW in
``tests/clv/test_beta_geo.py``). All three stay ``ValueError`` for older callers.
"""

from __future__ import annotations

import re

import pytest

import custseg
from custseg.clv import summary_from_transactions
from custseg.errors import ConvergenceError, DataError, ParameterError
from custseg.rfm import RFMScorer, rfm_table

CJK = re.compile(r"[\u4e00-\u9fff]")


def chinese_first(message: str) -> bool:
    """Chinese words come before the first English term in parentheses (the house style)."""
    found = CJK.search(message)
    return found is not None and found.start() < message.find(" (")


def test_the_classes_are_exported_by_custseg_and_are_value_errors():
    assert (custseg.DataError, custseg.ParameterError, custseg.ConvergenceError) == (
        DataError,
        ParameterError,
        ConvergenceError,
    )
    assert all(issubclass(cls, ValueError) for cls in (DataError, ParameterError, ConvergenceError))
    assert issubclass(ConvergenceError, RuntimeError)
    assert not issubclass(ParameterError, DataError) and not issubclass(DataError, ParameterError)
    assert not issubclass(ConvergenceError, DataError | ParameterError)


def test_a_bad_argument_on_real_orders_is_a_parameter_error(online_retail_clean):
    rfm = rfm_table(online_retail_clean)
    with pytest.raises(ParameterError, match=r"bins .*2 到 9.*收到 \(got\) 12") as caught:
        RFMScorer(bins=12).fit(rfm)
    assert not isinstance(caught.value, DataError)
    with pytest.raises(ParameterError, match="unit") as caught:
        summary_from_transactions(online_retail_clean, unit="月")
    assert chinese_first(str(caught.value)), str(caught.value)


def test_bad_data_on_the_same_call_stays_a_data_error(online_retail_clean):
    broken = online_retail_clean.drop(columns="amount")
    with pytest.raises(DataError, match="amount") as caught:
        rfm_table(broken)
    assert not isinstance(caught.value, ParameterError)


@pytest.mark.parametrize(
    "call",
    [
        lambda: RFMScorer(method="kmeans").fit(None),
        lambda: __import__("custseg.lifecycle").lifecycle.lifecycle_stages(None, new_days=-3),
        lambda: __import__("custseg.abc_analysis").abc_analysis.abc_classify(None, cuts=(0.9, 0.8)),
        lambda: __import__("custseg.cohorts").cohorts.retention_table(None, periods=0),
    ],
)
def test_arguments_once_plain_value_errors_are_parameter_errors_in_chinese_first(call):
    with pytest.raises(ParameterError) as caught:
        call()
    assert chinese_first(str(caught.value)), str(caught.value)


def test_a_list_where_a_table_belongs_is_a_data_error_naming_what_was_given(online_retail_clean):
    from custseg.rfm import RFMSegmenter
    from custseg.segment_rules import segment_customers

    # the customer ids of real orders passed as a list instead of the table
    ids = online_retail_clean["customer_id"].head(3).tolist()
    with pytest.raises(DataError, match=r"应当是一张表.*收到的是 \(got\) list: \[" + str(ids[0])):
        segment_customers(ids)
    with pytest.raises(DataError, match="收到的是 \\(got\\) list"):
        RFMSegmenter().fit(ids)
