"""Customer clustering on real data: RFM of Online Retail (k-means) and Bank Marketing (k-prototypes).

Every number is checked against scikit-learn, pandas or a rule computed here, never against
a value produced by the code under test.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import polars as pl
import pytest
from scipy.stats import skew
from sklearn.cluster import KMeans
from sklearn.exceptions import NotFittedError
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import StandardScaler
from threadpoolctl import threadpool_limits

from custseg.clustering import (
    FEATURE_NAMES,
    RFM_SEGMENT_NAMES,
    CustomerClusterer,
    MixedClusterer,
    choose_k,
    cluster_profiles,
)
from custseg.errors import DataError, ParameterError
from custseg.rfm import rfm_table

BANK_COLUMNS = ["age", "balance", "job", "marital", "education"]


@pytest.fixture(scope="module", autouse=True)
def _one_thread():
    """k-means' OpenMP threads spin against the other processes of a small shared machine."""
    with threadpool_limits(limits=1):
        yield


@pytest.fixture(scope="module")
def rfm(online_retail_clean):
    return rfm_table(online_retail_clean)


@pytest.fixture(scope="module")
def fitted(rfm):
    return CustomerClusterer(n_clusters=4, random_state=0).fit(rfm)


@pytest.fixture(scope="module")
def space(rfm):
    """log1p of every RFM column (all three are skewed), then z-scores, computed by hand."""
    logged = np.log1p(rfm[["recency", "frequency", "monetary"]].to_numpy(dtype=float))
    return StandardScaler().fit_transform(logged)


@pytest.fixture(scope="module")
def reference(space):
    """scikit-learn's own k-means, k=4, on that space."""
    return KMeans(n_clusters=4, n_init=10, random_state=0).fit(space)


def test_skewed_rfm_features_are_logged(rfm, fitted):
    values = rfm.to_numpy(dtype=float)
    expected = [
        c
        for c, column in zip(rfm.columns, values.T, strict=True)
        if column.min() >= 0 and skew(column, bias=False) > 1.0
    ]
    assert fitted.log_features_ == expected == ["recency", "frequency", "monetary"]


def test_labels_match_an_independent_sklearn_pipeline(fitted, reference):
    np.testing.assert_array_equal(fitted.labels_.to_numpy(), reference.labels_)
    assert fitted.inertia_ == pytest.approx(reference.inertia_, rel=1e-9)


def test_labels_are_reproducible_and_on_the_customer_index(rfm, fitted):
    again = CustomerClusterer(n_clusters=4, random_state=0).fit_predict(rfm)
    pd.testing.assert_series_equal(again, fitted.labels_)
    assert fitted.labels_.index.equals(rfm.index)
    assert fitted.labels_.name == "cluster"
    assert sorted(fitted.labels_.unique()) == [0, 1, 2, 3]
    pd.testing.assert_series_equal(fitted.predict(rfm), fitted.labels_)


def test_centres_are_per_cluster_means_in_original_units(rfm, fitted):
    labels = fitted.labels_.to_numpy()
    for cluster in range(4):
        members = rfm.to_numpy(dtype=float)[labels == cluster]
        np.testing.assert_allclose(
            fitted.cluster_centers_.loc[cluster].to_numpy(), members.mean(axis=0), rtol=1e-12
        )
    assert list(fitted.cluster_centers_.columns) == ["recency", "frequency", "monetary"]
    # In original units: spend in currency, not in standardised log units.
    assert fitted.cluster_centers_["monetary"].max() > 1000


def test_predict_new_customers_uses_the_training_scale(rfm, fitted):
    extremes = pd.DataFrame(
        {"recency": [1, 370], "frequency": [150, 1], "monetary": [200_000.0, 5.0]},
        index=["best", "lapsed"],
    )
    labels = fitted.predict(extremes)
    centres = fitted.cluster_centers_
    assert labels["best"] == centres["monetary"].idxmax()
    assert labels["lapsed"] == centres["recency"].idxmax()


def test_choose_k_silhouette_and_inertia_match_sklearn(rfm, space, reference):
    table = choose_k(rfm, [4], sample_size=None)
    assert table.loc[4, "silhouette"] == pytest.approx(
        silhouette_score(space, reference.labels_), rel=1e-9
    )
    assert table.loc[4, "inertia"] == pytest.approx(reference.inertia_, rel=1e-9)


