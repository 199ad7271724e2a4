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
# # 作业 10：促销设计与评估 (promotion design and evaluation)
#
# 本作业用「禾悦食品」的一次**随机**发券实验（**模拟数据**，金额单位：元）：2,000 位客户被随机分成两组，
# 实验组收到优惠券，对照组不发券。你要读懂结果、判断能不能说“券有效”，并为下一次活动做决定。
#
# **不需要写程序**。每道题的答题单元格里，删掉 `raise NotImplementedError()` 这一行，
# 写上一行 `名字 = 值`：一个数字、一个选项（写选项的文字或字母 A/B/C 都可以），
# 或者题目给出的那种一行调用。然后按 **Shift + Enter** 运行。下面的灰色单元格只检查答案的格式，
# 通过了也不代表答对；真正的评分在老师那里进行。文字题写在“在这里作答”处。
# 最后点击菜单“内核 → 重启内核并运行所有单元格”，确认没有报错后再提交。

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
from custseg.datasets import load_cn_promotion
from custseg.experiment import control_group_size
from custseg.promotion import campaign_table, evaluate_campaign, promotion_roi_table
from custseg.widgets import promotion_roi_simulator

promotion = load_cn_promotion()
cn_result = evaluate_campaign(
    frame=promotion,
    group_col="group",
    treatment="实验组",
    control="对照组",
    outcome_col="responded",
    positive=True,
    segment_col="segment",
    revenue_per_response=60,
    cost_per_contact=5,
)
campaign_table(result=cn_result)

# %% check="setup"
# 评分检查：只在讲师的文件中，不会进入学员的笔记本和反馈；评分时在学员的内核之外运行。
# Hidden checks: instructor-only, run outside the learner's kernel on plain-data answers.
import numbers  # noqa: E402

from custseg.exercises.promotion import cn_result  # noqa: E402
from custseg.experiment import control_group_size  # noqa: E402, F811
from custseg.grading.typed_answers import chosen  # noqa: E402, F811
from custseg.promotion import promotion_roi_table  # noqa: E402, F811

reference_result = cn_result()  # the course's evaluation of the coupon experiment
overall = reference_result.iloc[0]


def roi(baseline_rate):
    """ROI (a fraction) of the module's simulator example at the given baseline rate."""
    table = promotion_roi_table(
        targets=1000,
        cost_per_contact=5,
        revenue_per_response=100,
        response_rate=0.15,
        baseline_rate=baseline_rate,
    )
    value = str(table.set_index("项目").loc["ROI", "数值"]).rstrip("%").replace(",", "")
    return float(value) / 100


# %% [markdown] nbgrader={"grade": false, "grade_id": "q1_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 1 题：全部客户的增量（计算）
#
# 上表第一行是全部客户。发券使响应率提高了多少个**百分点**（实验组响应率 − 对照组响应率）？
# 保存为 `overall_increment_points`，例如提高了 3.5 个百分点就写 `3.5`（差 0.1 以内都算对）。

# %% nbgrader={"grade": false, "grade_id": "q1_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
overall_increment_points = 1.8
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q1_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="增量 (incremental effect)"
assert isinstance(overall_increment_points, int | float), "overall_increment_points 应该是一个数字"
assert -100 <= overall_increment_points <= 100, "百分点在 −100 到 100 之间"


# %% check="q1_test"
def check_q1(overall_increment_points):
    points = 100 * float(overall["abs_lift"])
    value = overall_increment_points
    assert isinstance(value, numbers.Real) and not isinstance(value, bool)
    # 0.018 (the same increment as a fraction) is the same answer in other units
    assert abs(float(value) - points) <= 0.1 or abs(100 * float(value) - points) <= 0.1


# %% [markdown] nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 2 题：能说“券有效”吗（判断）
#
# 老板问：“整体看，发券让客户多买了吗？”根据第一行的增量和它的 95% 置信区间，你的回答是：
#
# A. 能确定有效：实验组的响应率更高
# B. 不能确定：增量的置信区间包含 0
# C. 能确定无效：增量太小
#
# 保存为 `overall_verdict`（字母即可）。

# %% nbgrader={"grade": false, "grade_id": "q2_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
overall_verdict = "B"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q2_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="置信区间与显著性 (confidence intervals)"
assert isinstance(overall_verdict, str) and overall_verdict.strip(), '请用引号写字母，例如 "A"'


# %% check="q2_test"
def check_q2(overall_verdict):
    options = ("能确定有效", "不能确定", "能确定无效")
    low, high = float(overall["abs_lift_ci_low"]), float(overall["abs_lift_ci_high"])
    expected = options[1] if low <= 0 <= high else options[0] if low > 0 else options[2]
    assert chosen(overall_verdict, options, {"不显著": "不能确定"}) == expected


