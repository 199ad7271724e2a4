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
# 3. 用通俗的话说出《个人信息保护法》对客户分类工作的主要要求；
# 4. 会给一张客户表标出个人信息和敏感个人信息，会遮蔽姓名电话、用假名代替客户编号；
# 5. 会用 k-匿名检查一张表交出去之前会不会“认出”某个人，并用泛化（如年龄分段）降低风险。
#
# 客户分类离不开客户信息。信息越全，分类越准；但信息越多，保护的责任也越大。

# %%
import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns

import custseg
from custseg.datasets import load_sample
from custseg.errors import DataError
from custseg.exercises import ____, friendly_errors
from custseg.exercises import privacy as ex
from custseg.plotting.privacy import plot_group_sizes
from custseg.plotting.style import chinese_font_context
from custseg.privacy import (
    INFO_CLASSES,
    PIPL_SUMMARY,
    check_k_anonymity,
    classify_columns,
    generalise_ages,
    k_anonymity,
    mask_email,
    mask_name,
    mask_phone,
    pipl_checklist,
    pseudonymise,
    suppress_small_groups,
)
from custseg.widgets.privacy import k_anonymity_explorer

custseg.use_chinese_font()
friendly_errors.enable()
sns.set_theme(style="whitegrid", font=custseg.CJK_FONT_FAMILY)

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
customers = pd.DataFrame(
    {
        "客户编号": ["C0001", "C0002", "C0003", "C0004", "C0005", "C0006"],
        "姓名": ["张三", "李四", "王五", "赵六", "欧阳小明", "孙七"],
        "手机": [f"1380000000{i}" for i in range(1, 7)],
        "邮箱": [
            "zhangsan@example.com",
            "lisi@example.com",
            "wangwu@example.com",
            "zhaoliu@example.com",
            "xiaoming@example.com",
            "sunqi@example.com",
        ],
        "身份证号": [
            "1101**********0011",
            "3101**********0022",
            "4401**********0033",
            "5101**********0044",
            "3301**********0055",
            "4201**********0066",
        ],
        "银行卡号": [f"6222 **** **** 000{i}" for i in range(1, 7)],
        "年龄": [28, 35, 42, 35, 23, 51],
        "城市": ["北京", "上海", "广州", "成都", "杭州", "武汉"],
        "最近购买日期": pd.to_datetime(
            ["2024-05-02", "2024-04-18", "2024-01-09", "2024-05-20", "2023-11-30", "2024-03-15"]
        ),
        "购买次数": [12, 5, 2, 8, 1, 6],
        "消费金额": [5600.0, 1800.0, 450.0, 3200.0, 99.0, 2100.0],
        "浏览次数": [40, 22, 5, 31, 3, 18],
        "需求偏好": ["性价比", "品质", "性价比", "新品", "品质", "服务"],
        "满意度": ["满意", "一般", "不满意", "满意", "一般", "满意"],
    }
)
customers

# %% [markdown]
# `classify_columns` 按列名和列中的值，给每一列标出**信息类别**和**个人信息级别**：

# %%
columns = classify_columns(customers)
columns

# %%
levels = ["非个人信息", "个人信息", "敏感个人信息"]
counts = pd.crosstab(columns["info_class"], columns["personal"]).reindex(
    index=list(INFO_CLASSES), columns=levels, fill_value=0
)
with chinese_font_context():
    ax = counts.plot.barh(stacked=True, figsize=(7, 3.5), color=["#8C8C8C", "#4C72B0", "#C44E52"])
    ax.legend(title="个人信息级别")
    ax.set_xlabel("列数")
    ax.set_ylabel("信息类别")
    ax.set_title("示例客户表：四类信息和个人信息级别")
    ax.invert_yaxis()
plt.show()

# %% [markdown]
# - **个人信息**：能识别到某个人，或者和其他信息结合能识别到某个人的信息：姓名、电话、年龄、城市……
# - **敏感个人信息**：一旦泄露或被滥用，容易伤害人身、财产安全的信息，例如身份证号、银行账户、
#   行踪轨迹、医疗健康信息、不满十四周岁未成年人的信息。
# - 行为、需求、满意度本身认不出人，标为“非个人信息”；可一旦和客户编号连在一起，就成了个人信息。
#
# ## 2. 《个人信息保护法》说了什么（通俗版）
#
# 《中华人民共和国个人信息保护法》（简称 PIPL）2021 年 11 月 1 日起施行。下表用通俗的话概括它对
# 客户分类工作的主要要求。**这不是法律意见**：遇到具体问题，请以法律原文为准，并咨询公司的法务或合规部门。

