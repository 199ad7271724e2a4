# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---


# %% [markdown] nbgrader={"grade": false, "grade_id": "intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# # 作业 7：聚类 (clustering)
#
# 用课程自带的示例数据（一家英国网店的真实订单，150 位客户）的 R、F、M 做 k-means 聚类，
# 选择类别数 k，再把结果读成客户画像。
#
# **做法**：在写着 `在这里写代码 (YOUR CODE HERE)` 的地方写代码，删掉 `raise NotImplementedError()`
# 这一行，然后按 **Shift + Enter** 运行。每道题下面的灰色单元格是检查答案的测试，
# 不要修改或删除它们（改了也没有用：评分时会换回原来的测试）。最后点击菜单
# “Kernel → Restart & Run All”，确认没有报错后再提交。

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
import numpy as np
import pandas as pd

from custseg.clustering import CustomerClusterer, choose_k
from custseg.datasets import load_sample
from custseg.rfm import rfm_table
from custseg.transactions import clean_transactions

clean, _ = clean_transactions(load_sample())
rfm = rfm_table(clean)
rfm.describe().round(1)

# %% [markdown] nbgrader={"grade": false, "grade_id": "q1_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 1 题：先取对数，再标准化 (log, then standardise)
#
# 聚类之前，custseg 先对偏斜的特征取对数 `np.log1p(x)`（即 log(1 + x)），再标准化：
# 减去平均值，除以标准差（用 `std(ddof=0)`，即除以 n 的标准差）。
# 写一个函数 `log_standardize(values)`：`values` 是一列非负的数（Series），返回做完这两步的 Series
# （索引不变）。


# %% nbgrader={"grade": false, "grade_id": "q1_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def log_standardize(values):
    ### BEGIN SOLUTION
    logged = np.log1p(values.astype(float))
    return (logged - logged.mean()) / logged.std(ddof=0)
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "q1_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="特征处理 (log and scaling)"
_toy = pd.Series([0.0, np.e - 1], index=["甲", "乙"])
_out = log_standardize(_toy)
assert isinstance(_out, pd.Series), "log_standardize 应该返回 Series"
assert list(_out.index) == ["甲", "乙"], "请保留原来的索引"
assert np.allclose(_out.to_numpy(), [-1.0, 1.0]), "log_standardize([0, e-1]) 应该是 [-1, 1]"
### BEGIN HIDDEN TESTS
_rfm_columns = ["recency", "frequency", "monetary"]
_model = CustomerClusterer(n_clusters=3, log_transform=_rfm_columns).fit(rfm)
_space = _model.transform_features(rfm)
for _i, _column in enumerate(_rfm_columns):
    assert np.allclose(log_standardize(rfm[_column]).to_numpy(), _space[:, _i])
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 2 题：最近常来的那一类 (the most recent cluster)
#
# 用 `CustomerClusterer(n_clusters=5, random_state=0)` 对 `rfm` 聚类，保存为 `model`。
# 在 5 类中，平均 `recency` 最小（最近买过）的那一类有多少位客户？他们的平均消费金额（`monetary` 的平均值）是多少？
# 分别保存为整数 `n_recent` 和小数 `recent_monetary`。
#
# 提示：`model.labels_` 是每位客户的类别，`model.cluster_centers_` 是每一类的平均值。

# %% nbgrader={"grade": false, "grade_id": "q2_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
model = CustomerClusterer(n_clusters=5, random_state=0).fit(rfm)
recent = model.cluster_centers_["recency"].idxmin()
n_recent = int((model.labels_ == recent).sum())
recent_monetary = float(model.cluster_centers_.loc[recent, "monetary"])
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q2_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="k-means 聚类 (k-means)"
assert isinstance(n_recent, int), "n_recent 应该是整数 (int)，可以用 int(...) 转换"
assert 0 < n_recent < len(rfm), "n_recent 是一类客户的人数"
assert recent_monetary > rfm["monetary"].min(), "recent_monetary 是这一类客户的平均消费金额"
### BEGIN HIDDEN TESTS
from sklearn.cluster import KMeans as _KMeans  # noqa: E402

_logged = np.log1p(rfm[["recency", "frequency", "monetary"]].to_numpy(dtype=float))
_scaled = (_logged - _logged.mean(axis=0)) / _logged.std(axis=0)
_labels = _KMeans(n_clusters=5, n_init=10, random_state=0).fit(_scaled).labels_
_groups = rfm.groupby(_labels)
_nearest = _groups["recency"].mean().idxmin()
assert n_recent == int((_labels == _nearest).sum())
assert abs(recent_monetary - _groups["monetary"].mean()[_nearest]) < 1e-6
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 3 题：选择 k (choosing k)
#
# 营销团队认为至少要分 3 类、最多 7 类才好执行。用 `choose_k` 比较 k = 3, 4, 5, 6, 7 的轮廓系数
# （silhouette），把轮廓系数最高的 k 保存为整数 `best_k`。

# %% nbgrader={"grade": false, "grade_id": "q3_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
k_table = choose_k(rfm, k_range=range(3, 8))
best_k = int(k_table["silhouette"].idxmax())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q3_test", "locked": true, "points": 3, "schema_version": 3, "solution": false, "task": false} topic="选择类别数 (choosing k)"
assert isinstance(best_k, int), "best_k 应该是整数 (int)，可以用 int(...) 转换"
assert 3 <= best_k <= 7, "best_k 应该在 3 到 7 之间"
### BEGIN HIDDEN TESTS
from sklearn.metrics import silhouette_score as _silhouette_score  # noqa: E402

_scores = {
    _k: _silhouette_score(
        _scaled, _KMeans(n_clusters=_k, n_init=10, random_state=0).fit(_scaled).labels_
    )
    for _k in range(3, 8)
}
assert best_k == max(_scores, key=_scores.get)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 4 题：业务解读 (interpretation)
#
# 看一看 `model.cluster_centers_`（第 2 题的 5 类）。给其中**两类**各起一个营销团队记得住的名字，
# 并各写一条营销动作。聚类得到的客户群和第 3 讲 RFM 八类相比，有什么好处和不足？
# 请用三四句话回答（老师会人工评分）。

# %% [markdown] nbgrader={"grade": true, "grade_id": "q4_answer", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false} topic="业务应用 (application)"
# 最近常来、买得多的一类叫“活跃大客户”：安排专属客服和新品优先试用；很久没来、只买过一次的一类叫
# “沉睡小客户”：用低成本的邮件发一次唤醒优惠。聚类按数据自己的相似程度分群，能发现规则想不到的群体，
# 但类别没有现成的名字和动作，每次重新聚类结果也可能变化，需要人来解读，不如 RFM 八类直观稳定。
