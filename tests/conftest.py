"""Shared fixtures: the real data sets of ../shared/datasets, read through custseg's own loaders.

The product never reads that folder; tests point the loaders' ``path=`` at it. Where the
folder is missing (a clone without it) the real-data tests are skipped, except under CI
(``CI=true`` or ``CUSTSEG_REQUIRE_SHARED=1``), where a missing folder is an error.
"""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

SHARED = Path(
    os.environ.get(
        "CUSTSEG_SHARED_DATASETS", Path(__file__).parents[1] / ".." / "shared" / "datasets"
    )
).resolve()


def shared_file(name: str) -> Path:
    """The path of a file in the shared data folder, or skip (fail under CI) without it."""
    path = SHARED / name
    if not path.exists():
        if os.environ.get("CI") == "true" or os.environ.get("CUSTSEG_REQUIRE_SHARED") == "1":
            pytest.fail(f"shared data file missing: {path}")
        pytest.skip(f"shared data file missing: {path}")
    return path


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    """Keep every test's downloads and parsed copies out of the user's cache."""
    monkeypatch.setenv("CUSTSEG_DATA_HOME", str(tmp_path_factory.getbasetemp() / "data_home"))


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


@pytest.fixture(scope="session")
def online_retail():
    from custseg.datasets import load_online_retail

    return load_online_retail(path=shared_file("online_retail.csv.gz"))


@pytest.fixture(scope="session")
def online_retail_clean(online_retail):
    from custseg.transactions import clean_transactions

    clean, _ = clean_transactions(online_retail)
    return clean


@pytest.fixture(scope="session")
def cdnow_master():
    from custseg.datasets import load_cdnow

    return load_cdnow("master", path=shared_file("CDNOW_master.txt.gz"))


@pytest.fixture(scope="session")
def cdnow_sample():
    from custseg.datasets import load_cdnow

    return load_cdnow("sample", path=shared_file("CDNOW_sample.txt.gz"))


@pytest.fixture(scope="session")
def cdnow_summary():
    from custseg.datasets import load_cdnow

    return load_cdnow(
        "summary", path=shared_file("cdnow_customers_summary_with_transactions.csv.gz")
    )


@pytest.fixture(scope="session")
def bank():
    from custseg.datasets import load_bank_marketing

    return load_bank_marketing(path=shared_file("bank-full.csv.gz"))
