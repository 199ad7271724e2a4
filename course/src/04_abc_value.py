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
# # 第 4 讲 ABC 分类与客户价值分层
#
# 术语见 [术语表 (glossary)](glossary.ipynb)。
#
# **学习目标**
#
# 1. 用 ABC 分类法把客户按贡献大小分为 A 类（重点客户）、B 类（重要客户）、C 类（一般客户）；
# 2. 读懂洛伦兹曲线和基尼系数，判断客户价值有多集中；
# 3. 按价值把客户分为高、中、低三层，并为每一层分配服务资源。
#
# ABC 分类法源自帕累托的“二八法则”：少数客户贡献了大部分价值，值得投入最多的资源。
# 本讲先用示例网店（金额单位英镑）讲解，练习时换成模拟的中国快消品公司「禾悦食品」（金额单位元）。

# %%
import seaborn as sns

import custseg
from custseg.abc_analysis import (
    abc_class_table,
    abc_classify,
    abc_preview,
    concentration_table,
    value_tiers,
)
from custseg.datasets import load_cn_orders, load_sample
from custseg.exercises import ____, friendly_errors
from custseg.exercises import abc_analysis as ex
from custseg.plotting.abc_analysis import plot_lorenz
from custseg.tables import count_rows
from custseg.transactions import clean_transactions
from custseg.widgets import abc_cut_explorer

custseg.use_chinese_font()  # 让图表中的中文正常显示
sns.set_theme(style="whitegrid", font=custseg.CJK_FONT_FAMILY)
friendly_errors.enable()  # 出错时用中文解释
clean, _ = clean_transactions(load_sample())  # 示例网店，清洗后（第 0 讲）
cn_orders = load_cn_orders()  # 禾悦食品（模拟数据）
print("准备好了 (ready)")

# %% [markdown]
# ## 1. ABC 分类怎么做
#
# 1. 算出每位客户的贡献（这里用消费总额，也可以用利润）；
# 2. 从大到小排序，逐个累加，算出累计占比；
# 3. 累计占比达到 80% 之前的客户是 **A 类（重点客户）**，80%—95% 是 **B 类（重要客户）**，其余是 **C 类（一般客户）**。

# %%
abc = abc_classify(data=clean)

# %%
abc_preview(classified=abc, rows=10)

# %% [markdown]
# 每一类有多少位客户、贡献了多少？

# %%
abc_class_table(classified=abc)

# %% [markdown]
# A 类客户贡献了 80% 的销售额。他们应该得到最多的关注：专属客户经理、优先供货、定期回访。
#
# ## 2. 洛伦兹曲线与基尼系数
#
# 把客户从贡献最小到最大排开，横轴是累计客户比例，纵轴是累计价值比例，就得到**洛伦兹曲线**。
# 曲线离对角线（人人贡献相同）越远，价值越集中。**基尼系数**把这种集中程度变成 0 到 1 之间的一个数：
# 0 表示人人相同，越接近 1 越集中。

# %%
ax = plot_lorenz(data=clean)

# %%
concentration_table(data=clean)

# %% [markdown]
# ### 练一练（先预测）
#
# 在动下面的滑块之前，先回答练习 1。

# %%
ex.q1

# %%
### BEGIN SOLUTION
a_count_change = "变多"
### END SOLUTION
ex.q1.check()
# ex.q1.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q1.solution()  # 看参考答案

# %% [markdown]
# ## 3. 互动：分界点放在哪里？
#
# 80% / 95% 只是惯例。拖动滑块，看看 A 类客户的人数和他们贡献的金额占比如何变化。
# 表格中“客户数”是每一类的人数，“金额占比”是这一类贡献的销售额比例。

# %%
abc_cut_explorer(data=clean)

# %% [markdown]
# ### 练习 2、3（决策题）：只能服务 20 位重点客户
#
# 公司只有两位客户经理，最多能一对一服务 **20 位**重点客户（A 类）。在上面的小部件上移动
# “A 类累计到”滑块，找到**不超过 20 位** A 类客户的**最大**分界点。

# %%
ex.q2

