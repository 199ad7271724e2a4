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
# # 第 13 讲 综合项目：客户分类五步法
#
# **学习目标**
#
# 1. 分组走完客户分类的五个步骤：数据收集 → 数据分析 → 客户分类 → 策略制定 → 效果评估；
# 2. 在每一步**做出决定并说明理由**：清洗什么、为什么；用哪种方法；分界点定在哪里；
#    每个客户群的策略和预算；对照组留多大、结果怎么解读；
# 3. 把决定写成可以带去开会的几句话。
#
# 术语见 [术语表 (glossary)](glossary.ipynb)。
#
# **数据**：禾悦食品（**虚构的**食品公司，**模拟数据**）：
#
# - 订单系统**原始导出**的 2023—2024 年订单（带着真实导出常见的毛病）；
# - 2025 年 1 月的随机发券实验结果（第 10 讲用过）。
#
# **怎么做**：3 到 5 人一组。每一步先读说明、讨论，再回答练一练（程序会即时反馈）；
# 标着“✏️ 书面回答”的地方写几句话，由讲师批阅。

# %%
import matplotlib.pyplot as plt

import custseg
from custseg.cleaning_summary import cleaning_table
from custseg.datasets import load_cn_promotion
from custseg.exercises import ____, friendly_errors
from custseg.exercises import project as ex
from custseg.experiment import control_group_size
from custseg.plotting.rfm import plot_segment_sizes
from custseg.process import key_facts, strategy_table
from custseg.promotion import campaign_table, evaluate_campaign
from custseg.raw_export import export_problems, raw_cn_orders
from custseg.rfm import rfm_table
from custseg.segments import segment_customers, segment_profile
from custseg.tables import readable
from custseg.transactions import clean_transactions
from custseg.widgets import process_explorer, rfm_cutoff_explorer

custseg.use_chinese_font()
friendly_errors.enable()
raw = raw_cn_orders()
promotion = load_cn_promotion()

# %% [markdown]
# ## 第 1 步 数据收集
#
# 客户分类要用到客户的基本信息、购买记录和行为数据。禾悦的订单来自门店、电商和经销商三个渠道，
# 由订单系统导出成一张表。先看看导出的原始数据有什么毛病：

# %%
readable(frame=raw)

# %%
export_problems(transactions=raw)

# %% [markdown]
# - **没有客户编号**：散客（没登记会员）的购买，归不到任何一位客户身上；
# - **完全重复的行**：同一订单号、同一品类出现两次；
# - **金额为负**：退款，客户买了又退了；
# - **日期异常**：日期在很多年以后，多半是录入时把 2024 打成了 2042。
#
# 散客和日期异常的行，清洗程序会自动删除并报告。另外两类要你们决定：
#
# ### 练一练 1（决策题）

# %%
ex.q1

# %%
### BEGIN SOLUTION
refund_rule = '从同一位客户的购买中扣除（refunds="net"）'
### END SOLUTION
ex.q1.check()
# ex.q1.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q1.solution()  # 看参考答案

# %% [markdown]
# ### 练一练 2（决策题）

# %%
ex.q2

# %%
### BEGIN SOLUTION
duplicate_rule = "删除：同一订单的同一品类只该有一行，这是系统重复导出"
### END SOLUTION
ex.q2.check()
# ex.q2.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q2.solution()  # 看参考答案

# %% [markdown]
# 按这两个决定清洗（`refunds="net"`：退款从购买中扣除；`drop_duplicates=True`：删除重复行），
# 清洗报告列出每一类删除了多少行：
#
# ### 练一练 3（计算题）先看题，再运行清洗

# %%
ex.q3

# %%
clean, report = clean_transactions(transactions=raw, refunds="net", drop_duplicates=True)
cleaning_table(report=report)

# %%
### BEGIN SOLUTION
lines_removed = ex.removed_lines("net", True)
### END SOLUTION
ex.q3.check()
# ex.q3.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q3.solution()  # 看参考答案

# %% [markdown]
# ### ✏️ 书面回答 1（讲师批阅）
#
# 给老板写两三句话：清洗时删除了哪几类行、各自为什么删、删掉的行占多少，会不会影响结论。