def test_choose_k_samples_the_silhouette_with_a_seed(rfm, space, reference):
    table = choose_k(rfm, [2, 4], sample_size=1500, random_state=0)
    pd.testing.assert_frame_equal(table, choose_k(rfm, [2, 4], sample_size=1500, random_state=0))
    sampled = silhouette_score(space, reference.labels_, sample_size=1500, random_state=0)
    assert table.loc[4, "silhouette"] == pytest.approx(sampled, rel=1e-9)
    assert table.loc[2, "inertia"] > table.loc[4, "inertia"]
    assert table["suggested"].sum() == 1
    assert table.index[table["suggested"]][0] == table["silhouette"].idxmax()


def test_profiles_sizes_means_and_names(rfm, fitted, online_retail_clean):
    profiles = cluster_profiles(rfm, fitted.labels_)
    assert profiles["size"].sum() == online_retail_clean["customer_id"].nunique() == 4338
    assert profiles["share"].sum() == pytest.approx(1.0)
    grouped = rfm.groupby(fitted.labels_.to_numpy())
    for column in ("recency", "frequency", "monetary"):
        np.testing.assert_allclose(profiles[f"{column}_mean"], grouped[column].mean())
        np.testing.assert_allclose(profiles[f"{column}_median"], grouped[column].median())
    overall = rfm.mean()
    for cluster, row in profiles.iterrows():
        key = (
            row["recency_mean"] < overall["recency"],
            row["frequency_mean"] > overall["frequency"],
            row["monetary_mean"] > overall["monetary"],
        )
        assert row["name"].startswith(RFM_SEGMENT_NAMES[key]), cluster
    best = profiles["monetary_mean"].idxmax()
    assert profiles.loc[best, "name"] == "高价值活跃客户"
    assert profiles["name"].is_unique


def test_clusters_with_the_same_rfm_pattern_are_told_apart_without_contradiction(rfm, fitted):
    profiles = cluster_profiles(rfm, fitted.labels_)
    base = profiles["name"].str.replace(r"（.*）$", "", regex=True)
    shared = profiles[base.duplicated(keep=False)]
    assert len(shared) == 2  # two clusters of recent, infrequent, low spenders on this data
    # The pair is told apart on the RFM feature where their means differ most, measured in
    # standard deviations of the cluster means; the suffix only compares the two.
    means = rfm.groupby(fitted.labels_).mean()
    gaps = (means.loc[shared.index].max() - means.loc[shared.index].min()) / means.std(ddof=0)
    feature = gaps.idxmax()
    words = {
        "recency": ("更久没买", "买得更近"),
        "frequency": ("买得更勤", "买得较少"),
        "monetary": ("花得更多", "花得较少"),
    }[feature]
    higher = means.loc[shared.index, feature].idxmax()
    lower = means.loc[shared.index, feature].idxmin()
    assert shared.loc[higher, "name"] == f"{base[higher]}（两类中{words[0]}）"
    assert shared.loc[lower, "name"] == f"{base[lower]}（两类中{words[1]}）"
    assert not profiles["name"].str.contains("价值较低").any()


def test_three_clusters_of_one_name_are_ranked(rfm):
    checked = 0
    for k in (6, 7, 8, 9):
        labels = CustomerClusterer(n_clusters=k, random_state=0).fit(rfm).labels_
        profiles = cluster_profiles(rfm, labels)
        base = profiles["name"].str.replace(r"（.*）$", "", regex=True)
        assert profiles["name"].is_unique
        for name in base[base.duplicated()].unique():
            members = profiles[base == name]
            if len(members) < 3:
                continue
            suffixes = members["name"].str.extract(r"第 (\d) (.)）$")
            word = suffixes[1].iloc[0]
            column = {"近": "recency_mean", "勤": "frequency_mean", "多": "monetary_mean"}[word]
            order = members[column].sort_values(ascending=word == "近").index
            assert [int(suffixes.loc[i, 0]) for i in order] == list(range(1, len(members) + 1))
            checked += 1
    assert checked > 0


