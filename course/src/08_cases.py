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
# # 第 8 讲 案例：宝洁、亚马逊、华为和更多
#
# 术语见 [术语表 (glossary)](glossary.ipynb)。
#
# **学习目标**
#
# 1. 说出宝洁、亚马逊、华为三家公司分别按什么给客户分类、分类后做了什么、得到了什么；
# 2. 在数据上**亲手重做**每个案例：按购买内容分群并设计产品线、做“买了还买”推荐并和热门推荐比较、
#    按规则把客户分为技术型 / 标准型 / 战略型，并在预算约束下调整规则；
# 3. 读懂旅游公司的分群与套餐设计（分群之后，怎样用 QFD 的“质量屋”把客户需求变成产品要求，见第 11 讲）；
# 4. 用银行数据找出“优质客户”，分清“几倍”（提升度）和“差几个百分点”（增量）。
#
# 案例不只是故事：每个案例背后都是一张数据表和一个分类方法。这一讲把它们放在同一批数据上做一遍。
# 你只需要按顺序运行单元格、拖动小部件、在每个案例后的“练一练”里填写答案。

# %%
import custseg
from custseg.customer_groups import (
    account_groups,
    example_accounts,
    group_mix_table,
    group_rule_table,
    group_strategy_table,
)
from custseg.datasets import load_cn_orders, load_sample
from custseg.dimensions import purchase_styles
from custseg.exercises import ____, friendly_errors
from custseg.exercises import cases as ex
from custseg.plotting.dimensions import plot_purchase_styles
from custseg.product_lines import product_line_table
from custseg.quality_clients import quality_client_table
from custseg.recommend import also_bought_table, fit_recommender, hit_rate_table, product_rows
from custseg.rfm import rfm_table
from custseg.segments import segment_customers, segment_profile
from custseg.transactions import clean_transactions
from custseg.travel_packages import example_travelers, travel_group_table
from custseg.widgets import (
    also_bought_explorer,
    customer_group_explorer,
)

custseg.use_chinese_font()
friendly_errors.enable()

clean, _ = clean_transactions(load_sample())
products = product_rows(transactions=clean)  # 去掉运费、手续费等非商品行
cn_orders = load_cn_orders()
clients = load_sample("bank_marketing")

# %% [markdown]
# ## 1. 宝洁：按购买习惯分群，为不同需求设计产品线
#
# **做法**：宝洁（P&G）研究消费者的购买习惯，按**行为**把消费者分成不同群体，再为不同需求推出不同的产品线，
# 例如为年轻女性推出护肤品，为家庭推出清洁用品。
#
# **结果**：细分越精准，产品和营销越对路。
#
# **在示例数据上重做**：示例网店卖礼品和家居用品。按商品描述中的关键词把商品归到七个品类，算出每位客户的
# **消费结构**（各品类占他总消费的比例）。某一品类占到 30% 以上（七个品类平均约 14%，30% 已经是平均的两倍），
# 就叫“××偏好型”；没有哪一类突出的，叫“均衡型”。像宝洁一样，为每一群配一条产品线：

# %%
product_line_table(transactions=products, dominance=0.3)

# %% [markdown]
# 按行为分群还有另一种角度：**购买风格**。多次复购、跨度长的是忠诚型；集中在促销季或一次大单的是冲动型；
# 按需购买的是理性型。
#
# | 购买风格 | 特征 | 建议 |
# |---|---|---|
# | 忠诚型 | 长期、多次复购 | 会员积分、专属服务，请他们推荐新客户 |
# | 冲动型 | 集中在促销季或一次大单 | 限时优惠、节日活动、醒目的新品推荐 |
# | 理性型 | 按需购买、比较价格 | 讲清性价比，提供组合装和比价信息 |

# %%
styles = purchase_styles(clean)
style_chart = plot_purchase_styles(styles)

# %% [markdown]
# ### 换一份数据：禾悦食品（模拟数据）
#
# 「禾悦食品」是一家虚构的零食饮料公司（课程的模拟数据）。它的订单已经按四个品类记录：休闲零食、饮料冲调、
# 健康轻食、坚果礼盒。品类只有四个（平均每类 25%），所以“偏好”的门槛定为 50%：

# %%
product_line_table(transactions=cn_orders, dominance=0.5, category_col="category")

# %% [markdown]
# ### 练习 1（预测题）把偏好门槛从 50% 提高到 60%，“均衡型”会怎样？

# %%
ex.q1

# %%
### BEGIN SOLUTION
balanced_change = "A"
### END SOLUTION
ex.q1.check()
# ex.q1.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q1.solution()  # 看参考答案

# %% [markdown]
# 运行下面的单元格，检查你的预测：

# %%
strict_lines = product_line_table(transactions=cn_orders, dominance=0.6, category_col="category")
strict_lines

