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
# # 第 11 讲 客户信息分类与隐私保护
#
# **学习目标**
#
# 1. 说出客户信息的四类：基本信息、行为、需求、满意度，以及各自的来源和用途；
# 2. 了解信息收集的渠道和工具，知道为什么记录要标准化、可比较；
# 3. 用质量功能展开（QFD）的质量屋，把一个客户群的需求变成产品要求，并排出先后；
# 4. 用通俗的话说出《个人信息保护法》对客户分类工作的主要要求；
# 5. 会给一张客户表标出个人信息和敏感个人信息，会遮蔽姓名电话、用假名代替客户编号；
# 6. 会用 k-匿名检查一张表交出去之前会不会“认出”某个人，并用泛化（如年龄分段）降低风险。
#
# 客户分类离不开客户信息。信息越全，分类越准；但信息越多，保护的责任也越大。
#
# 术语见 [术语表 (glossary)](glossary.ipynb)。本讲的法律内容是通俗概括，**不是法律意见**。

# %%
import matplotlib.pyplot as plt

import custseg
from custseg.datasets import load_cn_customers, load_sample
from custseg.exercises import ____, friendly_errors
from custseg.exercises import privacy as ex
from custseg.plotting.privacy import plot_group_sizes, plot_information_levels
from custseg.privacy import (
    deidentify,
    example_customers,
    k_anonymity_summary,
    personal_information_table,
    pipl_checklist,
    suppress_small_groups,
    with_age_bands,
)
from custseg.qfd import RELATIONS, house_of_quality, segment_needs
from custseg.tables import readable
from custseg.widgets.privacy import k_anonymity_explorer

custseg.use_chinese_font()
friendly_errors.enable()

# %% [markdown]
# ## 1. 客户信息分类：四类信息
#
# 客户信息分类，就是按一定的标准把客户信息整理归类，方便分析和决策。常见的四类：
#
# | 类别 | 包括什么 | 从哪里来 | 用来做什么 |
# |---|---|---|---|
# | **基本信息** | 姓名、联系方式、地址、年龄、职业 | 开户、注册、合同 | 建立客户档案 |
# | **行为** | 购买记录、浏览记录、咨询记录 | 订单系统、网站和 App、客服 | 按行为分群（如 RFM、购买风格） |
# | **需求** | 想要什么、在意什么 | 问卷调查、访谈 | 分出需求类型，设计产品 |
# | **满意度** | 满意 / 一般 / 不满意，评分、投诉 | 反馈、回访、评价 | 找到问题，改进服务 |
#
# **收集**：信息来自多个渠道——购买记录、线上行为、客户反馈、市场调研。常用工具有问卷、
# 客户关系管理系统（CRM）和数据分析软件（Excel、SPSS、Tableau 等）。不同渠道的记录要**标准化**：
# 同一个字段同一种写法、同一个单位，才能放在一起比较。
#
# **分类的标准和方法**：可以**定性**（按访谈内容判断需求类型），也可以**定量**（按 RFM 分数、消费金额分档）。
# 分类标准不是一成不变的：要根据业务反馈和效果**持续优化**。
#
# 下面是一张**编造的**客户表（姓名是“张三、李四”式的占位名，电话以 1380000 开头，邮箱在 example.com，
# 证件号和卡号已经遮蔽），它同时包含四类信息：

# %%
customers = example_customers()
customers

# %% [markdown]
# ### 练一练 1（判断题）先判断，再核对
#
# 在运行下面的分类之前，先想一想：“满意度”这一列算不算个人信息？

# %%
ex.q1

# %%
### BEGIN SOLUTION
satisfaction_level = "个人信息"
### END SOLUTION
ex.q1.check()
# ex.q1.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q1.solution()  # 看参考答案

# %% [markdown]
# 现在核对：`personal_information_table` 按列名和列中的值，给每一列标出**信息类别**和**个人信息级别**，
# 并写出判断依据：

# %%
personal_information_table(frame=customers)

# %%
plot_information_levels(frame=customers)
plt.show()

