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
# # 第 6 讲 客户生命周期与同期群分析
#
# **学习目标**
#
# 1. 用交易数据把每位客户放入生命周期阶段：潜在、新客、回购、忠诚、流失风险、已流失；
# 2. 理解阶段规则中的参数（多少天没买算流失风险？），并会根据业务调整；
# 3. 读懂获客同期群（cohort）的留存矩阵，比较不同月份获得的客户“留得住”的程度。

# %%
import matplotlib.pyplot as plt
import seaborn as sns

import custseg
from custseg.cohorts import cohort_table, retention_matrix
from custseg.datasets import load_sample
from custseg.exercises import ____, friendly_errors
from custseg.exercises import lifecycle as ex
from custseg.lifecycle import lifecycle_rule_table, lifecycle_stages
from custseg.plotting.cohorts import plot_retention_heatmap
from custseg.plotting.lifecycle import plot_lifecycle_stages
from custseg.transactions import clean_transactions
from custseg.widgets import lifecycle_explorer

custseg.use_chinese_font()
sns.set_theme(style="whitegrid", font=custseg.CJK_FONT_FAMILY)
friendly_errors.enable()
clean, _ = clean_transactions(load_sample())

# %% [markdown]
# ## 1. 生命周期阶段的规则
#
# 第 1 讲介绍了生命周期理论。要在数据中落地，需要把每个阶段写成明确的规则。custseg 的默认规则
# 只用三个数字：订单数、距最近一次购买的天数（recency）、距第一次购买的天数（tenure）。
# 规则表就是一张普通的表格，可以换成你们公司自己的规则。

# %%
lifecycle_rule_table()

# %%
stages = lifecycle_stages(clean)
plot_lifecycle_stages(stages)
plt.show()
stages.head()

# %% [markdown]
# 每一行还带着该阶段的**建议动作**（`action` 列），这是把分类变成策略的第一步。
#
# ## 2. 互动：阈值由谁定？
#
# “90 天没买算流失风险”适合网店，却不一定适合你们：买车的客户几年才买一次，买咖啡的客户一周不来就该关心了。
# 拖动滑块，看看阈值如何改变各阶段的人数。

# %%
lifecycle_explorer(clean)

# %% [markdown]
# ## 3. 获客同期群：哪一批客户留得住？
#
# 把客户按**第一次购买的月份**分成一批一批（同期群），再看每一批在之后每个月还有多少比例的人回来购买，
# 就得到留存矩阵。横着看一行：一批客户随时间的流失；竖着看一列：不同批次在同一“年龄”时的对比。

# %%
retention = retention_matrix(clean)
plot_retention_heatmap(retention)
plt.show()

# %%
cohort_table(clean).iloc[:, :4]

# %% [markdown]
# 注意：示例数据只有 150 位客户，每批只有几位到三十几位，比例波动很大。
# 在完整数据上（`load_online_retail()`，4,338 位客户）规律会稳定得多。
#
# ## 4. 练一练

# %%
ex.q1

# %%
### BEGIN SOLUTION
at_risk_customers = (stages["stage"] == "流失风险").sum()
### END SOLUTION
ex.q1.check()

# %%
ex.q2

# %%
### BEGIN SOLUTION
december_retention = round(retention.iloc[0, 1], 2)
### END SOLUTION
ex.q2.check()

# %%
ex.q3

# %%
### BEGIN SOLUTION
stage_for_coupon = "流失风险"
### END SOLUTION
ex.q3.check()

# %% [markdown]
# ## 5. 讨论与角色扮演
#
# - 你们的业务里，“多少天没买”才算流失风险？请每组给出一个数字和理由。
# - **角色扮演**：一人扮演 120 天没有购买的老客户，一人扮演客服，打一通 3 分钟的“关怀回访”电话。
#
# ## 小结
#
# - 生命周期阶段要写成可以执行的规则，参数要符合业务的购买周期；
# - 每个阶段对应不同的营销重点：促成首购、促成回购、维护忠诚、挽回流失；
# - 同期群留存矩阵揭示“哪一批客户留得住”，常用来评估获客渠道和新客体验的改进效果。
