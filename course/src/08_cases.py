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
# **学习目标**
#
# 1. 说出宝洁、亚马逊、华为三家公司分别按什么给客户分类、分类后做了什么、得到了什么；
# 2. 在示例数据上**亲手重做**每个案例：按购买内容分群并设计产品线、做“买了还买”推荐并和热门推荐比较、
#    按规则把客户分为技术型 / 标准型 / 战略型并比较地区；
# 3. 用银行数据找出“优质客户”，理解客户分类为什么能降低风险、提高回报；
# 4. 把案例的做法迁移到自己的业务中。
#
# 案例不只是故事：每个案例背后都是一张数据表和一个分类方法。这一讲把它们放在同一批示例数据上做一遍。

# %%
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns

import custseg
from custseg.customer_groups import CustomerGroupClassifier, regional_contrast
from custseg.datasets import load_sample
from custseg.dimensions import (
    BANK_LABELS,
    PURCHASE_STYLES,
    dominant_segments,
    label_values,
    profile_segments,
    purchase_styles,
    response_by,
    spending_mix,
)
from custseg.dimensions.categories import category_spend
from custseg.exercises import ____, friendly_errors
from custseg.exercises import cases as ex
from custseg.plotting.customer_groups import plot_group_mix
from custseg.plotting.dimensions import plot_purchase_styles, plot_spending_mix
from custseg.plotting.recommend import plot_hit_rates, plot_recommendations
from custseg.recommend import (
    ONLINE_RETAIL_NON_PRODUCTS,
    ItemToItemRecommender,
    MostPopular,
    compare_hit_rates,
)
from custseg.rfm import rfm_table, segment_customers
from custseg.transactions import clean_transactions
from custseg.widgets.cases import also_bought_explorer, customer_group_explorer

custseg.use_chinese_font()
sns.set_theme(style="whitegrid", font=custseg.CJK_FONT_FAMILY)
friendly_errors.enable()

clean, _ = clean_transactions(load_sample())
products = clean[~clean["stock_code"].isin(ONLINE_RETAIL_NON_PRODUCTS)]  # 去掉运费、手续费
clients = load_sample("bank_marketing")
print(
    f"网店：{clean['customer_id'].nunique()} 位客户，{clean['invoice_id'].nunique()} 张订单；"
    f"银行：{len(clients):,} 位客户"
)

# %% [markdown]
# ## 1. 宝洁：按购买习惯分群，为不同需求设计产品线
#
# **做法**：宝洁（P&G）研究消费者的购买习惯，按**行为**把消费者分成不同群体，再为不同需求推出不同的产品线，
# 例如为年轻女性推出护肤品，为家庭推出清洁用品。
#
# **结果**：细分越精准，产品和营销越对路。
#
# **在示例数据上重做**：示例网店卖的是礼品和家居用品。先按商品描述中的关键词把商品归到七个品类，
# 再算每位客户在各品类上花了多少钱。

# %%
spend = category_spend(products)
spend.head()

# %% [markdown]
# 每位客户的**消费结构**（各品类占他总消费的比例）说明他主要买什么。某一品类占到 30% 以上
# （七个品类平均约 14%，30% 已经是平均的两倍），就叫“××偏好型”；没有哪一类突出的，叫“均衡型”。

# %%
mix = spending_mix(spend, list(spend.columns))
segments = dominant_segments(mix, dominance=0.3)
segments.value_counts()

# %%
plot_spending_mix(mix, segments)
plt.show()

# %% [markdown]
# 图中每一行是一个客户群的平均消费结构：偏好型客户的钱明显集中在一个品类上。
# 像宝洁一样，我们可以为每一群设计一条产品线：

# %%
product_lines = pd.DataFrame(
    {
        "产品线建议": {
            "厨房餐具偏好型": "烘焙与下午茶系列：蛋糕架、茶具、烘焙模具成套销售",
            "家居园艺偏好型": "家居装饰系列：灯饰、相框、花园小物，按季节换新",
            "节日派对偏好型": "节日系列：提前两个月上架圣诞、复活节套装",
            "包袋收纳偏好型": "收纳系列：大号购物袋、收纳盒，多色组合装",
            "儿童玩具文具偏好型": "儿童系列：文具、手工玩具，开学季推广",
            "个人用品偏好型": "个人用品系列：暖水袋、雨伞、小饰品，作为礼品推荐",
            "其他偏好型": "买的多是关键词没覆盖的商品：逐一查看，也许是一条新的产品线",
            "均衡型": "综合礼品目录：新品组合、满额赠品",
        }
    }
)
product_lines.assign(客户数=segments.value_counts()).fillna(0).sort_values(
    "客户数", ascending=False
)

# %% [markdown]
# 按行为分群还有另一种角度：**购买风格**。多次复购、跨度长的是忠诚型；集中在促销季或一次大单的是冲动型；
# 按需购买的是理性型。

# %%
styles = purchase_styles(clean)
plot_purchase_styles(styles)
plt.show()

