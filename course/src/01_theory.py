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
# # 第 1 讲 客户分类的理论基础
#
# 术语见 [术语表 (glossary)](glossary.ipynb)。
#
# **学习目标**
#
# 1. 说出客户分类背后的三个基本理论：市场细分理论、客户生命周期理论、客户价值理论；
# 2. 理解客户关系管理（CRM）和价值链理论与客户分类的关系；
# 3. 用数据验证“少数客户贡献大部分销售额”，并判断一位客户所处的生命周期阶段；
# 4. 遇到一个业务场景，判断它用的是哪个理论。

# %%
import custseg
from custseg.abc_analysis import concentration_table
from custseg.customer_card import customer_card
from custseg.datasets import load_cn_orders, load_sample
from custseg.exercises import ____, friendly_errors
from custseg.exercises import theory as ex
from custseg.plotting.abc_analysis import plot_lorenz
from custseg.transactions import clean_transactions
from custseg.widgets import concentration_explorer

custseg.use_chinese_font()  # 让图表中的中文正常显示
friendly_errors.enable()  # 出错时用中文解释
print("准备好了 (ready)")

# %% [markdown]
# 本讲用两份数据：第 0 讲的英国网店示例订单（先清洗），和禾悦食品的模拟订单。

# %%
orders = load_sample()

# %%
clean, report = clean_transactions(transactions=orders)

# %%
cn_orders = load_cn_orders()

# %% [markdown]
# ## 1. 市场细分理论：客户天生就不一样
#
# 市场细分理论认为，市场并不是一个整体，而是由需求、消费习惯和购买力各不相同的人组成的——这就是
# **市场的异质性**。把需求相似的客户归到同一个细分市场，再为每个细分市场设计专门的产品、价格和沟通方式，
# 比对所有人说同一句话更有效。
#
# 客户分类正是把这个思想用到“已经和我们打过交道的客户”身上：依据客户的特征、需求和行为，
# 把他们分成若干群体，分别对待。
#
# ## 2. 客户生命周期理论：客户关系会成长，也会衰退
#
# 一位客户与企业的关系通常会经过几个阶段。本课程（和 custseg 工具包、第 6 讲）统一使用下面六个阶段名：
#
# | 阶段 | 含义 | 默认规则（第 6 讲可按业务调整） | 营销重点 |
# |---|---|---|---|
# | 潜在 | 有需求、但还没买过 | 还没有订单 | 吸引、促成第一次购买 |
# | 新客 | 刚刚开始购买（首次购买客户） | 最近 90 天内买过，且第一次购买在 90 天以内（或只买过一次） | 良好的第一次体验，促成第二次购买 |
# | 回购 | 买过不止一次 | 最近 90 天内买过，共 2—4 次 | 培养习惯，提高购买频率 |
# | 忠诚 | 长期、稳定地购买 | 最近 90 天内买过，共 5 次及以上 | 维护关系，提供专属服务 |
# | 流失风险 | 有一段时间没买了 | 最近一次购买在 90—180 天前 | 及时关怀回访，防止流失 |
# | 已流失 | 很久没买了 | 最近一次购买在 180 天以前 | 低成本唤醒，评估是否继续投入 |
#
# 注意：阶段看的是客户**现在**的状态。前四个阶段要求客户最近还在买；不论过去买过多少次，
# 很久不买就会进入“流失风险”或“已流失”。
#
# 要判断一位客户的阶段，只需要他的几个数字：订单数、第一次和最近一次购买距今多少天。
# `customer_card` 把这几个数字列成一张“客户档案卡”，例如客户 12613：

# %%
customer_card(transactions=clean, customer_id=12613)

# %% [markdown]
# 他 58 天前还买过（活跃），成为客户已经 263 天，一共 5 个订单：按默认规则，他是**忠诚**客户。
#
# ## 3. 客户价值理论：客户对企业的贡献差别很大
#
# 客户价值是客户为企业创造的经济价值，包括**直接收入**、**利润贡献**和**长期价值**
# （未来还会带来多少收入，第 5 讲的客户终身价值 CLV）。识别出高价值客户，才能把有限的资源
# 花在最值得的地方。
#
# 一个常见的经验是“二八法则”：大约 20% 的客户贡献了大约 80% 的销售额。示例网店是否如此？

# %%
concentration_table(data=clean)

# %% [markdown]
# 前 20% 的客户贡献了 57% 的销售额：不到“八成”，但也远远超过他们 20% 的人数占比。
# 表中的**基尼系数**是衡量集中程度的另一个数字（0 表示人人相同，越接近 1 越集中），第 4 讲会细讲。
#
# ### 互动：拖动滑块
#
# 拖动滑块，看看“前 x% 的客户”贡献了多少销售额。曲线叫**洛伦兹曲线**：越往右下方弯曲，价值越集中。
# 第 4 讲的 ABC 分类就建立在这条曲线上。

