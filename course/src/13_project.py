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
# 1. 在一份**没见过的数据**上，独立走完客户分类的五个步骤：
#    数据收集 → 数据分析 → 客户分类 → 策略制定 → 效果评估；
# 2. 生成一份可以带去开会的报告（网页 + Excel）；
# 3. 设计对照组，说明活动结束后如何评估效果。
#
# **数据**：同一家英国网店更早一年（2009-12 至 2010-12）的订单，课程附带其中 150 位客户
# （UCI Online Retail II，CC BY 4.0）。你也可以换成自己公司的订单文件（见最后一节）。

# %%
import matplotlib.pyplot as plt
import seaborn as sns

import custseg
from custseg.datasets import load_sample
from custseg.exercises import ____, friendly_errors
from custseg.exercises import project as ex
from custseg.plotting.rfm import plot_segment_sizes
from custseg.process import STEPS, SegmentationProcess
from custseg.widgets import process_explorer

custseg.use_chinese_font()
sns.set_theme(style="whitegrid", font=custseg.CJK_FONT_FAMILY)
friendly_errors.enable()
orders = load_sample("online_retail_ii")
print(" → ".join(STEPS))

# %% [markdown]
# ## 第 1 步 数据收集
#
# 收集客户的基本信息、购买记录和行为数据，并清洗：每删除一行都要说清原因。

# %%
process = SegmentationProcess(scheme="cn8", control_share=0.1, random_state=0).fit(orders)
process.cleaning_report_

# %% [markdown]
# ## 第 2 步 数据分析
#
# 找出客户的共性和差异：价值有多集中？

# %%
facts = process.facts_
print(f"{facts['customers']} 位客户，{facts['orders']} 笔订单，消费额 {facts['revenue']:,.0f} 英镑")
print(f"前 20% 客户贡献 {facts['top20_share']:.0%}；基尼系数 {facts['gini']:.2f}")

# %% [markdown]
# ## 第 3 步 客户分类
#
# 每位客户同时得到 RFM 客户群、ABC 类别和生命周期阶段。

# %%
process.customers_[["recency", "frequency", "monetary", "segment", "abc_class", "stage"]].head(10)

# %%
plot_segment_sizes(process.customers_)
plt.show()

# %% [markdown]
# ## 第 4 步 策略制定
#
# 每个客户群的规模、价值和建议策略。换一个分群方案或对照组比例，看看策略表如何变化：

# %%
process_explorer(orders)

# %% [markdown]
# ## 第 5 步 效果评估
#
# 每个客户群随机留出 10% 作为**对照组**，活动期间不联系。活动结束后，比较营销组和对照组后来是否购买：
# 两组之差才是活动真正带来的增量。下面用数据后两个月的订单“假装”活动结果，演示计算方法——
# 这段时间并没有真正的活动，所以增量应接近 0，这正是检验方法是否可靠的好办法。

# %%
before = orders[orders["invoice_date"] < "2010-10-01"]
after = orders[orders["invoice_date"] >= "2010-10-01"]
trial = SegmentationProcess(control_share=0.2, random_state=0).fit(before)
result = trial.evaluate(after, revenue_per_response=50, cost_per_contact=2)
shown = ["treatment_n", "treatment_rate", "control_n", "control_rate", "abs_lift", "p_value"]
result[shown].round(3)

# %% [markdown]
# 样本很小，置信区间很宽、p 值很大：**没有显著差异**。真实活动要有足够的人数，差异才看得出来。
#
# ## 生成报告
#
# 一行代码生成网页报告和 Excel（客户分群名单、分群汇总、清洗报告、对照组名单），可以直接带去开会。

# %%
paths = process.write_report("项目报告")
paths

# %% [markdown]
# ## 练一练

# %%
ex.q1

# %%
### BEGIN SOLUTION
removed_lines = process.cleaning_report_.counts.sum()
### END SOLUTION
ex.q1.check()

# %%
ex.q2

# %%
### BEGIN SOLUTION
top_segment = process.segments_.iloc[0]["segment"]
### END SOLUTION
ex.q2.check()

# %%
ex.q3

# %%
### BEGIN SOLUTION
step_order = ["数据收集", "数据分析", "客户分类", "策略制定", "效果评估"]
### END SOLUTION
ex.q3.check()

# %% [markdown]
# ## 用你自己的数据
#
# 把订单文件（Excel 或 CSV）放在这个笔记本旁边，告诉程序哪一列是什么：
#
# ```python
# process = SegmentationProcess().fit(
#     "我的订单.xlsx",
#     columns={"客户编号": "customer_id", "下单时间": "invoice_date", "实付金额": "amount"},
# )
# process.write_report("我的报告")
# ```
#
# 或者在命令行里：`custseg segment 我的订单.xlsx --out 我的报告 --column 客户编号=customer_id ...`
#
# ## 小组汇报与讨论（30 分钟）
#
# 每组选两个客户群，用 5 分钟汇报：这群人是谁（规模、价值、特征）、我们要做什么（策略和预算）、
# 怎么知道有效（指标、对照组、评估时间）。其他组扮演管理层提问。
#
# **讨论**：如果对照组的人后来买得和营销组一样多，说明了什么？下一次你会怎么改？
#
# ## 小结
#
# - 五步法：数据收集 → 数据分析 → 客户分类 → 策略制定 → 效果评估，缺一不可；
# - 策略要落到每个客户群，评估要事先留好对照组；
# - 客户分类不是一次性项目，而是定期复盘、持续改进的循环。