# %%
pd.Series(PURCHASE_STYLES, name="特征与建议").to_frame()

# %% [markdown]
# ## 2. 亚马逊：用数据做个性化推荐
#
# **做法**：亚马逊根据客户的浏览历史、购买记录和评价，把客户细致地分类，为每位客户推荐他可能喜欢的商品。
# 它最有名的方法叫**“商品到商品”的协同过滤**：两件商品经常出现在同一张订单里，就说明它们“相似”；
# 顾客买了一件，就推荐和它最相似的几件——“买了这件的人还买了……”。
#
# **结果**：购买率、顾客体验和忠诚度都提高了。资料中的另一家电商平台用客户分类优化推荐，转化率提升了 20%。
#
# **在示例数据上重做**：用全部订单学习哪些商品常被一起购买。

# %%
recommender = ItemToItemRecommender(exclude=ONLINE_RETAIL_NON_PRODUCTS).fit(clean)
cakestand = recommender.recommend(["22423"], n=6)
cakestand

# %%
plot_recommendations(cakestand)
plt.show()

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
# 推荐好不好，不能只凭感觉。做法是“留一法”：用 2011 年 9 月以前的订单训练，拿 9 月以后的订单来考——
# 每张订单藏起一件商品，看推荐的前 10 件里有没有它（命中）。比较的对象是最简单的方案：给所有人推荐最热门的商品。

# %%
train = clean[clean["invoice_date"] < "2011-09-01"]
test = clean[clean["invoice_date"] >= "2011-09-01"]
hit_rates = compare_hit_rates(
    {
        "同购推荐": ItemToItemRecommender(exclude=ONLINE_RETAIL_NON_PRODUCTS),
        "热门推荐": MostPopular(exclude=ONLINE_RETAIL_NON_PRODUCTS),
    },
    train,
    test,
    n=10,
)
hit_rates

# %%
plot_hit_rates(hit_rates)
plt.show()

# %% [markdown]
# 只有 150 位客户、一百多张测试订单，数字会有波动，但同购推荐的命中率是热门推荐的好几倍。
#
# **合规提醒**：按《个人信息保护法》第 24 条，个性化推荐要同时提供**不针对个人特征的选项**（例如热门榜），
# 或者让顾客方便地关闭。第 11 讲会详细讲。
#
# ## 3. 华为：技术型、标准型、战略型客户
#
# **做法**：华为按客户的需求和价值把客户分为三类，分别对待：
#
# | 客户群 | 关心什么 | 华为怎么做 |
# |---|---|---|
# | **技术型** | 技术需求和产品性能 | 提供高端技术支持和整体解决方案 |
# | **标准型** | 性价比和服务质量 | 优化产品组合，提供可靠的服务 |
# | **战略型** | 核心客户，关系长远 | 建立长期合作伙伴关系，提供定制化服务 |
#
# 不同市场的结构不同：**欧洲**是技术导向的市场，技术型客户多，华为加大研发投入和技术支持；
# **非洲**更看重性价比，标准型客户多，华为提供高性价比的本地化方案。
#
# **在数据上重做**：华为的客户数据并不公开。下面用随机数**编造**一张示意表（固定随机种子，每次结果相同）：
# 欧洲、非洲各 80 位企业客户，每位客户有客户经理打的三个 1—5 分（技术需求、价格敏感度、战略重要性）
# 和年收入贡献（万元）。我们让欧洲客户的技术需求平均高一些、非洲客户的价格敏感度平均高一些——
# **数字是编的，只为演示方法**。

# %%
rng = np.random.default_rng(8)


def made_up_region(name, n, technical, price):
    """编造一个地区的客户：三个 1—5 分的评分（以 0.5 分为单位）和收入贡献。"""

    def rating(mean):
        return np.clip(np.round(rng.normal(mean, 0.8, n) * 2) / 2, 1, 5)

    return pd.DataFrame(
        {
            "region": name,
            "technical_need": rating(technical),
            "price_sensitivity": rating(price),
            "strategic_importance": rating(2.8),
            "revenue": np.round(rng.lognormal(4.5, 0.8, n), 1),
        }
    )


accounts = pd.concat(
    [
        made_up_region("欧洲", 80, technical=3.9, price=2.9),
        made_up_region("非洲", 80, technical=2.8, price=4.0),
    ],
    ignore_index=True,
)
accounts.head()

# %% [markdown]
# 分类规则写在一张**规则表**里：收入排在前 10% 或战略重要性至少 4.5 分的是战略型；技术需求至少 3.5 分
# 而价格敏感度低于 3.5 分的是技术型；其余是标准型。规则从上往下试，第一条满足的规则决定客户群。

# %%
grouper = CustomerGroupClassifier().fit(accounts)
grouper.rules_[["rule", "group", "attribute", "operator", "threshold", "threshold_value"]]

# %%
explained = grouper.explain(accounts)
explained[["group", "reason"]].head()

# %%
contrast = regional_contrast(accounts, explained["group"])
contrast

