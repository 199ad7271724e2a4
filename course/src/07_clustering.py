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
# # 第 7 讲 聚类：让数据自己分群
#
# 术语见 [术语表 (glossary)](glossary.ipynb)。
#
# **学习目标**
#
# 1. 理解聚类（clustering）与规则分类（如 RFM 八类）的区别；
# 2. 会用“肘部法则”和“轮廓系数”选择簇的个数 k，并结合团队能执行几个活动做决定；
# 3. 把聚类结果读成营销人员能用的客户画像，按画像给每一簇起名、定策略；
# 4. 在问卷数据上用聚类找出心理特征不同的客户群；知道数字和类别混合的数据可以用 k-prototypes。
#
# RFM 的八类是我们**事先定好规则**再把客户放进去；聚类则是让算法按“相似程度”把客户自动分组，
# 分出来的每一组叫一个**簇**（cluster）。聚类常常能发现规则想不到的群体。最常用的算法是
# **k-means（k 均值）**：先定好要分成 k 簇，算法反复把每位客户分到离他最近的“中心”，
# 再重新计算中心，直到稳定。
#
# 这一讲你只需要按顺序运行单元格、拖动滑块、在“练一练”里填写答案。下面的准备单元格读入示例网店的订单，
# 并算出每位客户的 R、F、M（第 3 讲）。

# %%
import custseg
from custseg.cluster_tables import (
    SURVEY_COLUMNS,
    cluster_customers,
    cluster_profile_table,
    k_choice_table,
    mixed_profile_table,
)
from custseg.datasets import load_cn_customers, load_sample
from custseg.exercises import ____, friendly_errors
from custseg.exercises import clustering as ex
from custseg.plotting.clustering import plot_choose_k, plot_cluster_profiles, plot_clusters
from custseg.rfm import rfm_preview, rfm_table
from custseg.transactions import clean_transactions
from custseg.widgets import cluster_explorer

custseg.use_chinese_font()
friendly_errors.enable()

clean, _ = clean_transactions(load_sample())
rfm = rfm_table(clean)
rfm_preview(rfm, rows=5)

# %% [markdown]
# ## 1. 为什么先取对数、再标准化
#
# k-means 按距离分组。消费金额的范围（几十到几万）远大于购买次数（1 到十几），而且少数大客户的金额极高：
# 直接聚类，金额会主导一切，几位大客户会独占一簇。所以 custseg 先对偏斜的特征取对数（log），再把每个
# 特征**标准化**为均值 0、标准差 1，让 R、F、M 的“发言权”相当。

# %% [markdown]
# ### 练习 1（判断题）为什么要取对数、再标准化？

# %%
ex.q1

# %%
### BEGIN SOLUTION
why_log = "B"
### END SOLUTION
ex.q1.check()
# ex.q1.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q1.solution()  # 看参考答案

# %% [markdown]
# ## 2. 选择 k：肘部法则与轮廓系数
#
# - **簇内平方和**（inertia）：每位客户到**所在簇中心**的距离，先**平方**、再全部加起来。
#   数字越小，每一簇内部的客户越相似（越“紧凑”）。**肘部法则**：画出不同 k 的簇内平方和，
#   曲线由陡变平的“肘部”通常是合适的 k。
# - **轮廓系数**（silhouette）：衡量每位客户离本簇近、离别的簇远的程度，在 -1 到 1 之间，越接近 1 越好。
#
# 先别急着看结果，做一个预测。

# %% [markdown]
# ### 练习 2（预测题）k 变大，簇内平方和怎么变？

# %%
ex.q2

# %%
### BEGIN SOLUTION
inertia_trend = "A"
### END SOLUTION
ex.q2.check()
# ex.q2.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q2.solution()  # 看参考答案

# %% [markdown]
# 现在运行下面的单元格，看看你的预测对不对：表格给出 k = 2 到 8 时的簇内平方和和轮廓系数，
# 图把它们画成两条曲线。

