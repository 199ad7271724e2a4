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
# # 第 1 讲 客户分类的理论基础
#
# **学习目标**
#
# 1. 说出客户分类背后的三个基本理论：市场细分理论、客户生命周期理论、客户价值理论；
# 2. 理解客户关系管理（CRM）和价值链理论与客户分类的关系；
# 3. 用示例数据验证“少数客户贡献大部分销售额”，并判断一位客户所处的生命周期阶段。

# %%
import matplotlib.pyplot as plt
import seaborn as sns

import custseg
from custseg.abc_analysis import top_share
from custseg.datasets import load_sample
from custseg.exercises import ____, friendly_errors
from custseg.exercises import theory as ex
from custseg.transactions import clean_transactions
from custseg.widgets import concentration_explorer

custseg.use_chinese_font()
sns.set_theme(style="whitegrid", font=custseg.CJK_FONT_FAMILY)
friendly_errors.enable()
clean, report = clean_transactions(load_sample())

# %% [markdown]
# ## 1. 市场细分理论：客户天生就不一样
#
# 市场细分理论认为，市场并不是一个整体，而是由需求、消费习惯和购买力各不相同的人组成的——这就是
# **市场的异质性**。把需求相似的客户归到同一个细分市场，再为每个细分市场设计专门的产品、价格和沟通方式，
# 比对所有人说同一句话更有效。
#
# 客户分类正是把这个思想用到“已经和我们打过交道的客户”身上：依据客户的特征、需求和行为，
# 把他们分成若干群体，分别对待。
#
# ## 2. 客户生命周期理论：客户关系会成长，也会衰退
#
# 一位客户与企业的关系通常会经过几个阶段：
#
# | 阶段 | 含义 | 营销重点 |
# |---|---|---|
# | 潜在客户 | 有需求、但还没买过 | 吸引、转化 |
# | 首次购买客户 | 刚刚买了第一次 | 良好的第一次体验，促成第二次购买 |
# | 回购客户 | 买过不止一次 | 培养习惯，提高购买频率 |
# | 忠诚客户 | 长期、稳定地购买 | 维护关系，提供专属服务 |
#
# 关系也可能变冷：很久没有购买的客户处在**流失风险**中，再不挽回就会**流失**。
# 第 6 讲会用真实数据把每位客户放进这些阶段。
#
# ## 3. 客户价值理论：客户对企业的贡献差别很大
#
# 客户价值是客户为企业创造的经济价值，包括**直接收入**、**利润贡献**和**长期价值**
# （未来还会带来多少收入，第 5 讲的客户终身价值 CLV）。识别出高价值客户，才能把有限的资源
# 花在最值得的地方。
#
# 一个常见的经验是“二八法则”：大约 20% 的客户贡献了大约 80% 的销售额。我们的示例数据是否如此？

# %%
spend = clean.groupby("customer_id")["amount"].sum()
print(f"前 20% 的客户贡献了 {top_share(spend, 0.2):.0%} 的销售额")

# %% [markdown]
# ### 互动：拖动滑块
#
# 拖动滑块，看看“前 x% 的客户”贡献了多少销售额。曲线叫**洛伦兹曲线**：越往右下方弯曲，价值越集中。
# 第 4 讲的 ABC 分类就建立在这条曲线上。

# %%
concentration_explorer(clean)

# %% [markdown]
# 静态版本（便于打印讲义）：

# %%
from custseg.plotting.abc_analysis import plot_lorenz

ax = plot_lorenz(clean)
plt.show()

# %% [markdown]
# ## 4. 客户关系管理（CRM）与价值链
#
# - **客户关系管理（CRM）**：通过对客户分类和管理来提升客户的终身价值。CRM 系统把客户的购买、
#   服务和沟通记录集中在一起，使企业能随时分析客户数据，对不同客户开展个性化营销。
# - **价值链理论**：企业的每一项活动（采购、生产、销售、服务……）都应为客户创造价值。通过客户分类
#   找出关键客户，企业就知道价值链上哪些环节最值得投入，从而提高整体竞争力。
#
# ## 5. 练一练
#
# 每道题把 `____` 换成你的答案，运行单元格，`check()` 会立刻告诉你对不对。

# %%
ex.q1

# %%
### BEGIN SOLUTION
top10_share = round(spend.sort_values(ascending=False).head(15).sum() / spend.sum(), 2)
### END SOLUTION
ex.q1.check()

# %%
ex.q2

# %%
### BEGIN SOLUTION
one_time_buyers = (clean.groupby("customer_id")["invoice_id"].nunique() == 1).sum()
### END SOLUTION
ex.q2.check()

# %%
ex.q3

# %%
### BEGIN SOLUTION
stage_of_lisa = "忠诚客户"
### END SOLUTION
ex.q3.check()

# %% [markdown]
# ## 6. 讨论与角色扮演
#
# - **讨论（10 分钟）**：在你负责的业务里，前 20% 的客户大约贡献多少收入？你们现在对他们和对其他客户
#   的服务有区别吗？
# - **角色扮演（两人一组）**：一人扮演刚完成首次购买的客户，另一人扮演客户经理，用 3 分钟设计一次
#   “促成第二次购买”的沟通。然后交换角色，这次客户已经 6 个月没有购买了。
#
# ## 小结
#
# - 市场细分理论：客户是异质的，分而治之比“一刀切”更有效；
# - 客户生命周期理论：潜在 → 首次购买 → 回购 → 忠诚，每个阶段的营销重点不同；
# - 客户价值理论：客户贡献差别很大，少数客户往往贡献大部分价值；
# - CRM 用数据和系统落实客户分类，价值链理论帮助企业把资源投向关键客户。