def test_profiles_align_a_label_series_by_index(rfm, fitted):
    shuffled = fitted.labels_.sample(frac=1.0, random_state=1)
    pd.testing.assert_frame_equal(
        cluster_profiles(rfm, shuffled), cluster_profiles(rfm, fitted.labels_)
    )
    with pytest.raises(DataError, match="length"):
        cluster_profiles(rfm, fitted.labels_.to_numpy()[:-1])


def test_inputs_are_not_modified(rfm, fitted):
    before = rfm.copy()
    model = CustomerClusterer(n_clusters=3).fit(rfm)
    model.predict(rfm)
    cluster_profiles(rfm, model.labels_)
    choose_k(rfm.head(500), [2])
    pd.testing.assert_frame_equal(rfm, before)


def test_features_subset_and_log_options(rfm):
    table = rfm.assign(segment="x")
    model = CustomerClusterer(
        n_clusters=3, features=["recency", "monetary"], log_transform=["monetary"]
    ).fit(table)
    assert list(model.cluster_centers_.columns) == ["recency", "monetary"]
    assert model.log_features_ == ["monetary"]
    assert CustomerClusterer(3, log_transform=False).fit(rfm).log_features_ == []


def test_polars_input_is_accepted(rfm, fitted):
    frame = pl.from_pandas(rfm.reset_index())
    model = CustomerClusterer(n_clusters=4, features=["recency", "frequency", "monetary"])
    labels = model.fit_predict(frame)
    np.testing.assert_array_equal(labels.to_numpy(), fitted.labels_.to_numpy())


def test_nan_is_named_with_column_and_row(rfm):
    broken = rfm.astype({"monetary": float}).copy()
    customer = broken.index[10]
    broken.loc[customer, "monetary"] = np.nan
    with pytest.raises(DataError, match=f"'monetary' 在行 {int(customer)} 有缺失值 .*NaN"):
        CustomerClusterer().fit(broken)


def test_text_column_is_named(rfm):
    with pytest.raises(DataError, match="'segment' 不是数值"):
        CustomerClusterer().fit(rfm.assign(segment="VIP"))
    with pytest.raises(DataError, match="'recency_days'"):
        CustomerClusterer(features=["recency_days"]).fit(rfm)


def test_negative_values_cannot_be_logged(rfm):
    shifted = rfm.assign(monetary=rfm["monetary"] - 1000.0)
    row = shifted.index[(shifted["monetary"] < 0).to_numpy()][0]
    with pytest.raises(DataError, match=f"'monetary' 在行 {int(row)} 为负数"):
        CustomerClusterer(log_transform=["monetary"]).fit(shifted)
    # The automatic rule simply leaves a column with negatives unlogged.
    assert "monetary" not in CustomerClusterer().fit(shifted).log_features_


def test_negative_values_cannot_be_predicted_on_a_logged_column(rfm, fitted):
    refund = pd.DataFrame({"recency": [3], "frequency": [1], "monetary": [-50.0]}, index=["r1"])
    with pytest.raises(DataError, match="'monetary' 在行 'r1' 为负数 \\(-50.0\\)"):
        fitted.predict(refund)


def test_bad_parameters_are_named(rfm):
    with pytest.raises(ParameterError, match="n_clusters"):
        CustomerClusterer(n_clusters=0).fit(rfm)
    with pytest.raises(ParameterError, match="n_clusters=10"):
        CustomerClusterer(n_clusters=10).fit(rfm.head(5))
    with pytest.raises(ParameterError, match="k = 1 无效.*k_range"):
        choose_k(rfm.head(50), [1, 2])


def test_a_bad_k_of_the_readable_table_names_k_from_and_k_to(rfm):
    from custseg.cluster_tables import k_choice_table

    with pytest.raises(ParameterError, match="k = 1 无效.*k_from 和 k_to"):
        k_choice_table(rfm.head(50), k_from=1, k_to=3)
    with pytest.raises(ParameterError, match="k = 50 无效.*行数 50.*k_from 和 k_to"):
        k_choice_table(rfm.head(50), k_from=48, k_to=50)