# %% [markdown]
# 《个人信息保护法》里的两个定义：
#
# - **个人信息**（第 4 条）：以电子或者其他方式记录的、与**已识别或者可识别**的自然人有关的各种信息，
#   不包括匿名化处理后的信息。所以一列是不是个人信息，要看它在哪张表里：这张表有姓名和客户编号，
#   同一行的购买次数、需求偏好、满意度都是关于这位客户的信息，都是个人信息。
#   只有在**认不出任何人**的表里（例如只有“满意 / 一般 / 不满意”的人数汇总），它们才不是个人信息。
# - **敏感个人信息**（第 28 条）：一旦泄露或者非法使用，容易导致人格尊严受到侵害或者人身、财产安全受到危害的
#   个人信息，包括生物识别、宗教信仰、特定身份、医疗健康、**金融账户**、**行踪轨迹**等信息，以及
#   **不满十四周岁未成年人**的个人信息。银行卡号是金融账户。身份证号不在第 28 条的列举中，但国家标准
#   《信息安全技术 个人信息安全规范》（GB/T 35273-2020）附录 B 把身份证件号码列为个人敏感信息，
#   泄露后容易被冒用，所以这里按敏感个人信息对待。
#
# ### 练一练 2（判断题）

# %%
ex.q2

# %%
### BEGIN SOLUTION
sensitive_field = "过敏和慢性病情况"
### END SOLUTION
ex.q2.check()
# ex.q2.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q2.solution()  # 看参考答案

# %% [markdown]
# ### 练一练 3（判断题）

# %%
ex.q3

# %%
### BEGIN SOLUTION
child_taste_level = "敏感个人信息"
### END SOLUTION
ex.q3.check()
# ex.q3.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q3.solution()  # 看参考答案

# %% [markdown]
# ## 2. 从客户需求到产品要求：质量功能展开（QFD）
#
# “需求”类信息最直接的用处，是告诉产品团队**先改什么**。质量功能展开（QFD）用一张**质量屋**把两者连起来：
#
# 1. **行是客户需求**，每项需求对这个客户群有多重要（重要度）；
# 2. **列是产品要求**（产品团队能做的事）；
# 3. 格子里写每项要求对每项需求的帮助：9 = 强，3 = 中，1 = 弱，0 = 没有关系；
# 4. 每项要求的**技术重要度** = 每项需求的重要度 × 格子里的分数，再加起来。分数最高的要求先做。
#
# 禾悦食品的问卷问了五件事（1—5 分）。按第 3 讲的八类客户群，求出每个群对每项需求的平均打分，作为重要度：

# %%
needs = segment_needs(load_customers=True)
needs

# %% [markdown]
# 产品团队讨论后写下的关系矩阵（行是需求，列是要求）：

# %%
RELATIONS

# %% [markdown]
# ### 练一练 4（预测题）先预测，再算质量屋

# %%
ex.q4

# %%
### BEGIN SOLUTION
developing_first_requirement = "推出家庭装和促销装"
### END SOLUTION
ex.q4.check()
# ex.q4.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q4.solution()  # 看参考答案

# %% [markdown]
# 验证：

# %%
house_of_quality(needs=needs, segment="一般发展客户")

# %% [markdown]
# ### 练一练 5（计算题）换一个客户群
#
# 先用上面的需求表和关系矩阵手算（找出这项要求不是 0 的格子，用重要度乘以格子里的分数，再加起来），
# 答完再运行答案下面的一格核对。

# %%
ex.q5

# %%
### BEGIN SOLUTION
traceability_score = 41.6
### END SOLUTION
ex.q5.check()
# ex.q5.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q5.solution()  # 看参考答案

# %% [markdown]
# 核对：

# %%
house_of_quality(needs=needs, segment="重要价值客户")

# %% [markdown]
# 不同客户群，产品的优先顺序不同：重要价值客户更在意配料和可信度，一般客户更在意价格。
# 质量屋把“客户说的话”翻译成“产品团队能做的事”，并且排出先后。

