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
# # 第 12 讲 趋势与挑战
#
# **学习目标**
#
# 1. 了解大数据、人工智能如何改变客户分类：数据驱动、实时调整、个性化；
# 2. 用数据看到“客户群是会变的”：同一位客户几个月后可能换了一个群；
# 3. 读懂客户群迁移表：谁留下、谁升级、谁正在流失，该先找谁；
# 4. 认识实践中的三大挑战——数据收集难、分类标准要动态调整、需要跨部门协作——并在具体情景中做出应对决定。
#
# 术语见 [术语表 (glossary)](glossary.ipynb)。

# %%
import matplotlib.pyplot as plt

import custseg
from custseg.cleaning_summary import cleaning_table
from custseg.datasets import load_cn_orders, load_sample
from custseg.exercises import ____, friendly_errors
from custseg.exercises import trends as ex
from custseg.migration import migration_table
from custseg.plotting.migration import plot_migration
from custseg.transactions import clean_transactions
from custseg.widgets import segments_over_time_explorer

custseg.use_chinese_font()
friendly_errors.enable()
orders = load_sample()
clean, report = clean_transactions(orders)

# %% [markdown]
# ## 1. 三个趋势
#
# - **数据驱动决策**：分类依据越来越多地来自历史交易、购买行为和反馈数据，而不是经验判断；
# - **实时调整**：借助实时数据分析和机器学习，企业可以持续监测客户行为，客户群一变化，营销策略就及时调整；
# - **个性化营销**：从“给一群人一个方案”走向“给每个人合适的方案”，第 8 讲亚马逊的推荐就是例子。
#
# ## 2. 客户群是会变的：动态分类
#
# 下面的小部件用第 3 讲的八类规则，在一家英国网店的订单上按“分析日”重新分类：滑块选哪一天，
# 就只用那一天之前的购买来算每位客户的 R、F、M。
#
# ### 练一练 1（预测题）先预测，再拖动滑块

# %%
ex.q1

# %%
### BEGIN SOLUTION
vip_trend = "变多"
### END SOLUTION
ex.q1.check()
# ex.q1.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q1.solution()  # 看参考答案

# %% [markdown]
# 写下预测、点了检查之后，再拖动滑块验证：

# %%
segments_over_time_explorer(transactions=clean)

# %% [markdown]
# ### 练一练 2（在小部件上读数）

# %%
ex.q2

# %%
### BEGIN SOLUTION
vip_in_december = ex.vip_count("2011-12-01")
### END SOLUTION
ex.q2.check()
# ex.q2.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q2.solution()  # 看参考答案

# %% [markdown]
# ## 3. 客户群迁移表
#
# **迁移表**更直接：行是半年前所在的群，列是现在所在的群，格子里是人数。对角线上的客户没有换群；
# “合计”是这一行的人数，“留在原群”是其中没有换群的比例；“（新客户）”一行是这半年里第一次购买的客户。

# %%
migration_table(transactions=clean, start="2011-06-30", end="2011-12-10")

# %% [markdown]
# ### 换一份数据：禾悦食品 2024 年下半年
#
# 用同样的函数，看禾悦食品（**模拟数据**）的客户从 2024 年 6 月底到年底怎样迁移：

# %%
cn_orders = load_cn_orders()
migration_table(transactions=cn_orders, start="2024-06-30", end="2024-12-31")

# %%
plot_migration(transactions=cn_orders, start="2024-06-30", end="2024-12-31")
plt.show()

# %% [markdown]
# ### 练一练 3（决策题）

# %%
ex.q3

# %%
### BEGIN SOLUTION
act_first = "从“重要价值客户”变成“重要挽留客户”的客户"
### END SOLUTION
ex.q3.check()
# ex.q3.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q3.solution()  # 看参考答案

# %% [markdown]
# ### 练一练 4（计算题）

# %%
ex.q4

# %%
### BEGIN SOLUTION
cn_vip_stayed = ex.q4.problem.expected()
### END SOLUTION
ex.q4.check()
# ex.q4.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q4.solution()  # 看参考答案

# %% [markdown]
# ### 练一练 5（决策题）

# %%
ex.q5

# %%
### BEGIN SOLUTION
developing_customers_plan = "首单后尽快跟进：会员引导、复购提醒和第二单的优惠"
### END SOLUTION
ex.q5.check()
# ex.q5.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q5.solution()  # 看参考答案

# %% [markdown]
# ## 4. 三大挑战
#
# **挑战一：数据收集难。** 新市场、新渠道往往缺少数据；已有的数据也不完整。示例网店的订单里就有一部分行
# 没有客户编号——这些购买无法归到任何一位客户身上。清洗报告如实列出了被删除的行和原因：

# %%
cleaning_table(report=report)

# %% [markdown]
# 应对：建立数据收集机制（会员注册、电子发票、CRM 录入规范），并在清洗时如实报告缺失。
#
# ### 练一练 6（判断题）

# %%
ex.q6

# %%
### BEGIN SOLUTION
new_market_data = (
    "先用人口统计、地理、渠道粗分；同时建会员注册、电子小票等收集机制，积累订单后再做 RFM"
)
### END SOLUTION
ex.q6.check()
# ex.q6.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q6.solution()  # 看参考答案

# %% [markdown]
# **挑战二：分类标准要动态调整。** 客户需求和市场在变，去年的分界点今年未必合适。
#
# ### 练一练 7（判断题）

# %%
ex.q7

# %%
### BEGIN SOLUTION
review_cutoffs = "定期（如每季度）用迁移表和各客户群的实际表现复盘，必要时调整分界点"
### END SOLUTION
ex.q7.check()
# ex.q7.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q7.solution()  # 看参考答案

# %% [markdown]
# **挑战三：需要跨部门协作。** 分类结果要被销售、客服、产品、财务共同使用，数据也来自多个部门。
#
# ### 练一练 8（决策题）

# %%
ex.q8

# %%
### BEGIN SOLUTION
sales_records = "简化录入（手机上几项必填），统一客户编号和口径，每月把分群结果和线索反馈给销售，明确各群的负责人"
### END SOLUTION
ex.q8.check()
# ex.q8.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q8.solution()  # 看参考答案

# %% [markdown]
# ## 5. 讨论与角色扮演
#
# - 你们公司的客户分类多久更新一次？谁负责？如果改成每月自动更新，需要哪些部门配合？
# - **角色扮演**：一人扮演市场部，一人扮演销售部。市场部希望销售每天录入客户拜访记录，销售部觉得太麻烦。
#   用 5 分钟谈出一个双方都能接受的方案（练一练 8 的选项只是起点）。
#
# ## 小结
#
# - 客户分类正在走向数据驱动、实时、个性化；
# - 客户群会变：用动态分类和迁移表持续跟踪；
# - 数据收集、标准调整和跨部门协作是落地的三大挑战，要用机制而不是一次性项目来应对。