# %%
concentration_explorer(clean)

# %% [markdown]
# 静态版本（便于打印讲义）：

# %%
ax = plot_lorenz(data=clean)

# %% [markdown]
# ## 4. 客户关系管理（CRM）与价值链
#
# - **客户关系管理（CRM）**：通过对客户分类和管理来提升客户的终身价值。CRM 系统把客户的购买、
#   服务和沟通记录集中在一起，使企业能随时分析客户数据，对不同客户开展个性化营销。
#   上面的“客户档案卡”就是 CRM 系统里最常见的一页。
# - **价值链理论**：企业的每一项活动（采购、生产、销售、服务……）都应为客户创造价值。通过客户分类
#   找出关键客户，企业就知道价值链上哪些环节最值得投入，从而提高整体竞争力。
#
# ## 5. 练一练
#
# 每道题：先运行显示题目的格子，再在答案格里把 `____` 换成你的答案，运行，`check()` 会立刻告诉你对不对。
#
# ### 练习 1（预测题）前 10% 的客户贡献多少

# %%
ex.q1

# %%
### BEGIN SOLUTION
top10_share = 0.36
### END SOLUTION
ex.q1.check()
# ex.q1.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q1.solution()  # 看参考答案

# %% [markdown]
# ### 练习 2（计算题）换一份数据：禾悦食品的价值有多集中
#
# **草稿格**：在下面写 `concentration_table(data=cn_orders)` 并运行。

# %%
### BEGIN SOLUTION
concentration_table(data=cn_orders)
### END SOLUTION

# %%
ex.q2

# %%
### BEGIN SOLUTION
cn_top20_share = 0.71
### END SOLUTION
ex.q2.check()
# ex.q2.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q2.solution()  # 看参考答案

# %% [markdown]
# 想看禾悦食品的洛伦兹曲线？运行 `concentration_explorer(cn_orders)`，和示例网店的比一比。
#
# ### 练习 3（判断题）王女士在哪个阶段

# %%
ex.q3

# %%
### BEGIN SOLUTION
stage_of_wang = "忠诚"
### END SOLUTION
ex.q3.check()
# ex.q3.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q3.solution()  # 看参考答案

# %% [markdown]
# ### 练习 4（判断题）张先生在哪个阶段

# %%
ex.q4

# %%
### BEGIN SOLUTION
stage_of_zhang = "已流失"
### END SOLUTION
ex.q4.check()
# ex.q4.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q4.solution()  # 看参考答案

# %% [markdown]
# ### 练习 5（判断题）用客户档案卡判断阶段
#
# **草稿格**：在下面写 `customer_card(transactions=clean, customer_id=14344)` 并运行。

# %%
### BEGIN SOLUTION
customer_card(transactions=clean, customer_id=14344)
### END SOLUTION

# %%
ex.q5

# %%
### BEGIN SOLUTION
stage_of_14344 = "流失风险"
### END SOLUTION
ex.q5.check()
# ex.q5.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q5.solution()  # 看参考答案

# %% [markdown]
# ### 练习 6（判断题）乳制品企业用的是哪个理论

# %%
ex.q6

# %%
### BEGIN SOLUTION
theory_dairy = "市场细分理论"
### END SOLUTION
ex.q6.check()
# ex.q6.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q6.solution()  # 看参考答案

# %% [markdown]
# ### 练习 7（判断题）银行用的是哪个理论

# %%
ex.q7

# %%
### BEGIN SOLUTION
theory_bank = "客户价值理论"
### END SOLUTION
ex.q7.check()
# ex.q7.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q7.solution()  # 看参考答案

# %% [markdown]
# ## 6. 讨论与角色扮演
#
# - **讨论（10 分钟）**：在你负责的业务里，前 20% 的客户大约贡献多少收入？你们现在对他们和对其他客户
#   的服务有区别吗？
# - **角色扮演（两人一组）**：一人扮演刚完成首次购买的新客，另一人扮演客户经理，用 3 分钟设计一次
#   “促成第二次购买”的沟通。然后交换角色，这次客户是像 14344 那样的“流失风险”客户：买过很多次，
#   但已经 4 个月没有购买了。
#
# ## 小结
#
# - 市场细分理论：客户是异质的，按需求和特征分群、分而治之，比“一刀切”更有效；
# - 客户生命周期理论：潜在 → 新客 → 回购 → 忠诚，很久不买会进入流失风险、已流失；阶段看的是**现在**，
#   每个阶段的营销重点不同；
# - 客户价值理论：客户贡献差别很大，少数客户往往贡献大部分价值（先用自己的数据算一算）；
# - CRM 用数据和系统落实客户分类，价值链理论帮助企业把资源投向关键客户。
