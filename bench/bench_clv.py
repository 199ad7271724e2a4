"""Benchmark of custseg.clv against lifetimes 0.11.3 and DuckDB SQL (a script, not a test).

Generates synthetic transactions (seeded: customers with gamma-distributed purchase rates and
exponential lifetimes), then measures in this one run:

1. the frequency / recency / T / monetary summary: custseg ``summary_from_transactions`` vs
   lifetimes ``summary_data_from_transaction_data`` vs the same summary in DuckDB SQL;
2. a BG/NBD fit on that summary: custseg ``BetaGeoModel`` vs lifetimes ``BetaGeoFitter``
   (time ratio and largest relative difference of the four estimates);
3. peak memory: of the whole process (getrusage) and of the custseg summary (tracemalloc).

With ``--pareto`` it measures instead the Pareto/NBD fit on distinct customers: the CDNOW
master log summarised per day, bootstrapped to ``--customers`` customers (default 200,000)
with recency and T scaled by U(0.9, 1.1) so that every row is distinct; custseg vs lifetimes
(time ratio, both log-likelihoods under custseg's exact likelihood), then custseg alone on
``--large`` customers (default 1,000,000). Wall-clock and CPU seconds are both printed, with
the load average and the ratio of the two custseg times: on a busy machine the CPU seconds
and that ratio are what compare with a quiet one::

    python bench/bench_clv.py --pareto                      # 200,000 and 1,000,000
    python bench/bench_clv.py --pareto --customers 20000 --large 100000

Usage::

    python bench/bench_clv.py                                  # 1M customers, 10M transactions
    python bench/bench_clv.py --customers 20000 --transactions 200000   # smoke run

lifetimes is optional (``pip install lifetimes==0.11.3``, the "bench" extra). If it does not
import next to the installed numpy / pandas, install it into a separate environment, e.g.::

    python -m venv /tmp/lifetimes-env
    /tmp/lifetimes-env/bin/pip install lifetimes==0.11.3 "numpy<2" "pandas<2.2" "scipy<1.14"

and pass ``--lifetimes-python /tmp/lifetimes-env/bin/python``: the lifetimes timings then run
in that interpreter (this same file, in ``--worker`` mode, which imports only lifetimes,
numpy and pandas), on the same data handed over as ``.npy`` files.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd

START = np.datetime64("2022-01-01", "s")
WINDOW_DAYS = 730
SECONDS_PER_DAY = 86_400


def make_transactions(n_customers: int, n_transactions: int, seed: int = 0) -> pd.DataFrame:
    """Synthetic transaction log of about ``n_transactions`` rows, sorted by date."""
    rng = np.random.default_rng(seed)
    first = rng.uniform(0, WINDOW_DAYS / 2, n_customers)
    lifetime = rng.exponential(1.0 / rng.gamma(0.7, 1.0 / 500.0, n_customers))
    active = np.minimum(lifetime, WINDOW_DAYS - first)
    rate = rng.gamma(0.6, 1.0, n_customers)
    wanted = max(n_transactions - n_customers, 0)
    rate *= wanted / max(float((rate * active).sum()), 1e-9)
    repeats = rng.poisson(rate * active)
    owner = np.repeat(np.arange(n_customers), repeats)
    when = np.concatenate([first, first[owner] + rng.uniform(0, 1, len(owner)) * active[owner]])
    customer = np.concatenate([np.arange(n_customers), owner])
    ids = 100_000 + rng.permutation(2 * n_customers)[:n_customers]
    spend = rng.gamma(3.0, 15.0, n_customers)
    amount = np.round(spend[customer] * rng.gamma(4.0, 0.25, len(customer)), 2)
    seconds = (when * SECONDS_PER_DAY).astype(np.int64)
    order = np.argsort(seconds, kind="stable")
    return pd.DataFrame(
        {
            "customer_id": ids[customer][order],
            "invoice_date": (START + seconds[order].astype("timedelta64[s]")).astype(
                "datetime64[ns]"
            ),
            "amount": amount[order],
        }
    )


DUCKDB_SUMMARY = """
WITH days AS (
    SELECT customer_id, CAST(invoice_date AS DATE) AS day, SUM(amount) AS amount
    FROM tx GROUP BY customer_id, day
)
SELECT customer_id,
       COUNT(*) - 1 AS frequency,
       date_diff('day', MIN(day), MAX(day)) AS recency,
       date_diff('day', MIN(day), (SELECT MAX(CAST(invoice_date AS DATE)) FROM tx)) AS "T",
       COALESCE((SUM(amount) - arg_min(amount, day)) / NULLIF(COUNT(*) - 1, 0), 0)
           AS monetary_value