# %%
fig, ax = plt.subplots(figsize=(8, 4), layout="constrained")
plot_group_mix(contrast, ax=ax)
plt.show()

# %% [markdown]
# 欧洲的主导客户群是技术型，非洲是标准型——和华为的经验一致（当然，这是我们编数据时“放进去”的）。
# 每一类客户对应的策略：

# %%
explained.drop_duplicates("group").set_index("group")[["strategy"]]

# %% [markdown]
# ### 互动：规则的门槛由谁定？
#
# 拖动滑块改变规则的门槛，看两个地区的客户结构怎么变。门槛定得越高，技术型、战略型客户越少——
# 也就意味着需要的技术专家团队、专属客户团队越小。**门槛是资源和策略的决定，不只是数据问题。**

# %%
customer_group_explorer(accounts)

# %% [markdown]
# ## 4. 更多案例
#
# 资料中还有几个案例，做法都能在示例数据上找到影子：
#
# - **快消品公司 + RFM**：用 RFM 找出高价值客户，针对性地设计促销，销售额提升了 30%。
#   在示例网店上，八类方案中的“重要价值客户”贡献了多少销售额？

# %%
rfm_segments = segment_customers(rfm_table(clean), scheme="cn8")
value_share = rfm_segments.groupby("segment")["monetary"].agg(["size", "sum"])
value_share["销售额占比"] = (value_share["sum"] / value_share["sum"].sum()).round(3)
value_share.rename(columns={"size": "客户数", "sum": "销售额"}).sort_values(
    "销售额", ascending=False
)

# %% [markdown]
# - **消费品公司**：分析发现大型零售商和电商平台是它的高价值客户，于是为它们配备专门的合作方案
#   （第 9 讲的经销商评估就是这种做法）。
# - **银行**：通过客户分类找出优质客户，为他们量身定制信贷产品，结果违约率下降、客户满意度上升。
#
# 在银行数据上看看：有没有房贷（`housing`）、个人贷款（`loan`）、违约记录（`default`）的客户，
# 对定期存款营销的反应有什么不同？

# %%
for column in ["housing", "loan", "default"]:
    print(response_by(clients, column)[["customers", "response_rate", "lift"]].round(3), "\n")

# %% [markdown]
# 没有贷款负担、没有违约记录的客户反应更好。把“余额高、无违约、无个人贷款”的客户定为优质客户，
# 看看他们的画像：

# %%
rich = clients["balance"] >= clients["balance"].quantile(0.75)
tier = np.where(
    rich & (clients["default"] == "no") & (clients["loan"] == "no"), "优质客户", "其他客户"
)
profile_segments(
    label_values(clients, BANK_LABELS).assign(客户层级=tier, 认购=clients["y"] == "yes"),
    "客户层级",
    ["age", "balance", "job", "认购"],
).round(3)

# %% [markdown]
# **注意**：资料中的 30%、20% 等数字是这些公司报告的结果，我们的示例数据无法验证它们；
# 真实效果要用对照组来衡量（第 10 讲）。
#
# ## 5. 练一练

# %%
ex.q1

# %%
### BEGIN SOLUTION
kitchen_lovers = (segments == "厨房餐具偏好型").sum()
### END SOLUTION
ex.q1.check()

# %%
ex.q2

# %%
### BEGIN SOLUTION
first_with_cakestand = recommender.recommend(["22423"], n=1).iloc[0]["stock_code"]
### END SOLUTION
ex.q2.check()

# %%
ex.q3

# %%
### BEGIN SOLUTION
quality = (
    (clients["balance"] >= clients["balance"].quantile(0.75))
    & (clients["default"] == "no")
    & (clients["loan"] == "no")
)
quality_rate = round((clients.loc[quality, "y"] == "yes").mean(), 3)
### END SOLUTION
ex.q3.check()

# %% [markdown]
# ## 6. 讨论与角色扮演
#
# - 你们公司的产品能按什么分成几条产品线？每条线对应哪一群客户？用宝洁的思路画一张“客户群—产品线”对照表。
# - 亚马逊的推荐靠大量订单。你们的订单量不大时，“热门推荐”和“人工搭配”哪个更实际？
# - 如果你负责华为非洲市场，预算只够给 10% 的客户配专属团队，你会怎么调整规则表？
# - **角色扮演**：一人扮演“技术型”客户的技术总监，提出一个性能要求；一人扮演客户经理，
#   说明公司能提供的技术支持方案。然后换成“标准型”客户，比较两次谈话的重点有什么不同。
#
# ## 小结
#
# - **宝洁**：按购买行为分群 → 为不同需求设计产品线；
# - **亚马逊**：按浏览、购买、评价数据细分 → 个性化推荐；上线前用留一法和热门推荐比一比；
# - **华为**：按需求和价值分为技术型、标准型、战略型 → 分别提供技术支持、性价比方案、长期合作；地区不同，结构不同；
# - **快消、电商、银行**：RFM 找高价值客户、优化推荐、识别优质客户——分类之后的行动才带来结果。
