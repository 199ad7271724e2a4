"""Benchmark custseg at scale: 100 million transactions in a parquet file, out of memory.

Seeded synthetic transactions (several lines per invoice, two years of dates) are written
chunk by chunk to one parquet file (memory stays bounded; the file is kept in the cache
folder and reused by later runs with the same sizes). Then, each in a fresh Python process
of its own, so that every peak memory is separate:

- ``rfm_table`` on a DuckDB relation over the parquet file;
- ``rfm_table`` on a polars ``LazyFrame`` (``pl.scan_parquet``), with polars' default
  in-memory engine and with its streaming engine;
- the equivalent hand-written DuckDB SQL over the same file;
- the same three ways for ``summary_from_transactions`` (BTYD summary, calibration period
  ending 90 days before the data);
- optionally (``--spark``) both functions on a PySpark DataFrame read from the file.

Each row shows the wall time of the call, the peak resident memory of its process
(Linux ``VmHWM``, including the interpreter and the imports: see the baseline row; for
Spark plus the peak of its JVM) and the ratios to the DuckDB SQL of the same task. Results are
compared with that SQL.

Run::

    python bench/bench_scale.py                              # 100 million lines (minutes)
    python bench/bench_scale.py --transactions 1000000       # a quick check
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

START = np.datetime64("2022-01-01T00:00:00", "s")
DAYS = 730
CHUNK = 5_000_000
CALIBRATION_GAP_DAYS = 90


# -- data ---------------------------------------------------------------------------------


def write_transactions(path: Path, customers: int, transactions: int, seed: int) -> None:
    """Write ``transactions`` invoice lines to ``path``, ``CHUNK`` lines at a time.

    Each chunk draws its own invoices (1..5 lines each, consecutive invoice numbers across
    chunks), customers uniform in ``0..customers-1``, purchase times uniform over two years,
    log-normal amounts rounded to cents.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema(
        [
            ("customer_id", pa.int64()),
            ("invoice_id", pa.int64()),
            ("invoice_date", pa.timestamp("us")),
            ("amount", pa.float64()),
        ]
    )
    rng = np.random.default_rng(seed)
    partial = path.with_suffix(".partial")
    written, next_invoice = 0, 0
    with pq.ParquetWriter(partial, schema, compression="zstd") as writer:
        while written < transactions:
            size = min(CHUNK, transactions - written)
            lines = rng.integers(1, 6, size)  # at least one line each: enough invoices
            lines = lines[: int(np.searchsorted(np.cumsum(lines), size)) + 1]
            invoice = np.repeat(np.arange(len(lines)), lines)[:size]
            customer = rng.integers(0, customers, len(lines))
            when = START + rng.integers(0, DAYS * 86_400, len(lines)).astype("timedelta64[s]")
            table = pa.table(
                {
                    "customer_id": customer[invoice],
                    "invoice_id": invoice + next_invoice,
                    "invoice_date": when[invoice].astype("datetime64[us]"),
                    "amount": np.round(rng.lognormal(2.5, 1.0, size), 2),
                },
                schema=schema,
            )
            writer.write_table(table, row_group_size=1_000_000)
            written += size
            next_invoice += len(lines)
    partial.rename(path)


# -- the measured tasks (run in a child process) ------------------------------------------


def _rfm_sql(path: str, as_of: str) -> str:
    return f"""
        SELECT customer_id,
               date_diff('day', max(CAST(invoice_date AS DATE)), DATE '{as_of}') AS recency,
               count(DISTINCT invoice_id) AS frequency,
               sum(amount) AS monetary
        FROM read_parquet('{path}') GROUP BY customer_id ORDER BY customer_id
    """


def _summary_sql(path: str, calibration_end: str) -> str:
    end = f"DATE '{calibration_end}'"
    return f"""
        WITH days AS (
            SELECT customer_id, CAST(invoice_date AS DATE) AS day, sum(amount) AS amount
            FROM read_parquet('{path}') WHERE CAST(invoice_date AS DATE) <= {end}
            GROUP BY customer_id, day
        ), firsts AS (
            SELECT customer_id, min(day) AS first FROM days GROUP BY customer_id
        )
        SELECT customer_id,
               count(*) - 1 AS frequency,
               CAST(date_diff('day', min(day), max(day)) AS DOUBLE) AS recency,
               CAST(date_diff('day', min(day), {end}) AS DOUBLE) AS "T",
               coalesce(sum(amount) FILTER (WHERE day > first) / nullif(count(*) - 1, 0), 0)
                   AS monetary_value
        FROM days JOIN firsts USING (customer_id)
        GROUP BY customer_id ORDER BY customer_id
    """


def _frame(engine: str, path: str) -> Any:
    """The transactions as the engine's own frame over the parquet file."""
    if engine == "duckdb":
        import duckdb

        return duckdb.connect().read_parquet(path)
    if engine in ("polars", "polars-streaming"):
        import polars as pl

        if engine == "polars-streaming":
            pl.Config.set_engine_affinity("streaming")
        return pl.scan_parquet(path)
    if engine == "spark":
        from pyspark.sql import SparkSession

        spark = (
            SparkSession.builder.master(f"local[{os.cpu_count()}]")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.driver.memory", "8g")
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate()
        )
        spark.sparkContext.setLogLevel("ERROR")
        return spark.read.parquet(path)
    raise ValueError(engine)


