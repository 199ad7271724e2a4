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
# # 第 2 讲 客户分类的四个维度
#
# 术语见 [术语表 (glossary)](glossary.ipynb)。
#
# **学习目标**
#
# 1. 区分四类分类维度：人口统计、地理、心理、行为，说出每个维度的优点和局限；
# 2. 用真实的银行营销数据按不同维度给客户分群，比较各群对营销活动的响应，决定先联系谁；
# 3. 把同样的方法用到禾悦食品（模拟数据）上：按城市级别比较销售，用**问卷答案**做心理分群，
#    按购买行为分出忠诚型、冲动型、理性型；
# 4. 根据分群结果做营销判断：新品先推给谁、优惠券发给谁、在哪个渠道接触客户。
#
# **数据一**：一家葡萄牙银行 2008—2010 年的电话营销记录（UCI Bank Marketing，CC BY 4.0）。
# 每行是一位客户：年龄、职业、婚姻、学历、账户余额、是否有房贷……以及这次营销后是否认购了定期存款。
# 课程附带其中随机抽取的 3,000 位客户。
#
# **数据二**：禾悦食品（课程虚构的中国食品企业，**模拟数据**）的 2,000 位客户和他们的订单：
# 性别、年龄、省份、城市级别、主要渠道，以及一份五道题的消费态度问卷。

# %%
import custseg
from custseg.datasets import load_cn_customers, load_cn_orders, load_sample
from custseg.dimensions import (
    add_survey_segments,
    labeled_rows,
    mix_table,
    purchase_style_table,
    purchase_styles,
    response_table,
    sales_by,
    survey_profile,
)
from custseg.exercises import ____, friendly_errors
from custseg.exercises import dimensions as ex
from custseg.plotting.dimensions import plot_purchase_styles, plot_response_rates
from custseg.widgets import dimension_explorer, survey_explorer

custseg.use_chinese_font()  # 让图表中的中文正常显示
friendly_errors.enable()  # 出错时用中文解释
print("准备好了 (ready)")

# %%
clients = load_sample(name="bank_marketing")

# %%
labeled_rows(data=clients, rows=5)

# %% [markdown]
# 整体来看，有多少客户在这次营销中认购了定期存款（**响应率**）？

# %%
response_table(data=clients)

# %% [markdown]
# 3,000 位客户中 343 位认购，整体响应率 11.4%。下面按不同维度把客户分群，看看哪些群明显高于或低于这个数。
# 表中的**提升度**是某群响应率 ÷ 整体响应率：1.5 表示是整体的 1.5 倍，小于 1 表示低于整体。
#
# ## 1. 人口统计维度：年龄、性别、收入、学历、职业
#
# 最常用、也最容易获得的维度。它帮助我们初步判断客户的消费能力和偏好——例如奢侈品牌的目标客户
# 可能是高收入的中年女性，儿童玩具公司则关注年轻家庭。先按年龄段分群：

# %%
response_table(data=clients, by="age")

# %%
ax = plot_response_rates(data=clients, by="age")

# %% [markdown]
# 65 岁及以上和 25 岁以下的客户响应率明显高于中年客户。但要看清两点：
#
# - 这两群人都很**小**：65 岁及以上只有 46 人，25 岁以下只有 66 人，人少时比例波动大；
# - 25 岁以下的客户里，学生约占一半（66 人中 31 人，47%），另一半是服务业、蓝领、技术人员等在职的年轻人。
#   所以不能说“年轻客户多为学生”，更不能把“年轻”和“学生”当成一回事。
#
# 只看整体响应率，会错过这两群人；只看年龄段，又会把不同的人混在一起。
#
# **练一练**（练习 1 在后面）：按职业分群，在草稿格运行 `response_table(data=clients, by="job")`。
#
# ## 2. 地理维度：国家、区域、城市
#
# 不同地区的文化和消费习惯不同，企业常据此制定区域策略（第 8 讲的华为案例：欧洲与非洲市场）。
# 银行数据只来自一个国家，我们换到禾悦食品：它的客户分布在全国各省，城市分为一线、新一线、二线、
# 三线及以下四级。先读入禾悦食品的订单，按省份比较销售：

# %%
cn_orders = load_cn_orders()

# %%
sales_by(transactions=cn_orders, by="province")

# %% [markdown]
# 广东一个省就贡献了约 15% 的销售额。同一张表也能按城市级别、渠道、品类来做：`by="city_tier"`、
# `by="channel"`、`by="category"`（练习 4）。地理维度的局限是：同一个城市里的客户，需求也可能差别很大。
#
# ## 3. 心理维度：个性、价值观、生活方式
#
# 心理特征决定客户“为什么买”，交易数据里看不到，通常要靠**问卷调查**和访谈。
# 禾悦食品请客户回答了五道题，每题 1—5 分（1 = 完全不同意，5 = 完全同意）：
#
# | 题目 | 简称 |
# |---|---|
# | 买零食饮料时，我会先比较价格、等打折 | 价格敏感 |
# | 我愿意为更健康的配料多花钱 | 注重健康 |
# | 我习惯买熟悉的牌子，很少换 | 品牌忠诚 |
# | 看到新口味、新品，我总想试试 | 喜欢尝新 |
# | 我最在意买起来方不方便、快不快 | 追求便利 |
#
# 先读入客户表，看看全部客户的平均答案，再按城市级别比较：