# %% [markdown]
# ### 练习 2（决策题）在严格的偏好标准下，哪些产品线值得开？

# %%
ex.q2

# %%
### BEGIN SOLUTION
lines_to_launch = 2
### END SOLUTION
ex.q2.check()
# ex.q2.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q2.solution()  # 看参考答案

# %% [markdown]
# ## 2. 亚马逊：用数据做个性化推荐
#
# **做法**：亚马逊根据客户的浏览历史、购买记录和评价，把客户细致地分类，为每位客户推荐他可能喜欢的商品。
# 它最有名的方法叫**商品关联推荐**（“商品到商品”的协同过滤）：两件商品经常出现在同一张订单里，就说明它们
# “相似”；顾客买了一件，就推荐和它最相似的几件——“买了这件的人还买了……”。
#
# **结果**：购买率、顾客体验和忠诚度都提高了。资料中的另一家电商平台用客户分类优化推荐，转化率提升了 20%。
#
# **在示例数据上重做**：用全部订单学习哪些商品常被一起购买，再看顾客把三层蛋糕架（商品编码 22423）
# 放进购物车时，推荐什么：

# %%
recommender = fit_recommender(transactions=products)
also_bought_table(recommender, item="22423", n=6)

# %% [markdown]
# ### 互动：顾客买了这件，还会买什么？
#
# 在下拉框中换一件热门商品，看看推荐列表和推荐理由（一起出现在几张订单里）。想一想：这些搭配合理吗？
# 在店里或在 App 里，你会把它们放在哪里？

# %%
also_bought_explorer(recommender)

# %% [markdown]
# ### 推荐真的有用吗？先考试再上线
#
# 推荐好不好，不能只凭感觉。做法是“留一法”：用 2011 年 9 月以前的订单学习，拿 9 月以后的订单来考——
# 每张订单藏起一件商品，看推荐的前 10 件里有没有它（命中）。比较的对象是最简单的方案：给所有人推荐最热门的商品。

# %%
hit_rate_table(transactions=clean, split_date="2011-09-01", n=10)

# %% [markdown]
# 只有 150 位客户、一百多张测试订单，数字会有波动，但同购推荐的命中率是热门推荐的好几倍。
#
# **合规提醒**：按《个人信息保护法》第 24 条，个性化推荐要同时提供**不针对个人特征的选项**（例如热门榜），
# 或者让顾客方便地关闭。第 11 讲会详细讲。

# %% [markdown]
# ### 练习 3（预测题）推荐位从 10 个减到 3 个，命中率会怎样？

# %%
ex.q3

# %%
### BEGIN SOLUTION
three_slots = "B"
### END SOLUTION
ex.q3.check()
# ex.q3.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q3.solution()  # 看参考答案

# %% [markdown]
# 运行下面的单元格检查你的预测：

# %%
hit_rate_table(transactions=clean, split_date="2011-09-01", n=3)

# %% [markdown]
# ## 3. 华为：技术型、标准型、战略型客户
#
# **做法**：华为按客户的需求和价值把客户分为三类，分别对待：

# %%
group_strategy_table()

# %% [markdown]
# 资料中说，不同市场的结构不同：**欧洲**是技术导向的市场，技术型客户多，华为加大研发投入和技术支持；
# **非洲**更看重性价比，标准型客户多，华为提供高性价比的本地化方案。
#
# **在数据上练习**：华为的客户数据并不公开。课程附带一张**模拟**的客户表：欧洲、非洲各 80 家企业客户，
# 每家有客户经理打的三个 1—5 分（技术需求、价格敏感度、战略重要性）和年收入贡献（万元）。
# 表里**没有**写客户属于哪一群：客户群要由你用规则算出来。先看规则：从上往下试，第一条满足的规则决定客户群。

# %%
accounts = example_accounts()
group_rule_table()

# %%
account_groups(accounts)

# %%
group_mix_table(accounts)

# %% [markdown]
# 按这套规则，欧洲的主导客户群是技术型，非洲是标准型。但这是**规则和门槛**算出来的结果，不是数据里写好的事实：
# 门槛变了，结论可能跟着变。
#
# ### 互动：规则的门槛由谁定？
#
# 拖动滑块改变规则的门槛，看两个地区的客户结构怎么变。门槛定得越高，技术型、战略型客户越少——
# 也就意味着需要的技术专家团队、专属客户团队越小。**门槛是资源和策略的决定，不只是数据问题。**

# %%
customer_group_explorer(accounts)

# %% [markdown]
# ### 练习 4（判断题）技术门槛提高到 4 分，欧洲的主导客户群是什么？

# %%
ex.q4

# %%
### BEGIN SOLUTION
europe_after = "B"
### END SOLUTION
ex.q4.check()
# ex.q4.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q4.solution()  # 看参考答案