# %% [markdown]
# ## 3. 《个人信息保护法》说了什么（通俗版）
#
# 《中华人民共和国个人信息保护法》（简称 PIPL）2021 年 11 月 1 日起施行。下表用通俗的话概括它对
# 客户分类工作的主要要求。**这不是法律意见**：遇到具体问题，请以法律原文为准，并咨询公司的法务或合规部门。

# %%
pipl_checklist()

# %% [markdown]
# 记住几句话就够用：
#
# 1. **先告知、再同意**：收集前说清楚谁在收、为什么收、收什么、存多久；
# 2. **最小必要**：分群要什么就取什么，不多拿；用完按期删除；
# 3. **敏感信息单独同意、严格保护**：银行账户、身份证号一般不进分群表；不满十四周岁的孩子的信息要监护人同意；
# 4. **推荐要能关掉**：个性化推荐同时提供不针对个人的选项（第 8 讲的“热门推荐”就是这样的选项）；
# 5. **客户有权**查阅、更正、删除自己的信息，撤回同意。
#
# ## 4. 交给团队之前：去标识化
#
# 做分群分析的同事不需要知道客户叫什么、电话多少。交出去之前：
#
# - 客户编号换成**假名**（加盐哈希）：同一客户永远得到同一个假名，表之间还能关联；没有“盐”（一段保密的文字）
#   就还原不回去。**盐要单独保管。**
# - 姓名、电话、邮箱**遮蔽**中间部分；
# - 身份证号、银行卡号这些敏感列**直接删掉**——分群用不上。
#
# `deidentify` 按上面的分类结果一次做完这三件事：

# %%
deidentify(frame=customers, salt="示例门店-保密盐-2024")

# %% [markdown]
# ### 练一练 6（判断题）

# %%
ex.q6

# %%
### BEGIN SOLUTION
pseudonymised_still_personal = "是，仍是个人信息"
### END SOLUTION
ex.q6.check()
# ex.q6.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q6.solution()  # 看参考答案

# %% [markdown]
# ## 5. k-匿名：会不会“认出”某个人？
#
# 即使去掉了姓名电话，表里的**年龄、职业、婚姻状况**组合起来，也可能只对应一个人——
# 知道邻居 37 岁、是企业主、离异的人，也许能在表中找到他那一行。这些“单独认不出、合起来能认出”的列叫**准标识符**。
#
# **k-匿名**：每种准标识符组合至少有 k 行。k = 1 说明有人是“独一份”的。
#
# 用第 2 讲的银行数据（3,000 位客户）看看。准标识符取年龄（age）、职业（job）、婚姻状况（marital）：

# %%
clients = load_sample(name="bank_marketing")
quasi = ["age", "job", "marital"]
k_anonymity_summary(frame=clients, quasi_identifiers=quasi, k_min=5)

# %%
plot_group_sizes(frame=clients, quasi_identifiers=quasi, k_min=5)
plt.show()

# %% [markdown]
# 红色的柱子是所在组合少于 5 行的客户：精确年龄让很多人成了“独一份”。
#
# **怎么办？**
#
# 1. **泛化**：把精确年龄改成年龄段（如 30-39 岁），把城市归并成地区；
# 2. **删除**：仍然太小的组合，交出去之前删掉（`suppress_small_groups`）；
# 3. **少给列**：分群用不上的准标识符，就不要给。

# %%
banded = with_age_bands(frame=clients, column="age", width=10)
k_anonymity_summary(frame=banded, quasi_identifiers=quasi, k_min=5)

# %%
safe = suppress_small_groups(frame=banded, quasi_identifiers=quasi, k_min=5)
k_anonymity_summary(frame=safe, quasi_identifiers=quasi, k_min=5)

# %% [markdown]
# 10 岁一段之后，有风险的行少了很多；再删掉剩下的小组合，这张表就满足 5-匿名了（代价是少了约 3% 的行）。
#
# ### 换一份数据：禾悦食品的客户表
#
# 禾悦食品是一家**虚构的**食品公司，下面是它的客户表（**模拟数据**，2,000 位客户）。
# 它有年龄、性别、省份、城市级别这些外人可能知道的列（程序里的列名分别是 `age`、`gender`、`province`、`city_tier`）：

