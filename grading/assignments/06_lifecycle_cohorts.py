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
# # 作业 6：生命周期阶段与获客同期群 (lifecycle stages and cohorts)
#
# 本作业用「禾悦食品」的订单（**模拟数据**，金额单位：元）：客户现在处在哪个阶段？
# 每个月新来的客户留下来多少？有限的回访和礼包应该给谁？
#
# **不需要写程序**。每道题的答题单元格里，删掉 `raise NotImplementedError()` 这一行，
# 写上一行 `名字 = 值`：一个数字、一个选项（写选项的文字或字母 A/B/C 都可以），
# 或者题目给出的那种一行调用。然后按 **Shift + Enter** 运行。下面的灰色单元格只检查答案的格式，
# 通过了也不代表答对；真正的评分在老师那里进行。文字题写在“在这里作答”处。
# 最后点击菜单“内核 → 重启内核并运行所有单元格”，确认没有报错后再提交。

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
from custseg.cohorts import retention_table
from custseg.datasets import load_cn_orders
from custseg.lifecycle import lifecycle_stages, stage_table
from custseg.tables import share
from custseg.widgets import lifecycle_explorer

cn_orders = load_cn_orders()
cn_stages = lifecycle_stages(transactions=cn_orders)
stage_table(cn_stages)

# %% check="setup"
# 评分检查：只在讲师的文件中，不会进入学员的笔记本和反馈；评分时在学员的内核之外运行。
# Hidden checks: instructor-only, run outside the learner's kernel on plain-data answers.
import numbers  # noqa: E402

from custseg.cohorts import retention_matrix  # noqa: E402, F811
from custseg.datasets import load_cn_orders  # noqa: E402, F811
from custseg.grading.typed_answers import chosen  # noqa: E402, F811
from custseg.lifecycle import explorer_thresholds, lifecycle_stages  # noqa: E402, F811

reference_orders = load_cn_orders()
reference_stages = lifecycle_stages(reference_orders)


def stage_count(stage, at_risk_days=90, churn_days=180):
    """Customers in ``stage`` as the widget counts them at the given thresholds."""
    stages = lifecycle_stages(reference_orders, **explorer_thresholds(at_risk_days, churn_days, 5))
    return int((stages["stage"] == stage).sum())


# %% [markdown] nbgrader={"grade": false, "grade_id": "q1_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 1 题：已经流失的客户占多少（计算）
#
# 按默认规则（90 天未购买算流失风险，180 天算已流失，5 单以上算忠诚），**已流失**客户占全部客户的比例是多少？
# 写成 0 到 1 之间的小数，保存为 `churned_share`（差 0.005 以内都算对）。
# 可以从上表读，也可以用 `share(cn_stages, stage="阶段名称")`。

# %% nbgrader={"grade": false, "grade_id": "q1_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
churned_share = share(cn_stages, stage="已流失")
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q1_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="生命周期阶段 (lifecycle stages)"
assert isinstance(churned_share, int | float), "churned_share 应该是一个数字"
assert 0 <= churned_share <= 1, "请写成 0 到 1 之间的小数：百分数要除以 100（例如 35% 写 0.35）"


# %% check="q1_test"
def check_q1(churned_share):
    expected = float((reference_stages["stage"] == "已流失").mean())
    assert isinstance(churned_share, numbers.Real) and not isinstance(churned_share, bool)
    assert abs(float(churned_share) - expected) <= 0.005


# %% [markdown] nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 2 题：回访名单要多早开始（决定）
#
# 客服本月最多回访 **250 位**流失风险客户。“多少天未购买算流失风险”定得越早，越能在客户走远之前联系上，
# 但名单也越长。“已流失”保持 180 天、忠诚保持 5 单，在下面的小部件上拖第一个滑块：
# 下列选项中，流失风险客户**不超过 250 位**的前提下，最早的是哪一个？
#
# A. 60 天　B. 90 天　C. 120 天　D. 150 天
#
# 把天数（或字母）保存为 `at_risk_days_for_calls`。

# %%
lifecycle_explorer(transactions=cn_orders)

# %% nbgrader={"grade": false, "grade_id": "q2_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
at_risk_days_for_calls = 90
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q2_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="生命周期阶段 (lifecycle stages)"
assert str(at_risk_days_for_calls).strip().upper() in "A B C D 60 90 120 150".split(), (
    "请填 60、90、120、150 中的一个天数，或者字母 A—D"
)


# %% check="q2_test"
def check_q2(at_risk_days_for_calls):
    options = ("60", "90", "120", "150")
    fits = [days for days in options if stage_count("流失风险", at_risk_days=int(days)) <= 250]
    assert chosen(at_risk_days_for_calls, options) == min(fits, key=int)


