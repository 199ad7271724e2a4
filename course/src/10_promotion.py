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
# 3. 活动后评估：用**随机对照组**算出**增量**（实验组响应率 − 对照组响应率），读懂置信区间和“显著”；
# 4. 分清随机实验和观察数据：只有随机分组的比较，才能说明效果是活动带来的；
# 5. 按增量决定下次发给谁、对照组留多大、预算怎么花。
#
# 客户分类的最终目的是行动：不同的客户群，用不同的促销。促销花的是真金白银，
# 所以**活动前要算清楚，活动后要评估清楚**。
#
# 术语见 [术语表 (glossary)](glossary.ipynb)。本讲的两个词要分清：**增量**（差值）是两个响应率相减，
# 单位是百分点；**提升度**（lift）是两个响应率相除，单位是“倍”。
#
# **数据**：
#
# - 禾悦食品（**虚构的**食品公司，**模拟数据**）2025 年 1 月的优惠券实验：2,000 位客户，**随机**一半发 20 元券
#   （实验组），一半不发（对照组），看 30 天内是否购买；
# - 对比用：第 2 讲的葡萄牙银行电话营销记录（UCI Bank Marketing，随机抽取 3,000 位客户）——这是**观察数据**，
#   没有随机分组。

# %%
import matplotlib.pyplot as plt

import custseg
from custseg.datasets import load_cn_promotion, load_sample
from custseg.exercises import ____, friendly_errors
from custseg.exercises import promotion as ex
from custseg.experiment import control_group_size
from custseg.plotting.promotion import plot_campaign_lift, plot_response_rates
from custseg.promotion import (
    PromotionPlan,
    campaign_table,
    check_plan,
    evaluate_campaign,
    promotion_roi_table,
    rate_interval_table,
    summarize_campaign,
    with_contact_history,
)
from custseg.tables import readable
from custseg.widgets import promotion_roi_simulator

custseg.use_chinese_font()
friendly_errors.enable()

promotion = load_cn_promotion()
clients = with_contact_history(load_sample("bank_marketing"))

# %% [markdown]
# ## 1. 促销设计的三组要素
#
# **促销目的与目标**：这次活动要解决什么问题？是**提高老客户的活跃度**，还是**吸引新客户**？
# 目标要能衡量，例如“一个月内一般发展客户的复购率提高 5 个百分点”。不同的客户群，目的可以不同：
# 对沉睡客户是唤醒，对高价值客户是加深关系，对新客户是第二次购买。
#
# **促销对象与范围**：对象是哪些客户群（用前几讲的分类结果来选），范围是哪些渠道、哪些地区。
# 选对了人，同样的预算效果会好很多。
#
# **促销时间与预算**：什么时候开始、什么时候结束，一共花多少钱。预算要够覆盖全部目标客户，
# 预计收入也要能覆盖成本。
#
# 禾悦食品的客户名单 `promotion` 里，每位客户都有一个第 3 讲的八类客户群（“客户群”一列；程序里的列名是 `segment`）：

# %%
readable(frame=promotion)

# %% [markdown]
# 把计划写成一个 `PromotionPlan`，`check_plan` 会列出前后矛盾的地方。下面是一份写得匆忙的初稿：

# %%
draft = PromotionPlan(
    objective="一个月内把一般发展客户的复购率提高 5 个百分点",
    target_segments=["一般发展客户", "沉睡客户"],
    segment_col="segment",
    scope=["门店", "电商"],
    start="2025-01-01",
    end="2024-12-31",
    budget=2000,
    cost_per_contact=5,
    expected_response_rate=0.3,
    revenue_per_response=60,
)
check_plan(plan=draft, customers=promotion)

# %% [markdown]
# 初稿有三个问题：八类客户里没有“沉睡客户”（第 3 讲的名字是“一般挽留客户”），结束日期早于开始日期，
# 预算不够覆盖全部目标客户。改好之后：