def test_predict_before_fit_is_a_clear_error(rfm):
    with pytest.raises(NotFittedError, match="fit"):
        CustomerClusterer().predict(rfm)
    with pytest.raises(NotFittedError, match="fit"):
        MixedClusterer().predict(rfm)


def test_init_only_stores_parameters():
    model = CustomerClusterer(5, log_transform=False, random_state=3, features=["a"])
    assert model.get_params() == {
        "n_clusters": 5,
        "log_transform": False,
        "random_state": 3,
        "features": ["a"],
    }


# k-prototypes on Bank Marketing -------------------------------------------------------


@pytest.fixture(scope="module")
def customers(bank):
    return bank.sample(n=3000, random_state=0)[BANK_COLUMNS]


@pytest.fixture(scope="module")
def mixed(customers):
    return MixedClusterer(n_clusters=4, random_state=0, n_init=1).fit(customers)


def _modes(frame: pd.DataFrame, labels: pd.Series, column: str) -> pd.Series:
    """Most frequent value per cluster, ties to the alphabetically first, by counting rows."""
    counts = frame.groupby([labels, frame[column]]).size().rename("n").reset_index()
    counts = counts.sort_values(["cluster", "n", column], ascending=[True, False, True])
    return counts.groupby("cluster")[column].first()


def test_every_bank_customer_gets_a_label(customers, mixed):
    assert mixed.labels_.index.equals(customers.index)
    assert mixed.labels_.notna().all()
    assert set(mixed.labels_) == {0, 1, 2, 3}
    assert mixed.categorical_features_ == ["job", "marital", "education"]
    assert mixed.numeric_features_ == ["age", "balance"]


def test_bank_labels_are_reproducible(customers, mixed):
    again = MixedClusterer(n_clusters=4, random_state=0, n_init=1).fit_predict(customers)
    pd.testing.assert_series_equal(again, mixed.labels_)
    pd.testing.assert_series_equal(mixed.predict(customers), mixed.labels_)


def test_bank_profiles_show_categorical_modes(customers, mixed):
    profiles = cluster_profiles(customers, mixed.labels_)
    assert profiles["size"].sum() == len(customers)
    for column in ("job", "marital", "education"):
        expected = _modes(customers, mixed.labels_, column)
        pd.testing.assert_series_equal(
            profiles[f"{column}_mode"], expected, check_names=False, check_index_type=False
        )
        pd.testing.assert_series_equal(
            mixed.cluster_centers_[column], expected, check_names=False, check_index_type=False
        )
        for cluster, mode in expected.items():
            members = customers.loc[mixed.labels_ == cluster, column]
            assert profiles.loc[cluster, f"{column}_mode_share"] == pytest.approx(
                (members == mode).mean()
            )
    np.testing.assert_allclose(
        mixed.cluster_centers_[["age", "balance"]],
        customers[["age", "balance"]].groupby(mixed.labels_).mean(),
    )
    assert profiles["name"].is_unique
    for cluster, name in profiles["name"].items():
        trait = name.split("、")[-1]
        chinese, value = trait.split("多为")  # e.g. 婚姻状况多为已婚
        column = {FEATURE_NAMES[c]: c for c in ("job", "marital", "education")}[chinese]
        assert profiles.loc[cluster, f"{column}_mode"] == value


def test_mixed_input_errors_name_the_culprit(customers):
    broken = customers.copy()
    row = broken.index[7]
    broken.loc[row, "job"] = None
    with pytest.raises(DataError, match=f"'job' 在行 {int(row)} 有缺失值"):
        MixedClusterer().fit(broken)
    with pytest.raises(DataError, match="'marital' 不是数值"):
        MixedClusterer(categorical=["job", "education"]).fit(customers)
    with pytest.raises(DataError, match="'region'"):
        MixedClusterer(categorical=["region"]).fit(customers)
    with pytest.raises(DataError, match="类别列"):
        MixedClusterer().fit(customers[["age", "balance"]])


def test_mixed_does_not_modify_input(customers, mixed):
    before = customers.copy()
    mixed.predict(customers.head(200))
    cluster_profiles(customers, mixed.labels_)
    pd.testing.assert_frame_equal(customers, before)
