"""Benchmark custseg.rfm.rfm_table against DuckDB SQL, plain pandas and lifetimes.

Seeded synthetic transactions (several lines per invoice, two years of dates) are
summarised into recency / frequency / monetary per customer by

- ``rfm_table`` on pandas input (the default path), and on polars and DuckDB input;
- the equivalent DuckDB SQL on the same pandas frame;
- a plain pandas ``groupby``;
- lifetimes' ``summary_data_from_transaction_data`` (if lifetimes imports).

Each is timed once, in this one process, with its peak extra memory (Linux peak RSS,
reset before each step). Ratios are printed against ``rfm_table`` on pandas.

Run::

    python bench/bench_rfm.py --customers 100000 --transactions 1000000
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import polars as pl

from custseg.rfm import rfm_table

STATUS = Path("/proc/self/status")
CLEAR_REFS = Path("/proc/self/clear_refs")


def make_transactions(customers: int, transactions: int, seed: int) -> pd.DataFrame:
    """Invoice lines in the canonical schema: 1..5 lines per invoice, amounts log-normal."""
    rng = np.random.default_rng(seed)
    invoices = max(transactions // 3, 1)
    invoice_customer = rng.integers(0, customers, invoices)
    start = np.datetime64("2022-01-01T00:00:00", "s")
    invoice_time = start + rng.integers(0, 730 * 24 * 3600, invoices).astype("timedelta64[s]")
    lines = rng.integers(1, 6, invoices)
    lines = np.maximum(np.round(lines * transactions / lines.sum()).astype(int), 1)
    invoice_of_line = np.repeat(np.arange(invoices), lines)[:transactions]
    return pd.DataFrame(
        {
            "customer_id": invoice_customer[invoice_of_line],
            "invoice_id": invoice_of_line,
            "invoice_date": invoice_time[invoice_of_line].astype("datetime64[ns]"),
            "amount": np.round(rng.lognormal(2.5, 1.0, len(invoice_of_line)), 2),
        }
    )


def _status_kib(field: str) -> int:
    for line in STATUS.read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def measure(step: Callable[[], object]) -> tuple[float, float, object]:
    """Seconds and peak extra memory (MiB, above the memory in use before) of one call."""
    gc.collect()
    try:
        CLEAR_REFS.write_text("5")  # reset the peak RSS of this process
        memory_ok = True
    except OSError:
        memory_ok = False
    baseline = _status_kib("VmRSS")
    start = time.perf_counter()
    result = step()
    seconds = time.perf_counter() - start
    peak = max(_status_kib("VmHWM") - baseline, 0) / 1024 if memory_ok else float("nan")
    return seconds, peak, result


def duckdb_sql(con: duckdb.DuckDBPyConnection, as_of: pd.Timestamp) -> pd.DataFrame:
    sql = f"""
        SELECT customer_id,
               date_diff('day', max(CAST(invoice_date AS DATE)), DATE '{as_of.date()}') AS recency,
               count(DISTINCT invoice_id) AS frequency,
               sum(amount) AS monetary
        FROM tx GROUP BY customer_id ORDER BY customer_id
    """
    return con.sql(sql).df().set_index("customer_id")


def pandas_groupby(tx: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    grouped = tx.groupby("customer_id").agg(
        last=("invoice_date", "max"),
        frequency=("invoice_id", "nunique"),
        monetary=("amount", "sum"),
    )
    grouped["recency"] = (as_of - grouped["last"].dt.normalize()).dt.days
    return grouped[["recency", "frequency", "monetary"]]


def lifetimes_summary(tx: pd.DataFrame, as_of: pd.Timestamp) -> object:
    from lifetimes.utils import summary_data_from_transaction_data

    return summary_data_from_transaction_data(
        tx,
        "customer_id",
        "invoice_date",
        monetary_value_col="amount",
        observation_period_end=as_of,
        freq="D",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--transactions", type=int, default=10_000_000)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--skip-lifetimes", action="store_true")
    args = parser.parse_args()

    tx = make_transactions(args.customers, args.transactions, args.seed)
    as_of = tx["invoice_date"].max().normalize() + pd.Timedelta(days=1)
    print(
        f"{len(tx):,} transaction lines, {tx['invoice_id'].nunique():,} invoices, "
        f"{tx['customer_id'].nunique():,} customers; pandas {pd.__version__}, "
        f"duckdb {duckdb.__version__}, polars {pl.__version__}"
    )
    con = duckdb.connect()
    con.register("tx", tx)
    polars_tx = pl.from_pandas(tx)
    duckdb_tx = con.table("tx")

    # Warm up every path once on a small slice (imports, DuckDB start-up), untimed.
    head = tx.head(1000)
    warm = duckdb.connect()
    warm.register("tx", head)
    rfm_table(head)
    rfm_table(pl.from_pandas(head))
    rfm_table(warm.table("tx"))
    duckdb_sql(warm, as_of)
    pandas_groupby(head, as_of)

    rows: list[tuple[str, float, float]] = []
    seconds, peak, ours = measure(lambda: rfm_table(tx))
    rows.append(("rfm_table (pandas input)", seconds, peak))
    seconds, peak, sql = measure(lambda: duckdb_sql(con, as_of))
    rows.append(("DuckDB SQL", seconds, peak))
    seconds, peak, plain = measure(lambda: pandas_groupby(tx, as_of))
    rows.append(("plain pandas groupby", seconds, peak))
    seconds, peak, _ = measure(lambda: rfm_table(polars_tx))
    rows.append(("rfm_table (polars input)", seconds, peak))
    seconds, peak, _ = measure(lambda: rfm_table(duckdb_tx))
    rows.append(("rfm_table (DuckDB input)", seconds, peak))
    if args.skip_lifetimes:
        print("lifetimes: skipped (--skip-lifetimes)")
    else:
        try:
            seconds, peak, _ = measure(lambda: lifetimes_summary(tx, as_of))
            rows.append(("lifetimes summary_data_from_transaction_data", seconds, peak))
        except ImportError as exc:
            print(f"lifetimes: skipped, it does not import here ({exc})")

    agree = (
        ours["frequency"].to_numpy().tolist() == sql["frequency"].to_numpy().tolist()
        and ours["recency"].to_numpy().tolist() == sql["recency"].to_numpy().tolist()
        and np.allclose(ours["monetary"].to_numpy(), sql["monetary"].to_numpy())
        and np.allclose(ours["monetary"].to_numpy(), plain["monetary"].to_numpy())
    )
    print(f"rfm_table agrees with DuckDB SQL and pandas: {agree}\n")
    base = rows[0][1]
    print(f"{'method':<46} {'seconds':>9} {'x rfm_table':>12} {'peak MiB':>9}")
    for name, seconds, peak in rows:
        print(f"{name:<46} {seconds:>9.2f} {seconds / base:>12.2f} {peak:>9.0f}")
    timings = dict((name, seconds) for name, seconds, _ in rows)
    print(f"\nrfm_table / DuckDB SQL = {base / timings['DuckDB SQL']:.2f} (target <= 1.0)")
    life = timings.get("lifetimes summary_data_from_transaction_data")
    if life is not None:
        print(f"lifetimes / rfm_table = {life / base:.1f} (target >= 10)")


if __name__ == "__main__":
    main()
