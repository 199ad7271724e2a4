"""Property: on any valid order file, custseg's customers and total equal a plain pandas reading."""

from __future__ import annotations

import io

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from custseg.transactions import clean_transactions, read_transactions

ID_KINDS = st.one_of(
    st.from_regex(r"0[0-9]{1,6}", fullmatch=True),  # leading zeros
    st.from_regex(r"[1-9][0-9]{17,21}", fullmatch=True),  # longer than int64
    st.from_regex(r"[A-Z][0-9]{1,4}", fullmatch=True),  # C12 is no cancellation here
    st.sampled_from(["王芳", "李雷", "客户甲", "17850"]),
)
# Within one year: no date is far from the others (those are excluded and reported).
LINE = st.tuples(
    ID_KINDS,
    st.dates(
        min_value=pd.Timestamp("2024-01-01").date(), max_value=pd.Timestamp("2024-12-30").date()
    ),
    st.integers(min_value=1, max_value=10_000_000),  # cents
    st.integers(min_value=0, max_value=99),  # refund share (%) of this line, 0 = none
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    lines=st.lists(LINE, min_size=1, max_size=40),
    repeats=st.integers(min_value=0, max_value=3),
    sep=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]),
)
def test_customers_and_total_equal_a_pandas_reading(tmp_path, lines, repeats, sep, encoding):
    rows = []
    for number, (customer, day, cents, refund) in enumerate(lines):
        rows.append((customer, f"C{number}", day.isoformat(), f"{cents / 100:.2f}"))
        if refund:  # a refund smaller than this purchase, on a later day
            later = (pd.Timestamp(day) + pd.Timedelta(days=1)).date().isoformat()
            rows.append((customer, f"R{number}", later, f"{-cents * refund / 10_000:.4f}"))
    rows += rows[:repeats]  # identical lines are real repeat purchases
    frame = pd.DataFrame(rows, columns=["客户编号", "订单号", "日期", "金额"])
    path = tmp_path / "orders.csv"
    path.write_bytes(frame.to_csv(index=False, sep=sep).encode(encoding))

    plain = pd.read_csv(
        io.StringIO(path.read_bytes().decode(encoding).lstrip("\ufeff")),
        sep=sep,
        dtype=str,
        keep_default_na=False,
    )
    expected_customers = plain["客户编号"].nunique()
    expected_total = plain["金额"].astype(float).sum()

    orders = read_transactions(
        path,
        {
            "客户编号": "customer_id",
            "订单号": "invoice_id",
            "日期": "invoice_date",
            "金额": "amount",
        },
    )
    clean, report = clean_transactions(orders)
    assert clean["customer_id"].nunique() == expected_customers
    assert set(clean["customer_id"]) == set(plain["客户编号"])
    assert clean["amount"].sum() == pytest.approx(expected_total, rel=1e-9, abs=1e-6)
    assert (clean["amount"] > 0).all()
    assert report.rows_out + report.counts.sum() == len(plain)