def _peak_kib(pid: int) -> int:
    """Peak resident memory (VmHWM) of a running process, in KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def run_child(
    task: str, engine: str, path: str, out: str, as_of: str, calibration_end: str
) -> None:
    """Run one task once; print its seconds and this process's peak RSS as JSON."""
    import duckdb
    import pandas as pd
    import polars  # noqa: F401  (every child imports the same libraries)

    from custseg.clv import summary_from_transactions
    from custseg.rfm import rfm_table

    result: pd.DataFrame | None = None
    frame = None if engine in ("none", "sql") else _frame(engine, path)
    start = time.perf_counter()
    if engine == "sql":
        sql = _rfm_sql(path, as_of) if task == "rfm" else _summary_sql(path, calibration_end)
        result = duckdb.connect().sql(sql).df().set_index("customer_id")
    elif task == "rfm":
        result = rfm_table(frame, as_of=as_of)
    elif task == "summary":
        result = summary_from_transactions(frame, calibration_end=calibration_end)
    seconds = time.perf_counter() - start
    # VmHWM, not getrusage: a child process's ru_maxrss starts from its parent's peak.
    peak_mib = _peak_kib(os.getpid()) / 1024
    if engine == "spark":  # Spark computes in its own JVM process: add that one's peak
        peak_mib += _peak_kib(frame.sparkSession.sparkContext._gateway.proc.pid) / 1024
    if result is not None:
        result.attrs = {}
        result.reset_index().to_parquet(out)
    print(json.dumps({"seconds": seconds, "peak_mib": peak_mib}))


# -- the parent -----------------------------------------------------------------------------


def measure(task: str, engine: str, path: Path, out: Path, as_of: str, end: str) -> dict:
    command = [sys.executable, __file__, "--child", task, engine, str(path), str(out)]
    command += ["--as-of", as_of, "--calibration-end", end]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def agree(task: str, got_path: Path, sql_path: Path) -> bool:
    """Same customers, same integer columns, floats to 1e-9 relative."""
    import pandas as pd

    got = pd.read_parquet(got_path).set_index("customer_id").sort_index()
    sql = pd.read_parquet(sql_path).set_index("customer_id").sort_index()
    if not got.index.astype("int64").equals(sql.index.astype("int64")):
        return False
    for column in sql.columns:
        a, b = got[column].to_numpy(float), sql[column].to_numpy(float)
        if column in ("recency", "frequency") and task == "rfm":
            if not np.array_equal(a, b):
                return False
        elif not np.allclose(a, b, rtol=1e-9, atol=1e-9):
            return False
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--transactions", type=int, default=100_000_000)
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument(
        "--cache-dir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "custseg-bench",
        help="where the parquet file is written and kept (default: %(default)s)",
    )
    parser.add_argument("--spark", action="store_true", help="also measure PySpark input")
    parser.add_argument("--skip-summary", action="store_true")
    parser.add_argument("--child", nargs=4, metavar=("TASK", "ENGINE", "PATH", "OUT"))
    parser.add_argument("--as-of")
    parser.add_argument("--calibration-end")
    args = parser.parse_args()
    if args.child:
        run_child(*args.child, args.as_of, args.calibration_end)
        return

    args.cache_dir.mkdir(parents=True, exist_ok=True)
    name = f"tx_{args.transactions}_{args.customers}_{args.seed}.parquet"
    path = args.cache_dir / name
    if path.exists():
        print(f"reusing {path}")
    else:
        start = time.perf_counter()
        write_transactions(path, args.customers, args.transactions, args.seed)
        print(f"wrote {path} in {time.perf_counter() - start:.0f} s")
    last = START + np.timedelta64(DAYS, "D")
    as_of = str(last.astype("datetime64[D]"))
    calibration_end = str(
        (last - np.timedelta64(CALIBRATION_GAP_DAYS, "D")).astype("datetime64[D]")
    )

    import duckdb
    import pandas as pd
    import polars as pl

    print(
        f"{args.transactions:,} transaction lines, {args.customers:,} customers, "
        f"{path.stat().st_size / 2**20:,.0f} MiB parquet; {os.cpu_count()} cores; "
        f"duckdb {duckdb.__version__}, polars {pl.__version__}, pandas {pd.__version__}; "
        f"as_of {as_of}, calibration_end {calibration_end}\n"
    )
    engines = [
        ("sql", "DuckDB SQL (hand-written)"),
        ("duckdb", "DuckDB relation"),
        ("polars", "polars LazyFrame"),
        ("polars-streaming", "polars LazyFrame, streaming"),
    ]
    if args.spark:
        engines.append(("spark", "PySpark DataFrame"))
    tasks = [("rfm", "rfm_table")] + ([] if args.skip_summary else [("summary", "summary")])

    with tempfile.TemporaryDirectory() as scratch:
        baseline = measure("none", "none", path, Path(scratch) / "none", as_of, calibration_end)
        print(f"baseline: python + imports peak {baseline.get('peak_mib', float('nan')):.0f} MiB")
        header = (
            f"{'task':<9} {'input':<28} {'seconds':>8} {'x SQL':>6} {'peak MiB':>9} {'x SQL':>6}"
        )
        print(f"{header}  agrees with SQL")
        for task, task_name in tasks:
            sql = None
            for engine, engine_name in engines:
                out = Path(scratch) / f"{task}_{engine}.parquet"
                row = measure(task, engine, path, out, as_of, calibration_end)
                if "error" in row:
                    print(f"{task_name:<9} {engine_name:<28} failed: {row['error']}")
                    continue
                if engine == "sql":
                    sql = row
                time_ratio = row["seconds"] / sql["seconds"] if sql else float("nan")
                memory_ratio = row["peak_mib"] / sql["peak_mib"] if sql else float("nan")
                same = (
                    "-"
                    if engine == "sql"
                    else agree(task, out, Path(scratch) / f"{task}_sql.parquet")
                )
                print(
                    f"{task_name:<9} {engine_name:<28} {row['seconds']:>8.1f} {time_ratio:>6.2f} "
                    f"{row['peak_mib']:>9.0f} {memory_ratio:>6.2f}  {same}"
                )


if __name__ == "__main__":
    main()