# %%
cn_customers = load_cn_customers()

# %%
survey_profile(data=cn_customers, by="city_tier")

# %% [markdown]
# 三线及以下城市的客户明显更**价格敏感**（3.5 分，一线城市 2.6 分），一线城市的客户更**注重健康**：
# 地理维度和心理维度常常相关，但不是一回事——每个城市级别里都有各种态度的人。
#
# ### 用问卷答案给客户分群
#
# 最简单的心理分群：看每位客户哪道题的分数**最突出**（最高，且至少 4 分，没有并列），
# 就把他归入那一群，例如“价格敏感型”“注重健康型”；没有突出态度的归为“均衡型”。

# %%
cn_customers = add_survey_segments(data=cn_customers)

# %%
survey_profile(data=cn_customers, by="心理分群")

# %% [markdown] tags=["advanced"]
# `survey_profile` 和 `add_survey_segments` 背后是一次分组求平均和一次按行取最大值，用 pandas 写是这样：

# %% tags=["advanced"]
survey_columns = [
    "price_sensitivity",
    "health_focus",
    "brand_loyalty",
    "novelty_seeking",
    "convenience",
]
answers = cn_customers[survey_columns]
standout = (answers.max(axis=1) >= 4) & (answers.eq(answers.max(axis=1), axis=0).sum(axis=1) == 1)
answers.assign(最突出=answers.idxmax(axis=1).where(standout, "均衡")).groupby(
    "最突出"
).mean().round(1)

# %% [markdown]
# 每一群在“自己那道题”上平均约 4.8 分，其他题目都在 3 分上下：分群抓住了每位客户最突出的态度。
# 有了心理分群，就可以回答“这个产品、这个卖点，该对谁说”（练习 5—8）。
#
# ### 互动：按不同方式分组，看问卷答案
#
# 在左边的下拉框选分组方式（城市级别、渠道、性别、年龄段、心理分群），右边选一道题，图表显示每一组的平均分，
# 虚线是全部客户的平均分。

# %%
survey_explorer(cn_customers)

# %% [markdown]
# 心理维度的局限：问卷要花钱、花时间，回答的人也不一定说真话；问卷里说“品牌忠诚”的人，
# 行为上不一定真的反复购买——这就要看行为维度了。
#
# ## 4. 行为维度：购买行为、使用习惯、品牌忠诚度
#
# 行为维度看客户“做了什么”：买得多不多、多久买一次、是否忠诚、对促销的反应。
# 银行数据中的“上一次营销活动的结果”就是一个行为变量：

# %%
response_table(data=clients, by="poutcome")

# %% [markdown]
# 上次已经认购过的客户（“成功”），这次的响应率是整体的 5 倍多——**过去的行为是未来行为最好的预测**，
# 这也是后面几讲 RFM、CLV 等行为方法的出发点。
#
# 按购买风格还可以把客户分为三种：
#
# - **忠诚型**：多次复购、购买跨度长（默认：至少 5 个订单，首末次购买相隔至少 180 天）；
# - **冲动型**：集中在促销季（11、12 月：双十一、双十二）购买，或一次大单占了大部分消费；
# - **理性型**：按需购买、单笔金额适中、不依赖促销。
#
# 先做练习 9（先猜再看），再运行后面的表格揭晓禾悦食品三种客户的情况。
#
# ## 5. 互动：换一个维度看看
#
# 在下拉框里选择不同的维度，比较银行客户各群的响应率。摘要会写出最高和最低的群相差多少个百分点：
# 哪个维度把客户分得最“开”？（练习 3）

# %%
dimension_explorer(clients)

# %% [markdown]
# ## 6. 练一练
#
# 每道题：先运行显示题目的格子，再在答案格里把 `____` 换成你的答案，运行。需要计算的题先在**草稿格**里
# 运行题目给出的那一行。
#
# ### 练习 1（计算题）退休客户的响应率
#
# **草稿格**：

# %%
### BEGIN SOLUTION
response_table(data=clients, by="job")
### END SOLUTION

# %%
ex.q1

# %%
### BEGIN SOLUTION
retired_rate = 0.2
### END SOLUTION
ex.q1.check()
# ex.q1.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q1.solution()  # 看参考答案

# %% [markdown]
# ### 练习 2（决策题）150 个电话打给哪一群

