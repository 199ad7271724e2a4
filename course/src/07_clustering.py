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

# %% [markdown]
# # 第 7 讲 聚类：让数据自己分群
#
# **学习目标**
#
# 1. 理解聚类（clustering）与规则分类（如 RFM 八类）的区别；
# 2. 会用“肘部法”和“轮廓系数”选择类别数 k；
# 3. 把聚类结果读成营销人员能用的客户画像，并为每一类提出策略；
# 4. 知道数值和类别混合的数据可以用 k-prototypes 聚类。
#
# RFM 的八类是我们**事先定好规则**再把客户放进去；聚类则是让算法按“相似程度”把客户自动分组，
# 常常能发现规则想不到的群体。最常用的算法是 **k-means（k 均值）**：先定好要分成 k 类，
# 算法反复把每位客户分到离他最近的“中心”，再重新计算中心，直到稳定。

# %%
import matplotlib.pyplot as plt
import seaborn as sns

import custseg
from custseg.clustering import CustomerClusterer, MixedClusterer, choose_k, cluster_profiles
from custseg.datasets import load_sample
from custseg.exercises import ____, friendly_errors
from custseg.exercises import clustering as ex
from custseg.plotting.clustering import plot_choose_k, plot_cluster_profiles, plot_clusters
from custseg.rfm import rfm_table
from custseg.transactions import clean_transactions
from custseg.widgets import cluster_explorer

custseg.use_chinese_font()
sns.set_theme(style="whitegrid", font=custseg.CJK_FONT_FAMILY)
friendly_errors.enable()

clean, _ = clean_transactions(load_sample())
rfm = rfm_table(clean)
rfm.describe().round(1)

# %% [markdown]
# ## 1. 为什么先取对数、再标准化
#
# k-means 按距离分组。消费金额的范围（几十到几万）远大于购买次数（1 到十几），而且少数大客户的金额极高：
# 直接聚类，金额会主导一切，几位大客户会独占一类。所以 custseg 先对偏斜的特征取对数（log），再把每个
# 特征标准化为均值 0、标准差 1，让 R、F、M 的“发言权”相当。
#
# ## 2. 选择 k：肘部法与轮廓系数
#
# - **肘部法**：k 越大，类内距离之和（inertia）越小；曲线由陡变平的“肘部”通常是合适的 k。
# - **轮廓系数**：衡量每位客户离本类近、离别类远的程度，越接近 1 越好。

# %%
k_table = choose_k(rfm, k_range=range(2, 9))
plot_choose_k(k_table)
plt.show()
k_table

# %% [markdown]
# 统计上“最好”的 k 不一定是营销上最有用的 k：类别太少，策略不够细；太多，团队执行不过来。
# 通常 3 到 6 类比较实用。下面用 k = 4。

# %%
model = CustomerClusterer(n_clusters=4, random_state=0).fit(rfm)
profiles = cluster_profiles(rfm, model.labels_)
profiles

# %%
fig, axes = plt.subplots(1, 2, figsize=(12, 4))
plot_clusters(rfm, model.labels_, ax=axes[0])
plot_cluster_profiles(rfm, model.labels_, ax=axes[1])
plt.tight_layout()
plt.show()

# %% [markdown]
# **怎么读画像**：右图每一格是该类在某个特征上比总体平均高（红）还是低（蓝）多少个标准差。
# 类别名称由规则生成：最近购买早于平均 = 流失风险，频率和金额高于平均 = 高价值。
#
# ## 3. 互动：换一个 k 试试
#
# 拖动滑块，观察类别的人数和画像如何变化。哪些类在 k 变化时始终存在？那往往是最“真实”的客户群。

# %%
cluster_explorer(rfm, k=4)

# %% [markdown]
# ## 4. 数值 + 类别：k-prototypes
#
# 银行客户既有年龄、余额（数值），也有职业、婚姻、学历（类别）。k-means 只能处理数值，
# **k-prototypes** 同时用距离（数值）和“是否相同”（类别）来衡量相似度。

# %%
clients = load_sample("bank_marketing")
mixed = MixedClusterer(n_clusters=3, categorical=["job", "marital", "education"], random_state=0)
mixed.fit(clients[["age", "balance", "job", "marital", "education"]])
cluster_profiles(clients[["age", "balance", "job", "marital", "education"]], mixed.labels_)

# %% [markdown]
# ## 5. 练一练

# %%
ex.q1

# %%
### BEGIN SOLUTION
largest_cluster = (
    CustomerClusterer(n_clusters=3, random_state=0).fit(rfm).labels_.value_counts().max()
)
### END SOLUTION
ex.q1.check()

# %%
ex.q2

# %%
### BEGIN SOLUTION
best_k = choose_k(rfm, k_range=range(2, 7))["silhouette"].idxmax()
### END SOLUTION
ex.q2.check()

# %%
ex.q3

# %%
### BEGIN SOLUTION
why_log = "B"
### END SOLUTION
ex.q3.check()

# %% [markdown]
# ## 6. 讨论
#
# - 为 k = 4 的每一类起一个你们团队能记住的名字，并各写一条营销动作。
# - 聚类结果和第 3 讲的 RFM 八类有什么相同、有什么不同？你会向老板汇报哪一个？为什么？
#
# ## 小结
#
# - 聚类让数据自己分群，适合发现规则之外的客户群；
# - 先取对数、再标准化，避免大数值特征和极端客户主导结果；
# - 用肘部法和轮廓系数选 k，再结合业务可执行性做决定；
# - 混合数据用 k-prototypes；结果要翻译成画像和策略，才对营销有用。