# %%
plan = PromotionPlan(
    objective="一个月内把一般发展客户的复购率提高 5 个百分点",
    target_segments=["一般发展客户"],
    segment_col="segment",
    scope=["门店", "电商"],
    start="2025-01-01",
    end="2025-01-30",
    budget=4000,
    cost_per_contact=5,
    expected_response_rate=0.3,
    revenue_per_response=60,
)
check_plan(plan=plan, customers=promotion)

# %% [markdown]
# ## 2. 活动前算账：ROI 模拟器
#
# 几个要会说的词：
#
# - **增量响应**：因为这次活动而**多出来**的响应。有些客户不做活动也会买，他们不能算在活动头上；
# - **投资回报率（ROI）** =（增量收入 − 成本）÷ 成本。ROI 为 50%，表示每花 1 元，净赚 0.5 元；
#   ROI 为负，就是亏了；
# - **保本响应率**：响应率达到多少时，增量收入正好等于成本。
#
# 下面的模拟器：联系 1,000 位客户，每次联系 5 元，每次响应带来 100 元，预计响应率 15%，不做活动也有 9% 会响应。
#
# ### 练一练 1（预测题）先预测，再拖动滑块

# %%
ex.q1

# %%
promotion_roi_simulator(
    targets=1000,
    cost_per_contact=5,
    revenue_per_response=100,
    response_rate=0.15,
    baseline_rate=0.09,
)

# %%
### BEGIN SOLUTION
break_even_at_10 = 0.19
### END SOLUTION
ex.q1.check()
# ex.q1.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q1.solution()  # 看参考答案

# %% [markdown]
# 滑块背后是一个普通函数，也可以直接调用，得到同样的数字：

# %%
promotion_roi_table(
    targets=1000,
    cost_per_contact=5,
    revenue_per_response=100,
    response_rate=0.15,
    baseline_rate=0.09,
)

# %% [markdown]
# ## 3. 活动后评估：对照组、增量、置信区间
#
# 活动结束了，响应率 20%，算成功吗？**不知道**——要和“不做活动会怎样”比。
#
# - **对照组**：从目标客户中**随机**（抽签）留出一部分人，不给他们促销。他们的响应率就是“不做活动也会有的响应率”；
# - **增量**（差值）：实验组响应率 − 对照组响应率，单位是**百分点**。例如 20% 对 12%，增量 8 个百分点；
# - **提升度**（lift）：实验组响应率 ÷ 对照组响应率。20% 对 12%，提升度约 1.67 倍；
# - **置信区间**：样本有限，算出来的响应率有偶然性。95% 置信区间是“真实值很可能落在的范围”。
#   人数越少，区间越宽；
# - **显著**：增量的置信区间不包含 0（p 值小于 0.05），说明增量不太可能只是运气。
#
# 同样是 20% 的响应率，100 人和 1,000 人的可信程度完全不同：

# %%
rate_interval_table(responses=[20, 200], contacted=[100, 1000])

# %% [markdown]
# ## 4. 没有随机分组的比较：银行数据
#
# 银行数据**没有随机的对照组**。我们把客户按“以前的营销活动中是否联系过”分成两组：
# “此前联系过”当作活动组，“首次联系”当作比较组（不是对照组：没有随机分）。假设每签一份定期存款银行赚 100 欧元，每联系一位客户花 5 欧元：

# %%
bank_result = evaluate_campaign(
    frame=clients,
    group_col="contact_history",
    treatment="此前联系过",
    control="首次联系",
    outcome_col="y",
    revenue_per_response=100,
    cost_per_contact=5,
)
campaign_table(result=bank_result, treatment_label="此前联系过", control_label="首次联系")

# %% [markdown]
# 差距很大，而且显著。能不能据此向领导汇报？先自己判断，再看自动总结怎么说。
#
# ### 练一练 2（判断题）

# %%
ex.q2

# %%
### BEGIN SOLUTION
bank_claim = "不能：两组不是随机分的，客户本来就不一样"
### END SOLUTION
ex.q2.check()
# ex.q2.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q2.solution()  # 看参考答案

# %% [markdown]
# 自动总结会看这份数据是不是随机实验，再决定怎么说（`randomized=False`：不是随机分组）：

# %%
summarize_campaign(result=bank_result, randomized=False)

