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
# 术语见 [术语表 (glossary)](glossary.ipynb)。
#
# **学习目标**
#
# 1. 用交易数据把每位客户放入生命周期阶段：潜在、新客、回购、忠诚、流失风险、已流失（与第 1 讲相同的六个阶段）；
# 2. 理解阶段规则中的参数（多少天没买算流失风险？），并会根据业务调整；
# 3. 读懂获客同期群（cohort）的留存表，比较不同月份获得的客户“留得住”的程度。
#
# 本讲先用示例网店讲解，再换成模拟的中国快消品公司「禾悦食品」练习。

# %%
import seaborn as sns

import custseg
from custseg.cohorts import retention_matrix, retention_table
from custseg.datasets import load_cn_orders, load_sample
from custseg.exercises import ____, friendly_errors
from custseg.exercises import lifecycle as ex
from custseg.lifecycle import lifecycle_stages, stage_rules, stage_table, stages_preview
from custseg.plotting.cohorts import plot_retention_heatmap
from custseg.plotting.lifecycle import plot_lifecycle_stages
from custseg.tables import count_rows
from custseg.transactions import clean_transactions
from custseg.widgets import lifecycle_explorer

custseg.use_chinese_font()  # 让图表中的中文正常显示
sns.set_theme(style="whitegrid", font=custseg.CJK_FONT_FAMILY)
friendly_errors.enable()  # 出错时用中文解释
clean, _ = clean_transactions(load_sample())  # 示例网店，清洗后（第 0 讲）
cn_orders = load_cn_orders()  # 禾悦食品（模拟数据）
print("准备好了 (ready)")

# %% [markdown]
# ## 1. 生命周期阶段的规则
#
# 第 1 讲介绍了生命周期理论。要在数据中落地，需要把每个阶段写成明确的规则。custseg 的默认规则
# 只用三个数字：订单数、最近购买距今天数、成为客户天数（距第一次购买的天数）。
# 规则表就是一张普通的表格，可以换成你们公司自己的规则。

# %%
stage_rules(new_days=90, at_risk_days=90, churn_days=180, loyal_orders=5)

# %% [markdown]
# 按这些规则，给示例网店的每位客户找到所处的阶段：

# %%
stages = lifecycle_stages(transactions=clean)

# %%
stages_preview(stages=stages, rows=5)

# %%
ax = plot_lifecycle_stages(stages=stages)

# %% [markdown]
# 每个阶段有多少人、建议做什么？这是把分类变成策略的第一步。

# %%
stage_table(stages=stages)

# %% [markdown]
# 示例网店的数据里没有“潜在”客户：潜在客户还没有买过，订单数据里看不到他们，
# 要从会员注册、咨询登记等名单中加进来（`lifecycle_stages` 的 `prospects=` 参数）。
#
# ## 2. 互动：阈值由谁定？
#
# “90 天没买算流失风险”适合网店，却不一定适合你们：买车的客户几年才买一次，买咖啡的客户一周不来就该关心了。
# 下面的小部件用的是「禾悦食品」（模拟的中国快消品公司，2,000 位客户、两年的订单）。
# 先别急着拖动：做完练习 4 再动滑块。

# %%
lifecycle_explorer(transactions=cn_orders)

# %% [markdown]
# ## 3. 获客同期群：哪一批客户留得住？
#
# 把客户按**第一次购买的月份**分成一批一批（同期群），再看每一批在之后每个月还有多少比例的人回来购买，
# 就得到留存表。横着看一行：一批客户随时间的流失；竖着看一列：不同批次在同一“第几个月”时的对比。

# %%
retention = retention_matrix(transactions=clean)

# %%
ax = plot_retention_heatmap(retention=retention)

# %%
retention_table(transactions=clean, periods=6)

# %% [markdown]
# 注意：示例数据只有 150 位客户，每批只有几位到三十几位，比例波动很大；禾悦食品每批有六七十到一百多位客户，
# 规律会稳定得多。
#
# ## 4. 练一练：禾悦食品
#
# 每道题：先运行显示题目的单元格，再把 `____` 换成你的答案，运行同一个单元格就能看到反馈。
# 下面一行用默认规则给禾悦食品的客户分阶段：

# %%
cn_stages = lifecycle_stages(transactions=cn_orders)

# %% [markdown]
# ### 练习 1（计算题）：有多少位客户处在流失风险中？
#
# **草稿格**：运行 `stage_table(stages=cn_stages)` 查看，
# 也可以直接写 `count_rows(table=cn_stages, stage="流失风险")`。

# %%
### BEGIN SOLUTION
stage_table(stages=cn_stages)
### END SOLUTION

# %%
ex.q1

# %%
### BEGIN SOLUTION
cn_at_risk = count_rows(table=cn_stages, stage="流失风险")
### END SOLUTION
ex.q1.check()
# ex.q1.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q1.solution()  # 看参考答案

# %% [markdown]
# ### 练习 2（判断题）：老客户 100 天没来

# %%
ex.q2

# %%
### BEGIN SOLUTION
old_customer_stage = "流失风险"
### END SOLUTION
ex.q2.check()
# ex.q2.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q2.solution()  # 看参考答案

# %% [markdown]
# ### 练习 3（决策题）：优惠券给哪个阶段？

# %%
ex.q3

# %%
### BEGIN SOLUTION
stage_for_coupon = "流失风险"
### END SOLUTION
ex.q3.check()
# ex.q3.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q3.solution()  # 看参考答案

# %% [markdown]
# ### 练习 4（预测题）：先猜，再拖滑块

# %%
ex.q4

# %%
### BEGIN SOLUTION
at_risk_change = "变多"
### END SOLUTION
ex.q4.check()
# ex.q4.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q4.solution()  # 看参考答案

# %% [markdown]
# ### 练习 5（在小部件上读数）：揭晓答案
#
# 现在把上面小部件的第一个滑块（多少天未购买算流失风险）拖到 **60**，另外两个滑块不动。

# %%
ex.q5

# %%
### BEGIN SOLUTION
at_risk_at_60_days = 346
### END SOLUTION
ex.q5.check()
# ex.q5.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q5.solution()  # 看参考答案

# %% [markdown]
# ### 练习 6（计算题）：第一批客户的次月留存
#
# **草稿格**：在下面写 `retention_table(transactions=cn_orders, periods=6)` 并运行，查看禾悦食品的留存表。

# %%
### BEGIN SOLUTION
retention_table(transactions=cn_orders, periods=6)
### END SOLUTION

# %%
ex.q6

# %%
### BEGIN SOLUTION
first_cohort_month_one = 0.29
### END SOLUTION
ex.q6.check()
# ex.q6.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q6.solution()  # 看参考答案

# %% [markdown]
# ### 练习 7（判断题）：新客礼包有没有用？

# %%
ex.q7

# %%
### BEGIN SOLUTION
how_to_judge = "A"
### END SOLUTION
ex.q7.check()
# ex.q7.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q7.solution()  # 看参考答案

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
# - 同期群留存表揭示“哪一批客户留得住”，常用来评估获客渠道和新客体验的改进效果。
