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
# 3. 认识实践中的三大挑战——数据收集难、分类标准要动态调整、需要跨部门协作——以及应对办法。

# %%
import matplotlib.pyplot as plt
import seaborn as sns

import custseg
from custseg.datasets import load_sample
from custseg.exercises import ____, friendly_errors
from custseg.exercises import trends as ex
from custseg.segments import segment_migration
from custseg.transactions import clean_transactions
from custseg.widgets import segments_over_time_explorer

custseg.use_chinese_font()
sns.set_theme(style="whitegrid", font=custseg.CJK_FONT_FAMILY)
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
# 同样的八类规则，换一个分析日，结果就不一样。拖动滑块，看看客户群如何随时间变化。

# %%
segments_over_time_explorer(clean)

# %% [markdown]
# **迁移表**更直接：行是半年前所在的群，列是现在所在的群。对角线上的客户没有变；
# 离开“重要价值客户”的人，是最需要马上关注的。

# %%
migration = segment_migration(clean, "2011-06-30", "2011-12-10")
migration

# %%
fig, ax = plt.subplots(figsize=(9, 6))
sns.heatmap(migration, annot=True, fmt="d", cmap="Blues", cbar=False, ax=ax)
ax.set_title("客户群迁移：2011-06-30 → 2011-12-10")
plt.show()

# %% [markdown]
# ## 3. 三大挑战
#
# **挑战一：数据收集难。** 新市场、新渠道往往缺少数据；已有的数据也不完整。示例数据里就有一部分订单
# 没有客户编号——这些购买无法归到任何一位客户身上：

# %%
print(
    f"缺少客户编号的订单行：{orders['customer_id'].isna().sum()} 行，"
    f"占 {orders['customer_id'].isna().mean():.1%}"
)

# %% [markdown]
# 应对：建立数据收集机制（会员注册、电子发票、CRM 录入规范），并在清洗时如实报告缺失。
#
# **挑战二：分类标准要动态调整。** 客户需求和市场在变，去年的分界点今年未必合适。应对：定期（如每季度）
# 复盘分类标准，看迁移表和各群的实际表现，再调整规则表。
#
# **挑战三：需要跨部门协作。** 分类结果要被销售、客服、产品、财务共同使用，数据也来自多个部门。
# 应对：统一客户编号和口径，共享分类结果和规则表，明确每个客户群的负责人。
#
# ## 4. 练一练

# %%
ex.q1

# %%
### BEGIN SOLUTION
missing_id_share = round(orders["customer_id"].isna().mean(), 3)
### END SOLUTION
ex.q1.check()

# %%
ex.q2

# %%
### BEGIN SOLUTION
stayed_vip = migration.loc["重要价值客户", "重要价值客户"]
### END SOLUTION
ex.q2.check()

# %%
ex.q3

# %%
### BEGIN SOLUTION
challenges = {"数据收集难度", "分类标准的动态调整", "团队协作"}
### END SOLUTION
ex.q3.check()

# %% [markdown]
# ## 5. 讨论与角色扮演
#
# - 你们公司的客户分类多久更新一次？谁负责？如果改成每月自动更新，需要哪些部门配合？
# - **角色扮演**：一人扮演市场部，一人扮演销售部。市场部希望销售每天录入客户拜访记录，销售部觉得太麻烦。
#   用 5 分钟谈出一个双方都能接受的方案。
#
# ## 小结
#
# - 客户分类正在走向数据驱动、实时、个性化；
# - 客户群会变：用动态分类和迁移表持续跟踪；
# - 数据收集、标准调整和跨部门协作是落地的三大挑战，要用机制而不是一次性项目来应对。
