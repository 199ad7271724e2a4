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
# # 第 5 讲 客户终身价值（CLV）与客户选择
#
# 术语见 [术语表 (glossary)](glossary.ipynb)。
#
# **学习目标**
#
# 1. 区分历史价值和未来价值：客户终身价值（CLV）预测客户**将来**会带来多少价值；
# 2. 了解 BG/NBD 模型（会不会再买、买几次）和 Gamma-Gamma 模型（每次花多少）的思路，会读它们的结果；
# 3. 用潜在价值、忠诚度、支付能力三条标准给客户打分，选出重点开发的客户。
#
# 第 4 讲的 ABC 分类只看过去。一位刚来的客户今天贡献不多，将来却可能是大客户；一位老客户过去买得多，
# 也许已经悄悄流失。CLV 帮我们看向未来。本讲先用示例网店（金额单位英镑）讲解，
# 再换成模拟的中国快消品公司「禾悦食品」（金额单位元）练习。

# %%
import seaborn as sns

import custseg
from custseg.clv_tables import clv_forecast, historic_value, purchase_summary
from custseg.datasets import load_cn_orders, load_sample
from custseg.exercises import ____, friendly_errors
from custseg.exercises import clv as ex
from custseg.plotting.clv import plot_alive_chances, plot_purchase_fit
from custseg.selection import criteria_spread, select_customers, selection_criteria, tier_table
from custseg.transactions import clean_transactions
from custseg.widgets import scorecard_explorer

custseg.use_chinese_font()  # 让图表中的中文正常显示
sns.set_theme(style="whitegrid", font=custseg.CJK_FONT_FAMILY)
friendly_errors.enable()  # 出错时用中文解释
clean, _ = clean_transactions(load_sample())  # 示例网店，清洗后（第 0 讲）
cn_orders = load_cn_orders()  # 禾悦食品（模拟数据）
print("准备好了 (ready)")

# %% [markdown]
# ## 1. 历史 CLV：最简单的算法
#
# 历史客户价值 = 客户至今的消费金额 × 毛利率。它简单易懂，但只说明过去。下面按 30% 的毛利率计算，
# 列出历史价值最高的 5 位客户：

# %%
historic_value(transactions=clean, margin=0.3, rows=5)

# %% [markdown]
# ## 2. 预测 CLV：BG/NBD + Gamma-Gamma
#
# 预测模型只需要每位客户的三个数字（单位：周；同一天的几笔订单算一次购买）：
#
# - **复购次数**：第一次之后又买了几次（第一次不算）。它比第 3 讲的 F（购买次数）少 1 左右，不要混用；
# - **复购跨度**：从第一次购买到最后一次购买隔了多久。注意：这**不是**第 3 讲的 R（最近购买距今天数）；
# - **观察时长**：从第一次购买到数据的最后一天隔了多久。
#
# 复购跨度和观察时长差得越多，说明客户最后一次购买之后已经很久没来了。

# %%
purchase_summary(transactions=clean, rows=5)

# %% [markdown]
# **BG/NBD 模型**假设每位客户“活着”时以自己的节奏购买，每次购买后都有一定概率悄悄离开；
# 它估计每位客户将来还会买几次、现在仍活跃的概率。**Gamma-Gamma 模型**估计每位客户每次购买的平均金额。
# 两者相乘并按月折现，就是预测的 CLV。你不需要自己写公式：下面一行完成全部计算，
# 列出未来 12 个月预测价值最高的 10 位客户（毛利率 30%）。

# %%
clv_forecast(transactions=clean, months=12, margin=0.3, rows=10)

# %% [markdown]
# 模型可信吗？比较模型预测和实际观察到的复购次数分布：两组柱子越接近，说明模型越抓住了客户购买的规律。

# %%
ax = plot_purchase_fit(transactions=clean)

# %% [markdown]
# **注意**：示例数据只有 150 位客户、一年的记录，模型几乎看不到客户“离开”的迹象，
# 所以“仍活跃概率”都接近 100%。禾悦食品有 2,000 位客户、两年的记录，正好用来看这个概念：

# %%
ax = plot_alive_chances(transactions=cn_orders)

# %% [markdown]
# 图中每一格是“复购次数 × 复购跨度”相同的客户。上方靠右（买得多、而且直到最近还在买）的客户几乎肯定还活跃；
# 买得多、复购跨度却很短的客户（上方靠左：以前常买，后来很久没来），活跃概率很低——这正是需要挽回的人。
#
# ## 3. 客户选择：潜在价值、忠诚度、支付能力
#
# 选择重点开发的客户，通常看三条标准：
#
# - **潜在价值**：将来可能带来的收益，这里用预测 CLV；
# - **忠诚度**：对品牌的依赖程度，这里用至今的订单数；
# - **支付能力**：能否及时、足额付款。订单数据里没有付款记录，这里用**平均客单价**（平均每笔订单的金额）
#   代替：能下大单的客户，至少证明了有支付大额订单的能力。真实业务中应使用应收账款和回款记录。
#
# 每条标准换算成 0—100 分（在全部客户中的排名百分位），按权重相加，再分为核心、重要、普通、观察四层。

# %%
criteria = selection_criteria(transactions=clean, months=12)

# %%
criteria_spread(criteria=criteria)

# %% [markdown]
# 最后一列是在这条标准上与最高值并列的客户占比，练习 5 会用到它。
#
# 下面是默认权重（潜在价值 50、忠诚度 30、支付能力 20）下的前 10 名，每位都附有理由：

# %%
select_customers(criteria=criteria, potential_value=50, loyalty=30, payment_ability=20, top=10)

# %% [markdown]
# ### 互动：权重由策略决定
#
# 拖动滑块改变三条标准的权重（例如更看重支付能力），看看名单和分层如何变化——权重反映的是企业当前的策略重点。
# 这里用的是禾悦食品的 2,000 位客户。