# %%
checklist = pipl_checklist()
checklist

# %% [markdown]
# 记住几句话就够用：
#
# 1. **先告知、再同意**：收集前说清楚谁在收、为什么收、收什么、存多久；
# 2. **最小必要**：分群要什么就取什么，不多拿；用完按期删除；
# 3. **敏感信息单独同意、严格保护**：身份证号、银行账户一般不进分群表；
# 4. **推荐要能关掉**：个性化推荐同时提供不针对个人的选项（第 8 讲的“热门推荐”就是这样的选项）；
# 5. **客户有权**查阅、更正、删除自己的信息，撤回同意。

# %%
print(PIPL_SUMMARY[:120] + "……")

# %% [markdown]
# ## 3. 交给团队之前：去标识化
#
# 做分群分析的同事不需要知道客户叫什么、电话多少。交出去之前：
#
# - 客户编号换成**假名**（加盐哈希）：同一客户永远得到同一个假名，表之间还能关联；没有“盐”（一段保密的文字）
#   就还原不回去。**盐要单独保管。**
# - 姓名、电话、邮箱**遮蔽**中间部分；
# - 身份证号、银行卡号这些敏感列**直接删掉**——分群用不上。
#
# 注意：去标识化的数据**仍然是个人信息**，仍受法律保护；只有无法识别、也不能复原的“匿名化”数据才不是。

# %%
handed_over = customers.drop(columns=["身份证号", "银行卡号"]).assign(
    客户编号=pseudonymise(customers["客户编号"], salt="示例门店-保密盐-2024"),
    姓名=customers["姓名"].map(mask_name),
    手机=customers["手机"].map(mask_phone),
    邮箱=customers["邮箱"].map(mask_email),
)
handed_over

# %% [markdown]
# ## 4. k-匿名：会不会“认出”某个人？
#
# 即使去掉了姓名电话，表里的**年龄、职业、婚姻状况**组合起来，也可能只对应一个人——
# 知道邻居 37 岁、是企业主、离异的人，也许能在表中找到他那一行。这些“单独认不出、合起来能认出”的列叫**准标识符**。
#
# **k-匿名**：每种准标识符组合至少有 k 行。k = 1 说明有人是“独一份”的。
#
# 用第 2 讲的银行数据（3,000 位客户）看看：

# %%
clients = load_sample("bank_marketing")
quasi = ["age", "job", "marital"]
print(k_anonymity(clients, quasi))
k_anonymity(clients, quasi).smallest

# %% [markdown]
# 在把表交出去之前，可以让程序把关：少于 5 行的组合太多时，`check_k_anonymity` 会拒绝并说明原因。

# %%
try:
    check_k_anonymity(clients, quasi, k_min=5)
except DataError as error:
    print("未通过：", error)

# %%
plot_group_sizes(clients, quasi, k_min=5)
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
banded = clients.assign(age=generalise_ages(clients["age"], 10))
print("精确年龄：", k_anonymity(clients, quasi))
print("10 岁一段：", k_anonymity(banded, quasi))
safe = suppress_small_groups(banded, quasi, k_min=5)
print(f"删除小组合后还剩 {len(safe):,} 行（原 {len(banded):,} 行）；", k_anonymity(safe, quasi))

# %% [markdown]
# ### 互动：选准标识符、调年龄段宽度
#
# 勾选外人可能知道的列，拖动“年龄段宽度”和“k_min”，看看 k 和有风险的行数怎么变。
# 试一试：只勾年龄和婚姻状况时，年龄段要多宽才能让每个组合都至少有 5 行？加上学历呢？

# %%
k_anonymity_explorer(
    clients,
    {"年龄": "age", "职业": "job", "婚姻": "marital", "学历": "education"},
    checked=["年龄", "职业", "婚姻"],
)

# %% [markdown]
# ## 5. 练一练

# %%
ex.q1

# %%
### BEGIN SOLUTION
sensitive_columns = set(columns.index[columns["personal"] == "敏感个人信息"])
### END SOLUTION
ex.q1.check()

# %%
ex.q2

# %%
### BEGIN SOLUTION
banded_10y = clients.assign(age=generalise_ages(clients["age"], 10))
rows_at_risk_10y = len(banded_10y) - len(
    suppress_small_groups(banded_10y, ["age", "job", "marital"], k_min=5)
)
### END SOLUTION
ex.q2.check()

# %%
ex.q3

# %%
### BEGIN SOLUTION
sensitive_articles = checklist.set_index("要求").loc["敏感个人信息", "条款"]
### END SOLUTION
ex.q3.check()

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
