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
# # 作业 12：趋势与挑战：动态分类 (dynamic segmentation)
#
# 客户群不是一成不变的。本作业用「禾悦食品」的订单（**模拟数据**），比较 2024 年 6 月 30 日和 12 月 31 日
# 两天的八类客户：谁升上来了、谁掉下去了、先管哪一群？
#
# **不需要写程序**。每道题的答题单元格里，删掉 `raise NotImplementedError()` 这一行，
# 写上一行 `名字 = 值`：一个数字、一个选项（写选项的文字或字母 A/B/C 都可以），
# 或者题目给出的那种一行调用。然后按 **Shift + Enter** 运行。下面的灰色单元格只检查答案的格式，
# 通过了也不代表答对；真正的评分在老师那里进行。文字题写在“在这里作答”处。
# 最后点击菜单“内核 → 重启内核并运行所有单元格”，确认没有报错后再提交。

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
from custseg.datasets import load_cn_orders
from custseg.migration import migration_table

cn_orders = load_cn_orders()
migration_table(transactions=cn_orders, start="2024-06-30", end="2024-12-31")

# %% check="setup"
# 评分检查：只在讲师的文件中，不会进入学员的笔记本和反馈；评分时在学员的内核之外运行。
# Hidden checks: instructor-only, run outside the learner's kernel on plain-data answers.
import numbers  # noqa: E402

from custseg.datasets import load_cn_orders  # noqa: E402, F811
from custseg.grading.typed_answers import chosen  # noqa: E402, F811
from custseg.migration import migration_table  # noqa: E402, F811

moves = migration_table(load_cn_orders(), start="2024-06-30", end="2024-12-31")


# %% [markdown] nbgrader={"grade": false, "grade_id": "q1_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 1 题：掉下去的大客户（计算）
#
# 上表每一行是 6 月 30 日的客户群，每一列是 12 月 31 日的客户群。6 月 30 日的**重要价值客户**中，
# 到 12 月 31 日变成**重要保持客户**（最近没来了）的有多少位？保存为整数 `vip_to_kept`。

# %% nbgrader={"grade": false, "grade_id": "q1_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
vip_to_kept = 24
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q1_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="客户群迁移 (segment migration)"
assert isinstance(vip_to_kept, int), "vip_to_kept 应该是整数（人数）"
assert vip_to_kept >= 0, "人数不能是负数"


# %% check="q1_test"
def check_q1(vip_to_kept):
    assert isinstance(vip_to_kept, int) and not isinstance(vip_to_kept, bool)
    assert vip_to_kept == int(moves.loc["重要价值客户", "重要保持客户"])


# %% [markdown] nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 2 题：一般发展客户留下了多少（计算）
#
# 6 月 30 日的**一般发展客户**中，12 月 31 日仍是一般发展客户的比例是多少？
# 写成 0 到 1 之间的小数，保存为 `developing_stayed`（差 0.01 以内都算对）。

# %% nbgrader={"grade": false, "grade_id": "q2_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
developing_stayed = 0.44
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q2_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="客户群迁移 (segment migration)"
assert isinstance(developing_stayed, int | float), "developing_stayed 应该是一个数字"
assert 0 <= developing_stayed <= 1, "请写成 0 到 1 之间的小数：表中的百分数要除以 100"


# %% check="q2_test"
def check_q2(developing_stayed):
    row = moves.loc["一般发展客户"]
    expected = int(row["一般发展客户"]) / int(row["合计"])
    assert isinstance(developing_stayed, numbers.Real) and not isinstance(developing_stayed, bool)
    assert abs(float(developing_stayed) - expected) <= 0.01


# %% [markdown] nbgrader={"grade": false, "grade_id": "q3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 3 题：先管哪一群（决定）
#
# 客户经理人手有限，下个月只能重点跟进迁移表中的**一群**客户。先跟进哪一群？
#
# A. 从重要价值客户变成重要保持客户的客户
# B. 一直是一般挽留客户的客户
# C. 从一般发展客户升为重要价值客户的客户
# D. 新客户中成为一般发展客户的客户
#
# 保存为 `follow_first`（字母即可）。

