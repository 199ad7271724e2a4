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
# **学习目标**
#
# 1. 区分四类分类维度：人口统计、地理、心理、行为；
# 2. 用真实的银行营销数据按不同维度给客户分群，并比较各群对营销活动的响应；
# 3. 判断一个变量属于哪个维度，并说出每个维度的优点和局限。
#
# **数据**：一家葡萄牙银行 2008—2010 年的电话营销记录（UCI Bank Marketing，CC BY 4.0）。
# 每行是一位客户：年龄、职业、婚姻、学历、账户余额、是否有房贷……以及这次营销后是否认购了定期存款（`y`）。
# 课程附带其中随机抽取的 3,000 位客户。

# %%
import matplotlib.pyplot as plt
import seaborn as sns

import custseg
from custseg.datasets import load_sample
from custseg.dimensions import age_bands, response_by
from custseg.exercises import ____, friendly_errors
from custseg.exercises import dimensions as ex
from custseg.widgets import dimension_explorer
from custseg.widgets.dimensions import plot_response_by

custseg.use_chinese_font()
sns.set_theme(style="whitegrid", font=custseg.CJK_FONT_FAMILY)
friendly_errors.enable()

clients = load_sample("bank_marketing")
clients.head()

# %% [markdown]
# 整体来看，有多少客户在这次营销中认购了定期存款？

# %%
print(f"整体响应率：{(clients['y'] == 'yes').mean():.1%}")

# %% [markdown]
# ## 1. 人口统计维度：年龄、性别、收入、学历、职业
#
# 最常用、也最容易获得的维度。它帮助我们初步判断客户的消费能力和偏好——例如奢侈品牌的目标客户
# 可能是高收入的中年女性，儿童玩具公司则关注年轻家庭。先按年龄段分群：

# %%
clients["age_band"] = age_bands(clients["age"])
by_age = response_by(clients, "age_band")
by_age

# %%
plot_response_by(by_age, title="按年龄段分群的响应率")
plt.show()

# %% [markdown]
# 年轻客户（多为学生）和 65 岁以上的客户响应率明显高于中年客户。只看整体响应率，会错过这两群人。
#
# ## 2. 地理维度：国家、区域、城市
#
# 不同地区的文化和消费习惯不同，企业常据此制定区域策略（第 8 讲的华为案例：欧洲与非洲市场）。
# 银行数据只来自一个国家，我们用第 0 讲的网店数据看看客户来自哪里：

# %%
from custseg.transactions import clean_transactions

orders, _ = clean_transactions(load_sample())
by_country = (
    orders.groupby("country")
    .agg(客户数=("customer_id", "nunique"), 销售额=("amount", "sum"))
    .sort_values("销售额", ascending=False)
)
by_country.head(8)

# %% [markdown]
# ## 3. 心理维度：个性、价值观、生活方式
#
# 心理特征决定客户“为什么买”，通常需要问卷调查和访谈才能获得。例如按生活方式可以把客户分为
# “注重品质”“追求性价比”“喜欢尝鲜”等群体，再推出符合其价值观的产品。交易数据里看不到这些，
# 这是心理维度的主要局限：**数据获取成本高**。
#
# ## 4. 行为维度：购买行为、使用习惯、品牌忠诚度
#
# 行为维度看客户“做了什么”：买得多不多、多久买一次、是否忠诚。按购买风格还可以分为
# **冲动型**（受促销和情境驱动、决策快）、**理性型**（比较价格和功能后才买）和**忠诚型**（反复选择同一品牌）。
# 银行数据中的“上一次营销活动的结果”（`poutcome`）就是一个行为变量：

# %%
response_by(clients, "poutcome")

# %% [markdown]
# 上次已经认购过的客户（`success`），这次的响应率远高于其他人——**过去的行为是未来行为最好的预测**，
# 这也是后面几讲 RFM、CLV 等行为方法的出发点。
#
# ## 5. 互动：换一个维度看看
#
# 在下拉框里选择不同的维度，比较各群的响应率。哪个维度把客户分得最“开”（最高和最低差得最多）？

# %%
dimension_explorer(
    clients,
    {
        "年龄段": "age_band",
        "职业": "job",
        "婚姻状况": "marital",
        "学历": "education",
        "是否有房贷": "housing",
        "上次活动结果": "poutcome",
    },
)

# %% [markdown]
# ## 6. 练一练

# %%
ex.q1

# %%
### BEGIN SOLUTION
retired = clients[clients["job"] == "retired"]
retired_rate = round((retired["y"] == "yes").mean(), 3)
### END SOLUTION
ex.q1.check()

# %%
ex.q2

# %%
### BEGIN SOLUTION
best_age_band = response_by(clients, "age_band").index[0]
### END SOLUTION
ex.q2.check()

# %%
ex.q3

# %%
### BEGIN SOLUTION
dimension_of_poutcome = "行为"
### END SOLUTION
ex.q3.check()

# %% [markdown]
# ## 7. 讨论
#
# - 如果只能选一个维度来决定下一次电话营销打给谁，你选哪个？为什么？
# - 人口统计维度容易获得，但常常“分不开”客户；行为维度预测力强，但新客户没有历史。你们公司
#   手里有哪些维度的数据？缺哪些？
#
# ## 小结
#
# | 维度 | 例子 | 优点 | 局限 |
# |---|---|---|---|
# | 人口统计 | 年龄、性别、收入、学历、职业 | 容易获得、便于理解 | 同龄同收入的人需求也可能差别很大 |
# | 地理 | 国家、区域、城市 | 适合制定区域策略 | 忽略区域内部的差异 |
# | 心理 | 价值观、生活方式、个性 | 解释“为什么买” | 需要调研，成本高 |
# | 行为 | 购买频率、渠道、忠诚度、购买风格 | 预测力最强 | 需要历史数据，新客户没有 |
