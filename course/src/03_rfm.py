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
# # 第 3 讲 RFM 模型
#
# 术语见 [术语表 (glossary)](glossary.ipynb)。
#
# **学习目标**
#
# 1. 说出 RFM 的三个指标：最近一次购买（Recency）、购买频率（Frequency）、购买金额（Monetary）；
# 2. 从订单数据算出每位客户的 R、F、M，并打 1—5 分；
# 3. 用“八类客户”方案和国际通用的命名方案给客户分群，并为每一类提出营销动作；
# 4. 理解分界点（多近算“近”？）是业务决定，会用滑块试验它的影响。
#
# RFM 只用三个数字描述一位客户，却常常是最有效的价值分类方法。资料中的一家快消品公司用 RFM 找出
# 高价值客户并针对性地设计促销，销售额提升了 30%。
#
# 本讲先用示例网店（英国，金额单位英镑）讲解，练习时换成模拟的中国快消品公司「禾悦食品」（金额单位元）。
# 你只需要按 **Shift + Enter** 依次运行每个单元格；要填答案的地方写着 `____`。

# %%
import seaborn as sns

import custseg
from custseg.datasets import load_cn_orders, load_sample
from custseg.exercises import ____, friendly_errors
from custseg.exercises import rfm as ex
from custseg.plotting.rfm import plot_rf_heatmap, plot_segment_sizes
from custseg.rfm import describe_rfm, rfm_preview, rfm_table, score_rfm
from custseg.segments import scheme_table, segment_customers, segment_profile
from custseg.tables import count_rows
from custseg.transactions import clean_transactions
from custseg.widgets import rfm_cutoff_explorer

custseg.use_chinese_font()  # 让图表中的中文正常显示
sns.set_theme(style="whitegrid", font=custseg.CJK_FONT_FAMILY)
friendly_errors.enable()  # 出错时用中文解释
clean, _ = clean_transactions(load_sample())  # 示例网店，清洗后（第 0 讲）
cn_orders = load_cn_orders()  # 禾悦食品（模拟数据）
print("准备好了 (ready)")

# %% [markdown]
# ## 1. 计算 R、F、M
#
# - **R（Recency，最近一次购买）**：最近一次购买距“今天”多少天。**越小越好**：刚买过的客户最可能再买；
# - **F（Frequency，购买频率）**：一共买过多少次（不同的订单数）。越大越忠诚；
# - **M（Monetary，购买金额）**：一共花了多少钱。越大价值越高。
#
# “今天”（分析日）默认是数据中最后一天的下一天。下面这一行算出每位客户的 R、F、M：

# %%
rfm = rfm_table(transactions=clean)

# %%
rfm_preview(rfm=rfm, rows=5)

# %% [markdown]
# 全部客户的 R、F、M 大致是什么样？

# %%
describe_rfm(rfm=rfm)

# %% [markdown]
# 平均数比中位数大很多：少数客户买得特别多、花得特别多，把平均值“拉高”了。
#
# ## 2. 打分：把三个数字变成 1—5 分
#
# 按五分位给每个指标打分：R 越近分越高，F、M 越大分越高。大多数客户只买过一两次，很多人的 F 相同，
# custseg 会按另外两个指标打破并列，保证每个分数都有人。三个分数连起来（如 “545”）就是 RFM 代码。

# %%
scored = score_rfm(rfm=rfm, bins=5)

# %%
rfm_preview(rfm=scored, rows=5)

# %%
ax = plot_rf_heatmap(scored=scored)

# %% [markdown]
# 热力图每一格是一组 R 分、F 分相同的客户的平均消费：右上角（最近买过、买得多）的客户花钱最多。
#
# ## 3. 八类客户（cn8）
#
# 中国营销界最常用的方案：R、F、M 各自和平均值比较，分成“高”和“低”，2×2×2 = 8 类。
# R 的“高”指**最近买过**（天数小于平均）。M 高的是“重要”客户，M 低的是“一般”客户。
# 规则表就是一张表格：可以看、可以改，每一类都带着建议动作。

# %%
scheme_table(scheme="cn8")

# %%
segmented = segment_customers(rfm=rfm, scheme="cn8")

# %%
ax = plot_segment_sizes(segmented=segmented)

# %% [markdown]
# 每一类客户平均的 R、F、M 是多少？

# %%
segment_profile(segmented=segmented)

# %% [markdown]
# ## 4. 国际通用命名（classic）
#
# 另一个常见方案按 R 分和 F 分把客户分为冠军客户、忠诚客户、潜在忠诚客户、新客户……等 11 类。

# %%
classic = segment_customers(rfm=scored, scheme="classic")

# %%
segment_profile(segmented=classic)