# %% [markdown]
# ## 5. 随机实验：禾悦食品的优惠券
#
# 禾悦食品 2025 年 1 月 1 日邀请了全部 2,000 位客户，**抽签**决定谁拿券：1,000 人拿到 20 元券（满 99 减 20，
# 实验组），1,000 人什么也没拿到（对照组）。因为是抽签分的，两组客户平均来看只差在“有没有券”：
# 两组的差值，就是对券的效果的估计（还要看置信区间，判断它是不是只是运气）。
#
# 假设每次增量购买带来 60 元毛利，发一张券（短信、核销）平均成本 5 元。
#
# ### 练一练 3（计算题）换一份数据，用同样的方法
#
# 先看题目，再运行下面两格评估这次实验：

# %%
ex.q3

# %%
cn_result = evaluate_campaign(
    frame=promotion,
    group_col="group",
    treatment="实验组",
    control="对照组",
    outcome_col="responded",
    positive=True,
    segment_col="segment",
    revenue_per_response=60,
    cost_per_contact=5,
)
campaign_table(result=cn_result)

# %%
### BEGIN SOLUTION
cn_increment_points = 1.8
### END SOLUTION
ex.q3.check()
# ex.q3.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q3.solution()  # 看参考答案

# %% [markdown]
# ### 练一练 4（判断题）

# %%
ex.q4

# %%
### BEGIN SOLUTION
cn_overall_verdict = "不能确定：增量的置信区间包含 0"
### END SOLUTION
ex.q4.check()
# ex.q4.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q4.solution()  # 看参考答案

# %% [markdown]
# 再按客户群看：第一张图是两组的响应率，第二张图是每个客户群的增量和它的置信区间（红色 = 显著）。

# %%
plot_response_rates(
    result=cn_result, treatment_label="实验组（发券）", control_label="对照组（不发券）"
)
plt.show()

# %%
plot_campaign_lift(result=cn_result)
plt.show()

# %% [markdown]
# ### 练一练 5（决策题）下次发给谁？

# %%
ex.q5

# %%
### BEGIN SOLUTION
coupon_segment = "一般发展客户"
### END SOLUTION
ex.q5.check()
# ex.q5.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q5.solution()  # 看参考答案

# %% [markdown]
# 这次是随机实验，自动总结可以说“效果”——但只对置信区间不包含 0 的客户群：

# %%
summarize_campaign(result=cn_result, randomized=True)

# %% [markdown]
# 两点要谨慎：
#
# - 人数少的客户群（几十个人），区间很宽：即使增量看起来很大（例如重要挽留客户），也可能只是运气；
# - **比较的次数越多，越容易碰巧“显著”**：这里八个客户群各比了一次，即使券完全没用，
#   也有大约三分之一的机会至少一个群碰巧“显著”。所以分群的结果是下一次实验的方向，
#   先在选中的客户群里再做一次随机实验确认，再大规模发券。
#
# ### 对照组留多大？
#
# 对照组太小，增量的置信区间就很宽，什么也看不出来。活动**之前**就要算好：想看出多大的增量，每组要多少人。
#
# ### 练一练 6（计算题）

# %%
ex.q6

# %%
### BEGIN SOLUTION
group_size_needed = control_group_size(baseline_rate=0.25, difference=0.05)
### END SOLUTION
ex.q6.check()
# ex.q6.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q6.solution()  # 看参考答案

# %% [markdown]
# ### 练一练 7（决策题）

# %%
ex.q7

# %%
### BEGIN SOLUTION
too_few_customers = "放宽目标（例如只求看出 8 个百分点的增量），或者分两轮做、合起来评估"
### END SOLUTION
ex.q7.check()
# ex.q7.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q7.solution()  # 看参考答案

