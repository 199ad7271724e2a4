"""custseg.datasets: real files read through path=, downloads checked by sha256, clear offline errors."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading

import pandas as pd
import pytest

from custseg import datasets
from custseg.datasets import (
    DatasetUnavailableError,
    load_bank_marketing,
    load_cdnow,
    load_online_retail,
    load_sample,
)
from custseg.transactions import CANONICAL_COLUMNS, clean_transactions
from tests.conftest import shared_file


def test_cdnow_master_facts(cdnow_master):
    assert len(cdnow_master) == 69_659
    assert cdnow_master["customer_id"].nunique() == 23_570
    assert cdnow_master["invoice_date"].min() == pd.Timestamp("1997-01-01")
    assert cdnow_master["invoice_date"].max() == pd.Timestamp("1998-06-30")
    assert cdnow_master["invoice_id"].is_unique


def test_cdnow_sample_matches_its_summary(cdnow_sample, cdnow_summary):
    assert len(cdnow_sample) == 6_919
    assert cdnow_sample["customer_id"].nunique() == 2_357
    assert set(cdnow_sample["customer_id"]) == set(cdnow_summary["customer_id"])
    # independent check: repeat purchase days in the 39-week calibration period
    calibration = cdnow_sample[cdnow_sample["invoice_date"] <= "1997-09-30"]
    days = calibration.groupby("customer_id")["invoice_date"].nunique() - 1
    published = cdnow_summary.set_index("customer_id")["frequency"]
    pd.testing.assert_series_equal(days.sort_index(), published.sort_index(), check_names=False)


def test_cdnow_summary_columns(cdnow_summary):
    assert list(cdnow_summary.columns) == [
        "customer_id",
        "frequency",
        "recency",
        "T",
        "monetary_value",
    ]
    assert len(cdnow_summary) == 2_357
    assert (cdnow_summary["frequency"] > 0).sum() == 946


def test_bank_marketing_facts(bank):
    assert bank.shape == (45_211, 17)
    assert bank["y"].value_counts().to_dict() == {"no": 39_922, "yes": 5_289}


def test_online_retail_ii_sheet(tmp_path):
    frame = load_online_retail(2, path=shared_file("online_retail_II_year2009-2010_only.csv.gz"))
    assert len(frame) == 525_461
    assert list(frame.columns) == list(CANONICAL_COLUMNS)
    assert frame["invoice_date"].min() == pd.Timestamp("2009-12-01 07:45:00")


def test_online_retail_from_a_local_xlsx_is_cached(online_retail, tmp_path):
    part = (
        online_retail.head(300)
        .rename(
            columns={
                v: k
                for k, v in {
                    "InvoiceNo": "invoice_id",
                    "StockCode": "stock_code",
                    "Description": "description",
                    "Quantity": "quantity",
                    "InvoiceDate": "invoice_date",
                    "UnitPrice": "unit_price",
                    "CustomerID": "customer_id",
                    "Country": "country",
                }.items()
            }
        )
        .drop(columns="amount")
    )
    part.to_excel(tmp_path / "Online Retail.xlsx", index=False)
    first = load_online_retail(path=tmp_path / "Online Retail.xlsx")
    assert list((datasets.data_home() / "parsed").glob("Online Retail-*.parquet"))
    second = load_online_retail(path=tmp_path / "Online Retail.xlsx")
    pd.testing.assert_frame_equal(first, second)
    pd.testing.assert_frame_equal(first, online_retail.head(300), check_dtype=False)


def test_unexpected_columns_are_named(tmp_path):
    (tmp_path / "x.csv").write_text("Kunde,Datum\n1,2\n", encoding="utf-8")
    with pytest.raises(ValueError, match="'Kunde'"):
        load_online_retail(path=tmp_path / "x.csv")


def test_bad_arguments_are_named():
    with pytest.raises(ValueError, match="version"):
        load_online_retail(version=3)
    with pytest.raises(ValueError, match="kind"):
        load_cdnow("weekly")


def test_bundled_sample_needs_no_network():
    sample = load_sample()
    assert 3_000 < len(sample) < 10_000
    assert list(sample.columns) == list(CANONICAL_COLUMNS)
    clean, report = clean_transactions(sample)
    assert clean["customer_id"].nunique() == 150
    assert report.counts["missing_customer"] == 300
    assert report.counts["cancellation"] > 0


def _is_ci() -> bool:
    return os.environ.get("CI") == "true" or os.environ.get("CUSTSEG_REQUIRE_SHARED") == "1"


def test_cdnow_download_is_checked_and_cached(cdnow_sample, monkeypatch):
    """A real download from PyPI (the Lifetimes wheel), then a second load fully offline."""
    try:
        downloaded = load_cdnow("sample")
    except DatasetUnavailableError as error:
        if _is_ci():
            raise
        pytest.skip(f"no network here: {error}")
    pd.testing.assert_frame_equal(downloaded, cdnow_sample)
    cached = datasets.data_home() / "Lifetimes-0.11.3-py3-none-any.whl"
    assert cached.exists()
    offline = datasets._REMOTES["cdnow_sample"].__class__(
        **{**datasets._REMOTES["cdnow_sample"].__dict__, "url": "http://127.0.0.1:9/none.whl"}
    )
    monkeypatch.setitem(datasets._REMOTES, "cdnow_sample", offline)
    pd.testing.assert_frame_equal(load_cdnow("sample"), cdnow_sample)


def _replace_remote(monkeypatch, name, **changes):
    remote = datasets._REMOTES[name]
    monkeypatch.setitem(datasets._REMOTES, name, remote.__class__(**{**remote.__dict__, **changes}))


def test_offline_error_names_file_url_and_where_to_put_it(monkeypatch):
    _replace_remote(monkeypatch, "bank_marketing", url="http://127.0.0.1:9/bank+marketing.zip")
    with pytest.raises(DatasetUnavailableError) as error:
        load_bank_marketing()
    message = str(error.value)
    assert "bank_marketing.zip" in message
    assert "http://127.0.0.1:9/bank+marketing.zip" in message
    assert str(datasets.data_home() / "bank_marketing.zip") in message
    assert "path=" in message


@pytest.fixture
def local_server(tmp_path):
    """A web server on loopback that serves tmp_path/served."""
    served = tmp_path / "served"
    served.mkdir()
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(served))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield served, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_a_download_with_the_wrong_checksum_is_refused(monkeypatch, local_server):
    served, url = local_server
    shutil.copy(shared_file("bank-full.csv.gz"), served / "bank.zip")  # not the official zip
    _replace_remote(monkeypatch, "bank_marketing", url=f"{url}/bank.zip")
    with pytest.raises(DatasetUnavailableError, match="checksum"):
        load_bank_marketing()


def test_a_download_with_the_right_checksum_is_read(monkeypatch, local_server, tmp_path, bank):
    """The whole download path: zip in zip, inner sha256, parse, row count."""
    import gzip
    import hashlib
    import zipfile

    served, url = local_server
    csv = gzip.decompress(shared_file("bank-full.csv.gz").read_bytes())
    with zipfile.ZipFile(tmp_path / "bank.zip", "w") as inner:
        inner.writestr("bank-full.csv", csv)
    with zipfile.ZipFile(served / "bank+marketing.zip", "w") as outer:
        outer.write(tmp_path / "bank.zip", "bank.zip")
    digest = hashlib.sha256((served / "bank+marketing.zip").read_bytes()).hexdigest()
    _replace_remote(monkeypatch, "bank_marketing", url=f"{url}/bank+marketing.zip", sha256=digest)
    pd.testing.assert_frame_equal(load_bank_marketing(), bank)


def test_bundled_bank_sample_is_a_subset_of_the_real_file(bank):
    sample = load_sample("bank_marketing")
    assert sample.shape == (3_000, 17)
    assert list(sample.columns) == list(bank.columns)
    merged = sample.merge(bank.drop_duplicates(), how="left", indicator=True)
    assert (merged["_merge"] == "both").all()
    with pytest.raises(ValueError, match="'nope'"):
        load_sample("nope")


def test_bundled_online_retail_ii_sample_is_whole_customers_of_the_real_file():
    real = load_online_retail(2, path=shared_file("online_retail_II_year2009-2010_only.csv.gz"))
    sample = load_sample("online_retail_ii")
    assert sample["customer_id"].nunique() == 150
    known = sample.dropna(subset=["customer_id"])
    chosen = real[real["customer_id"].isin(known["customer_id"].unique())]
    assert len(chosen) == len(known)  # every line of every chosen customer
    assert (sample["customer_id"].isna()).sum() == 300
