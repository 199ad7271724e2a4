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
# # 作业 6：客户生命周期与同期群 (lifecycle stages and cohorts)
#
# 用课程自带的示例数据（一家英国网店的真实订单，150 位客户）把客户放入生命周期阶段，
# 并用同期群（cohort）看一看哪一批客户留得住。
#
# **做法**：在写着 `在这里写代码 (YOUR CODE HERE)` 的地方写代码，删掉 `raise NotImplementedError()`
# 这一行，然后按 **Shift + Enter** 运行。每道题下面的灰色单元格是检查答案的测试，
# 不要修改或删除它们（改了也没有用：评分时会换回原来的测试）。最后点击菜单
# “Kernel → Restart & Run All”，确认没有报错后再提交。

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
import pandas as pd

from custseg.cohorts import cohort_table, retention_matrix
from custseg.datasets import load_sample
from custseg.lifecycle import lifecycle_stages
from custseg.transactions import clean_transactions

clean, _ = clean_transactions(load_sample())
clean.head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q1_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 1 题：已流失的客户 (churned customers)
#
# 用默认规则 `lifecycle_stages(clean)` 给每位客户分阶段，保存为 `stages`。
# 阶段为“已流失”的客户有多少位？结果保存为整数 `n_churned`。

# %% nbgrader={"grade": false, "grade_id": "q1_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
stages = lifecycle_stages(clean)
n_churned = int((stages["stage"] == "已流失").sum())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q1_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="生命周期阶段 (lifecycle stages)"
assert isinstance(stages, pd.DataFrame) and "stage" in stages.columns, (
    "stages 应该是 lifecycle_stages(clean) 的结果"
)
assert isinstance(n_churned, int), "n_churned 应该是整数 (int)，可以用 int(...) 转换"
assert 0 < n_churned < len(stages)
### BEGIN HIDDEN TESTS
_day = clean["invoice_date"].dt.normalize()
_today = _day.max() + pd.Timedelta(days=1)
_recency = (_today - _day.groupby(clean["customer_id"]).max()).dt.days
assert n_churned == int((_recency > 180).sum())
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 2 题：购买周期更短的生意 (a faster business)
#
# 假设这是一家咖啡连锁店：客户来得勤，阈值应该更短。用
# `lifecycle_stages(clean, new_days=30, at_risk_days=60, churn_days=120)` 重新分阶段，
# 数一数“流失风险”阶段有多少位客户，保存为整数 `n_at_risk`。

# %% nbgrader={"grade": false, "grade_id": "q2_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
coffee = lifecycle_stages(clean, new_days=30, at_risk_days=60, churn_days=120)
n_at_risk = int((coffee["stage"] == "流失风险").sum())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q2_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="阶段阈值 (stage thresholds)"
assert isinstance(n_at_risk, int), "n_at_risk 应该是整数 (int)，可以用 int(...) 转换"
assert n_at_risk != int((lifecycle_stages(clean)["stage"] == "流失风险").sum()), (
    "请使用题目给出的三个阈值"
)
### BEGIN HIDDEN TESTS
_last = {}
for _customer, _when in zip(clean["customer_id"], clean["invoice_date"], strict=True):
    _last[_customer] = max(_last.get(_customer, _when), _when)
_end = max(_last.values()).normalize() + pd.Timedelta(days=1)
_gaps = [(_end - _when.normalize()).days for _when in _last.values()]
assert n_at_risk == sum(60 < _gap <= 120 for _gap in _gaps)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 3 题：按季度的留存 (quarterly retention)
#
# 用 `retention_matrix(clean, period="Q")` 计算**按季度**的留存矩阵。
# 2011 年第一季度（`2011Q1`）第一次购买的客户中，下一个季度又来购买的比例是多少？
# 结果保存为 0 到 1 之间的小数 `q1_next_quarter`（不用四舍五入）。

# %% nbgrader={"grade": false, "grade_id": "q3_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
quarterly = retention_matrix(clean, period="Q")
q1_next_quarter = float(quarterly.loc[pd.Period("2011Q1", freq="Q"), 1])
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q3_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="同期群留存 (cohort retention)"
assert 0 < q1_next_quarter < 1, "q1_next_quarter 是比例，应该在 0 和 1 之间（不是百分数）"
### BEGIN HIDDEN TESTS
_quarter = clean["invoice_date"].dt.to_period("Q")
_first = _quarter.groupby(clean["customer_id"]).min()
_cohort = set(_first[_first == pd.Period("2011Q1", freq="Q")].index)
_back = set(clean.loc[_quarter == pd.Period("2011Q2", freq="Q"), "customer_id"]) & _cohort
assert abs(q1_next_quarter - len(_back) / len(_cohort)) < 1e-9
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 4 题：最早一批客户的贡献 (revenue of the first cohort)
#
# 用 `cohort_table(clean, value="amount")` 按月计算每一批客户在各个月带来的销售额。
# 2010 年 12 月第一次购买的这一批客户，在整个数据期间一共贡献了全部销售额的多少？
# 结果保存为 0 到 1 之间的小数 `first_cohort_share`（不用四舍五入）。

# %% nbgrader={"grade": false, "grade_id": "q4_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
revenue = cohort_table(clean, value="amount")
first_cohort_share = float(revenue.loc[pd.Period("2010-12", freq="M")].sum() / revenue.sum().sum())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q4_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="同期群价值 (cohort value)"
assert 0 < first_cohort_share < 1, "first_cohort_share 是比例，应该在 0 和 1 之间（不是百分数）"
### BEGIN HIDDEN TESTS
_first_day = clean.groupby("customer_id")["invoice_date"].transform("min")
_december = (_first_day.dt.year == 2010) & (_first_day.dt.month == 12)
assert abs(first_cohort_share - clean.loc[_december, "amount"].sum() / clean["amount"].sum()) < 1e-9
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q5_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 5 题：业务解读 (interpretation)
#
# 预算只够给一个生命周期阶段的客户发优惠券。你会选哪个阶段？在你们的业务里，
# 多少天没有购买才算“流失风险”？为什么？请用两三句话回答（老师会人工评分）。

# %% [markdown] nbgrader={"grade": true, "grade_id": "q5_answer", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false} topic="业务应用 (application)"
# 选“流失风险”阶段：他们买过、还记得我们，一张有针对性的优惠券最可能把他们拉回来；
# 已流失的客户唤回成本高，忠诚客户不用券也会买。我们的客户一般每月采购一次，
# 所以超过 60 天没有下单就应算作流失风险。