# %% [markdown] nbgrader={"grade": false, "grade_id": "q3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 3 题：下一次发 600 张券给谁（决定）
#
# 下一次只有 **600 张**券，只能发给**一个**客户群（人数不够 600 的，发完就停；一个群的人数 = 实验组人数 + 对照组人数）。
# 按这次实验的增量，哪个客户群能带来**最多的额外购买**（增量响应人数）？
#
# A. 重要价值客户　B. 一般发展客户　C. 一般挽留客户　D. 重要挽留客户
#
# 保存为 `next_coupon_segment`（名称或字母）。

# %% nbgrader={"grade": false, "grade_id": "q3_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
next_coupon_segment = "一般发展客户"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q3_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="按增量选对象 (targeting by uplift)"
assert isinstance(next_coupon_segment, str) and next_coupon_segment.strip(), "请用引号写名称或字母"


# %% check="q3_test"
def check_q3(next_coupon_segment):
    options = ("重要价值客户", "一般发展客户", "一般挽留客户", "重要挽留客户")

    def extra(segment, column):
        row = reference_result.loc[segment]
        size = int(row["treatment_n"] + row["control_n"])
        return min(600, size) * float(row[column])

    by_estimate = max(options, key=lambda s: extra(s, "abs_lift"))
    by_lower_bound = max(options, key=lambda s: extra(s, "abs_lift_ci_low"))
    assert by_estimate == by_lower_bound  # the data make the choice clear either way
    synonyms = {"一般发展": "一般发展客户"}
    assert chosen(next_coupon_segment, options, synonyms) == by_estimate


# %% [markdown] nbgrader={"grade": false, "grade_id": "q4_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 4 题：对照组要多大（计算）
#
# 下一次实验，不发券时的响应率估计为 **20%**，希望能看出 **5 个百分点**的增量（95% 把握、80% 的检出率）。
# 每组（对照组和实验组各自）至少要多少人？用一行算：
# `control_group_size(baseline_rate=…, difference=…)`（两个数都写成 0 到 1 之间的小数）。
# 保存为整数 `group_size`。

# %% nbgrader={"grade": false, "grade_id": "q4_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
group_size = control_group_size(baseline_rate=0.2, difference=0.05)
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q4_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="实验设计 (experiment design)"
assert isinstance(group_size, int), "group_size 应该是整数（人数）"
assert group_size > 0, "人数应该是正数"


# %% check="q4_test"
def check_q4(group_size):
    assert isinstance(group_size, int) and not isinstance(group_size, bool)
    assert group_size == control_group_size(baseline_rate=0.2, difference=0.05)


# %% [markdown] nbgrader={"grade": false, "grade_id": "q5_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 5 题：先预测，再验证（预测）
#
# 下面的模拟器：联系 1,000 人，每次联系 5 元，每次响应收入 100 元，活动响应率 15%，不做活动的响应率 9%。
# 如果“不做活动的响应率”从 9% 升到 **12%**（更多人本来就会买），活动的 ROI 会
# A. 变高　B. 变低　C. 不变？先写下预测，再拖滑块验证。保存为 `roi_if_baseline_12`。

# %%
promotion_roi_simulator(
    targets=1000,
    cost_per_contact=5,
    revenue_per_response=100,
    response_rate=0.15,
    baseline_rate=0.09,
)

# %% nbgrader={"grade": false, "grade_id": "q5_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
roi_if_baseline_12 = "变低"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q5_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="ROI (return on investment)"
assert isinstance(roi_if_baseline_12, str), '请用引号写答案，例如 "变高" 或 "A"'


# %% check="q5_test"
def check_q5(roi_if_baseline_12):
    before, after = roi(0.09), roi(0.12)
    expected = "变高" if after > before else "变低" if after < before else "不变"
    synonyms = {"降低": "变低", "下降": "变低", "更低": "变低", "提高": "变高", "更高": "变高"}
    assert chosen(roi_if_baseline_12, ("变高", "变低", "不变"), synonyms) == expected


# %% [markdown] nbgrader={"grade": false, "grade_id": "q6_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 6 题：给老板的一段话（文字题，老师人工评分）
#
# 用三四句话向老板汇报这次发券实验：整体结论是什么、哪个客户群值得继续发、为什么不能只看实验组的响应率，
# 下一步怎么做。

# %% [markdown] nbgrader={"grade": true, "grade_id": "q6_answer", "locked": false, "points": 2, "schema_version": 3, "solution": true, "task": false} topic="业务应用 (application)"
# 整体看，发券组的响应率只比对照组高 1.8 个百分点，置信区间包含 0，还不能说券整体有效，这次活动也没有收回成本。
# 分群看，一般发展客户的增量约 8 个百分点且显著，值得下一轮继续发；但一共比了 8 个群，单个群显著也可能是偶然，
# 要用新一轮随机实验确认。重要价值客户不发券也会买，券钱是白花的。
# 只看实验组响应率会把本来就会买的人也算成券的功劳，必须和随机对照组比。下一步只给一般发展客户发券，
# 仍然随机留对照组，并按预期增量算好每组人数。
