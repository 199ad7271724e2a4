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
# # 培训满意度调查
#
# 谢谢你参加这次培训！这份调查**不计分**，大约 3 分钟。请按真实感受回答：老师的报告只汇总每道题的平均分和
# 各分数的人数，不列出谁打了几分；最后的意见原文也不带姓名。
#
# 前 7 题每题打 1 到 5 分：**1 = 非常不同意，2 = 不同意，3 = 一般，4 = 同意，5 = 非常同意**。
# 在答题单元格里删掉 `raise NotImplementedError()` 这一行，写上一行 `名字 = 分数`，例如 `pace = 3`，
# 然后按 **Shift + Enter** 运行。最后一题写在“在这里作答”处。做完后点击菜单“内核 → 重启内核并运行所有单元格”，
# 确认没有报错再提交。

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
SCALE = {1: "非常不同意", 2: "不同意", 3: "一般", 4: "同意", 5: "非常同意"}
print(SCALE)

# %% check="setup"
# 评分检查：只在讲师的文件中，不会进入学员的笔记本和反馈；评分时在学员的内核之外运行。
# 调查不计分：检查只确认答案是 1 到 5 的整数；分数本身由培训效果评估报告从评分后的笔记本中汇总。
# The survey scores nothing: a check only confirms a 1-5 rating; the report reads the values.
from custseg.grading.typed_answers import rating  # noqa: E402

# %% [markdown] nbgrader={"grade": false, "grade_id": "s1_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 1. 总的来说，我对这次培训满意
#
# 1 到 5 分，保存为 `overall`。

# %% nbgrader={"grade": false, "grade_id": "s1_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
overall = 4
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "s1_test", "locked": true, "points": 0, "schema_version": 3, "solution": false, "task": false} topic="满意度：总体满意度 (overall)"
assert str(overall).strip() in {"1", "2", "3", "4", "5"}, "请填 1 到 5 的整数，例如 overall = 3"


# %% check="s1_test"
def check_s1(overall):
    assert rating(overall) is not None


# %% [markdown] nbgrader={"grade": false, "grade_id": "s2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 2. 课程内容对我的工作有用
#
# 1 到 5 分，保存为 `useful`。

# %% nbgrader={"grade": false, "grade_id": "s2_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
useful = 5
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "s2_test", "locked": true, "points": 0, "schema_version": 3, "solution": false, "task": false} topic="满意度：内容有用 (useful)"
assert str(useful).strip() in {"1", "2", "3", "4", "5"}, "请填 1 到 5 的整数，例如 useful = 3"


# %% check="s2_test"
def check_s2(useful):
    assert rating(useful) is not None


# %% [markdown] nbgrader={"grade": false, "grade_id": "s3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 3. 课程的难度和节奏合适
#
# 1 到 5 分，保存为 `pace`。

# %% nbgrader={"grade": false, "grade_id": "s3_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
pace = 4
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "s3_test", "locked": true, "points": 0, "schema_version": 3, "solution": false, "task": false} topic="满意度：难度与节奏 (pace)"
assert str(pace).strip() in {"1", "2", "3", "4", "5"}, "请填 1 到 5 的整数，例如 pace = 3"


# %% check="s3_test"
def check_s3(pace):
    assert rating(pace) is not None


# %% [markdown] nbgrader={"grade": false, "grade_id": "s4_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 4. 讲师讲得清楚，回答问题有帮助
#
# 1 到 5 分，保存为 `trainer`。

# %% nbgrader={"grade": false, "grade_id": "s4_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
trainer = 4
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "s4_test", "locked": true, "points": 0, "schema_version": 3, "solution": false, "task": false} topic="满意度：讲师 (trainer)"
assert str(trainer).strip() in {"1", "2", "3", "4", "5"}, "请填 1 到 5 的整数，例如 trainer = 3"


# %% check="s4_test"
def check_s4(trainer):
    assert rating(trainer) is not None


# %% [markdown] nbgrader={"grade": false, "grade_id": "s5_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 5. 练习、小部件和讨论帮助我理解
#
# 1 到 5 分，保存为 `practice`。

# %% nbgrader={"grade": false, "grade_id": "s5_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
practice = 4
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "s5_test", "locked": true, "points": 0, "schema_version": 3, "solution": false, "task": false} topic="满意度：练习与互动 (practice)"
assert str(practice).strip() in {"1", "2", "3", "4", "5"}, "请填 1 到 5 的整数，例如 practice = 3"


# %% check="s5_test"
def check_s5(practice):
    assert rating(practice) is not None


# %% [markdown] nbgrader={"grade": false, "grade_id": "s6_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 6. 我会在工作中用到课上的方法
#
# 1 到 5 分，保存为 `will_apply`。

# %% nbgrader={"grade": false, "grade_id": "s6_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
will_apply = 4
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "s6_test", "locked": true, "points": 0, "schema_version": 3, "solution": false, "task": false} topic="满意度：学以致用 (will apply)"
assert str(will_apply).strip() in {"1", "2", "3", "4", "5"}, (
    "请填 1 到 5 的整数，例如 will_apply = 3"
)


# %% check="s6_test"
def check_s6(will_apply):
    assert rating(will_apply) is not None


# %% [markdown] nbgrader={"grade": false, "grade_id": "s7_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 7. 我会向同事推荐这门课
#
# 1 到 5 分，保存为 `recommend`。

# %% nbgrader={"grade": false, "grade_id": "s7_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
recommend = 5
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "s7_test", "locked": true, "points": 0, "schema_version": 3, "solution": false, "task": false} topic="满意度：推荐意愿 (recommend)"
assert str(recommend).strip() in {"1", "2", "3", "4", "5"}, "请填 1 到 5 的整数，例如 recommend = 3"


# %% check="s7_test"
def check_s7(recommend):
    assert rating(recommend) is not None


# %% [markdown] nbgrader={"grade": false, "grade_id": "s8_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 8. 意见与建议
#
# 这次培训哪里最有帮助？哪里可以改进？写在下面“在这里作答”处（可以不写）。

# %% [markdown] nbgrader={"grade": true, "grade_id": "s8_answer", "locked": false, "points": 0, "schema_version": 3, "solution": true, "task": false} topic="满意度：意见与建议 (comments)"
# 禾悦食品的练习和小部件最有帮助，一拖滑块就明白分界点的作用。
# 希望综合项目多留半小时讨论时间。
