"""custseg.datasets: real files read through path=, downloads checked by sha256, clear offline errors."""

from __future__ import annotations

import functools
import http.server
import importlib.util
import os
import shutil
import threading
from pathlib import Path

import pandas as pd
import pytest

from custseg import datasets
from custseg.datasets import (
    DatasetUnavailableError,
    load_bank_marketing,
    load_cdnow,
    load_cn_customers,
    load_cn_orders,
    load_cn_promotion,
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


# --- the simulated Chinese business (模拟数据) -------------------------------------------

CN_GENERATOR = Path(__file__).resolve().parents[1] / "datasets" / "make_cn_business.py"
CN_SURVEY = ["price_sensitivity", "health_focus", "brand_loyalty", "novelty_seeking", "convenience"]


@pytest.fixture(scope="module")
def cn_generator():
    if not CN_GENERATOR.exists():
        pytest.skip("datasets/ is not part of an installed package")
    spec = importlib.util.spec_from_file_location("make_cn_business", CN_GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def cn_truth(cn_generator):
    return cn_generator.simulate()


@pytest.fixture(scope="module")
def cn_customers():
    return load_cn_customers()


@pytest.fixture(scope="module")
def cn_orders():
    return load_cn_orders()


@pytest.fixture(scope="module")
def cn_promotion():
    return load_cn_promotion()


def test_cn_tables_follow_the_contract(cn_customers, cn_orders, cn_promotion):
    assert cn_customers.columns.tolist() == [
        "customer_id", "gender", "age", "province", "city", "city_tier", "channel", "member",
        "signup_date", *CN_SURVEY,
    ]  # fmt: skip
    assert cn_orders.columns.tolist() == [
        "invoice_id", "customer_id", "invoice_date", "amount", "channel", "category",
        "province", "city_tier",
    ]  # fmt: skip
    assert cn_promotion.columns.tolist() == [
        "customer_id", "group", "coupon", "responded", "spend", "segment",
    ]  # fmt: skip
    assert len(cn_customers) == 2000 and cn_customers["customer_id"].is_unique
    assert 20_000 <= len(cn_orders) <= 30_000
    assert set(cn_promotion["customer_id"]) == set(cn_customers["customer_id"])
    for frame in (cn_customers, cn_orders, cn_promotion):
        assert frame["customer_id"].map(type).eq(str).all()
        assert frame["customer_id"].str.fullmatch(r"C\d{5}").all()
        assert frame.notna().all().all()
        assert "模拟数据" in frame.attrs["source"]
    assert cn_orders["invoice_id"].map(type).eq(str).all()
    assert cn_customers["signup_date"].dtype == "datetime64[ns]"
    assert cn_orders["invoice_date"].dtype == "datetime64[ns]"
    assert cn_orders["invoice_date"].between("2023-01-01", "2024-12-31").all()
    for money in (cn_orders["amount"], cn_promotion["spend"], cn_promotion["coupon"]):
        assert (money.round(2) == money).all() and (money >= 0).all()
    assert (cn_orders["amount"] > 0).all()
    assert set(cn_customers["gender"]) == {"男", "女"}
    assert set(cn_customers["city_tier"]) == {"一线", "新一线", "二线", "三线及以下"}
    assert set(cn_customers["channel"]) == set(cn_orders["channel"]) == {"门店", "电商", "经销商"}
    assert cn_customers["member"].dtype == bool and cn_promotion["responded"].dtype == bool
    assert cn_customers["age"].between(18, 70).all()
    for column in CN_SURVEY:
        assert cn_customers[column].dtype == "int64"
        assert set(cn_customers[column]) == {1, 2, 3, 4, 5}
    for loader in (load_cn_customers, load_cn_orders, load_cn_promotion):
        assert "模拟数据" in loader.__doc__


def test_cn_orders_agree_with_the_customers(cn_customers, cn_orders):
    customers = cn_customers.set_index("customer_id")
    joined = cn_orders.join(customers, on="customer_id", rsuffix="_customer")
    assert (joined["province"] == joined["province_customer"]).all()
    assert (joined["city_tier"] == joined["city_tier_customer"]).all()
    first = cn_orders.groupby("customer_id")["invoice_date"].min()
    pd.testing.assert_series_equal(
        customers["signup_date"].sort_index(), first.sort_index(), check_names=False
    )
    # each order has one customer, one day and one channel
    per_order = cn_orders.groupby("invoice_id")[["customer_id", "invoice_date", "channel"]]
    assert (per_order.nunique() == 1).all().all()
    # most orders go through the customer's main channel
    same = (joined["channel"] == joined["channel_customer"]).mean()
    assert 0.7 < same < 0.9


def test_cn_shipped_files_are_what_the_seeded_generator_draws(cn_generator, cn_truth):
    folder = Path(datasets.__file__).parent / "data"
    total = 0
    for name, loader in (
        ("customers", load_cn_customers),
        ("orders", load_cn_orders),
        ("promotion", load_cn_promotion),
    ):
        fresh = getattr(cn_truth, name)
        shipped = loader()
        pd.testing.assert_frame_equal(shipped, fresh, check_exact=False, rtol=1e-12)
        path = folder / cn_generator.FILES[name]
        data = path.read_bytes()
        assert data == cn_generator.to_gzip_csv(fresh)
        assert data[4:8] == b"\0\0\0\0"  # gzip header time is 0: rebuilding gives the same bytes
        total += len(data)
    assert total < 600_000


def test_cn_generator_is_deterministic(cn_generator, cn_truth, tmp_path):
    again = cn_generator.simulate()
    paths = cn_generator.write(again, tmp_path)
    for name, path in paths.items():
        assert path.read_bytes() == cn_generator.to_gzip_csv(getattr(cn_truth, name))
    other = cn_generator.simulate(seed=cn_generator.SEED + 1)
    assert not other.orders["amount"].equals(cn_truth.orders["amount"])


def test_cn_survey_clusters_recover_the_hidden_types(cn_customers, cn_truth):
    from sklearn.metrics import adjusted_rand_score

    from custseg.clustering import CustomerClusterer

    survey = cn_customers.set_index("customer_id")[CN_SURVEY]
    model = CustomerClusterer(n_clusters=4, log_transform=False, features=CN_SURVEY).fit(survey)
    hidden = cn_truth.customer_type.reindex(survey.index)
    assert adjusted_rand_score(hidden, model.labels_) > 0.6
    assert "customer_type" not in cn_customers.columns
    # the type with the highest mean on an item is the one planted high on it
    means = survey.groupby(hidden.to_numpy()).mean()
    assert means["price_sensitivity"].idxmax() == "价格敏感型"
    assert means["health_focus"].idxmax() == "健康品质型"
    assert means["novelty_seeking"].idxmax() == "尝鲜社交型"
    assert means["convenience"].idxmax() == "便利忠诚型"


def test_cn_rfm_segments_abc_and_lifecycle_are_sensible(cn_orders):
    from custseg.abc_analysis import abc_classify, gini, top_share
    from custseg.lifecycle import lifecycle_stages
    from custseg.rfm import rfm_table, segment_customers

    rfm = rfm_table(cn_orders)
    assert len(rfm) == 2000 and rfm.attrs["as_of"] == pd.Timestamp("2025-01-01")
    one_time = (rfm["frequency"] == 1).mean()
    assert 0.2 < one_time < 0.4  # many one-time buyers
    assert rfm["frequency"].max() > 50  # and a long tail of frequent ones
    segments = segment_customers(rfm, scheme="cn8")["segment"]
    assert segments.nunique() == 8
    assert 0.55 < top_share(cn_orders, 0.2) < 0.85
    assert 0.5 < gini(cn_orders) < 0.8
    classes = abc_classify(cn_orders)["abc_class"].value_counts()
    assert classes["A"] < classes["B"] + classes["C"]
    stages = lifecycle_stages(cn_orders)["stage"].value_counts()
    assert {"新客", "忠诚", "流失风险", "已流失"} <= set(stages.index)


def test_cn_sales_have_the_chinese_seasons(cn_orders):
    daily = cn_orders.groupby("invoice_date")["amount"].sum()
    year = daily["2024"]
    before_new_year = year["2024-01-20":"2024-02-09"].mean()  # 春节 2024-02-10
    new_year_week = year["2024-02-10":"2024-02-16"].mean()
    assert before_new_year > 1.5 * year.mean() > new_year_week
    online = cn_orders[cn_orders["channel"] == "电商"].groupby("invoice_date")["amount"].sum()
    assert online["2024-11-01":"2024-11-11"].mean() > 2.5 * online["2024-10-01":"2024-10-31"].mean()
    gifts = cn_orders["category"] == "坚果礼盒"
    gift_share = cn_orders[gifts].groupby("invoice_date")["amount"].sum() / daily
    assert (
        gift_share["2024-01-20":"2024-02-09"].mean() > 1.5 * gift_share["2024-04":"2024-05"].mean()
    )


def test_cn_order_values_depend_on_tier_and_channel(cn_orders):
    orders = cn_orders.groupby(["invoice_id", "city_tier", "channel"])["amount"].sum()
    by_channel = orders.groupby(level="channel").mean()
    assert by_channel["经销商"] > 2 * by_channel["门店"]  # distributors' customers buy by the case
    # within one channel, higher city tiers pay more per order
    by_tier = orders.groupby(level=["channel", "city_tier"]).mean().unstack()
    for channel in ("门店", "电商", "经销商"):
        assert by_tier.loc[channel, "一线"] > by_tier.loc[channel, "三线及以下"], channel


def test_cn_bg_nbd_fits_and_predicts_the_holdout(cn_orders):
    from custseg.clv import BetaGeoModel, summary_from_transactions

    summary = summary_from_transactions(
        cn_orders, calibration_end="2024-06-30", observation_end="2024-12-31", unit="W"
    )
    model = BetaGeoModel().fit(summary)
    assert all(value > 0 for value in model.params_.values())
    predicted = model.predict_purchases(summary["duration_holdout"].iloc[0], summary).sum()
    actual = summary["frequency_holdout"].sum()
    assert abs(predicted / actual - 1) < 0.35
    alive = model.probability_alive(summary)
    repeaters = summary["frequency"] > 0
    assert alive[repeaters].mean() < alive[~repeaters].mean() == 1.0


def test_cn_promotion_segment_is_the_cn8_label_before_the_start(cn_orders, cn_promotion):
    from custseg.rfm import rfm_table, segment_customers

    start = pd.Timestamp("2025-01-01")
    before = cn_orders[cn_orders["invoice_date"] < start]
    expected = segment_customers(rfm_table(before, as_of=start), scheme="cn8")["segment"]
    got = cn_promotion.set_index("customer_id")["segment"]
    pd.testing.assert_series_equal(got.sort_index(), expected.sort_index(), check_names=False)


def test_cn_promotion_is_randomized(cn_promotion):
    from scipy.stats import chi2_contingency

    assert cn_promotion["group"].value_counts().to_dict() == {"实验组": 1000, "对照组": 1000}
    treated = cn_promotion["group"] == "实验组"
    assert (cn_promotion.loc[treated, "coupon"] == 20).all()
    assert (cn_promotion.loc[~treated, "coupon"] == 0).all()
    assert ((cn_promotion["spend"] > 0) == cn_promotion["responded"]).all()
    # the groups are alike before the coupon: the segment mix does not differ
    assert chi2_contingency(pd.crosstab(cn_promotion["segment"], treated)).pvalue > 0.05


def test_cn_experiment_estimates_cover_the_true_uplift(cn_promotion, cn_truth):
    from custseg.promotion import evaluate_campaign, summarize_campaign

    result = evaluate_campaign(
        cn_promotion, group_col="group", treatment="实验组", control="对照组",
        outcome_col="responded", positive=True, segment_col="segment",
        revenue_per_response=300, cost_per_contact=20,
    )  # fmt: skip
    truth = cn_truth.true_uplift["uplift"]
    assert result.index.tolist() == truth.index.tolist()
    assert 0 < truth.iloc[0] < 0.06  # positive overall, but small
    assert truth.drop("全部 (all)").max() > 5 * truth.drop("全部 (all)").min()  # differs by segment
    covered = (result["abs_lift_ci_low"] <= truth) & (truth <= result["abs_lift_ci_high"])
    assert covered.iloc[0]
    # 95% intervals: with 8 segments one may miss by chance (here 重要保持客户), not more
    assert covered.iloc[1:].sum() >= 7, result.loc[
        ~covered, ["abs_lift_ci_low", "abs_lift_ci_high"]
    ]
    assert summarize_campaign(result, randomized=True)[0].startswith("总体：实验组响应率")
    # the true uplift the generator reports is the mean gap of the true response chances
    gap = cn_truth.response_with - cn_truth.response_without
    assert (gap > -1e-12).all() and gap.mean() == pytest.approx(truth.iloc[0])


def test_cn_files_are_small_and_quick_to_load():
    import time

    folder = Path(datasets.__file__).parent / "data"
    assert sum(path.stat().st_size for path in folder.glob("cn_*.csv.gz")) < 1_000_000
    start = time.perf_counter()
    for loader in (load_cn_customers, load_cn_orders, load_cn_promotion):
        loader()
    assert time.perf_counter() - start < 1.5  # about 0.05 s; generous for a busy machine