# %%
cn_criteria = selection_criteria(transactions=cn_orders, months=12)

# %%
scorecard_explorer(criteria=cn_criteria, top=10)

# %% [markdown]
# ## 4. 练一练
#
# 每道题：先运行显示题目的单元格，再把 `____` 换成你的答案，运行同一个单元格就能看到反馈。
#
# ### 练习 1（判断题）：过去还是将来？

# %%
ex.q1

# %%
### BEGIN SOLUTION
next_visit = "客户乙"
### END SOLUTION
ex.q1.check()
# ex.q1.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q1.solution()  # 看参考答案

# %% [markdown]
# ### 练习 2（预测题）：谁更可能还活跃？

# %%
ex.q2

# %%
### BEGIN SOLUTION
likelier_alive = "客户乙"
### END SOLUTION
ex.q2.check()
# ex.q2.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q2.solution()  # 看参考答案

# %% [markdown]
# ### 练习 3（计算题）：禾悦食品预测价值最高的客户
#
# **草稿格**：在下面写 `clv_forecast(transactions=cn_orders, months=12, rows=5)` 并运行（不写 `margin` 时按销售额计算）。

# %%
### BEGIN SOLUTION
clv_forecast(transactions=cn_orders, months=12, rows=5)
### END SOLUTION

# %%
ex.q3

# %%
### BEGIN SOLUTION
cn_top_clv = 21183
### END SOLUTION
ex.q3.check()
# ex.q3.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q3.solution()  # 看参考答案

# %% [markdown]
# ### 练习 4（计算题）：禾悦食品有多少位核心客户？
#
# **草稿格**：在下面写 `tier_table(criteria=cn_criteria, potential_value=50, loyalty=30, payment_ability=20)`
# 并运行。

# %%
### BEGIN SOLUTION
tier_table(criteria=cn_criteria, potential_value=50, loyalty=30, payment_ability=20)
### END SOLUTION

# %%
ex.q4

# %%
### BEGIN SOLUTION
cn_core_customers = 247
### END SOLUTION
ex.q4.check()
# ex.q4.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q4.solution()  # 看参考答案

# %% [markdown]
# ### 练习 5（判断题）：支付能力怎么衡量？

# %%
ex.q5

# %%
### BEGIN SOLUTION
proxy_problem = "A"
### END SOLUTION
ex.q5.check()
# ex.q5.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q5.solution()  # 看参考答案

# %% [markdown]
# ### 练习 6（判断题）：回款慢的大客户

# %%
ex.q6

# %%
### BEGIN SOLUTION
weak_criterion = "支付能力"
### END SOLUTION
ex.q6.check()
# ex.q6.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q6.solution()  # 看参考答案

# %% [markdown]
# ### 练习 7（决策题）：在小部件上调权重
#
# 禾悦食品今年的重点是**回款安全**。在上面的小部件上把权重调成：潜在价值 **30**、忠诚度 **20**、
# 支付能力 **50**。

# %%
ex.q7

# %%
### BEGIN SOLUTION
cn_first_on_list = "C00706"
### END SOLUTION
ex.q7.check()
# ex.q7.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q7.solution()  # 看参考答案

# %% [markdown]
# ## 5. 进阶（选做）：模型本身
#
# 下面的单元格给想看模型细节的同学：直接调用 `custseg.clv` 中的模型，并在经典的 CDNOW 数据
# （2,357 位客户，78 周）上复现 Fader、Hardie 和 Lee（2005）发表的参数（r≈0.243，α≈4.414，a≈0.793，b≈2.426）。
# 需要联网下载一次数据；离线时会跳过。主线练习不依赖这些单元格。

# %% tags=["advanced"]
from custseg.clv import BetaGeoModel, summary_from_transactions  # noqa: E402
from custseg.datasets import DatasetUnavailableError, load_cdnow  # noqa: E402

summary = summary_from_transactions(cn_orders, unit="W")
bgnbd = BetaGeoModel().fit(summary)
print("禾悦食品 BG/NBD 参数：", {name: round(value, 3) for name, value in bgnbd.params_.items()})
try:
    cdnow = load_cdnow("summary")
except DatasetUnavailableError as error:
    print("离线：跳过 CDNOW 示例。", error)
else:
    cdnow_model = BetaGeoModel().fit(cdnow)
    print(
        "CDNOW BG/NBD 参数：",
        {name: round(value, 3) for name, value in cdnow_model.params_.items()},
    )

# %% [markdown]
# 参数是从数据里**估计**出来的。`fit_summary()` 列出禾悦食品模型每个参数的估计值、标准误和 95% 区间：
# 区间越宽，说明数据越定不准这个参数，据此算出的预测 CLV 也越不可靠，投入大笔预算前应先小范围试点或积累更多数据。

# %% tags=["advanced"]
bgnbd.fit_summary().round(3)

# %% [markdown]
# ## 6. 讨论
#
# - 一位客户历史贡献很高，但预测 CLV 很低；另一位正好相反。你会怎样向销售团队解释这两种客户的不同做法？
# - 你们公司如果要评估“支付能力”，手里有哪些数据（回款天数、授信额度、逾期次数……）？
#
# ## 小结
#
# - 历史 CLV 看过去，预测 CLV 看未来；BG/NBD 预测购买次数和仍活跃概率，Gamma-Gamma 预测每次金额；
# - BG/NBD 的复购次数、复购跨度和第 3 讲的 F、R 不是一回事；
# - 客户选择综合潜在价值、忠诚度和支付能力，权重体现企业策略；衡量标准要能把客户拉开差距；
# - 选出的名单要附上理由，销售团队才知道为什么要优先联系这些客户。