# %% [markdown] tags=["solution"]
# 参考要点：原始导出约 2.5 万行，清洗删除约 1,400 行（约 5%）。其中约 730 行是散客购买，没有客户编号，
# 无法归到客户身上（建议门店推广会员登记）；约 240 行是系统重复导出；约 240 行退款已从对应客户的购买中扣除，
# 其中约 190 笔购买被全额退掉；3 行日期录错（2042 年）。删除的主要是无法归属的散客购买，
# 对会员客户的分类影响很小；报告已存档，可以追溯。

# %% [markdown]
# ## 第 2 步 数据分析
#
# 先看全局：有多少客户、多少订单、销售额多大，价值集中不集中：

# %%
key_facts(transactions=clean)

# %% [markdown]
# “前 20% 客户的销售额占比”和基尼系数（第 4 讲）说明价值有多集中：越集中，越值得把客户分层，区别对待。
#
# ### 练一练 4（判断题）

# %%
ex.q4

# %%
### BEGIN SOLUTION
main_method = "RFM 八类：按最近购买、购买次数和消费金额分，每一类都对应一个营销动作"
### END SOLUTION
ex.q4.check()
# ex.q4.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q4.solution()  # 看参考答案

# %% [markdown]
# ## 第 3 步 客户分类
#
# 用第 3 讲的 RFM 八类。先算每位客户的 R（最近一次购买距今天数）、F（购买次数）、M（消费金额）：

# %%
rfm = rfm_table(transactions=clean)

# %% [markdown]
# 三个分界点决定谁是“近”、谁是“多”、谁是“高”。滑块从平均值开始。
#
# ### 练一练 5（决策题）在小部件上定分界点

# %%
ex.q5

# %%
rfm_cutoff_explorer(rfm=rfm)

# %%
### BEGIN SOLUTION
vip_cutoff = ex.lowest_vip_cutoff()
### END SOLUTION
ex.q5.check()
# ex.q5.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q5.solution()  # 看参考答案

# %% [markdown]
# 你们定的 M 门槛用来确定会员服务团队的名单。为了全班的答案对得上，下面的策略仍用默认分界点（平均值）分类：

# %%
segmented = segment_customers(rfm=rfm, scheme="cn8")
segment_profile(segmented=segmented)

# %%
plot_segment_sizes(segmented=segmented)
plt.show()

# %% [markdown]
# ## 第 4 步 策略制定
#
# 每个客户群的规模、价值和建议策略；假设每联系一位客户（一张券加一条短信）平均 5 元：

# %%
strategy_table(segmented=segmented, cost_per_customer=5)

# %% [markdown]
# ### 练一练 6（计算题）

# %%
ex.q6

# %%
### BEGIN SOLUTION
customers_left_over = ex.q6.problem.expected()
### END SOLUTION
ex.q6.check()
# ex.q6.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q6.solution()  # 看参考答案

# %% [markdown]
# 策略表里的“建议策略”是规则表的默认说法。发不发券，要看券对这个客户群有没有**增量**——
# 回顾 1 月的随机发券实验（第 10 讲）：