# %% nbgrader={"grade": false, "grade_id": "q3_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
follow_first = "A"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q3_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="动态分类的应用 (acting on migration)"
assert isinstance(follow_first, str) and follow_first.strip(), '请用引号写字母，例如 "A"'


# %% check="q3_test"
def check_q3(follow_first):
    options = (
        "从重要价值客户变成重要保持客户的客户",
        "一直是一般挽留客户的客户",
        "从一般发展客户升为重要价值客户的客户",
        "新客户中成为一般发展客户的客户",
    )
    assert int(moves.loc["重要价值客户", "重要保持客户"]) > 0  # the group exists in the data
    assert chosen(follow_first, options) == options[0]


# %% [markdown] nbgrader={"grade": false, "grade_id": "q4_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 4 题：重要价值客户变多还是变少（判断）
#
# 比较 6 月 30 日（“合计”一列中重要价值客户那一行）和 12 月 31 日（重要价值客户那一**列**所有数加起来）
# 的重要价值客户人数：半年里重要价值客户 A. 变多　B. 变少　C. 不变？保存为 `vip_trend`。

# %% nbgrader={"grade": false, "grade_id": "q4_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
vip_trend = "变多"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q4_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="客户群迁移 (segment migration)"
assert isinstance(vip_trend, str), '请用引号写答案，例如 "变多" 或 "A"'


# %% check="q4_test"
def check_q4(vip_trend):
    before = int(moves.loc["重要价值客户", "合计"])
    after = int(moves["重要价值客户"].sum())
    expected = "变多" if after > before else "变少" if after < before else "不变"
    synonyms = {"增加": "变多", "更多": "变多", "减少": "变少", "更少": "变少"}
    assert chosen(vip_trend, ("变多", "变少", "不变"), synonyms) == expected


# %% [markdown] nbgrader={"grade": false, "grade_id": "q5_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 5 题：多久重新分一次类（判断）
#
# 禾悦食品的零食一般一两个月就回购。客户分类应该怎样更新？
#
# A. 每年做一次就够了
# B. 定期（例如每月或每季度）重新计算，用迁移表看客户的移动，必要时调整分界点和策略
# C. 分好以后就不要再改，免得客户经理混乱
#
# 保存为 `refresh_plan`（字母即可）。

# %% nbgrader={"grade": false, "grade_id": "q5_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
refresh_plan = "B"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q5_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="动态分类的应用 (acting on migration)"
assert isinstance(refresh_plan, str) and refresh_plan.strip(), '请用引号写字母，例如 "A"'


# %% check="q5_test"
def check_q5(refresh_plan):
    options = (
        "每年做一次就够了",
        "定期（例如每月或每季度）重新计算，用迁移表看客户的移动，必要时调整分界点和策略",
        "分好以后就不要再改，免得客户经理混乱",
    )
    assert chosen(refresh_plan, options, {"定期": options[1]}) == options[1]


# %% [markdown] nbgrader={"grade": false, "grade_id": "q6_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 6 题：让新客户升上来（文字题，老师人工评分）
#
# 半年里有 400 多位新客户成了一般发展客户，只有少数升为重要价值客户。用三四句话写出你的计划：
# 对新来的一般发展客户做什么、什么时候做，半年后用什么数字检查计划有没有效果。

# %% [markdown] nbgrader={"grade": true, "grade_id": "q6_answer", "locked": false, "points": 2, "schema_version": 3, "solution": true, "task": false} topic="业务应用 (application)"
# 首单后一两周内跟进：引导注册会员、送第二单优惠，按他们买过的品类推荐相关商品，一个月没回购就发复购提醒。
# 重点是尽快完成第二、三次购买，因为买到三次以上的客户才容易留下来。
# 半年后再做一次迁移表，看新客户和一般发展客户升为重要价值、一般价值客户的比例有没有提高；
# 最好随机留一部分新客户不做跟进作为对照，比较两组的升级比例。
