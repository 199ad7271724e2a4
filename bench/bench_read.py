"""Benchmark ``custseg segment`` on a large CSV against a plain pandas reading of it.

The script writes a seeded order export of ``--rows`` lines (default 3.4 million, about
200 MB) by ``--customers`` customers (default 4,372, as in Online Retail) into a temporary
folder, with Chinese headers, text customer ids with a leading zero and 1 % refunds. Then it
runs, each in its own process, timed, with its peak memory (Linux ``ru_maxrss`` of that
process):

- ``custseg segment`` on the file (reading, checks, cleaning, RFM segments, ABC, stages,
  control groups, the HTML and Excel report);
- plain pandas: ``read_csv``, ``to_datetime``, drop refunds, R/F/M per customer with
  ``groupby``, quintile scores with ``qcut``, and the customer table written to CSV.

It prints both and the ratios custseg / pandas (target: time at most 1.5x, memory at most
1.0x). Wall-clock time is the target; the CPU time (user + system, all threads) is printed
too, because on a machine busy with other work it varies much less than the wall clock.

Run::

    python bench/bench_read.py              # 3.4 million rows
    python bench/bench_read.py --rows 300000
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

PANDAS_SCRIPT = """
import pandas as pd
import sys
path, out = sys.argv[1], sys.argv[2]
orders = pd.read_csv(path, dtype={"客户编号": str, "订单号": str})
orders["下单时间"] = pd.to_datetime(orders["下单时间"], format="ISO8601")
orders = orders[orders["实付金额"] > 0]
today = orders["下单时间"].max().normalize() + pd.Timedelta(days=1)
rfm = orders.groupby("客户编号").agg(
    last=("下单时间", "max"), frequency=("订单号", "nunique"), monetary=("实付金额", "sum")
)
rfm["recency"] = (today - rfm["last"]).dt.days
for column in ("recency", "frequency", "monetary"):
    rank = rfm[column].rank(method="first")
    rfm[column[0] + "_score"] = pd.qcut(rank, 5, labels=False) + 1
rfm.to_csv(out)
print(len(rfm), "customers")
"""


def make_export(path: Path, rows: int, customers: int = 4372, seed: int = 0) -> None:
    """Write the seeded export of ``rows`` order lines by ``customers`` customers."""
    rng = np.random.default_rng(seed)
    customer = rng.zipf(1.3, rows) % customers
    start = np.datetime64("2024-01-01T08:00:00")
    seconds = rng.integers(0, 365 * 24 * 3600, rows)
    invoice = (customer * 1000 + seconds // (7 * 24 * 3600)).astype(np.int64)
    quantity = rng.integers(1, 12, rows)
    price = np.round(rng.lognormal(3, 1, rows), 2)
    refund = rng.random(rows) < 0.01
    quantity = np.where(refund, -quantity, quantity)
    table = pa.table(
        {
            "客户编号": pa.array(np.char.add("0", customer.astype(str))),
            "订单号": pa.array(invoice.astype(str)),
            "下单时间": pa.array(
                np.datetime_as_string(start + seconds.astype("timedelta64[s]"), unit="s")
            ),
            "商品编码": pa.array(np.char.add("SKU", (rng.integers(0, 4000, rows)).astype(str))),
            "数量": pa.array(quantity),
            "单价": pa.array(price),
            "实付金额": pa.array(np.round(quantity * price, 2)),
            "门店": pa.array(np.char.add("门店", rng.integers(1, 60, rows).astype(str))),
        }
    )
    pacsv.write_csv(table, path)


def measure(command: list[str]) -> tuple[float, float, float, str]:
    """Seconds, CPU seconds, peak memory (MB) and output of one command in its own process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.stdout.read().decode("utf-8", errors="replace")
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(command)}\n{output}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, output


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=3_400_000)
    parser.add_argument(
        "--customers", type=int, default=4372, help="as many as Online Retail by default"
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="bench_read_") as folder:
        folder = Path(folder)
        path = folder / "orders.csv"
        made = time.perf_counter()
        make_export(path, args.rows, args.customers)
        size = path.stat().st_size / 1e6
        print(f"{args.rows:,} rows, {size:,.0f} MB written in {time.perf_counter() - made:.1f} s")
        plain_s, plain_cpu, plain_mb, plain_out = measure(
            [sys.executable, "-c", PANDAS_SCRIPT, str(path), str(folder / "rfm.csv")]
        )
        columns = []
        for name, canonical in (
            ("客户编号", "customer_id"),
            ("订单号", "invoice_id"),
            ("下单时间", "invoice_date"),
            ("商品编码", "stock_code"),
            ("数量", "quantity"),
            ("单价", "unit_price"),
            ("实付金额", "amount"),
        ):
            columns += ["--column", f"{name}={canonical}"]
        ours_s, ours_cpu, ours_mb, ours_out = measure(
            [
                sys.executable,
                "-m",
                "custseg.cli",
                "segment",
                str(path),
                "--out",
                str(folder / "report"),
                *columns,
            ]
        )
    customers = next(  # "4,372 位客户，6 个客户群。", not a note that names customers
        (line for line in ours_out.splitlines() if re.match(r"[\d,]+ 位客户，", line)), ""
    )
    print(f"{'':17} {'time':>9} {'CPU':>9} {'peak memory':>12}")
    print(
        f"plain pandas      {plain_s:7.1f} s {plain_cpu:7.1f} s {plain_mb:9,.0f} MB"
        f"  ({plain_out.strip()})"
    )
    print(
        f"custseg segment   {ours_s:7.1f} s {ours_cpu:7.1f} s {ours_mb:9,.0f} MB"
        f"  ({customers.strip()})"
    )
    print(
        f"ratio custseg / pandas: time {ours_s / plain_s:.2f}x (target <= 1.5x), "
        f"CPU {ours_cpu / plain_cpu:.2f}x, memory {ours_mb / plain_mb:.2f}x (target <= 1.0x)"
    )


if __name__ == "__main__":
    main()