FROM days GROUP BY customer_id ORDER BY customer_id
"""


def timed(function, *args, **kwargs):
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - start


def run_lifetimes(transactions: pd.DataFrame) -> dict:
    """Time lifetimes' summary and BG/NBD fit (imports only lifetimes, numpy, pandas)."""
    from lifetimes import BetaGeoFitter
    from lifetimes.utils import summary_data_from_transaction_data

    summary, summary_seconds = timed(
        summary_data_from_transaction_data,
        transactions,
        "customer_id",
        "invoice_date",
        monetary_value_col="amount",
    )
    fitter = BetaGeoFitter()
    _, fit_seconds = timed(fitter.fit, summary["frequency"], summary["recency"], summary["T"])
    return {
        "summary_seconds": summary_seconds,
        "fit_seconds": fit_seconds,
        "params": {k: float(v) for k, v in fitter.params_.items()},
        "frequency": summary["frequency"].to_numpy().tolist(),
        "monetary_value": summary["monetary_value"].to_numpy().tolist(),
    }


def lifetimes_in_subprocess(python: str, transactions: pd.DataFrame) -> dict:
    """Run :func:`run_lifetimes` in another interpreter on the same data (``.npy`` files)."""
    with tempfile.TemporaryDirectory() as folder:
        for column in ("customer_id", "amount"):
            np.save(Path(folder, f"{column}.npy"), transactions[column].to_numpy())
        np.save(Path(folder, "invoice_date.npy"), transactions["invoice_date"].to_numpy("int64"))
        subprocess.run([python, __file__, "--worker", folder], check=True)
        return json.loads(Path(folder, "result.json").read_text())


def worker(folder: str) -> None:
    transactions = pd.DataFrame(
        {
            "customer_id": np.load(Path(folder, "customer_id.npy")),
            "invoice_date": pd.to_datetime(np.load(Path(folder, "invoice_date.npy"))),
            "amount": np.load(Path(folder, "amount.npy")),
        }
    )
    Path(folder, "result.json").write_text(json.dumps(run_lifetimes(transactions)))


def cdnow_bootstrap(path: str, n_customers: int, seed: int = 0) -> pd.DataFrame:
    """The CDNOW master log summarised per day, resampled with recency and T scaled by U(0.9, 1.1)."""
    from custseg.clv import summary_from_transactions

    raw = pd.read_csv(path, sep=r"\s+", header=None, skiprows=1, dtype={0: str, 1: str})
    log = pd.DataFrame(
        {
            "customer_id": raw[0],
            "invoice_date": pd.to_datetime(raw[1], format="%Y%m%d"),
            "amount": raw[3].astype(float),
        }
    )
    daily = summary_from_transactions(log)
    rng = np.random.default_rng(seed)
    rows = rng.integers(0, len(daily), n_customers)
    factor = rng.uniform(0.9, 1.1, n_customers)
    return pd.DataFrame(
        {
            "frequency": daily["frequency"].to_numpy()[rows],
            "recency": daily["recency"].to_numpy()[rows] * factor,
            "T": daily["T"].to_numpy()[rows] * factor,
        }
    )


