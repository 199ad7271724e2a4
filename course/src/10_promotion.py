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
# # 第 10 讲 促销设计与评估
#
# **学习目标**
#
# 1. 说出促销设计的要素：促销目的与目标、促销对象与范围、促销时间与预算，并按客户分群来定；
# 2. 活动前算账：用模拟器估算成本、增量收入、投资回报率（ROI）和保本响应率；
# 3. 活动后评估：用对照组算出“提升”（lift），读懂置信区间和“显著”；
# 4. 收集反馈、分析效果、总结经验，为下一次活动做准备。
#
# 客户分类的最终目的是行动：不同的客户群，用不同的促销。促销花的是真金白银，
# 所以**活动前要算清楚，活动后要评估清楚**。
#
# **数据**：和第 2 讲一样，一家葡萄牙银行的电话营销记录（UCI Bank Marketing，随机抽取 3,000 位客户），
# `y` 表示客户是否认购了定期存款。

# %%
import matplotlib.pyplot as plt
import seaborn as sns

import custseg
from custseg.datasets import load_sample
from custseg.dimensions import age_bands, response_by
from custseg.exercises import ____, friendly_errors
from custseg.exercises import promotion as ex
from custseg.plotting.promotion import plot_campaign_lift, plot_response_rates
from custseg.promotion import (
    PromotionPlan,
    contact_history_groups,
    evaluate_campaign,
    promotion_roi,
    summarize_campaign,
    wilson_interval,
)
from custseg.widgets import promotion_roi_simulator

custseg.use_chinese_font()
sns.set_theme(style="whitegrid", font=custseg.CJK_FONT_FAMILY)
friendly_errors.enable()

clients = load_sample("bank_marketing")
clients["age_band"] = age_bands(clients["age"])
print(f"{len(clients):,} 位客户，整体响应率 {(clients['y'] == 'yes').mean():.1%}")

# %% [markdown]
# ## 1. 促销设计的三组要素
#
# **促销目的与目标**：这次活动要解决什么问题？是**提高老客户的活跃度**，还是**吸引新客户**？
# 目标要能衡量，例如“三个月内定期存款签约率提高 2 个百分点”。不同的客户群，目的可以不同：
# 对沉睡客户是唤醒，对高价值客户是加深关系，对潜在客户是第一次成交。
#
# **促销对象与范围**：对象是哪些客户群（用前几讲的分类结果来选），范围是哪些渠道、哪些地区。
# 选对了人，同样的预算效果会好很多。先看哪些职业的客户更愿意响应：

# %%
response_by(clients, "job").head(6)

# %% [markdown]
# 学生和退休人员的响应率最高。假设我们为这两群人设计一次定期存款推广。
#
# **促销时间与预算**：什么时候开始、什么时候结束，一共花多少钱。预算要够联系全部目标客户，
# 预计收入也要能覆盖成本。
#
# 把计划写成一个 `PromotionPlan`，`check()` 会列出前后矛盾的地方。下面是一份写得匆忙的初稿：

# %%
draft = PromotionPlan(
    objective="三个月内把定期存款签约率提高到 15%",
    target_segments=["student", "retired", "teacher"],
    segment_col="job",
    scope=["电话", "网点"],
    start="2025-06-01",
    end="2025-05-31",
    budget=800,
    cost_per_contact=5,
    expected_response_rate=0.15,
    revenue_per_response=100,
)
for problem in draft.check(clients):
    print("⚠️", problem)

# %% [markdown]
# 初稿有三个问题：数据里没有 “teacher” 这个职业，结束日期早于开始日期，预算不够联系全部目标客户。
# 改好之后：

# %%
plan = PromotionPlan(
    objective="三个月内把定期存款签约率提高到 15%",
    target_segments=["student", "retired"],
    segment_col="job",
    scope=["电话", "网点"],
    start="2025-06-01",
    end="2025-08-31",
    budget=1200,
    cost_per_contact=5,
    expected_response_rate=0.15,
    revenue_per_response=100,
)
print("问题清单：", plan.check(clients) or "没有发现问题")
print("目标客户：", len(plan.target_customers(clients)), "位")

# %% [markdown]
# ## 2. 活动前算账：ROI 模拟器
#
# 几个要会说的词：
#
# - **增量响应**：因为这次活动而**多出来**的响应。有些客户不做活动也会买，他们不能算在活动头上；
# - **投资回报率（ROI）** =（增量收入 − 成本）÷ 成本。ROI 为 50%，表示每花 1 元，净赚 0.5 元；
#   ROI 为负，就是亏了；
# - **保本响应率**：响应率达到多少时，增量收入正好等于成本。
#   保本响应率 = 不做活动的响应率 + 每次联系成本 ÷ 每次响应收入。
#
# 拖动滑块试试：联系成本涨一倍，保本线移到哪里？不做活动也会买的人越多，活动越难赚钱。

# %%
promotion_roi_simulator(
    targets=1000,
    cost_per_contact=5,
    revenue_per_response=100,
    response_rate=0.15,
    baseline_rate=0.09,
)

# %% [markdown]
# 滑块背后是一个普通函数，也可以直接调用：

# %%
promotion_roi(
    targets=len(plan.target_customers(clients)),
    cost_per_contact=5,
    revenue_per_response=100,
    response_rate=0.15,
    baseline_rate=0.09,
)

