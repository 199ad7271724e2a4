"""Build the synthetic distributor (经销商) data set bundled in the package.

No real distributor evaluation data is public, so this file is **made up**: 120 distributors
of a fictional consumer-goods maker, each observed in two half-year evaluation periods
(2024-H1 and 2024-H2), drawn from the seeded random model below. Nothing in it describes a
real company. See datasets/distributors.md for the columns.

The model, per distributor:

1. coverage type (市场覆盖) 全国 / 区域 / 地方 with probabilities 0.15 / 0.35 / 0.50, and a
   home region (总部所在区域) among the seven Chinese regions (全国 distributors: 全国);
2. a latent capability ``c ~ Normal(0, 1)`` and a latent willingness ``w ~ Normal(0, 1)``,
   correlated 0.3;
3. per period: provinces covered (全国 18-31, 区域 2-7, 地方 1), outlets served (log-normal,
   larger for wider coverage and higher capability), sales in 10,000 yuan (log-normal:
   coverage level + 0.6 c + noise), sales target attainment (sales / target, about
   1 + 0.12 c), average payment days (about 45 - 8 w days), cooperation rating 1-5 from the
   sales team (3 + 0.8 w, rounded to 0.5), and trainings attended (Poisson, more for higher w);
4. between the periods ``c`` and ``w`` move by ``Normal(0, 0.35)``, and ten 地方 distributors
   and four 区域 distributors widen their coverage one step, so that a re-evaluation shows
   some distributors moving up and some down.

Usage::

    python datasets/build_distributors.py        # writes custseg/data/distributors.csv

The file is UTF-8 with a header row; ``pandas.read_csv`` reads it as is.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

OUT = Path(__file__).resolve().parents[1] / "custseg" / "data" / "distributors.csv"
SEED = 20240701
DISTRIBUTORS = 120
PERIODS = ("2024-H1", "2024-H2")
REGIONS = ("华北", "华东", "华南", "华中", "西南", "西北", "东北")
COVERAGE = ("全国", "区域", "地方")
COVERAGE_P = (0.15, 0.35, 0.50)
SALES_LEVEL = {"全国": np.log(3000.0), "区域": np.log(900.0), "地方": np.log(250.0)}
OUTLET_LEVEL = {"全国": np.log(1500.0), "区域": np.log(350.0), "地方": np.log(80.0)}
WIDEN = {"区域": ("全国", 4), "地方": ("区域", 10)}  # 区域 first: one step each


def _period(
    rng: np.random.Generator, frame: pd.DataFrame, capability: np.ndarray, willingness: np.ndarray
) -> pd.DataFrame:
    n = len(frame)
    coverage = frame["coverage"].to_numpy()
    provinces = np.where(
        coverage == "全国",
        rng.integers(18, 32, n),
        np.where(coverage == "区域", rng.integers(2, 8, n), 1),
    )
    outlets = np.exp(
        np.array([OUTLET_LEVEL[c] for c in coverage]) + 0.4 * capability + rng.normal(0, 0.3, n)
    )
    sales = np.exp(
        np.array([SALES_LEVEL[c] for c in coverage]) + 0.6 * capability + rng.normal(0, 0.25, n)
    )
    attainment = np.clip(1 + 0.12 * capability + rng.normal(0, 0.08, n), 0.4, 1.6)
    payment_days = np.clip(45 - 8 * willingness + rng.normal(0, 6, n), 10, 120)
    cooperation = np.clip(np.round((3 + 0.8 * willingness + rng.normal(0, 0.4, n)) * 2) / 2, 1, 5)
    trainings = rng.poisson(np.exp(0.3 + 0.5 * willingness))
    return frame.assign(
        provinces_covered=provinces,
        outlets=np.round(outlets).astype(int),
        sales=np.round(sales, 1),
        target_attainment=np.round(attainment, 3),
        payment_days=np.round(payment_days).astype(int),
        cooperation=cooperation,
        trainings_attended=np.minimum(trainings, 6),
    )


def build() -> pd.DataFrame:
    """The long table: one row per distributor and period, sorted by period then id."""
    rng = np.random.default_rng(SEED)
    coverage = rng.choice(COVERAGE, size=DISTRIBUTORS, p=COVERAGE_P)
    region = np.where(coverage == "全国", "全国", rng.choice(REGIONS, size=DISTRIBUTORS))
    base = pd.DataFrame(
        {
            "distributor_id": [f"D{i:03d}" for i in range(1, DISTRIBUTORS + 1)],
            "region": region,
            "coverage": coverage,
        }
    )
    latent = rng.multivariate_normal([0, 0], [[1, 0.3], [0.3, 1]], size=DISTRIBUTORS)
    capability, willingness = latent[:, 0], latent[:, 1]
    frames = []
    for k, period in enumerate(PERIODS):
        if k > 0:
            capability = capability + rng.normal(0, 0.35, DISTRIBUTORS)
            willingness = willingness + rng.normal(0, 0.35, DISTRIBUTORS)
            base = base.copy()
            for before, (after, count) in WIDEN.items():
                eligible = np.flatnonzero(base["coverage"].to_numpy() == before)
                chosen = rng.choice(eligible, size=count, replace=False)
                base.loc[base.index[chosen], "coverage"] = after
                if after == "全国":
                    base.loc[base.index[chosen], "region"] = "全国"
        frames.append(_period(rng, base, capability, willingness).assign(period=period))
    table = pd.concat(frames, ignore_index=True)
    first = ["period", "distributor_id", "region", "coverage"]
    return table[first + [c for c in table.columns if c not in first]]


if __name__ == "__main__":
    OUT.parent.mkdir(parents=True, exist_ok=True)
    build().to_csv(OUT, index=False, encoding="utf-8")
    print(f"wrote {OUT}")
