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

# %% [markdown] nbgrader={"grade": false, "grade_id": "intro", "locked": true, "schema_version": 3, "solution": false, "task": false}
# # 作业 8：案例：华为的三类客户与旅行社的客户群 (cases)
#
# 华为把客户分为**技术型、标准型、战略型**三类，分别提供不同的服务。本作业用 160 家**模拟**企业客户
# （欧洲、非洲各 80 家；数据里没有写好的客户群，要按规则算出来），再看一家旅行社的客户群。
#
# **不需要写程序**。每道题的答题单元格里，删掉 `raise NotImplementedError()` 这一行，
# 写上一行 `名字 = 值`：一个数字、一个选项（写选项的文字或字母 A/B/C 都可以），
# 或者题目给出的那种一行调用。然后按 **Shift + Enter** 运行。下面的灰色单元格只检查答案的格式，
# 通过了也不代表答对；真正的评分在老师那里进行。文字题写在“在这里作答”处。
# 最后点击菜单“内核 → 重启内核并运行所有单元格”，确认没有报错后再提交。

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
from custseg.customer_groups import (
    example_accounts,
    group_mix_table,
    group_rule_table,
    group_strategy_table,
)
from custseg.travel_packages import example_travelers, travel_group_table
from custseg.widgets import customer_group_explorer

accounts = example_accounts()
group_rule_table()

# %% check="setup"
# 评分检查：只在讲师的文件中，不会进入学员的笔记本和反馈；评分时在学员的内核之外运行。
# Hidden checks: instructor-only, run outside the learner's kernel on plain-data answers.
import numbers  # noqa: E402
import re  # noqa: E402

import pandas as pd  # noqa: E402

from custseg.customer_groups import (  # noqa: E402, F811
    account_groups,
    example_accounts,
    group_mix_table,
    group_strategy_table,
)
from custseg.grading.typed_answers import chosen  # noqa: E402, F811
from custseg.travel_packages import example_travelers, travel_group_table  # noqa: E402, F811

reference_accounts = example_accounts()
GROUPS = ("技术型", "标准型", "战略型")
GROUP_SYNONYMS = {"技术型客户": "技术型", "标准型客户": "标准型", "战略型客户": "战略型"}


def group_of_new_account(**scores):
    """The group the rules give a new account added to the reference accounts."""
    row = pd.DataFrame([{"region": "欧洲", **scores}], index=pd.Index(["NEW"], name="account_id"))
    grouped = account_groups(pd.concat([reference_accounts, row]))
    return grouped.loc["NEW", "客户群"]


# %% [markdown] nbgrader={"grade": false, "grade_id": "q1_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 1 题：按规则给一家新客户分类（判断）
#
# 上表是分类规则（从上到下，满足哪一条就归哪一类）。欧洲新来一家客户：技术需求 **4.0** 分、价格敏感度
# **3.0** 分、战略重要性 **3.5** 分、收入贡献 **60**（远低于前 10% 的分界）。按规则，它属于哪一类？
#
# A. 技术型　B. 标准型　C. 战略型
#
# 保存为 `new_account_group`（名称或字母）。

# %% nbgrader={"grade": false, "grade_id": "q1_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
new_account_group = "技术型"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q1_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="华为客户分类 (Huawei customer groups)"
assert isinstance(new_account_group, str) and new_account_group.strip(), "请用引号写名称或字母"


# %% check="q1_test"
def check_q1(new_account_group):
    expected = group_of_new_account(
        technical_need=4.0, price_sensitivity=3.0, strategic_importance=3.5, revenue=60.0
    )
    assert chosen(new_account_group, GROUPS, GROUP_SYNONYMS) == expected


# %% [markdown] nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 2 题：技术专家团队只能服务 35 家（决定）
#
# 欧洲的技术专家团队最多服务 **35 家**技术型客户。“技术需求至少”的门槛越低，技术型客户越多。
# 在下面的小部件上拖“技术需求至少”（其余滑块保持默认）：下列选项中，欧洲技术型客户**不超过 35 家**的
# **最低**门槛是多少分？
#
# A. 3.0　B. 3.5　C. 4.0　D. 4.5
#
# 保存为 `technical_threshold`（分数或字母）。

# %%
customer_group_explorer(accounts)

# %% nbgrader={"grade": false, "grade_id": "q2_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
technical_threshold = 4.0
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q2_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="华为客户分类 (Huawei customer groups)"
assert str(technical_threshold).strip().upper() in "A B C D 3.0 3.5 4.0 4.5 3 4".split(), (
    "请填 3.0、3.5、4.0、4.5 中的一个分数，或者字母 A—D"
)


