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
# # 作业 9：经销商分类与选择 (distributor evaluation)
#
# 本作业用课程自带的 120 家**模拟**经销商，两期评估（2024 年上半年 `h1`、下半年 `h2`）。
# 你要读懂评分和等级，决定返利给谁、先替换谁，并判断一个说法能不能成立。
#
# **不需要写程序**。每道题的答题单元格里，删掉 `raise NotImplementedError()` 这一行，
# 写上一行 `名字 = 值`：一个数字、一个选项（写选项的文字或字母 A/B/C 都可以），
# 或者题目给出的那种一行调用。然后按 **Shift + Enter** 运行。下面的灰色单元格只检查答案的格式，
# 通过了也不代表答对；真正的评分在老师那里进行。文字题写在“在这里作答”处。
# 最后点击菜单“内核 → 重启内核并运行所有单元格”，确认没有报错后再提交。

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
from custseg.datasets import load_sample
from custseg.distributors import (
    distributor_score_table,
    grade_count_table,
    grade_profile_table,
    movement_table,
    period_rows,
    regrade_table,
)
from custseg.widgets import distributor_weight_explorer

distributors = load_sample("distributors")
h1 = period_rows(distributors, period="2024-H1")
h2 = period_rows(distributors, period="2024-H2")
grade_count_table(h1)

# %% check="setup"
# 评分检查：只在讲师的文件中，不会进入学员的笔记本和反馈；评分时在学员的内核之外运行。
# Hidden checks: instructor-only, run outside the learner's kernel on plain-data answers.
from custseg.datasets import load_sample  # noqa: E402, F811
from custseg.distributors import (  # noqa: E402, F811
    distributor_score_table,
    grade_count_table,
    movement_table,
    period_rows,
    regrade_table,
)
from custseg.grading.typed_answers import chosen, codes  # noqa: E402, F811

reference = load_sample("distributors")
reference_h1 = period_rows(reference, period="2024-H1")
reference_h2 = period_rows(reference, period="2024-H2")


# %% [markdown] nbgrader={"grade": false, "grade_id": "q1_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 1 题：待整改的经销商有几家（计算）
#
# 上表是上半年按默认权重评出的等级。D 级（待整改经销商）有几家？保存为整数 `d_grade_count`。

# %% nbgrader={"grade": false, "grade_id": "q1_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
d_grade_count = 42
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q1_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="经销商评估 (distributor evaluation)"
assert isinstance(d_grade_count, int), "d_grade_count 应该是整数（家数），不是占比"
assert 0 <= d_grade_count <= 120, "家数应该在 0 到 120 之间"


# %% check="q1_test"
def check_q1(d_grade_count):
    expected = int(grade_count_table(reference_h1).loc["D", "家数"])
    assert isinstance(d_grade_count, int) and not isinstance(d_grade_count, bool)
    assert d_grade_count == expected


# %% [markdown] nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 2 题：返利给哪两家（决定）
#
# 公司今年的重点是**销售额**，返利只够给**两家**经销商。把权重调成“覆盖 20%、销售 60%、合作 20%”，
# 给上半年总分最高的两家。可以在下面的小部件上调权重，也可以运行一行：
# `distributor_score_table(h1, weights={"coverage": 0.2, "sales": 0.6, "cooperation": 0.2})`。
# 把两家的编号写成列表，保存为 `rebate_pair`，例如 `["D001", "D002"]`（顺序不限）。

# %%
distributor_weight_explorer(h1, top=15)

# %% nbgrader={"grade": false, "grade_id": "q2_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
rebate_pair = ["D005", "D102"]
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q2_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="经销商选择 (distributor selection)"
assert isinstance(rebate_pair, list), '请写成列表，例如 ["D001", "D002"]'
assert len(rebate_pair) == 2, "返利只够两家：列表里写两个编号"


# %% check="q2_test"
def check_q2(rebate_pair):
    weights = {"coverage": 0.2, "sales": 0.6, "cooperation": 0.2}
    table = distributor_score_table(reference_h1, weights=weights)
    expected = sorted(table.sort_values("总分", ascending=False).index[:2])
    assert codes(rebate_pair) == expected


