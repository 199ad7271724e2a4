"""Build the offline samples bundled in the package (custseg/data/).

online_retail_sample.csv.gz:

All the order lines of 150 customers drawn at random (seed 2024) from UCI Online Retail,
among customers with at most 250 lines (so the file stays small), plus 300 lines
without a customer id, so that cleaning has real work to show. Original UCI column
names and values, unchanged.

online_retail_ii_sample.csv.gz:
the same recipe (other seed: 2025) on UCI Online Retail II, sheet "Year 2009-2010": customers the
course has not shown before, for the final project. Original columns (Invoice, Price, Customer ID).

bank_marketing_sample.csv.gz:
3,000 clients drawn at random (seed 2024) from UCI Bank Marketing (bank-full.csv), all
17 columns unchanged.

Usage::

    python datasets/build_sample.py ONLINE_RETAIL BANK_FULL ONLINE_RETAIL_II_2009_2010

Data: Daqing Chen, Online Retail (https://doi.org/10.24432/C5BW33) and Online Retail II
(https://doi.org/10.24432/C5CG6D), UCI Machine Learning Repository, CC BY 4.0. S. Moro, P. Cortez, P. Rita (2014), Bank Marketing,
UCI Machine Learning Repository, CC BY 4.0, https://doi.org/10.24432/C5K306.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

DATA = Path(__file__).resolve().parents[1] / "custseg" / "data"
BANK_CLIENTS = 3_000
CUSTOMERS = 150
MAX_LINES = 250
ANONYMOUS_LINES = 300
SEED = 2024


def build(source: Path, *, seed: int = SEED, customer: str = "CustomerID") -> pd.DataFrame:
    text = {"InvoiceNo": str, "Invoice": str, "StockCode": str}
    if source.suffix == ".xlsx":
        raw = pd.read_excel(source, dtype=text)
    else:
        raw = pd.read_csv(source, dtype=text)
    rng = np.random.default_rng(seed)
    lines = raw.groupby(customer).size()
    eligible = np.sort(lines[lines <= MAX_LINES].index.to_numpy())
    chosen = rng.choice(eligible, size=CUSTOMERS, replace=False)
    known = raw[raw[customer].isin(chosen)]
    anonymous = raw[raw[customer].isna()]
    anonymous = anonymous.iloc[np.sort(rng.choice(len(anonymous), ANONYMOUS_LINES, replace=False))]
    sample = pd.concat([known, anonymous]).sort_index()
    sample[customer] = sample[customer].astype("Int64")
    return sample


def build_bank(source: Path) -> pd.DataFrame:
    raw = pd.read_csv(source, sep=";")
    rows = np.sort(np.random.default_rng(SEED).choice(len(raw), BANK_CLIENTS, replace=False))
    return raw.iloc[rows]


if __name__ == "__main__":
    gzip = {"method": "gzip", "mtime": 0}
    sample = build(Path(sys.argv[1]))
    out = DATA / "online_retail_sample.csv.gz"
    sample.to_csv(out, index=False, compression=gzip)
    print(f"{out}: {len(sample):,} lines, {sample['CustomerID'].nunique()} customers")
    bank = build_bank(Path(sys.argv[2]))
    out = DATA / "bank_marketing_sample.csv.gz"
    bank.to_csv(out, index=False, sep=";", compression=gzip)
    print(f"{out}: {len(bank):,} clients")
    second = build(Path(sys.argv[3]), seed=2025, customer="Customer ID")
    out = DATA / "online_retail_ii_sample.csv.gz"
    second.to_csv(out, index=False, compression=gzip)
    print(f"{out}: {len(second):,} lines, {second['Customer ID'].nunique()} customers")
