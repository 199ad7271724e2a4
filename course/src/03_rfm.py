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
# # 第 3 讲 RFM 模型
#
# **学习目标**
#
# 1. 说出 RFM 的三个指标：最近一次购买（Recency）、购买频率（Frequency）、购买金额（Monetary）；
# 2. 从订单数据算出每位客户的 R、F、M，并打 1—5 分；
# 3. 用“八类客户”方案和国际通用的命名方案给客户分群，并为每一类提出营销动作；
# 4. 理解分界点（多近算“近”？）是业务决定，会用滑块试验它的影响。
#
# RFM 只用三个数字描述一位客户，却常常是最有效的价值分类方法。资料中的一家快消品公司用 RFM 找出
# 高价值客户并针对性地设计促销，销售额提升了 30%。

# %%
import matplotlib.pyplot as plt
import seaborn as sns

import custseg
from custseg.datasets import load_sample
from custseg.exercises import ____, friendly_errors
from custseg.exercises import rfm as ex
from custseg.plotting.rfm import plot_rf_heatmap, plot_segment_sizes
from custseg.rfm import RFMScorer, rfm_table, rule_table, segment_customers
from custseg.transactions import clean_transactions
from custseg.widgets import rfm_cutoff_explorer

custseg.use_chinese_font()
sns.set_theme(style="whitegrid", font=custseg.CJK_FONT_FAMILY)
friendly_errors.enable()
clean, _ = clean_transactions(load_sample())

# %% [markdown]
# ## 1. 计算 R、F、M
#
# - **R（recency）**：最近一次购买距“今天”多少天。越小越好：刚买过的客户最可能再买；
# - **F（frequency）**：买过多少次（不同的订单数）。越大越忠诚；
# - **M（monetary）**：一共花了多少钱。越大价值越高。
#
# “今天”默认是数据中最后一天的下一天。

# %%
rfm = rfm_table(clean)
rfm.head()

# %%
rfm.describe().round(1)

# %% [markdown]
# ## 2. 打分：把三个数字变成 1—5 分
#
# 按五分位给每个指标打分：R 越近分越高，F、M 越大分越高。大多数客户只买过一两次，很多人的 F 相同，
# custseg 会按另外两个指标打破并列，保证每个分数都有人。三个分数连起来（如 “545”）就是 RFM 代码。

# %%
scored = RFMScorer(bins=5).fit_transform(rfm)
scored.head()

# %%
plot_rf_heatmap(scored)
plt.show()

# %% [markdown]
# 热力图每一格是一组 R 分、F 分相同的客户的平均消费：右上角（最近买过、买得多）的客户花钱最多。
#
# ## 3. 八类客户（cn8）
#
# 中国营销界最常用的方案：R、F、M 各自和平均值比较，分成“高”和“低”，2×2×2 = 8 类。
# M 高的是“重要”客户，M 低的是“一般”客户。规则表就是一张表格：可以看、可以改，每一类都带着建议动作。

# %%
rule_table("cn8")

# %%
segmented = segment_customers(rfm, scheme="cn8")
plot_segment_sizes(segmented)
plt.show()

# %%
segmented.groupby("segment")[["recency", "frequency", "monetary"]].mean().round(1)

# %% [markdown]
# ## 4. 国际通用命名（classic）
#
# 另一个常见方案按 R 分和 F 分把客户分为冠军客户、忠诚客户、潜在忠诚客户、新客户……等 11 类。

# %%
classic = segment_customers(scored, scheme="classic")
classic["segment"].value_counts()

# %% [markdown]
# ## 5. 互动：分界点由谁定？
#
# 八类方案默认用平均值做分界。但“30 天内买过才算近”还是“90 天”？这是业务判断。拖动滑块，
# 看看“重要价值客户”的人数如何变化——**分界点决定了你要服务的 VIP 有多少人**。

# %%
rfm_cutoff_explorer(rfm)

# %% [markdown]
# ## 6. 练一练

# %%
ex.q1

# %%
### BEGIN SOLUTION
vip_customers = (segmented["segment"] == "重要价值客户").sum()
### END SOLUTION
ex.q1.check()

# %%
ex.q2

# %%
### BEGIN SOLUTION
recent_mean_spend = round(rfm.loc[rfm["recency"] <= 30, "monetary"].mean(), 2)
### END SOLUTION
ex.q2.check()

# %%
ex.q3

# %%
### BEGIN SOLUTION
segment_for_call = "重要保持客户"
### END SOLUTION
ex.q3.check()

# %% [markdown]
# ## 7. 讨论与角色扮演
#
# - 为“重要发展客户”（最近买过、金额高、但次数少）设计一项提高购买频率的活动，预算有限时你会怎么做？
# - **角色扮演**：一人扮演“重要保持客户”（以前常买、最近不来），一人扮演客户经理，进行一次挽回沟通。
#
# ## 小结
#
# - RFM 用三个数字描述客户价值：最近、频率、金额；
# - 打分把不同单位的指标放到同一把尺子上；八类方案和经典方案把分数变成有名字、有动作的客户群；
# - 分界点是业务决定：要和团队的服务能力、预算一起考虑。
