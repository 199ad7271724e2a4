"""One-line clustering tables: the same clusters as the estimators, in readable Chinese."""

from __future__ import annotations

import pandas as pd
import pytest
from threadpoolctl import threadpool_limits

from custseg.cluster_tables import (
    INERTIA_HEADER,
    SURVEY_COLUMNS,
    TOTAL_ROW,
    cluster_customers,
    cluster_profile_table,
    k_choice_table,
    mixed_profile_table,
    readable_profiles,
)
from custseg.clustering import CustomerClusterer, MixedClusterer, choose_k, cluster_profiles
from custseg.datasets import load_cn_customers, load_sample
from custseg.errors import DataError, ParameterError
from custseg.rfm import rfm_table
from custseg.transactions import clean_transactions


@pytest.fixture(scope="module", autouse=True)
def _one_thread():
    with threadpool_limits(limits=1):
        yield


@pytest.fixture(scope="module")
def rfm():
    return rfm_table(clean_transactions(load_sample())[0])


@pytest.fixture(scope="module")
def survey():
    return load_cn_customers()


def test_k_choice_table_is_choose_k_rounded_in_chinese(rfm):
    table = k_choice_table(rfm, k_from=2, k_to=5)
    reference = choose_k(rfm, k_range=range(2, 6))
    assert list(table.index) == [2, 3, 4, 5]
    assert table.index.name == "簇数 k"
    pd.testing.assert_series_equal(
        table[INERTIA_HEADER], reference["inertia"].round(1), check_names=False
    )
    assert table["轮廓系数"].tolist() == reference["silhouette"].round(3).tolist()
    best = int(reference["silhouette"].idxmax())
    assert table["轮廓系数最高"].tolist() == ["是" if k == best else "" for k in table.index]
    assert "平方" in INERTIA_HEADER  # a sum of squared distances, not of distances


def test_profile_table_counts_and_means_match_the_clusters(rfm):
    table = cluster_profile_table(rfm, k=4)
    labels = CustomerClusterer(n_clusters=4, random_state=0).fit(rfm).labels_
    pd.testing.assert_series_equal(cluster_customers(rfm, k=4), labels)
    clusters = table.drop(index=TOTAL_ROW)
    assert clusters["客户数"].to_dict() == labels.value_counts().to_dict()
    assert clusters["占比（%）"].sum() == pytest.approx(100, abs=0.2)
    means = rfm.groupby(labels).mean().round(1)
    assert clusters["平均消费金额"].to_dict() == means["monetary"].to_dict()
    assert clusters["平均购买次数"].to_dict() == means["frequency"].to_dict()
    total = table.loc[TOTAL_ROW]
    assert total["客户数"] == len(rfm)
    assert total["平均最近一次购买距今天数"] == round(rfm["recency"].mean(), 1)
    assert clusters["名称"].is_unique
    assert not any(str(c).isascii() for c in table.columns)


def test_readable_profiles_of_any_labels_count_and_average_every_customer(online_retail_clean):
    features = rfm_table(online_retail_clean)
    labels = (features["frequency"] > 1).astype(int) + (features["monetary"] > 1000).astype(int)
    table = readable_profiles(cluster_profiles(features, labels), features)
    clusters = table.drop(index=TOTAL_ROW)
    assert clusters["客户数"].to_dict() == labels.value_counts().to_dict()
    assert clusters["平均消费金额"].to_dict() == (
        features.groupby(labels)["monetary"].mean().round(1).to_dict()
    )
    assert table.loc[TOTAL_ROW, "客户数"] == len(features)
    assert table.loc[TOTAL_ROW, "平均购买次数"] == round(features["frequency"].mean(), 1)
    assert table.index.name == "簇"


