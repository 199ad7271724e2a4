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
# # 第 0 讲 导论：为什么要给客户分类
#
# ## 为什么要分类
#
# 市场竞争越来越激烈，客户越来越多样，需求变化也越来越快。对所有客户说同一句话、给同一个价格的
# “一刀切”营销，已经很难打动任何一类客户。管理学家彼得·德鲁克说过，企业的目的是**创造顾客**：
# 要创造顾客，先要**认识**顾客——知道谁是我们的客户、他们之间有什么不同、各自需要什么。
#
# **客户分类**（customer segmentation）就是依据客户的特征、需求和行为，把客户分成若干群体，
# 再为每个群体制定合适的营销策略。它能帮助企业：
#
# - **提升客户满意度**：针对性的产品和服务更贴近客户需求；
# - **优化资源配置**：把有限的人力和预算投向最有价值的客户；
# - **增强竞争力**：精准定位，抓住别人看不到的机会。
#
# ## 这门课怎么上
#
# 课程共 14 讲：理论（第 1 讲）→ 分类维度（第 2 讲）→ RFM、ABC、CLV、生命周期、聚类等方法（第 3—7 讲）
# → 企业案例（第 8 讲）→ 经销商、促销、客户信息与隐私（第 9—11 讲）→ 趋势（第 12 讲）→ 综合项目（第 13 讲）。
# 每一讲都有：学习目标、通俗的理论、**互动小部件**（拖动滑块，图表立即变化）、真实数据的案例、
# 可以自动批改的练习、课堂讨论与角色扮演、小结。
#
# 你不需要会编程：每个练习只需改动几行代码，按 **Shift + Enter** 运行一个单元格即可。
#
# 本讲先带你完成三件事：
#
# 1. 读取课程自带的示例数据（一家英国网店的真实订单，2010—2011 年）；
# 2. 清洗数据，并查看每一类被删除的行有多少；
# 3. 画出第一张图：每个月的销售额。
#
# > 数据来源：Daqing Chen，*Online Retail*，UCI 机器学习数据库，CC BY 4.0 许可，
# > https://doi.org/10.24432/C5BW33 。课程附带的是其中 150 位客户的全部订单。

# %%
import seaborn as sns

import custseg
from custseg.datasets import load_sample
from custseg.transactions import COLUMN_LABELS, clean_transactions

custseg.use_chinese_font()  # 让图表中的中文正常显示
sns.set_theme(style="whitegrid", font=custseg.CJK_FONT_FAMILY)

# %% [markdown]
# ## 1. 读取示例数据
#
# 每一行是一条订单明细：谁（客户编号）、什么时候（订单日期）、买了什么、买了多少、花了多少钱。

# %%
orders = load_sample()
print(f"共 {len(orders):,} 行订单明细，{orders['customer_id'].nunique()} 位客户")
orders.head().rename(columns=COLUMN_LABELS)

# %% [markdown]
# ## 2. 数据清洗：删掉不应计入购买的行
#
# 真实数据总有“脏”行：没有客户编号的散客订单、被取消的订单（订单号以 C 开头）、
# 数量或单价不大于 0 的记录、完全重复的行。清洗报告告诉你每一类删了多少行，
# 被删除的行也都保留在 `report.removed` 里，随时可以查看。

# %%
clean, report = clean_transactions(orders)
report

# %%
report.removed.head()

# %% [markdown]
# ## 3. 第一张图：每月销售额
#
# 先看看这家网店的生意有没有季节性。

# %%
monthly = (
    clean.assign(月份=clean["invoice_date"].dt.to_period("M").astype(str))
    .groupby("月份", as_index=False)["amount"]
    .sum()
    .rename(columns={"amount": "销售额（英镑）"})
)
ax = sns.barplot(data=monthly, x="月份", y="销售额（英镑）", color="#4C72B0")
ax.set_title("示例数据：每月销售额")
ax.tick_params(axis="x", rotation=60)

# %% [markdown]
# ### 互动：第一个小部件
#
# 课程中的“小部件”让你不写代码也能探索数据：在下拉框里换一个国家，图表会立即更新。

# %%
from custseg.widgets import monthly_sales_explorer

monthly_sales_explorer(clean)

# %% [markdown]
# ## 4. 练一练
#
# 每道题把 `____` 换成你的答案，然后运行单元格：`check()` 会立刻告诉你对不对；
# 卡住了就运行 `hint()`（`hint(2)` 是第二条提示），最后还可以看 `solution()`。
# 出错了也不用担心：错误信息下面会用中文解释发生了什么。

# %%
from custseg.exercises import ____, friendly_errors
from custseg.exercises import welcome as ex

friendly_errors.enable()
ex.q1

# %%
### BEGIN SOLUTION
cancelled_lines = report.counts["cancellation"]
### END SOLUTION
ex.q1.check()

# %%
ex.q2

# %%
### BEGIN SOLUTION
customers = clean["customer_id"].nunique()
### END SOLUTION
ex.q2.check()

# %%
ex.q3

# %%
### BEGIN SOLUTION
best_month = monthly.loc[monthly["销售额（英镑）"].idxmax(), "月份"]
### END SOLUTION
ex.q3.check()

# %%
# ex.q3.hint()
# ex.q3.solution()

# %% [markdown]
# ## 小结
#
# - 客户分类的第一步是**数据收集与清洗**：先确认每一行都是真实、有效的购买；
# - 清洗不是悄悄删数据：每删除一行，都要说清楚原因；
# - 下一讲我们会学习为什么要做客户分类，以及 RFM、ABC、客户生命周期价值（CLV）等方法。
#
# **讨论**：你们公司的客户数据里，最常见的“脏数据”是什么？