# %% [markdown] nbgrader={"grade": false, "grade_id": "q3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 3 题：先替换哪一家（决定）
#
# D067 和 D095 两期都是 D 级。公司只能先替换**一家**。运行下面的单元格比较两家上下两期的总分，
# 先替换哪一家？保存为 `replace_first`（编号或字母：A. D067　B. D095）。

# %%
regrade_table(h1, h2, only=["D067", "D095"])

# %% nbgrader={"grade": false, "grade_id": "q3_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
replace_first = "D067"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q3_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="经销商复评 (re-evaluation)"
assert isinstance(replace_first, str) and replace_first.strip(), "请用引号写编号或字母"


# %% check="q3_test"
def check_q3(replace_first):
    options = ("D067", "D095")
    table = regrade_table(reference_h1, reference_h2, only=list(options))
    # Replace the one that is both lower now and getting worse (the data agree on both).
    lower = min(options, key=lambda d: table.loc[d, "本期总分"])
    worse = min(options, key=lambda d: table.loc[d, "变化"])
    assert lower == worse
    answer = replace_first.strip().upper() if isinstance(replace_first, str) else None
    assert chosen(answer, options) == lower


# %% [markdown] nbgrader={"grade": false, "grade_id": "q4_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 4 题：有几家升级了（计算）
#
# 运行下面的单元格，看上半年到下半年等级的变动。等级**升级**的经销商有几家？保存为整数 `upgraded_count`。

# %%
movement_table(h1, h2)

# %% nbgrader={"grade": false, "grade_id": "q4_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
upgraded_count = 29
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q4_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="经销商复评 (re-evaluation)"
assert isinstance(upgraded_count, int), "upgraded_count 应该是整数（家数）"
assert 0 <= upgraded_count <= 120, "家数应该在 0 到 120 之间"


# %% check="q4_test"
def check_q4(upgraded_count):
    expected = int(movement_table(reference_h1, reference_h2).loc["升级", "家数"])
    assert isinstance(upgraded_count, int) and not isinstance(upgraded_count, bool)
    assert upgraded_count == expected


# %% [markdown] nbgrader={"grade": false, "grade_id": "q5_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 5 题：培训让经销商变好了吗（判断）
#
# 运行下面的单元格：A 级经销商平均参加培训的次数远多于 D 级。培训部据此说“培训让经销商变好了”。这个说法：
#
# A. 成立：A 级参加培训最多，说明培训有效
# B. 不能由这张表证明：也可能是本来就好的经销商更愿意参加培训；要证明培训有效，需要随机安排谁参加培训再比较
# C. 不成立：培训和等级没有任何关系
#
# 保存为 `training_claim`（字母即可）。

# %%
grade_profile_table(h1)

# %% nbgrader={"grade": false, "grade_id": "q5_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
training_claim = "B"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q5_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="因果判断 (causal claims)"
assert isinstance(training_claim, str) and training_claim.strip(), '请用引号写字母，例如 "A"'


# %% check="q5_test"
def check_q5(training_claim):
    options = ("成立", "不能由这张表证明", "不成立")
    synonyms = {"不能证明": "不能由这张表证明", "无法证明": "不能由这张表证明"}
    assert chosen(training_claim, options, synonyms) == "不能由这张表证明"


# %% [markdown] nbgrader={"grade": false, "grade_id": "q6_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 6 题：大而不配合的经销商（文字题，老师人工评分）
#
# D102 销售得分满分，合作得分只有 50（不按时回款、不配合活动）。用三四句话说明：你会怎样对待这家经销商？
# 评估时怎样才不会被“销售额大”一项带偏？

# %% [markdown] nbgrader={"grade": true, "grade_id": "q6_answer", "locked": false, "points": 2, "schema_version": 3, "solution": true, "task": false} topic="业务应用 (application)"
# 不会马上替换：它的销售和覆盖短期内难以找到替代。先约谈，把回款天数和参加活动写进返利条件，
# 合作达标才给全额返利，同时在它的区域培养一两家区域性经销商作为备选。
# 评估时按多项指标加权打总分，并把合作意愿设一条最低线：低于这条线，销售额再大也不能评为核心经销商。