def test_survey_clusters_are_named_by_their_highest_answers(survey):
    table = cluster_profile_table(survey, k=4, features=SURVEY_COLUMNS)
    clusters = table.drop(index=TOTAL_ROW)
    assert clusters["客户数"].sum() == len(survey) == table.loc[TOTAL_ROW, "客户数"]
    answers = ["平均价格敏感", "平均注重健康", "平均品牌忠诚", "平均喜欢尝新", "平均追求便利"]
    for _, row in clusters.iterrows():
        gaps = row[answers].astype(float) - table.loc[TOTAL_ROW, answers].astype(float)
        first = gaps.abs().astype(float).idxmax().removeprefix("平均")
        assert row["名称"].startswith(first)


def test_mixed_profile_table_matches_k_prototypes():
    clients = load_sample("bank_marketing").head(600)
    table = mixed_profile_table(
        clients, k=3, numeric=["age", "balance"], categorical=["job", "marital"]
    )
    model = MixedClusterer(n_clusters=3, categorical=["job", "marital"], random_state=0)
    labels = model.fit(clients[["age", "balance", "job", "marital"]]).labels_
    clusters = table.drop(index=TOTAL_ROW)
    assert clusters["客户数"].to_dict() == labels.value_counts().to_dict()
    assert set(clusters["最常见婚姻状况"]) <= {"已婚", "单身", "离异或丧偶"}


def test_bad_settings_are_named(rfm):
    with pytest.raises(ParameterError, match="k 应为"):
        cluster_profile_table(rfm, k=1)
    with pytest.raises(ParameterError, match="不少于客户数"):
        cluster_profile_table(rfm.head(3), k=3)
    with pytest.raises(ParameterError, match="k_from"):
        k_choice_table(rfm, k_from=5, k_to=3)
    with pytest.raises(DataError, match="health_focus"):
        cluster_profile_table(rfm, k=2, features=["health_focus"])


def test_features_names_the_columns_as_in_the_clusterer(survey):
    chosen = list(SURVEY_COLUMNS[:3])
    labels = cluster_customers(survey, k=3, features=chosen)
    model = CustomerClusterer(n_clusters=3, features=chosen, random_state=0).fit(survey)
    assert labels.tolist() == model.labels_.tolist()
    table = k_choice_table(survey, features=chosen, k_from=2, k_to=3)
    assert table.index.tolist() == [2, 3]


def test_the_old_keywords_still_work_with_a_warning(survey):
    new = cluster_profile_table(survey, k=4, features=SURVEY_COLUMNS)
    with pytest.deprecated_call(match="columns= 已改名为 features="):
        by_columns = cluster_profile_table(survey, k=4, columns=SURVEY_COLUMNS)
    with pytest.deprecated_call(match="已改名为") as caught:
        old_call = cluster_profile_table(features=survey, columns=SURVEY_COLUMNS, k=4)
    assert sorted(str(w.message) for w in caught) == [
        "columns= 已改名为 features= (renamed to features=)",
        "features= 已改名为 data= (renamed to data=)",
    ]
    pd.testing.assert_frame_equal(by_columns, new)
    pd.testing.assert_frame_equal(old_call, new)
    with pytest.deprecated_call(match="已改名为") as caught:
        old_k = k_choice_table(features=survey, columns=SURVEY_COLUMNS, k_from=2, k_to=3)
    assert sorted(str(w.message) for w in caught) == [
        "columns= 已改名为 features= (renamed to features=)",
        "features= 已改名为 data= (renamed to data=)",
    ]
    pd.testing.assert_frame_equal(
        old_k, k_choice_table(survey, features=SURVEY_COLUMNS, k_from=2, k_to=3)
    )
    with pytest.deprecated_call(match="features= 已改名为 data="):
        old_labels = cluster_customers(features=survey[list(SURVEY_COLUMNS)], k=3)
    pd.testing.assert_series_equal(
        old_labels, cluster_customers(survey, features=SURVEY_COLUMNS, k=3)
    )
    with pytest.raises(ParameterError, match="只能给一个"):
        cluster_profile_table(survey, features=SURVEY_COLUMNS, columns=SURVEY_COLUMNS)
