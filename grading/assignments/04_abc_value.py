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
# # 作业 4：ABC 分类与价值分层 (ABC analysis and value tiers)
#
# 本作业用「禾悦食品」的订单（**模拟数据**，金额单位：元）：哪些客户贡献了大部分销售额？
# 有限的服务资源应该怎样分给 A、B、C 三类客户？
#
# **不需要写程序**。每道题的答题单元格里，删掉 `raise NotImplementedError()` 这一行，
# 写上一行 `名字 = 值`：一个数字、一个选项（写选项的文字或字母 A/B/C 都可以），
# 或者题目给出的那种一行调用。然后按 **Shift + Enter** 运行。下面的灰色单元格只检查答案的格式，
# 通过了也不代表答对；真正的评分在老师那里进行。文字题写在“在这里作答”处。
# 最后点击菜单“内核 → 重启内核并运行所有单元格”，确认没有报错后再提交。

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
from custseg.abc_analysis import abc_class_table, abc_classify, concentration_table, value_tiers
from custseg.datasets import load_cn_orders
from custseg.widgets import abc_cut_explorer

cn_orders = load_cn_orders()
cn_abc = abc_classify(cn_orders)
abc_class_table(cn_abc)

# %% check="setup"
# 评分检查：只在讲师的文件中，不会进入学员的笔记本和反馈；评分时在学员的内核之外运行。
# Hidden checks: instructor-only, run outside the learner's kernel on plain-data answers.
import numbers  # noqa: E402
import re  # noqa: E402

from custseg.abc_analysis import abc_classify, top_share, value_tiers  # noqa: E402, F811
from custseg.datasets import load_cn_orders  # noqa: E402, F811
from custseg.grading.typed_answers import chosen  # noqa: E402, F811

reference_orders = load_cn_orders()


def a_customers(a_cut):
    """A 类 customers of the reference orders with the A class reaching ``a_cut`` of sales."""
    classes = abc_classify(reference_orders, cuts=(a_cut, 0.95))
    return int((classes["abc_class"] == "A").sum())


# %% [markdown] nbgrader={"grade": false, "grade_id": "q1_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 1 题：销售额有多集中（计算）
#
# 消费最多的 **前 20%** 客户贡献了全部销售额的多少？运行下面的单元格看 `concentration_table`，
# 把答案写成 0 到 1 之间的小数（例如 55% 写 0.55），保存为 `top20_share`，保留两位小数即可
# （差 0.01 以内都算对）。

# %%
concentration_table(cn_orders)

# %% nbgrader={"grade": false, "grade_id": "q1_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
top20_share = 0.71
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q1_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="集中度 (concentration)"
assert isinstance(top20_share, int | float), "top20_share 应该是一个数字"
assert 0 < top20_share <= 1, "请写成 0 到 1 之间的小数：百分数要除以 100（例如 55% 写 0.55）"


# %% check="q1_test"
def check_q1(top20_share):
    assert isinstance(top20_share, numbers.Real) and not isinstance(top20_share, bool)
    assert abs(float(top20_share) - top_share(reference_orders, top=0.2)) <= 0.01


# %% [markdown] nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 2 题：大客户团队只能服务 300 家（决定）
#
# 大客户团队最多服务 **300 位**客户，全部给 A 类。A 类的范围由“累计销售额到多少为止”决定。
# 在下面的小部件上拖动“A 类累计到”滑块：下列选项中，A 类**不超过 300 位**的前提下，
# 哪一个能让团队覆盖最多的销售额？
#
# A. 50%　B. 60%　C. 70%　D. 80%
#
# 把选项（字母，或百分数如 `"70%"`，或小数如 `0.7`）保存为 `a_cut_for_team`。

# %%
abc_cut_explorer(data=cn_orders)

# %% nbgrader={"grade": false, "grade_id": "q2_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
a_cut_for_team = "60%"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q2_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="ABC 分界点 (ABC cut-offs)"
_allowed = "A B C D 50 60 70 80 0.5 0.6 0.7 0.8".split()
assert str(a_cut_for_team).strip().rstrip("%").upper() in _allowed, (
    "请填 A—D 中的一个字母，或 50%、60%、70%、80% 中的一个"
)


# %% check="q2_test"
def check_q2(a_cut_for_team):
    options = ("50%", "60%", "70%", "80%")
    answer = a_cut_for_team
    if isinstance(answer, numbers.Real) and not isinstance(answer, bool):
        answer = f"{round(float(answer) * 100 if answer <= 1 else float(answer))}%"
    elif isinstance(answer, str) and re.fullmatch(r"\s*0?\.\d+\s*", answer):
        answer = f"{round(float(answer) * 100)}%"
    elif isinstance(answer, str) and re.fullmatch(r"\s*\d+\s*", answer):
        answer = f"{answer.strip()}%"
    fits = [option for option in options if a_customers(int(option[:-1]) / 100) <= 300]
    assert chosen(answer, options) == max(fits, key=lambda option: int(option[:-1]))