# %%
k_table = k_choice_table(data=rfm, k_from=2, k_to=8)
k_table

# %%
k_chart = plot_choose_k(table=k_table)
# %% [markdown]
# 统计上“最好”的 k（轮廓系数最高）不一定是营销上最有用的 k：簇太少，策略不够细；太多，团队执行不过来。
# 通常 3 到 6 簇比较实用。

# %% [markdown]
# ### 练习 3（决策题）团队只能同时做 3 个营销活动，你用几簇？

# %%
ex.q3

# %%
### BEGIN SOLUTION
campaign_k = 3
### END SOLUTION
ex.q3.check()
# ex.q3.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q3.solution()  # 看参考答案

# %% [markdown]
# ## 3. 读懂客户画像
#
# 下面用 k = 4 聚类。`cluster_profile_table` 一步完成聚类，给出每一簇的人数、占比和 R、F、M 的平均值；
# 最后一行是**全体客户**的平均，用来对照。

# %%
profiles = cluster_profile_table(data=rfm, k=4)
profiles

# %% [markdown]
# **簇的名字怎么来**：把每一簇的平均值和全体客户的平均值比三次——最近一次购买距今天数比平均**少**
# （买得近）就算“活跃”，比平均多就算“流失风险 / 已流失”；购买次数高于平均算“高频”；
# 消费金额高于平均算“高价值 / 大额”。三次比较的结果对应一个名字：
#
# | 最近一次购买距今天数 | 购买次数 | 消费金额 | 簇的名字 |
# |---|---|---|---|
# | 少于平均（买得近） | 高于平均 | 高于平均 | 高价值活跃客户 |
# | 少于平均（买得近） | 高于平均 | 不高于平均 | 高频活跃客户 |
# | 少于平均（买得近） | 不高于平均 | 高于平均 | 高消费潜力客户 |
# | 少于平均（买得近） | 不高于平均 | 不高于平均 | 新近低频客户 |
# | 多于平均（久没来） | 高于平均 | 高于平均 | 流失风险高价值客户 |
# | 多于平均（久没来） | 高于平均 | 不高于平均 | 流失风险客户 |
# | 多于平均（久没来） | 不高于平均 | 高于平均 | 沉睡大额客户 |
# | 多于平均（久没来） | 不高于平均 | 不高于平均 | 已流失低价值客户 |
#
# 如果两簇比出来的结果一样，名字就一样，这时在括号里说明**这两簇之间**差别最大的地方，例如
# “（两类中买得更近）”和“（两类中更久没买）”：括号只在同名的簇之间比较，所以不会和名字矛盾。
#
# 下面的热力图把每一簇的平均值换算成“比全体平均高（红）或低（蓝）几个标准差”，散点图画出每位客户。

# %%
k4 = cluster_customers(data=rfm, k=4)
profile_chart = plot_cluster_profiles(features=rfm, labels=k4)
# %%
scatter_chart = plot_clusters(features=rfm, labels=k4)
# %% [markdown]
# ### 练习 4（判断题）按画像给一簇起名

# %%
ex.q4

# %%
### BEGIN SOLUTION
cluster_name = "C"
### END SOLUTION
ex.q4.check()
# ex.q4.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q4.solution()  # 看参考答案

# %% [markdown]
# ### 练习 5（决策题）哪一簇先收到“好久不见”的提醒？
#
# 看上面 k = 4 的画像表回答。

# %%
ex.q5

# %%
### BEGIN SOLUTION
reminder_cluster = 0
### END SOLUTION
ex.q5.check()
# ex.q5.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q5.solution()  # 看参考答案

# %% [markdown]
# ## 4. 互动：换一个 k 试试
#
# 拖动滑块，观察各簇的人数和画像如何变化。哪些簇在 k 变化时始终存在？那往往是最“真实”的客户群。

# %%
cluster_explorer(rfm, k=4)

