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
# # 欢迎来到客户分类课程 👋
#
# 这门课帮助市场和销售同事用数据把客户分成不同的群体（客户分类，customer segmentation），
# 再为每一类客户制定合适的营销策略。你不需要会编程：每个练习只需改动几行代码，
# 按 **Shift + Enter** 运行一个单元格即可。
#
# 本笔记本先带你完成三件事：
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