# %% check="q2_test"
def check_q2(technical_threshold):
    options = ("3.0", "3.5", "4.0", "4.5")
    answer = technical_threshold
    if isinstance(answer, numbers.Real) and not isinstance(answer, bool):
        answer = f"{float(answer):.1f}"
    elif isinstance(answer, str) and re.fullmatch(r"\s*\d(\.\d)?\s*", answer):
        answer = f"{float(answer):.1f}"

    def technical_in_europe(threshold):
        mix = group_mix_table(reference_accounts, technical_min=float(threshold))
        return int(mix.loc["欧洲", "技术型（户）"])

    fits = [option for option in options if technical_in_europe(option) <= 35]
    assert chosen(answer, options) == min(fits, key=float)


# %% [markdown] nbgrader={"grade": false, "grade_id": "q3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 3 题：非洲市场主推什么（决定）
#
# 运行下面两个单元格：第一个是按默认规则每个地区各类客户的数量，第二个是每一类客户的服务方式。
# 进入**非洲**市场，销售团队应该主推哪一种方案？
#
# A. 技术专家团队对接、联合测试研发的整体解决方案
# B. 突出性价比的标准化方案、快速交付和可靠的售后
# C. 高层互访、专属客户团队、共同制定发展规划
#
# 保存为 `africa_offer`（字母即可）。

# %%
group_mix_table(accounts)

# %%
group_strategy_table()

# %% nbgrader={"grade": false, "grade_id": "q3_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
africa_offer = "B"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q3_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="华为客户分类 (Huawei customer groups)"
assert isinstance(africa_offer, str) and africa_offer.strip(), '请用引号写字母，例如 "A"'


# %% check="q3_test"
def check_q3(africa_offer):
    texts = (
        "技术专家团队对接、联合测试研发的整体解决方案",
        "突出性价比的标准化方案、快速交付和可靠的售后",
        "高层互访、专属客户团队、共同制定发展规划",
    )
    offers = dict(zip(GROUPS, texts, strict=True))
    dominant = group_mix_table(reference_accounts).loc["非洲", "主导客户群"]
    assert dominant in group_strategy_table().index
    options = tuple(offers.values())
    assert chosen(africa_offer, options) == offers[dominant]


# %% [markdown] nbgrader={"grade": false, "grade_id": "q4_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 4 题：欧洲技术型客户占多少（计算）
#
# 按默认规则，**欧洲**的客户中技术型占多少？写成 0 到 1 之间的小数，保存为 `europe_technical_share`
# （差 0.005 以内都算对）。

# %% nbgrader={"grade": false, "grade_id": "q4_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
europe_technical_share = 0.5
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q4_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="华为客户分类 (Huawei customer groups)"
assert isinstance(europe_technical_share, int | float), "europe_technical_share 应该是一个数字"
assert 0 <= europe_technical_share <= 1, "请写成 0 到 1 之间的小数：表中的百分数要除以 100"


# %% check="q4_test"
def check_q4(europe_technical_share):
    mix = group_mix_table(reference_accounts)
    expected = int(mix.loc["欧洲", "技术型（户）"]) / int(mix.loc["欧洲", "客户数"])
    value = europe_technical_share
    assert isinstance(value, numbers.Real) and not isinstance(value, bool)
    assert abs(float(value) - expected) <= 0.005


# %% [markdown] nbgrader={"grade": false, "grade_id": "q5_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 5 题：旅行社的早鸟特惠推给谁（决定）
#
# 运行下面的单元格，看一家旅行社按行为分出的五个客户群。旅行社要推“**提前 90 天锁价**”的早鸟特惠，
# 只推送给一个客户群，推给哪一群？保存为 `early_bird_group`（客户群名称）。

# %%
travel_group_table(example_travelers())

# %% nbgrader={"grade": false, "grade_id": "q5_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
early_bird_group = "早鸟计划型"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q5_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="行为分群案例 (behavior groups)"
assert isinstance(early_bird_group, str) and early_bird_group.strip(), "请用引号写客户群名称"


# %% check="q5_test"
def check_q5(early_bird_group):
    table = travel_group_table(example_travelers())
    expected = str(table["平均提前预订天数"].astype(float).idxmax())
    options = tuple(str(name) for name in table.index)
    assert chosen(early_bird_group, options, {"早鸟": expected}) == expected


# %% [markdown] nbgrader={"grade": false, "grade_id": "q6_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 6 题：战略型客户怎么服务（文字题，老师人工评分）
#
# 有人说：“战略型客户就是收入最高的客户，多给折扣就行。”用三四句话回应：战略型客户是按什么分出来的？
# 应该怎样服务他们？为什么只给折扣不够？

# %% [markdown] nbgrader={"grade": true, "grade_id": "q6_answer", "locked": false, "points": 2, "schema_version": 3, "solution": true, "task": false} topic="业务应用 (application)"
# 战略型客户不只看收入：收入排在前 10% 的算，战略重要性高（例如行业标杆、进入新市场的关键）的客户即使眼下收入不高也算。
# 他们看重的是长期合作和共同发展，所以要建立伙伴关系：高层互访、专属客户团队、一起制定发展规划、定制化服务。
# 只给折扣会让合作变成比价格，利润变薄，而对方真正需要的长期支持和共同规划却没有得到，竞争对手降价时关系也留不住。