# %% [markdown]
# ## 3. 活动后评估：对照组、提升、置信区间
#
# 活动结束了，响应率 20%，算成功吗？**不知道**——要和“不做活动会怎样”比。
#
# - **对照组**：从目标客户中**随机**留出一部分人，不给他们促销。他们的响应率就是“不做活动也会有的响应率”；
# - **提升（lift）**：活动组响应率 − 对照组响应率，单位是**百分点**。例如 20% 对 12%，提升 8 个百分点；
#   相对提升 = 8 ÷ 12 ≈ 67%；
# - **置信区间**：样本有限，算出来的响应率有偶然性。95% 置信区间是“真实值很可能落在的范围”。
#   人数越少，区间越宽；
# - **显著**：提升的置信区间不包含 0（p 值小于 0.05），说明提升不太可能只是运气。
#
# 同样是 20% 的响应率，100 人和 1,000 人的可信程度完全不同：

# %%
for responses, contacted in [(20, 100), (200, 1000)]:
    low, high = wilson_interval(responses, contacted)
    print(f"{contacted:>5} 人中 {responses} 人响应：95% 置信区间 {low:.1%} 至 {high:.1%}")

# %% [markdown]
# ### 用银行数据练习评估方法
#
# **必须说明**：这份银行数据**没有随机的对照组**。我们把客户按“以前的营销活动中是否联系过”分成两组：
# “此前联系过”当作活动组，“首次联系”当作对照组。这只是为了**演示计算方法**：
# 此前联系过的客户本来就是银行挑出来的，两组人本身就不一样，所以下面的差距**不能**解读为
# “多联系一次就能多出这么多响应”。真实的活动评估，一定要在活动开始前随机留出对照组。
#
# 假设每签一份定期存款银行赚 100 欧元，每联系一位客户花 5 欧元：

# %%
clients["contact_history"] = contact_history_groups(clients)
result = evaluate_campaign(
    clients,
    group_col="contact_history",
    treatment="此前联系过",
    control="首次联系",
    outcome_col="y",
    revenue_per_response=100,
    cost_per_contact=5,
    segment_col="age_band",
)
result[
    [
        "treatment_n",
        "treatment_rate",
        "control_n",
        "control_rate",
        "abs_lift",
        "abs_lift_ci_low",
        "abs_lift_ci_high",
        "significant",
        "roi",
    ]
].round(3)

# %%
plot_response_rates(result, treatment_label="此前联系过", control_label="首次联系")
plt.show()

# %%
plot_campaign_lift(result)
plt.show()

# %% [markdown]
# 第二张图每条线段是一个年龄段提升的置信区间：红色的区间完全在 0 的右边，提升显著；
# 灰色的跨过了 0，说明看不出效果。25 岁以下的提升点很大，但人数很少，区间非常宽。
#
# 把结果写成一段话，交给领导和同事：

# %%
for line in summarize_campaign(result):
    print("•", line)

# %% [markdown]
# ## 4. 收集反馈、分析效果、总结经验
#
# 数字告诉我们“有没有效果”，却不一定说明“为什么”。活动结束后还要：
#
# 1. **收集反馈**：给参与的客户发简短的**问卷**（满意度、是否会推荐、没有参加的原因），
#    对几位典型客户和一线员工做**访谈**；
# 2. **分析效果**：销售额提升了多少（和对照组比）、客户满意度如何、各客户群的差异、ROI；
# 3. **总结经验**：哪些客户群值得下次继续投入，哪些要换一种方式；渠道、时间、优惠力度有什么要调整；
#    写成一页纸，存档，作为下一次活动的起点。
#
# ## 5. 练一练

# %%
ex.q1

# %%
### BEGIN SOLUTION
lift_points = round(result.loc["全部 (all)", "abs_lift"] * 100, 1)
### END SOLUTION
ex.q1.check()

# %%
ex.q2

# %%
### BEGIN SOLUTION
not_significant = set(result.index[~result["significant"]])
### END SOLUTION
ex.q2.check()

# %%
ex.q3

# %%
### BEGIN SOLUTION
break_even_rate = round(result.loc["全部 (all)", "control_rate"] + 8 / 100, 3)
### END SOLUTION
ex.q3.check()

# %% [markdown]
# ## 6. 讨论与角色扮演
#
# - 为你们公司的“沉睡客户”和“新客户”各设计一次促销：目的、对象与范围、时间与预算分别是什么？
# - 为了留出对照组，有 10% 的目标客户拿不到优惠。你会怎样向销售团队解释这样做的必要？
# - 一次活动的 ROI 是负的，但客户满意度很高。下次还做吗？要改什么？
# - **角色扮演**：一人扮演市场经理，汇报一次“响应率 20%”的促销；一人扮演财务总监，追问：
#   “和不做活动比多了多少？这个数字可信吗？每花一元赚回多少？”市场经理用本讲的概念回答。
#
# ## 小结
#
# - 促销设计先定目的与目标，再按客户分群选对象与范围，最后定时间与预算；
# - 活动前算账：增量收入、成本、ROI 和保本响应率；
# - 活动后评估要有**随机对照组**：提升 = 活动组响应率 − 对照组响应率，看置信区间判断是否显著；
# - 通过问卷和访谈收集反馈，分析效果，把经验写下来，用到下一次活动。