# %%
ex.q2

# %%
### BEGIN SOLUTION
call_first = "退休"
### END SOLUTION
ex.q2.check()
# ex.q2.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q2.solution()  # 看参考答案

# %% [markdown]
# ### 练习 3（判断题）在小部件上找分得最开的维度

# %%
ex.q3

# %%
### BEGIN SOLUTION
widest_dimension = "上次活动结果"
### END SOLUTION
ex.q3.check()
# ex.q3.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q3.solution()  # 看参考答案

# %% [markdown]
# ### 练习 4（计算题）禾悦食品：哪个城市级别的客户人均买得最多
#
# **草稿格**：

# %%
### BEGIN SOLUTION
sales_by(transactions=cn_orders, by="city_tier")
### END SOLUTION

# %%
ex.q4

# %%
### BEGIN SOLUTION
top_tier = "一线"
### END SOLUTION
ex.q4.check()
# ex.q4.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q4.solution()  # 看参考答案

# %% [markdown]
# ### 练习 5（判断题）新品首发发给哪个心理分群

# %%
ex.q5

# %%
### BEGIN SOLUTION
launch_segment = "注重健康型"
### END SOLUTION
ex.q5.check()
# ex.q5.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q5.solution()  # 看参考答案

# %% [markdown]
# ### 练习 6（决策题）优惠券发给哪个心理分群

# %%
ex.q6

# %%
### BEGIN SOLUTION
coupon_segment = "价格敏感型"
### END SOLUTION
ex.q6.check()
# ex.q6.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q6.solution()  # 看参考答案

# %% [markdown]
# ### 练习 7（决策题）在问卷小部件上决定试吃活动面向谁

# %%
ex.q7

# %%
### BEGIN SOLUTION
tasting_age = "25岁以下"
### END SOLUTION
ex.q7.check()
# ex.q7.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q7.solution()  # 看参考答案

# %% [markdown]
# ### 练习 8（判断题）在哪个渠道接触追求便利型客户
#
# **草稿格**：

# %%
### BEGIN SOLUTION
mix_table(data=cn_customers, by="心理分群", column="channel")
### END SOLUTION

# %%
ex.q8

# %%
### BEGIN SOLUTION
convenience_channel = "门店"
### END SOLUTION
ex.q8.check()
# ex.q8.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q8.solution()  # 看参考答案

# %% [markdown]
# ### 练习 9（预测题）忠诚型客户贡献多少销售额

# %%
ex.q9

# %%
### BEGIN SOLUTION
loyal_sales_share = "50%—70%"
### END SOLUTION
ex.q9.check()
# ex.q9.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q9.solution()  # 看参考答案

# %% [markdown]
# 揭晓：禾悦食品三种购买风格的客户（表格最后一列是每种风格的特征和营销建议）。

# %%
purchase_style_table(transactions=cn_orders)

# %%
styles = purchase_styles(transactions=cn_orders)

# %%
ax = plot_purchase_styles(styles=styles)

# %% [markdown]
# ### 练习 10（判断题）“渠道”属于哪个维度

# %%
ex.q10

# %%
### BEGIN SOLUTION
channel_dimension = "行为"
### END SOLUTION
ex.q10.check()
# ex.q10.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q10.solution()  # 看参考答案

# %% [markdown]
# ## 7. 讨论
#
# - 如果只能选一个维度来决定下一次电话营销打给谁，你选哪个？为什么？
# - 人口统计维度容易获得，但常常“分不开”客户；行为维度预测力强，但新客户没有历史；心理维度解释
#   “为什么买”，但要做问卷。你们公司手里有哪些维度的数据？缺哪些？
# - 禾悦食品的问卷里说自己“品牌忠诚”的客户，和行为上的“忠诚型”客户，会是同一批人吗？如果不是，
#   你更相信哪一个？
#
# ## 小结
#
# | 维度 | 例子 | 优点 | 局限 |
# |---|---|---|---|
# | 人口统计 | 年龄、性别、收入、学历、职业 | 容易获得、便于理解 | 同龄同收入的人需求也可能差别很大；小群体的比例不稳定 |
# | 地理 | 国家、省份、城市级别 | 适合制定区域策略 | 忽略区域内部的差异 |
# | 心理 | 价值观、生活方式、个性（问卷：价格敏感、注重健康……） | 解释“为什么买”，指导卖点和沟通 | 需要调研，成本高，回答不一定可靠 |
# | 行为 | 购买频率、渠道、忠诚度、购买风格（忠诚型、冲动型、理性型） | 预测力最强 | 需要历史数据，新客户没有 |
#
# - 比较客户群时看清楚比的是什么：响应率还是人数，人均还是总额，这一群还是全部客户；
# - 同一个方法换一份数据再做一遍：银行的“按维度比响应率”，到了禾悦食品就是“按维度比销售和态度”。