# %% [markdown]
# ### 练习 6（决策题）在滑块上做决定：每簇至少 25 人，最多能分几簇？
#
# 一个活动至少要有 25 位客户才值得单独做。在这个前提下，你想把客户分得尽量细。拖动上面的滑块，
# 看每个 k 下最小的一簇有多少人。

# %%
ex.q6

# %%
### BEGIN SOLUTION
finest_k = 3
### END SOLUTION
ex.q6.check()
# ex.q6.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q6.solution()  # 看参考答案

# %% [markdown]
# ## 5. 换一份数据：用问卷找出心理特征不同的客户群
#
# 聚类不只能用在购买记录上。「禾悦食品」（模拟数据：一家虚构的零食饮料公司）请 2,000 位客户填写了问卷，
# 每题 1—5 分：价格敏感、注重健康、品牌忠诚、喜欢尝新、追求便利。这是第 2 讲说的**心理维度**。
# 按问卷答案聚类，就能找到“想法相近”的客户群。先看看选几簇合适：

# %%
customers = load_cn_customers()
survey_k = k_choice_table(data=customers, features=SURVEY_COLUMNS, k_from=2, k_to=7)
survey_k

# %% [markdown]
# 轮廓系数在 k = 4 最高，而且 4 个活动团队也做得过来。用 k = 4 聚类：名字列出这一簇和全体平均差得最远的两个特征。

# %%
survey_profiles = cluster_profile_table(data=customers, features=SURVEY_COLUMNS, k=4)
survey_profiles

# %% [markdown]
# ### 练习 7（决策题）新出的低糖零食先推给哪一簇？

# %%
ex.q7

# %%
### BEGIN SOLUTION
low_sugar_cluster = 3
### END SOLUTION
ex.q7.check()
# ex.q7.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q7.solution()  # 看参考答案

# %% [markdown]
# ### 练习 8（计算题）给“价格敏感偏高”的那一簇每人一张 5 元券，一共要多少元？

# %%
ex.q8

# %%
### BEGIN SOLUTION
coupon_budget = 2970
### END SOLUTION
ex.q8.check()
# ex.q8.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q8.solution()  # 看参考答案

# %% [markdown]
# ## 6. 数字 + 类别：k-prototypes
#
# 银行客户既有年龄、余额（数字），也有职业、婚姻、学历（类别）。k-means 只能处理数字，
# **k-prototypes** 同时用距离（数字）和“是否相同”（类别）来衡量相似度。下面一行把 3,000 位银行客户分成 3 簇
# （要算十几秒）：

# %%
clients = load_sample("bank_marketing")
mixed_profile_table(
    data=clients,
    k=3,
    numeric=["age", "balance"],
    categorical=["job", "marital", "education"],
)

# %% [markdown]
# ## 7. 讨论
#
# - 为 k = 4 的每一簇起一个你们团队能记住的名字，并各写一条营销动作。
# - 聚类结果和第 3 讲的 RFM 八类有什么相同、有什么不同？你会向老板汇报哪一个？为什么？
# - 问卷聚类找到的“价格敏感”客户，在 RFM 上会是什么样？你会怎样验证？
#
# ## 小结
#
# - 聚类让数据自己分群，适合发现规则之外的客户群；
# - 先取对数、再标准化，避免大数值特征和极端客户主导结果；
# - 簇内平方和是到中心距离的**平方**之和，k 越大越小；用肘部法则和轮廓系数选 k，再结合团队能执行几个活动做决定；
# - 簇的名字来自画像（和全体平均比较），策略跟着画像走；问卷数据也能聚类，找到心理特征不同的客户群；
# - 混合数据用 k-prototypes；结果要翻译成画像和策略，才对营销有用。

# %% tags=["advanced"]
# 进阶（选读，给会用 pandas 的分析师）：同样的聚类用估计器对象完成，拿到每位客户的簇编号和簇中心。
from custseg.clustering import CustomerClusterer

model = CustomerClusterer(n_clusters=4, random_state=0).fit(rfm)
model.cluster_centers_.round(1)
