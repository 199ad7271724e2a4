"""Practice for module 07 (clustering) on the sample's RFM table."""

from __future__ import annotations

from functools import cache

from custseg.exercises.problem import Problem, bind

__all__ = ["q1", "q2", "q3"]


@cache
def _rfm():
    from custseg.datasets import load_sample
    from custseg.rfm import rfm_table
    from custseg.transactions import clean_transactions

    return rfm_table(clean_transactions(load_sample())[0])


def _largest_cluster_size() -> int:
    from custseg.clustering import CustomerClusterer

    labels = CustomerClusterer(n_clusters=3, random_state=0).fit(_rfm()).labels_
    return int(labels.value_counts().max())


def _best_k() -> int:
    from custseg.clustering import choose_k

    table = choose_k(_rfm(), k_range=range(2, 7))
    return int(table["silhouette"].idxmax())


q1 = bind(
    Problem(
        name="largest_cluster",
        prompt="用 k=3（random_state=0）对 RFM 表聚类，人数最多的一类有多少位客户？",
        expected=_largest_cluster_size,
        hints=[
            "`model = CustomerClusterer(n_clusters=3, random_state=0).fit(rfm)`。",
            "`model.labels_.value_counts().max()` 就是最大一类的人数。",
        ],
        solution=(
            "model = CustomerClusterer(n_clusters=3, random_state=0).fit(rfm)\n"
            "largest_cluster = model.labels_.value_counts().max()"
        ),
    )
)

q2 = bind(
    Problem(
        name="best_k",
        prompt="在 k = 2 到 6 中，轮廓系数（silhouette）最高的 k 是多少？",
        expected=_best_k,
        hints=[
            "`choose_k(rfm, k_range=range(2, 7))` 给出每个 k 的轮廓系数。",
            "`table['silhouette'].idxmax()` 取出轮廓系数最大的那一行的 k。",
        ],
        solution="best_k = choose_k(rfm, k_range=range(2, 7))['silhouette'].idxmax()",
    )
)

q3 = bind(
    Problem(
        name="why_log",
        prompt=(
            "聚类前为什么要对消费金额取对数、再做标准化？在 'A'、'B'、'C' 中选一个：\n"
            "A. 让金额变小，计算更快；B. 让少数大客户不会独占一类、让各特征的影响力相当；C. 让结果更容易解释。"
        ),
        expected=lambda: "B",
        compare=lambda expected, answer: (
            None
            if isinstance(answer, str) and answer.strip().upper() == expected
            else "再想想：k-means 按距离分组，数值最大的特征会主导距离。"
        ),
        hints=[
            "k-means 按“距离”把客户分组。",
            "金额的单位和范围与购买次数完全不同，而且少数客户的金额极大。",
        ],
        solution="why_log = 'B'",
    )
)