def cpu_timed(function, *args, **kwargs):
    """Wall-clock and this process's CPU seconds (the two differ on a busy machine)."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = function(*args, **kwargs)
    return result, time.perf_counter() - wall, time.process_time() - cpu


def pareto_benchmark(args: argparse.Namespace) -> None:
    from custseg.clv import ParetoNBDModel

    small = cdnow_bootstrap(args.cdnow, args.customers, args.seed)
    print(f"== Pareto/NBD on {len(small):,} bootstrapped CDNOW customers (all rows distinct) ==")
    print(f"load average before the fits: {', '.join(f'{v:.2f}' for v in os.getloadavg())}")
    ours, seconds, cpu = cpu_timed(ParetoNBDModel().fit, small)
    print(
        f"custseg ParetoNBDModel   : {seconds:8.2f} s (cpu {cpu:.2f} s)   log-likelihood "
        f"{ours.log_likelihood_:.3f}   "
        + ", ".join(f"{k}={v:.4f}" for k, v in ours.params_.items())
    )
    if not args.skip_lifetimes:
        import warnings

        from lifetimes import ParetoNBDFitter

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fitter, their_seconds, their_cpu = cpu_timed(
                ParetoNBDFitter().fit, small["frequency"], small["recency"], small["T"]
            )
        theirs = ParetoNBDModel()
        theirs.params_ = {k: float(v) for k, v in fitter.params_.items()}
        their_ll = float(theirs.log_likelihood(small).sum())
        print(
            f"lifetimes ParetoNBDFitter: {their_seconds:8.2f} s (cpu {their_cpu:.2f} s)   "
            f"log-likelihood {their_ll:.3f}   "
            + ", ".join(f"{k}={v:.4f}" for k, v in theirs.params_.items())
        )
        print(
            f"lifetimes / custseg = {their_seconds / seconds:.1f}x wall, "
            f"{their_cpu / cpu:.1f}x cpu (target >= 10x); "
            f"custseg - lifetimes log-likelihood = {ours.log_likelihood_ - their_ll:+.6f}"
        )
    large = cdnow_bootstrap(args.cdnow, args.large, args.seed + 1)
    model, large_seconds, large_cpu = cpu_timed(ParetoNBDModel().fit, large)
    print(
        f"\n== custseg ParetoNBDModel on {len(large):,} customers: {large_seconds:.2f} s "
        f"(cpu {large_cpu:.2f} s; target <= 20 s) ==   "
        + ", ".join(f"{k}={v:.4f}" for k, v in model.params_.items())
    )
    print(
        f"{len(large):,} / {len(small):,} customers: {large_seconds / seconds:.2f}x the time "
        f"(cpu {large_cpu / cpu:.2f}x); load average now "
        f"{', '.join(f'{v:.2f}' for v in os.getloadavg())}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--transactions", type=int, default=10_000_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--lifetimes-python", help="interpreter with lifetimes 0.11.3 installed")
    parser.add_argument("--skip-lifetimes", action="store_true")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--pareto", action="store_true", help="Pareto/NBD on bootstrapped CDNOW")
    parser.add_argument("--large", type=int, default=1_000_000)
    parser.add_argument("--cdnow", default="../shared/datasets/CDNOW_master.txt.gz")
    args = parser.parse_args()
    if args.worker:
        worker(args.worker)
        return
    if args.pareto:
        if "--customers" not in sys.argv:
            args.customers = 200_000
        pareto_benchmark(args)
        return

    import duckdb

    from custseg.clv import BetaGeoModel, summary_from_transactions

    transactions, seconds = timed(make_transactions, args.customers, args.transactions, args.seed)
    n_customers = transactions["customer_id"].nunique()
    print(
        f"data: {len(transactions):,} transactions, {n_customers:,} customers "
        f"(generated in {seconds:.1f} s)"
    )

    ours, ours_seconds = timed(summary_from_transactions, transactions)
    con = duckdb.connect()
    con.register("tx", transactions)
    sql, sql_seconds = timed(lambda: con.execute(DUCKDB_SUMMARY).df())
    sql = sql.set_index("customer_id")
    same = bool((sql["frequency"].to_numpy() == ours["frequency"].to_numpy()).all())
    gap = float(np.abs(sql["monetary_value"].to_numpy() - ours["monetary_value"].to_numpy()).max())
    print("\n== summary (frequency / recency / T / monetary_value) ==")
    print(f"custseg summary_from_transactions : {ours_seconds:8.2f} s")
    print(
        f"DuckDB SQL ({duckdb.__version__:>6})          : {sql_seconds:8.2f} s   "
        f"custseg / DuckDB = {ours_seconds / sql_seconds:.2f}x   "
        f"(same frequency: {same}, max |monetary gap| = {gap:.1e})"
    )

    lifetimes_result = None
    if not args.skip_lifetimes:
        if args.lifetimes_python:
            lifetimes_result = lifetimes_in_subprocess(args.lifetimes_python, transactions)
        else:
            try:
                lifetimes_result = run_lifetimes(transactions)
            except ImportError as exc:
                print(f"lifetimes not importable here ({exc}); see --lifetimes-python")
    if lifetimes_result is not None:
        ratio = lifetimes_result["summary_seconds"] / ours_seconds
        same = np.array_equal(lifetimes_result["frequency"], ours["frequency"].to_numpy())
        print(
            f"lifetimes summary_data_from_...   : {lifetimes_result['summary_seconds']:8.2f} s   "
            f"lifetimes / custseg = {ratio:.1f}x   (same frequency: {same})"
        )

    model, fit_seconds = timed(BetaGeoModel().fit, ours)
    print(f"\n== BG/NBD fit on {len(ours):,} customers ==")
    print(
        f"custseg BetaGeoModel              : {fit_seconds:8.2f} s   "
        + ", ".join(f"{k}={v:.4f}" for k, v in model.params_.items())
    )
    if lifetimes_result is not None:
        theirs = lifetimes_result["params"]
        worst = max(abs(model.params_[k] / theirs[k] - 1.0) for k in model.params_)
        print(
            f"lifetimes BetaGeoFitter           : {lifetimes_result['fit_seconds']:8.2f} s   "
            + ", ".join(f"{k}={v:.4f}" for k, v in theirs.items())
        )
        print(
            f"lifetimes / custseg = {lifetimes_result['fit_seconds'] / fit_seconds:.1f}x, "
            f"max relative difference of the estimates = {worst:.1e}"
        )

    tracemalloc.start()
    summary_from_transactions(transactions)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    data_bytes = transactions.memory_usage(deep=True).sum()
    print("\n== memory ==")
    print(f"input transactions               : {data_bytes / 2**20:8.0f} MiB")
    print(f"custseg summary peak (tracemalloc): {peak / 2**20:8.0f} MiB")
    print(
        "whole process peak RSS (getrusage): "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**10:8.0f} MiB"
    )
    print(f"python {sys.version.split()[0]}, numpy {np.__version__}, pandas {pd.__version__}")


if __name__ == "__main__":
    main()