# %% [markdown]
# ## 6. 情景模拟：王经理的促销决定
#
# 分组进行：一人扮演华东区销售经理王经理，其他人是他的团队。先读情景，再一起做练一练 8 到 10，
# 最后由王经理用两分钟向“区域总监”（讲师）汇报决定和理由。
#
# > **情景**：王经理有 **6,000 元**促销预算，给老客户发满减券。每发给一位客户，短信和核销成本平均 **2 元**；
# > 每次**多出来的**购买带来 **60 元**毛利。上个月公司在三个客户群里做过一次**随机**发券实验，结果如下：
# >
# > | 客户群 | 人数 | 不发券的响应率 | 增量（百分点） | 增量的 95% 置信区间 |
# > |---|---|---|---|---|
# > | 甲：重要价值客户 | 1,200 | 55% | 1.5 | −3.0 至 6.0 |
# > | 乙：一般发展客户 | 3,500 | 20% | 6.0 | 2.5 至 9.5 |
# > | 丙：一般挽留客户 | 6,000 | 3% | 0.8 | −0.5 至 2.1 |
# >
# > 预算只够发给一个客户群的一部分客户。
#
# ### 练一练 8（决策题）

# %%
ex.q8

# %%
### BEGIN SOLUTION
scenario_segment = "乙：一般发展客户"
### END SOLUTION
ex.q8.check()
# ex.q8.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q8.solution()  # 看参考答案

# %% [markdown]
# ### 练一练 9（计算题）

# %%
ex.q9

# %%
### BEGIN SOLUTION
scenario_extra_purchases = 180
### END SOLUTION
ex.q9.check()
# ex.q9.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q9.solution()  # 看参考答案

# %% [markdown]
# ### 练一练 10（计算题）

# %%
ex.q10

# %%
### BEGIN SOLUTION
scenario_roi = 0.8
### END SOLUTION
ex.q10.check()
# ex.q10.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q10.solution()  # 看参考答案

# %% [markdown]
# ### 收集反馈、分析效果、总结经验
#
# 数字告诉我们“有没有效果”，却不一定说明“为什么”。活动结束后还要：
#
# 1. **收集反馈**：给参与的客户发简短的**问卷**（满意度、是否会推荐、没有参加的原因），
#    对几位典型客户和一线员工做**访谈**；
# 2. **分析效果**：增量是多少（和对照组比）、客户满意度如何、各客户群的差异、ROI；
# 3. **总结经验**：哪些客户群值得下次继续投入，哪些要换一种方式；渠道、时间、优惠力度有什么要调整；
#    写成一页纸，存档，作为下一次活动的起点。
#
# ### 进阶（选学）：用 pandas 自己算增量
#
# 下面这格给会写代码的分析师参考，主线不需要它。

# %% tags=["advanced"]
rates = promotion.groupby("group")["responded"].mean()
print(f"增量：{(rates['实验组'] - rates['对照组']) * 100:.1f} 个百分点")

# %% [markdown]
# ## 7. 讨论与角色扮演
#
# - 为你们公司的“沉睡客户”和“新客户”各设计一次促销：目的、对象与范围、时间与预算分别是什么？
# - 为了留出对照组，有 10% 的目标客户拿不到优惠。你会怎样向销售团队解释这样做的必要？
# - 一次活动的 ROI 是负的，但客户满意度很高。下次还做吗？要改什么？
# - **角色扮演**：一人扮演市场经理，汇报一次“响应率 20%”的促销；一人扮演财务总监，追问：
#   “和不做活动比多了多少？这个数字可信吗？每花一元赚回多少？”市场经理用本讲的概念回答。
# - **角色扮演（接第 6 节的情景）**：王经理向区域总监汇报发券方案，总监问：“为什么不发给响应率最高的重要价值客户？”
#
# ## 小结
#
# - 促销设计先定目的与目标，再按客户分群选对象与范围，最后定时间与预算；
# - 活动前算账：增量收入、成本、ROI 和保本响应率；
# - 活动后评估要有**随机对照组**：增量 = 实验组响应率 − 对照组响应率（百分点），看置信区间判断是否显著；
#   提升度是两个响应率之比；
# - 没有随机分组的比较（如银行数据）只能说明两组不同，不能证明活动有效；
# - 按增量选发券对象，而不是按响应率；对照组要足够大，人数用 `control_group_size` 事先算好；
# - 通过问卷和访谈收集反馈，分析效果，把经验写下来，用到下一次活动。