# %% [markdown] nbgrader={"grade": false, "grade_id": "q3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 3 题：欢迎礼包给谁（判断）
#
# 市场部准备了一批“欢迎礼包”（试吃装 + 第二单优惠），目的是**促成第二次购买**。应该寄给哪个阶段的客户？
#
# A. 新客　B. 回购　C. 忠诚　D. 已流失
#
# 保存为 `welcome_pack_stage`（阶段名称或字母）。

# %% nbgrader={"grade": false, "grade_id": "q3_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
welcome_pack_stage = "新客"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q3_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="生命周期策略 (stage strategies)"
assert isinstance(welcome_pack_stage, str) and welcome_pack_stage.strip(), (
    '请用引号写阶段名称或字母，例如 "A"'
)


# %% check="q3_test"
def check_q3(welcome_pack_stage):
    options = ("新客", "回购", "忠诚", "已流失")
    synonyms = {"新客户": "新客", "新客阶段": "新客", "首购客户": "新客"}
    assert chosen(welcome_pack_stage, options, synonyms) == "新客"


# %% [markdown] nbgrader={"grade": false, "grade_id": "q4_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 4 题：一批新客户留下来多少（计算）
#
# 运行下面的单元格看留存表：每一行是一个月获得的新客户，每一列是首购后第几个月仍在购买的比例。
# **2024 年 3 月**获得的新客户，在首购后**第 3 个月**的留存率是多少？
# 写成 0 到 1 之间的小数，保存为 `march_2024_month_3`（差 0.006 以内都算对）。

# %%
retention_table(transactions=cn_orders, periods=6)

# %% nbgrader={"grade": false, "grade_id": "q4_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
march_2024_month_3 = 0.443
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q4_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="获客同期群 (cohorts)"
assert isinstance(march_2024_month_3, int | float), "march_2024_month_3 应该是一个数字"
assert 0 <= march_2024_month_3 <= 1, "请写成 0 到 1 之间的小数：百分数要除以 100"


# %% check="q4_test"
def check_q4(march_2024_month_3):
    matrix = retention_matrix(reference_orders)
    row = [label for label in matrix.index if str(label).startswith("2024-03")][0]
    assert isinstance(march_2024_month_3, numbers.Real) and not isinstance(march_2024_month_3, bool)
    assert abs(float(march_2024_month_3) - float(matrix.loc[row, 3])) <= 0.006


# %% [markdown] nbgrader={"grade": false, "grade_id": "q5_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 5 题：先预测，再验证（预测）
#
# 如果把“多少天未购买算已流失”从 180 天放宽到 **360 天**（流失风险仍是 90 天），
# **已流失**客户会 A. 变多　B. 变少　C. 不变？先写下预测，再到第 2 题的小部件上验证。
# 保存为 `churned_at_360`。

# %% nbgrader={"grade": false, "grade_id": "q5_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
churned_at_360 = "变少"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q5_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="生命周期阶段 (lifecycle stages)"
assert isinstance(churned_at_360, str), '请用引号写答案，例如 "变多" 或 "A"'


# %% check="q5_test"
def check_q5(churned_at_360):
    before, after = stage_count("已流失"), stage_count("已流失", churn_days=360)
    expected = "变多" if after > before else "变少" if after < before else "不变"
    synonyms = {"减少": "变少", "更少": "变少", "增加": "变多", "更多": "变多"}
    assert chosen(churned_at_360, ("变多", "变少", "不变"), synonyms) == expected


# %% [markdown] nbgrader={"grade": false, "grade_id": "q6_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 6 题：近一半客户已流失，怎么办（文字题，老师人工评分）
#
# 禾悦食品近一半客户已经超过 180 天没有购买。老板想拿出一大笔预算“把他们全部找回来”。
# 请用三四句话给出你的建议：这笔钱怎样分配在“已流失”和“流失风险”两个阶段？先做什么、怎样知道有没有效果？

# %% [markdown] nbgrader={"grade": true, "grade_id": "q6_answer", "locked": false, "points": 2, "schema_version": 3, "solution": true, "task": false} topic="业务应用 (application)"
# 大部分预算先给流失风险客户：他们离开不久、挽回把握大，用回访和个性化优惠防止他们变成已流失。
# 已流失客户只做一次低成本唤醒（短信、公众号推送），对其中过去消费高的少数客户再单独联系。
# 唤醒时随机留出一部分客户不发，作为对照组，一两个月后比较两组的回购率，再决定是否追加预算。
