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
# **学习目标**
#
# 1. 区分历史价值和未来价值：客户终身价值（CLV）预测客户**将来**会带来多少价值；
# 2. 了解 BG/NBD 模型（会不会再买、买几次）和 Gamma-Gamma 模型（每次花多少）的思路；
# 3. 用潜在价值、忠诚度、支付能力三条标准给客户打分，选出重点开发的客户。
#
# 第 4 讲的 ABC 分类只看过去。一位刚来的客户今天贡献不多，将来却可能是大客户；一位老客户过去买得多，
# 也许已经悄悄流失。CLV 帮我们看向未来。

# %%
import matplotlib.pyplot as plt
import seaborn as sns

import custseg
from custseg.clv import BetaGeoModel, GammaGammaModel, historic_clv, summary_from_transactions
from custseg.datasets import DatasetUnavailableError, load_cdnow, load_sample
from custseg.exercises import ____, friendly_errors
from custseg.exercises import clv as ex
from custseg.plotting.clv import plot_period_transactions, plot_probability_alive_matrix
from custseg.plotting.selection import plot_shortlist
from custseg.selection import CustomerScorecard
from custseg.transactions import clean_transactions
from custseg.widgets import scorecard_explorer

custseg.use_chinese_font()
sns.set_theme(style="whitegrid", font=custseg.CJK_FONT_FAMILY)
friendly_errors.enable()
clean, _ = clean_transactions(load_sample())

# %% [markdown]
# ## 1. 历史 CLV：最简单的算法
#
# 历史 CLV = 客户至今的消费额 × 毛利率。它简单易懂，但只说明过去。

# %%
history = historic_clv(clean, margin=0.3)
history.sort_values("historic_clv", ascending=False).head()

# %% [markdown]
# ## 2. 预测 CLV：BG/NBD + Gamma-Gamma
#
# 预测模型只需要每位客户的三个数字（单位：周）：
#
# - `frequency`：重复购买的次数（第一次不算）；
# - `recency`：第一次到最后一次购买隔了多久；
# - `T`：第一次购买到现在多久。
#
# **BG/NBD 模型**假设每位客户“活着”时以自己的节奏购买，每次购买后都有一定概率悄悄离开；
# 它估计每位客户将来还会买几次、现在还“活着”的概率。**Gamma-Gamma 模型**估计每位客户每次购买的平均金额。
# 两者相乘并按月折现，就是预测的 CLV。

# %%
summary = summary_from_transactions(clean, unit="W")
summary.head()

# %%
bgnbd = BetaGeoModel().fit(summary)
spend_model = GammaGammaModel().fit(summary[summary["frequency"] > 0])
summary["expected_purchases_26w"] = bgnbd.predict_purchases(26, summary)
summary["clv_12m"] = spend_model.customer_lifetime_value(
    bgnbd, summary, time=12, discount_rate=0.01, freq="W"
)
summary.sort_values("clv_12m", ascending=False).head()

# %%
plot_period_transactions(bgnbd, summary)
plt.show()

# %% [markdown]
# 上图比较了模型预测和实际观察到的重复购买次数分布：两者接近，说明模型抓住了客户购买的规律。
#
# **注意**：示例数据只有 150 位客户、一年的记录，模型几乎看不到客户“离开”的迹象
# （参数 a 接近 0），所以“仍活跃概率”都接近 1。要看这个概念，下面用经典的 CDNOW 数据
# （2,357 位客户，78 周）。这部分需要联网下载一次数据；离线时会跳过。

# %%
try:
    cdnow = load_cdnow("summary")
except DatasetUnavailableError as error:
    cdnow = None
    print("离线：跳过 CDNOW 示例。", error)
if cdnow is not None:
    cdnow_model = BetaGeoModel().fit(cdnow)
    print({name: round(value, 3) for name, value in cdnow_model.params_.items()})
    plot_probability_alive_matrix(cdnow_model, cdnow, unit="W")
    plt.show()

# %% [markdown]
# 在 CDNOW 上，模型得到的参数与 Fader、Hardie 和 Lee（2005）发表的结果一致（r≈0.243，α≈4.414，
# a≈0.793，b≈2.426）。图中右上角（买得多、最近还买过）的客户几乎肯定还活跃；买得多却很久没来的客户
# （左上角），活跃概率很低——这正是需要挽回的人。
#
# ## 3. 客户选择：潜在价值、忠诚度、支付能力
#
# 选择重点开发的客户，通常看三条标准：
#
# - **潜在价值**：将来可能带来的收益，这里用预测 CLV；
# - **忠诚度**：对品牌的忠诚，这里用购买次数；
# - **支付能力**：能否及时付款。网店数据没有付款记录，这里用“没有取消的订单比例”代替，
#   真实业务中应使用应收账款和付款记录。
#
# 每条标准换算成 0—100 分（在全部客户中的百分位），按权重相加，再分为核心、重要、普通、观察四层。

# %%
invoices = load_sample().dropna(subset=["customer_id"])
cancel_share = (
    invoices.assign(cancelled=invoices["invoice_id"].str.startswith("C"))
    .groupby("customer_id")["cancelled"]
    .mean()
)
criteria = summary[["clv_12m"]].rename(columns={"clv_12m": "potential_value"})
criteria["loyalty"] = summary["frequency"]
criteria["payment_ability"] = 1 - cancel_share.reindex(criteria.index).fillna(0)
scorecard = CustomerScorecard(
    weights={"potential_value": 0.5, "loyalty": 0.3, "payment_ability": 0.2}
).fit(criteria)
scorecard.shortlist(criteria, top=10)

# %%
plot_shortlist(scorecard, criteria, top=10)
plt.show()

# %% [markdown]
# ### 互动：权重由策略决定
#
# 拖动滑块改变三条标准的权重（例如更看重支付能力），看看名单和分层如何变化——权重反映的是企业当前的策略重点。

# %%
scorecard_explorer(criteria, top=10)
#
# ## 4. 练一练

# %%
ex.q1

# %%
### BEGIN SOLUTION
repeat_buyers = (summary["frequency"] > 0).sum()
### END SOLUTION
ex.q1.check()

# %%
ex.q2

# %%
### BEGIN SOLUTION
best_historic_clv = round(history["historic_clv"].max(), 2)
### END SOLUTION
ex.q2.check()

# %%
ex.q3

# %%
### BEGIN SOLUTION
selection_criteria = {"潜在价值", "忠诚度", "支付能力"}
### END SOLUTION
ex.q3.check()

# %% [markdown]
# ## 5. 讨论
#
# - 一位客户历史贡献很高，但预测 CLV 很低；另一位正好相反。你会把下一次拜访安排给谁？为什么？
# - 你们公司如果要评估“支付能力”，手里有哪些数据？
#
# ## 小结
#
# - 历史 CLV 看过去，预测 CLV 看未来；BG/NBD 预测购买次数和活跃概率，Gamma-Gamma 预测每次金额；
# - 客户选择综合潜在价值、忠诚度和支付能力，权重体现企业策略；
# - 选出的名单要附上理由，销售团队才知道为什么要优先联系这些客户。