# %%
### BEGIN SOLUTION
a_cut_for_20 = 0.4
### END SOLUTION
ex.q2.check()
# ex.q2.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q2.solution()  # 看参考答案

# %%
ex.q3

# %%
### BEGIN SOLUTION
a_value_share = 0.41
### END SOLUTION
ex.q3.check()
# ex.q3.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q3.solution()  # 看参考答案

# %% [markdown]
# ## 4. 客户价值分层：高、中、低
#
# 另一种常见做法是按价值把客户平均分成三层（各占三分之一的人数）：高价值客户、中价值客户、低价值客户。
# 与 ABC 分类（按累计价值切分）相比，它保证每层人数相当，便于分配销售人员。

# %%
value_tiers(data=clean)

# %% [markdown]
# ## 5. 练一练：换成禾悦食品
#
# 「禾悦食品」是一家**模拟**的中国快消品公司，订单已经清洗好，金额单位是元。
# 下面一行给它的客户做 ABC 分类（默认分界 80% / 95%）：

# %%
cn_abc = abc_classify(data=cn_orders)

# %% [markdown]
# ### 练习 4（预测题）：先猜，再算

# %%
ex.q4

# %%
### BEGIN SOLUTION
cn_more_concentrated = "更集中"
### END SOLUTION
ex.q4.check()
# ex.q4.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q4.solution()  # 看参考答案

# %% [markdown]
# ### 练习 5（计算题）：禾悦食品的基尼系数
#
# **草稿格**：在下面写 `concentration_table(data=cn_orders)` 并运行。


# %%
### BEGIN SOLUTION
concentration_table(data=cn_orders)
### END SOLUTION

# %%
ex.q5

# %%
### BEGIN SOLUTION
cn_gini = 0.67
### END SOLUTION
ex.q5.check()
# ex.q5.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q5.solution()  # 看参考答案

# %% [markdown]
# ### 练习 6（计算题）：禾悦食品有多少位 A 类客户？
#
# **草稿格**：运行 `abc_class_table(classified=cn_abc)` 查看，
# 也可以直接写 `count_rows(table=cn_abc, abc_class="A")`。


# %%
### BEGIN SOLUTION
abc_class_table(classified=cn_abc)
### END SOLUTION

# %%
ex.q6

# %%
### BEGIN SOLUTION
cn_a_customers = count_rows(table=cn_abc, abc_class="A")
### END SOLUTION
ex.q6.check()
# ex.q6.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q6.solution()  # 看参考答案

# %% [markdown]
# ### 练习 7（计算题）：高价值层是低价值层的几倍？
#
# **草稿格**：在下面写 `value_tiers(data=cn_orders)` 并运行。答案格里可以直接写除法，
# 例如 `cn_tier_ratio = 1200 / 300`。


# %%
### BEGIN SOLUTION
value_tiers(data=cn_orders)
### END SOLUTION

# %%
ex.q7

# %%
### BEGIN SOLUTION
cn_tier_ratio = 3846 / 130
### END SOLUTION
ex.q7.check()
# ex.q7.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q7.solution()  # 看参考答案

# %% [markdown]
# ### 练习 8（决策题）：C 类客户怎么办？

# %%
ex.q8

# %%
### BEGIN SOLUTION
c_class_plan = "B"
### END SOLUTION
ex.q8.check()
# ex.q8.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q8.solution()  # 看参考答案

# %% [markdown]
# ## 6. 讨论
#
# - 你们的 A 类客户现在得到的服务和 C 类客户有什么不同？应该有什么不同？
# - C 类客户贡献最少（在禾悦食品人数也最多）：怎样识别其中值得培养成 B 类的人？
#   （提示：第 5 讲的客户终身价值看的是**未来**的价值，而不只是过去。）
#
# ## 小结
#
# - ABC 分类按累计贡献把客户分为重点、重要、一般三类，资源向 A 类倾斜；
# - 洛伦兹曲线和基尼系数描述价值的集中程度；
# - 分界点和分层方式应结合团队的服务能力来定：能服务多少人，A 类就定多少人。