# %% [markdown] nbgrader={"grade": false, "grade_id": "q3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 3 题：高价值客户值几位中价值客户（计算）
#
# 运行下面的单元格，把客户按消费额平均分成高、中、低三层。**平均每位**高价值客户的消费额
# 是平均每位中价值客户的几倍？保存为 `high_to_middle`，保留一位小数（差 0.2 以内都算对）。
# 例如一位高价值客户花 900 元、一位中价值客户花 300 元，就写 `3.0`。

# %%
value_tiers(cn_orders)

# %% nbgrader={"grade": false, "grade_id": "q3_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
high_to_middle = 3846 / 610
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q3_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="价值分层 (value tiers)"
assert isinstance(high_to_middle, int | float), "high_to_middle 应该是一个数字（几倍）"
assert high_to_middle > 1, "高价值客户平均花得更多，倍数应该大于 1；是不是把两个数除反了？"


# %% check="q3_test"
def check_q3(high_to_middle):
    tiers = value_tiers(reference_orders)
    ratio = tiers.loc["高价值客户", "平均每位客户"] / tiers.loc["中价值客户", "平均每位客户"]
    assert isinstance(high_to_middle, numbers.Real) and not isinstance(high_to_middle, bool)
    assert abs(float(high_to_middle) - float(ratio)) <= 0.2


# %% [markdown] nbgrader={"grade": false, "grade_id": "q4_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 4 题：C 类客户怎么办（判断）
#
# C 类客户人数最多、贡献最少。老板说：“C 类以后都不用管了。”你的建议是哪一个？
#
# A. 同意，把 C 类的服务全部停掉，省下的钱都给 A 类
# B. 用低成本的线上和自动化服务维持 C 类，同时找出有潜力升级为 B 类的客户重点培养
# C. 给 C 类和 A 类一样的服务，人人平等
#
# 保存为 `c_class_plan`（字母即可）。

# %% nbgrader={"grade": false, "grade_id": "q4_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
c_class_plan = "B"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q4_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="价值分层 (value tiers)"
assert isinstance(c_class_plan, str) and c_class_plan.strip(), '请用引号写字母，例如 "A"'


# %% check="q4_test"
def check_q4(c_class_plan):
    options = (
        "同意，把 C 类的服务全部停掉，省下的钱都给 A 类",
        "用低成本的线上和自动化服务维持 C 类，同时找出有潜力升级为 B 类的客户重点培养",
        "给 C 类和 A 类一样的服务，人人平等",
    )
    assert chosen(c_class_plan, options) == options[1]


# %% [markdown] nbgrader={"grade": false, "grade_id": "q5_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 5 题：先预测，再验证（预测）
#
# 把“A 类累计到”从 80% 降到 **70%**，A 类的客户数会 A. 变多　B. 变少　C. 不变？
# 先写下你的预测，再到第 2 题的小部件上验证。保存为 `a_count_at_70`。

# %% nbgrader={"grade": false, "grade_id": "q5_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
a_count_at_70 = "变少"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q5_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="ABC 分界点 (ABC cut-offs)"
assert isinstance(a_count_at_70, str), '请用引号写答案，例如 "变多" 或 "A"'


# %% check="q5_test"
def check_q5(a_count_at_70):
    before, after = a_customers(0.8), a_customers(0.7)
    expected = "变多" if after > before else "变少" if after < before else "不变"
    synonyms = {"减少": "变少", "更少": "变少", "增加": "变多", "更多": "变多"}
    assert chosen(a_count_at_70, ("变多", "变少", "不变"), synonyms) == expected


# %% [markdown] nbgrader={"grade": false, "grade_id": "q6_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 6 题：团队之外的 A 类客户（文字题，老师人工评分）
#
# 按默认分界（80%），A 类客户比大客户团队能服务的 300 位多。团队服务不到的那部分 A 类客户，
# 你打算怎样照顾？请用三四句话写出做法和理由。

# %% [markdown] nbgrader={"grade": true, "grade_id": "q6_answer", "locked": false, "points": 2, "schema_version": 3, "solution": true, "task": false} topic="业务应用 (application)"
# 团队服务累计销售额前 60% 的约 270 位客户，其余 A 类客户交给普通销售，按季度回访，并设专属客服热线和会员权益，
# 让他们感到被重视。每季度重新计算一次 ABC，客户排名上升就调入团队、下降就调出。
# 这样有限的人力放在贡献最大的客户上，其余的重点客户也有低成本但稳定的关怀，不会因为没人理而流失。
