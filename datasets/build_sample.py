"""Build the offline sample bundled in the package: custseg/data/online_retail_sample.csv.gz.

All the order lines of 150 customers drawn at random (seed 2024) from UCI Online Retail,
among customers with at most 250 lines (so the file stays small), plus 300 lines
without a customer id, so that cleaning has real work to show. Original UCI column
names and values, unchanged.

Usage::

    python datasets/build_sample.py PATH_TO_ONLINE_RETAIL   # xlsx, csv or csv.gz

Data: Daqing Chen, Online Retail, UCI Machine Learning Repository, CC BY 4.0,
https://doi.org/10.24432/C5BW33.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

OUT = Path(__file__).resolve().parents[1] / "custseg" / "data" / "online_retail_sample.csv.gz"
CUSTOMERS = 150
MAX_LINES = 250
ANONYMOUS_LINES = 300
SEED = 2024


def build(source: Path) -> pd.DataFrame:
    if source.suffix == ".xlsx":
        raw = pd.read_excel(source, dtype={"InvoiceNo": str, "StockCode": str})
    else:
        raw = pd.read_csv(source, dtype={"InvoiceNo": str, "StockCode": str})
    rng = np.random.default_rng(SEED)
    lines = raw.groupby("CustomerID").size()
    eligible = np.sort(lines[lines <= MAX_LINES].index.to_numpy())
    chosen = rng.choice(eligible, size=CUSTOMERS, replace=False)
    known = raw[raw["CustomerID"].isin(chosen)]
    anonymous = raw[raw["CustomerID"].isna()]
    anonymous = anonymous.iloc[np.sort(rng.choice(len(anonymous), ANONYMOUS_LINES, replace=False))]
    sample = pd.concat([known, anonymous]).sort_index()
    sample["CustomerID"] = sample["CustomerID"].astype("Int64")
    return sample


if __name__ == "__main__":
    sample = build(Path(sys.argv[1]))
    sample.to_csv(OUT, index=False, compression={"method": "gzip", "mtime": 0})
    print(f"{OUT}: {len(sample):,} lines, {sample['CustomerID'].nunique()} customers")