# %% [markdown]
# ### 练习 5（决策题）专属团队只够服务 10% 的客户

# %%
ex.q5

# %%
### BEGIN SOLUTION
top_revenue_share = 0.05
### END SOLUTION
ex.q5.check()
# ex.q5.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q5.solution()  # 看参考答案

# %% [markdown]
# ## 4. 旅游公司：按出行行为分群，设计个性化套餐
#
# 资料中的旅游行业案例：旅游公司分析客户的出行行为，为不同客户群设计个性化的旅行套餐，提升客户满意度。
# 下面是一家**模拟**旅行社的 400 位客户：每年出行几次、每次花多少钱、提前多少天预订、多大比例的出行带孩子。
# 规则从上往下试，第一条满足的决定客户群；每一群配一个套餐。

# %%
travelers = example_travelers()
travel_group_table(travelers)

# %% [markdown]
# ### 练习 6（判断题）尾单特价推给谁？

# %%
ex.q6

# %%
### BEGIN SOLUTION
last_minute_group = "说走就走型"
### END SOLUTION
ex.q6.check()
# ex.q6.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q6.solution()  # 看参考答案

# %% [markdown]
# ### 练习 7（决策题）一位定制顾问，服务哪一群？

# %%
ex.q7

# %%
### BEGIN SOLUTION
advisor_group = "高端品质型"
### END SOLUTION
ex.q7.check()
# ex.q7.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q7.solution()  # 看参考答案

# %% [markdown]
# ## 5. 更多案例
#
# - **快消品公司 + RFM**：用 RFM 找出高价值客户，针对性地设计促销，销售额提升了 30%。
#   在禾悦食品的订单上，RFM 八类中各类贡献了多少销售额？

# %%
cn_rfm = rfm_table(cn_orders)
cn_segments = segment_customers(cn_rfm, scheme="cn8")
segment_profile(cn_segments)

# %% [markdown]
# - **消费品公司**：分析发现大型零售商和电商平台是它的高价值客户，于是为它们配备专门的合作方案
#   （第 9 讲的经销商评估就是这种做法）。
# - **银行**：通过客户分类找出优质客户，为他们量身定制信贷产品，结果违约率下降、客户满意度上升。
#
# 在银行数据上看看：把“存款余额在前 25%、没有违约记录、没有个人贷款”的客户定为优质客户，
# 他们对定期存款营销的反应（认购率）和其他客户比怎么样？

# %%
quality_client_table(clients, balance_top_share=0.25)

# %% [markdown]
# ### 练习 8（计算题）优质客户的认购率是全部客户的几倍？

# %%
ex.q8

# %%
### BEGIN SOLUTION
quality_lift = 1.38
### END SOLUTION
ex.q8.check()
# ex.q8.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q8.solution()  # 看参考答案

# %% [markdown]
# **注意**：资料中的 30%、20% 等数字是这些公司报告的结果，我们的数据无法验证它们；
# 真实效果要用对照组来衡量（第 10 讲）。
#
# ## 6. 讨论与角色扮演
#
# - 你们公司的产品能按什么分成几条产品线？每条线对应哪一群客户？用宝洁的思路画一张“客户群—产品线”对照表。
# - 亚马逊的推荐靠大量订单。你们的订单量不大时，“热门推荐”和“人工搭配”哪个更实际？
# - 练习 5 里你把战略型压到了 10% 以内：被“挤出”战略型的大客户怎么办？向他们解释时，你会怎么说？
# - **角色扮演**：一人扮演“技术型”客户的技术总监，提出一个性能要求；一人扮演客户经理，
#   说明公司能提供的技术支持方案。然后换成“标准型”客户，比较两次谈话的重点有什么不同。
#
# ## 小结
#
# - **宝洁**：按购买行为分群 → 为不同需求设计产品线；偏好门槛不同，分群结果不同；
# - **亚马逊**：商品关联推荐 → 个性化推荐；上线前用留一法和热门推荐比一比；
# - **华为**：按需求和价值分为技术型、标准型、战略型 → 分别提供技术支持、性价比方案、长期合作；
#   地区结构由规则算出，门槛是资源的决定；
# - **旅游**：按出行行为分群 → 个性化套餐；人少但人均高的群，适合一对一服务；
# - **快消、电商、银行**：RFM 找高价值客户、优化推荐、识别优质客户——分类之后的行动才带来结果；
#   比较两组时分清“几倍”（提升度）和“差几个百分点”（增量）。

# %% tags=["advanced"]
# 进阶（选读，给会用 pandas 的分析师）：规则分类器的原始结果，带规则编号和英文列名。
from custseg.customer_groups import CustomerGroupClassifier

CustomerGroupClassifier().fit(accounts).explain(accounts).head()