# %% [markdown]
# ## 5. 互动：分界点由谁定？
#
# 八类方案默认用平均值做分界。但“30 天内买过才算近”还是“90 天”？这是业务判断。拖动滑块，
# 看看“重要价值客户”的人数如何变化——**分界点决定了你要服务的 VIP 有多少人**。
# 先别急着拖：做完下面的练习 2，再动滑块。

# %%
rfm_cutoff_explorer(rfm=rfm)

# %% [markdown]
# ## 6. 练一练
#
# 每道题：先运行显示题目的单元格，再把 `____` 换成你的答案，运行同一个单元格就能看到反馈。
# 需要提示时，删掉 `# ex.q1.hint()` 开头的 `# ` 再运行；`solution()` 显示参考答案。
#
# ### 练习 1（判断题）：R 越大越好吗？

# %%
ex.q1

# %%
### BEGIN SOLUTION
likelier_buyer = "客户甲"
### END SOLUTION
ex.q1.check()
# ex.q1.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q1.solution()  # 看参考答案

# %% [markdown]
# ### 练习 2（预测题）：先猜，再拖滑块
#
# 上面的小部件一开始把“近”定为平均值（约 99 天内买过）。**先别动滑块**，预测一下：

# %%
ex.q2

# %%
### BEGIN SOLUTION
vip_change = "变少"
### END SOLUTION
ex.q2.check()
# ex.q2.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q2.solution()  # 看参考答案

# %% [markdown]
# ### 练习 3（在小部件上读数）：揭晓答案
#
# 现在把小部件中第一个滑块（R：几天内买过算“近”）拖到 **30**，F 和 M 的滑块不动。

# %%
ex.q3

# %%
### BEGIN SOLUTION
vip_at_30_days = 24
### END SOLUTION
ex.q3.check()
# ex.q3.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q3.solution()  # 看参考答案

# %% [markdown]
# ### 换一份数据：禾悦食品
#
# 「禾悦食品」是一家**模拟**的中国快消品公司（零食、饮料、礼盒），2023—2024 年的订单已经清洗好，
# 金额单位是元。下面两行用同样的方法给它的客户分群：

# %%
cn_rfm = rfm_table(transactions=cn_orders)
cn_segmented = segment_customers(rfm=cn_rfm, scheme="cn8")

# %% [markdown]
# ### 练习 4（计算题）：禾悦食品有多少位重要价值客户？
#
# **草稿格**：运行 `segment_profile(segmented=cn_segmented)` 查看各类客户的人数，
# 也可以直接写 `count_rows(table=cn_segmented, segment="重要价值客户")`。


# %%
### BEGIN SOLUTION
segment_profile(segmented=cn_segmented)
### END SOLUTION

# %%
ex.q4

# %%
### BEGIN SOLUTION
cn_vip_customers = count_rows(table=cn_segmented, segment="重要价值客户")
### END SOLUTION
ex.q4.check()
# ex.q4.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q4.solution()  # 看参考答案

# %% [markdown]
# ### 练习 5（计算题）：重要保持客户平均花了多少钱？
#
# **草稿格**：上一题的表格里有每一类客户的平均消费金额；需要时在下面再运行一次
# `segment_profile(segmented=cn_segmented)`。


# %%
### BEGIN SOLUTION
segment_profile(segmented=cn_segmented)
### END SOLUTION

# %%
ex.q5

# %%
### BEGIN SOLUTION
cn_retention_mean_spend = 3786
### END SOLUTION
ex.q5.check()
# ex.q5.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q5.solution()  # 看参考答案

# %% [markdown]
# ### 练习 6（决策题）：50 个电话先打给谁？

# %%
ex.q6

# %%
### BEGIN SOLUTION
first_calls = "重要保持客户"
### END SOLUTION
ex.q6.check()
# ex.q6.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q6.solution()  # 看参考答案

# %% [markdown]
# ### 练习 7（决策题）：复购券发给谁？

# %%
ex.q7

# %%
### BEGIN SOLUTION
coupon_segment = "重要发展客户"
### END SOLUTION
ex.q7.check()
# ex.q7.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q7.solution()  # 看参考答案

# %% [markdown]
# ## 7. 讨论与角色扮演
#
# - 为“重要发展客户”（最近买过、金额高、但次数少）设计一项提高购买频率的活动，预算有限时你会怎么做？
# - **角色扮演**：一人扮演“重要保持客户”（以前常买、最近不来），一人扮演客户经理，进行一次挽回沟通。
#
# ## 小结
#
# - RFM 用三个数字描述客户价值：R 最近一次购买（天数越小越近）、F 购买次数、M 消费金额；
# - 打分把不同单位的指标放到同一把尺子上；八类方案和经典方案把分数变成有名字、有动作的客户群；
# - 分界点是业务决定：要和团队的服务能力、预算一起考虑。