# %%
cn_customers = load_cn_customers()
readable(frame=cn_customers)

# %% [markdown]
# ### 练一练 7（计算题）
#
# 用上面的两步（`with_age_bands`、`k_anonymity_summary`）算一算：

# %%
ex.q7

# %%
cn_banded = with_age_bands(frame=cn_customers, column="age", width=10)
k_anonymity_summary(frame=cn_banded, quasi_identifiers=["age", "gender", "province"], k_min=5)

# %%
### BEGIN SOLUTION
cn_rows_at_risk = ex.rows_at_risk(["age", "gender", "province"], 10)
### END SOLUTION
ex.q7.check()
# ex.q7.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q7.solution()  # 看参考答案

# %% [markdown]
# ### 互动：选准标识符、调年龄段宽度
#
# 勾选外人可能知道的列，拖动“年龄段宽度”和“k_min”，看看 k 和有风险的行数怎么变。
# 先读练一练 8 的要求再动手；练一练 9 要先写下预测，再勾选“省份”验证。

# %%
k_anonymity_explorer(
    frame=cn_customers,
    candidates={"年龄": "age", "性别": "gender", "城市等级": "city_tier", "省份": "province"},
    checked=["年龄", "性别", "城市等级"],
)

# %% [markdown]
# ### 练一练 8（决策题）在小部件上做决定

# %%
ex.q8

# %%
### BEGIN SOLUTION
narrowest_safe_width = ex.narrowest_width(["age", "gender", "city_tier"])
### END SOLUTION
ex.q8.check()
# ex.q8.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q8.solution()  # 看参考答案

# %% [markdown]
# ### 练一练 9（预测题）先预测，再勾选验证

# %%
ex.q9

# %%
### BEGIN SOLUTION
more_columns_risk = "变多"
### END SOLUTION
ex.q9.check()
# ex.q9.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q9.solution()  # 看参考答案

# %% [markdown]
# ## 6. 趋势、培训评估与讨论
#
# **客户信息分类的发展趋势**：
#
# - **数据隐私保护**：合规是前提，法律和监管只会越来越严；
# - **人工智能**：自动识别客户需求、自动分群，但决策要透明、公平；
# - **多渠道整合**：门店、网店、App、客服的数据合成一个客户视图；
# - **实时反馈**：客户的行为一变，分类和服务跟着变。
#
# **这次培训的效果怎么评估？** 看三点：**参与度**（出勤、讨论发言、练习完成情况）、
# **知识掌握**（测试成绩，例如本讲的练习）、**应用效果**（回到岗位后是否用上：客户表是否分类标注、
# 交出的数据是否去标识化、营销是否提供了退出选项）。
#
# **讨论**
#
# - 你们公司的客户表里，哪些列是敏感个人信息？做客户分群时真的需要它们吗？
# - 市场部想把客户名单交给外部公司做分析，交出去之前要做哪几件事？（提示：合同、同意、去标识化、k-匿名）
#
# **角色扮演**
#
# - 一人扮演客户：“为什么你们总给我推荐这个？我的信息你们是怎么拿到的？请把我的信息删掉。”
#   一人扮演客服，按个人信息保护法的要求回应（说明处理规则、提供关闭推荐的方式、办理删除）。
# - 一人扮演业务部门，要一张“带姓名和手机号的高价值客户名单”；一人扮演数据分析师，
#   说明哪些信息可以给、怎么给。
#
# ## 小结
#
# - 客户信息分四类：基本信息、行为、需求、满意度；来源多样，记录要标准化，分类标准要持续优化；
# - 个人信息保护法的核心：告知同意、最小必要、敏感信息严格保护、推荐可关闭、尊重个人的权利；
# - 交出数据前：删敏感列、遮蔽姓名电话、用假名代替编号，并用 k-匿名检查；不够安全就泛化或删除小组合。
