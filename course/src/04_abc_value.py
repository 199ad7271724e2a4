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
# # 第 4 讲 ABC 分类与客户价值分层
#
# **学习目标**
#
# 1. 用 ABC 分类法把客户按贡献大小分为 A 类（重点客户）、B 类（重要客户）、C 类（一般客户）；
# 2. 读懂洛伦兹曲线和基尼系数，判断客户价值有多集中；
# 3. 按价值把客户分为高、中、低三层，并为每一层分配服务资源。
#
# ABC 分类法源自帕累托的“二八法则”：少数客户贡献了大部分价值，值得投入最多的资源。

# %%
import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns

import custseg
from custseg.abc_analysis import abc_classify, gini, top_share
from custseg.datasets import load_sample
from custseg.exercises import ____, friendly_errors
from custseg.exercises import abc_analysis as ex
from custseg.plotting.abc_analysis import plot_lorenz
from custseg.transactions import clean_transactions
from custseg.widgets import abc_cut_explorer
from custseg.widgets.abc_analysis import abc_summary

custseg.use_chinese_font()
sns.set_theme(style="whitegrid", font=custseg.CJK_FONT_FAMILY)
friendly_errors.enable()
clean, _ = clean_transactions(load_sample())

# %% [markdown]
# ## 1. ABC 分类怎么做
#
# 1. 算出每位客户的贡献（这里用消费总额，也可以用利润）；
# 2. 从大到小排序，逐个累加，算出累计占比；
# 3. 累计占比达到 80% 之前的客户是 **A 类（重点客户）**，80%—95% 是 **B 类（重要客户）**，其余是 **C 类（一般客户）**。

# %%
abc = abc_classify(clean)
abc.head(10)

# %%
abc_summary(abc)

# %% [markdown]
# 少数 A 类客户贡献了 80% 的销售额。他们应该得到最多的关注：专属客户经理、优先供货、定期回访。
#
# ## 2. 洛伦兹曲线与基尼系数
#
# 把客户从贡献最小到最大排开，横轴是累计客户比例，纵轴是累计价值比例，就得到**洛伦兹曲线**。
# 曲线离对角线（人人贡献相同）越远，价值越集中。**基尼系数**把这种集中程度变成 0 到 1 之间的一个数：
# 0 表示人人相同，越接近 1 越集中。

# %%
plot_lorenz(clean)
plt.show()
print(f"基尼系数 {gini(clean):.2f}；前 20% 客户贡献 {top_share(clean, 0.2):.0%} 的销售额")

# %% [markdown]
# ## 3. 互动：分界点放在哪里？
#
# 80% / 95% 只是惯例。拖动滑块，看看 A 类客户的人数如何变化：如果你的团队只能服务 20 位重点客户，
# 分界点应该放在哪里？

# %%
abc_cut_explorer(clean)

# %% [markdown]
# ## 4. 客户价值分层：高、中、低
#
# 另一种常见做法是按价值把客户平均分成三层（各占三分之一的人数），分别是高价值、中价值、低价值客户。
# 与 ABC 分类（按累计价值切分）相比，它保证每层人数相当，便于分配销售人员。

# %%
spend = abc["value"]
tiers = pd.qcut(spend.rank(method="first"), 3, labels=["低价值客户", "中价值客户", "高价值客户"])
spend.groupby(tiers, observed=True).agg(["count", "sum", "mean"]).round(0)

# %% [markdown]
# ## 5. 练一练

# %%
ex.q1

# %%
### BEGIN SOLUTION
a_customers = (abc["abc_class"] == "A").sum()
### END SOLUTION
ex.q1.check()

# %%
ex.q2

# %%
### BEGIN SOLUTION
a_customer_share = round((abc["abc_class"] == "A").mean(), 2)
### END SOLUTION
ex.q2.check()

# %%
ex.q3

# %%
### BEGIN SOLUTION
gini_value = round(gini(clean), 2)
### END SOLUTION
ex.q3.check()

# %% [markdown]
# ## 6. 讨论
#
# - 你们的 A 类客户现在得到的服务和 C 类客户有什么不同？应该有什么不同？
# - C 类客户人数最多、贡献最少：是减少投入，还是想办法把其中一部分培养成 B 类？怎样识别值得培养的人？
#   （提示：第 5 讲的客户终身价值看的是**未来**的价值，而不只是过去。）
#
# ## 小结
#
# - ABC 分类按累计贡献把客户分为重点、重要、一般三类，资源向 A 类倾斜；
# - 洛伦兹曲线和基尼系数描述价值的集中程度；
# - 分界点和分层方式应结合团队的服务能力来定。