# %%
experiment = evaluate_campaign(
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
campaign_table(result=experiment)

# %% [markdown]
# ### 练一练 7（判断题）

# %%
ex.q7

# %%
### BEGIN SOLUTION
vip_strategy = "专属客服、新品试吃、会员积分和生日礼遇，不靠折扣"
### END SOLUTION
ex.q7.check()
# ex.q7.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q7.solution()  # 看参考答案

# %% [markdown]
# ### ✏️ 书面回答 2（讲师批阅）
#
# 今年的促销预算是 **8,000 元**。选三个客户群，分别写：做什么（策略）、通过什么渠道、花多少钱、覆盖多少人、
# 为什么这样分。三个群的预算加起来不超过 8,000 元。

# %% [markdown] tags=["solution"]
# 参考要点（答案不唯一，看理由是否用上了增量和策略表）：
#
# - **一般发展客户**（约 660 人）：增量显著，首单后发满 99 减 20 券加复购提醒，电商和门店短信，
#   全部覆盖约 3,300 元；
# - **重要价值客户**（约 350 人）：券没有增量，改为专属客服、新品试吃和生日礼遇，预算约 3,000 元用于礼品和服务；
# - **重要挽留客户**（约 40 人）：价值高、正在流失，增量看起来大但人数少，由客服逐一回访并给专属优惠，约 500 元；
# - 其余约 1,200 元留作对照组评估和第二轮测试；一般挽留客户券的增量接近 0，今年只做低成本的会员提醒。

# %% [markdown]
# ## 第 5 步 效果评估
#
# 活动开始**之前**就要定好：看什么指标（30 天内是否购买）、对照组留多少、什么时候评估。
#
# ### 练一练 8（计算题）

# %%
ex.q8

# %%
### BEGIN SOLUTION
group_size = control_group_size(baseline_rate=0.25, difference=0.08)
### END SOLUTION
ex.q8.check()
# ex.q8.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q8.solution()  # 看参考答案

# %% [markdown]
# ### 练一练 9（决策题）
#
# 小部件按对照组比例从每个客户群随机留人；拖动“对照组比例”，看看各群的对照组有多少人：

# %%
process_explorer(transactions=clean)

# %%
ex.q9

# %%
### BEGIN SOLUTION
control_plan = "随机一半一半，接受只能看出更大的增量；或者把活动做两个月、合并评估"
### END SOLUTION
ex.q9.check()
# ex.q9.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q9.solution()  # 看参考答案

# %% [markdown]
# ### 练一练 10（判断题）

# %%
ex.q10

# %%
### BEGIN SOLUTION
next_step = "看各客户群的增量，检查券的面额和门槛，调整后再做一次随机实验"
### END SOLUTION
ex.q10.check()
# ex.q10.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q10.solution()  # 看参考答案

# %% [markdown]
# ### ✏️ 书面回答 3（讲师批阅）
#
# 写出你们的评估方案：看什么指标、每个客户群的对照组留多少人、活动多长时间、什么时候评估、
# 结果不显著时怎么办。

# %% [markdown] tags=["solution"]
# 参考要点：指标是发券后 30 天内是否购买（也看人均消费）；一般发展客户随机一半做对照组（各约 330 人），
# 预期只能看出 10 个百分点左右的增量，所以活动做两个月、合并评估；重要价值客户的服务活动同样随机留一半做对照；
# 活动结束后一周内用 `evaluate_campaign` 评估，看增量和置信区间；不显著时不宣布成功也不停止，
# 先看分群结果、检查券的面额和门槛，再做下一轮随机实验。
#
# ### 进阶（选学）：一行生成会议报告
#
# 会写代码的同学可以用 `SegmentationProcess` 一次跑完五步，生成网页报告和 Excel（主线不需要）：

# %% tags=["advanced"]
from custseg.process import SegmentationProcess  # noqa: E402

process = SegmentationProcess(scheme="cn8", control_share=0.5, random_state=0).fit(clean)
process.write_report("项目报告")

# %% [markdown]
# ## 用你自己的数据
#
# 把订单文件（Excel 或 CSV）放在这个笔记本旁边，告诉程序哪一列是什么：引号里照抄你文件的表头，
# `customer_col` 是客户编号那一列，`date_col` 是下单日期那一列，`amount_col` 是金额那一列。
#
# ```python
# from custseg.process import SegmentationProcess
#
# process = SegmentationProcess(
#     customer_col="客户编号", date_col="下单时间", amount_col="实付金额"
# ).fit("我的订单.xlsx")
# process.write_report("我的报告")
# ```
#
# 或者在命令行里：`custseg segment 我的订单.xlsx --out 我的报告 --column 客户编号=customer_id ...`
#
# ## 小组汇报与讨论（30 分钟）
#
# 每组选两个客户群，用 5 分钟汇报：这群人是谁（规模、价值、特征）、我们要做什么（策略和预算）、
# 怎么知道有效（指标、对照组、评估时间）。汇报的内容就是你们在上面三个书面回答里写下的决定。
# 其他组扮演管理层提问，例如：“为什么不给重要价值客户发券？”“对照组的人拿不到优惠，销售会不会有意见？”
#
# **讨论**：如果对照组的人后来买得和营销组一样多，说明了什么？下一次你会怎么改？
#
# ## 小结
#
# - 五步法：数据收集 → 数据分析 → 客户分类 → 策略制定 → 效果评估，缺一不可；
# - 策略要落到每个客户群，评估要事先留好对照组；
# - 客户分类不是一次性项目，而是定期复盘、持续改进的循环。
