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
# 用课程自带的银行营销数据（一家葡萄牙银行的电话营销记录，随机抽取的 3,000 位客户，
# `y` 表示是否认购了定期存款）练习响应率、置信区间、提升和投资回报率（ROI）。
#
# **做法**：在写着 `在这里写代码 (YOUR CODE HERE)` 的地方写代码，删掉 `raise NotImplementedError()`
# 这一行，然后按 **Shift + Enter** 运行。每道题下面的灰色单元格是检查答案的测试，
# 不要修改或删除它们（改了也没有用：评分时会换回原来的测试）。最后点击菜单
# “Kernel → Restart & Run All”，确认没有报错后再提交。

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
import math

import pandas as pd
from scipy.stats import norm

from custseg.datasets import load_sample
from custseg.dimensions import response_by
from custseg.promotion import (
    contact_history_groups,
    evaluate_campaign,
    promotion_roi,
    wilson_interval,
)

clients = load_sample("bank_marketing")
clients.head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q1_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 1 题：响应率最高的职业和它的置信区间 (response rate and interval)
#
# 用 `response_by(clients, "job")` 算出各职业的响应率，保存为 `by_job`。
# 响应率最高的职业（英文原名，如 `"student"`）保存为字符串 `best_job`。
# 再用 `wilson_interval` 算出这个职业响应率的 95% 置信区间，下限和上限分别保存为小数
# `best_low`、`best_high`。

# %% nbgrader={"grade": false, "grade_id": "q1_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
by_job = response_by(clients, "job")
best_job = str(by_job["response_rate"].idxmax())
best_low, best_high = wilson_interval(
    int(by_job.loc[best_job, "responses"]), int(by_job.loc[best_job, "customers"])
)
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q1_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="置信区间 (confidence interval)"
assert isinstance(by_job, pd.DataFrame), "by_job 应该是 response_by 得到的表格"
assert isinstance(best_job, str), "best_job 应该是字符串 (str)"
assert 0 <= best_low < best_high <= 1, "置信区间应该是 0 到 1 之间的两个数，下限小于上限"
### BEGIN HIDDEN TESTS
_counts = {}
for _job, _answer in zip(clients["job"], clients["y"], strict=True):
    _seen, _yes = _counts.get(_job, (0, 0))
    _counts[_job] = (_seen + 1, _yes + (_answer == "yes"))
_top = max(_counts, key=lambda _k: _counts[_k][1] / _counts[_k][0])
assert best_job == _top
_n, _x = _counts[_top]
_z = norm.ppf(0.975)
_p = _x / _n
_mid = (_p + _z**2 / (2 * _n)) / (1 + _z**2 / _n)
_half = _z / (1 + _z**2 / _n) * math.sqrt(_p * (1 - _p) / _n + _z**2 / (4 * _n**2))
assert abs(best_low - (_mid - _half)) < 1e-9 and abs(best_high - (_mid + _half)) < 1e-9
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 2 题：活动后评估的 ROI (campaign ROI)
#
# 和课上一样，用 `contact_history_groups(clients)` 把客户分成“此前联系过”（当作活动组）和
# “首次联系”（当作对照组），存进新列 `clients["contact_history"]`。
# 假设每签一份定期存款赚 **120 欧元**，每联系一位客户花 **6 欧元**，用 `evaluate_campaign`
# 评估（不分客户群），结果保存为 `evaluation`；整体（`"全部 (all)"` 这一行）的 ROI 保存为小数 `overall_roi`。
# （提醒：这两组不是随机分的，这里只练习计算方法。）

# %% nbgrader={"grade": false, "grade_id": "q2_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
clients["contact_history"] = contact_history_groups(clients)
groups = {"group_col": "contact_history", "treatment": "此前联系过", "control": "首次联系"}
money = {"revenue_per_response": 120, "cost_per_contact": 6}
evaluation = evaluate_campaign(clients, outcome_col="y", **groups, **money)
overall_roi = float(evaluation.loc["全部 (all)", "roi"])
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q2_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="提升与 ROI (lift and ROI)"
assert isinstance(evaluation, pd.DataFrame), "evaluation 应该是 evaluate_campaign 得到的表格"
assert isinstance(overall_roi, float), "overall_roi 应该是小数 (float)"
assert overall_roi > -1, "ROI = (增量收入 − 成本) ÷ 成本，不会低于 −1（−100%）"
### BEGIN HIDDEN TESTS
_before = (clients["pdays"] >= 0).to_numpy()
_took = (clients["y"] == "yes").to_numpy()
_n1, _n0 = _before.sum(), (~_before).sum()
_extra = (_took[_before].sum() / _n1 - _took[~_before].sum() / _n0) * _n1
_spent = 6 * _n1
assert abs(overall_roi - (120 * _extra - _spent) / _spent) < 1e-9
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 3 题：给退休客户的活动算账 (break-even)
#
# 计划给样本中**全部退休客户**（`job` 为 `"retired"`）打电话推广定期存款：每次联系花 8 欧元，
# 每份存款赚 100 欧元；预计响应率就用退休客户现在的响应率，不做活动的响应率用全部客户的响应率。
# 用 `promotion_roi` 算账，结果（一个字典）保存为 `retired_plan`，
# 其中的利润 (`profit`) 和保本响应率 (`break_even_rate`) 分别保存为小数
# `retired_profit`、`retired_break_even`。

# %% nbgrader={"grade": false, "grade_id": "q3_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
retired = clients[clients["job"] == "retired"]
retired_plan = promotion_roi(
    targets=len(retired),
    cost_per_contact=8,
    revenue_per_response=100,
    response_rate=(retired["y"] == "yes").mean(),
    baseline_rate=(clients["y"] == "yes").mean(),
)
retired_profit = float(retired_plan["profit"])
retired_break_even = float(retired_plan["break_even_rate"])
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q3_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="活动前算账 (ROI and break-even)"
assert isinstance(retired_plan, dict), "retired_plan 应该是 promotion_roi 返回的字典"
assert isinstance(retired_profit, float), "retired_profit 应该是小数 (float)"
assert 0 < retired_break_even < 1, "保本响应率应该在 0 和 1 之间"
### BEGIN HIDDEN TESTS
_old = (clients["job"] == "retired").to_numpy()
_rate_old = _took[_old].sum() / _old.sum()
_rate_all = _took.sum() / len(_took)
_gain = (_rate_old - _rate_all) * _old.sum() * 100
assert abs(retired_profit - (_gain - 8 * _old.sum())) < 1e-6
assert abs(retired_break_even - (_rate_all + 0.08)) < 1e-12
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 4 题：向财务总监解释 (explaining the result)
#
# 第 2 题中“此前联系过”的客户响应率明显更高。财务总监问：“那是不是应该把所有客户都多联系一次？”
# 你怎么回答？下一次活动应该怎样设计，才能知道促销到底带来了多少增量响应？
# 请用两三句话回答（老师会人工评分）。

# %% [markdown] nbgrader={"grade": true, "grade_id": "q4_answer", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false} topic="对照组 (control group)"
# 不能这样下结论：此前联系过的客户是银行当初挑出来的，本来就和首次联系的客户不一样，
# 两组的差距不全是联系带来的。下一次活动开始前，应该从目标客户中随机留出一部分作为对照组，
# 活动后比较两组的响应率，看提升的置信区间是否不含 0，再用增量响应算 ROI。
