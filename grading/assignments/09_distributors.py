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
# 用课程自带的经销商表格（**模拟数据**：一家虚构消费品企业的 120 家经销商，
# 2024 年上半年和下半年各评估一次）练习打分、加权、分级和定期复评。
#
# **做法**：在写着 `在这里写代码 (YOUR CODE HERE)` 的地方写代码，删掉 `raise NotImplementedError()`
# 这一行，然后按 **Shift + Enter** 运行。每道题下面的灰色单元格是检查答案的测试，
# 不要修改或删除它们（改了也没有用：评分时会换回原来的测试）。最后点击菜单
# “Kernel → Restart & Run All”，确认没有报错后再提交。

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
import numpy as np
import pandas as pd

from custseg.datasets import load_sample
from custseg.distributors import COVERAGE_POINTS, DistributorEvaluator

distributors = load_sample("distributors")
h1 = distributors[distributors["period"] == "2024-H1"]
h2 = distributors[distributors["period"] == "2024-H2"]
h1.head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q1_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 1 题：能卖但不配合 (high sales, low cooperation)
#
# 用默认权重的 `DistributorEvaluator()` 在上半年数据 `h1` 上训练并评估，评估表保存为 `evaluation`。
# 销售能力为“高绩效”（`sales_level`）、但合作意愿评分（`h1` 的 `cooperation` 列）**低于 3 分**的
# 经销商有多少家？保存为整数 `n_unwilling`。这类经销商需要多沟通。

# %% nbgrader={"grade": false, "grade_id": "q1_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
evaluator = DistributorEvaluator().fit(h1)
evaluation = evaluator.evaluate(h1)
ratings = h1.set_index("distributor_id")["cooperation"]
n_unwilling = int(((evaluation["sales_level"] == "高绩效") & (ratings < 3)).sum())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q1_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="三条分类标准 (three criteria)"
assert isinstance(evaluation, pd.DataFrame) and len(evaluation) == len(h1), (
    "evaluation 应该是上半年每家经销商一行的评估表"
)
assert isinstance(n_unwilling, int), "n_unwilling 应该是整数 (int)，可以用 int(...) 转换"
assert 0 < n_unwilling < len(h1), "n_unwilling 应该在 0 和经销商总数之间"
### BEGIN HIDDEN TESTS
_sales = h1["sales"].to_numpy()
_hit = h1["target_attainment"].to_numpy()
_percentile = [
    50 * ((_sales <= _s).mean() + (_hit <= _h).mean()) for _s, _h in zip(_sales, _hit, strict=True)
]
_expected = sum(_p >= 50 and _c < 3 for _p, _c in zip(_percentile, h1["cooperation"], strict=True))
assert n_unwilling == _expected
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 2 题：冲销量时的权重 (sales-first weights)
#
# 今年企业的重点是冲销量，权重改为：覆盖 20%、销售 60%、合作 20%
# （`weights={"coverage": 0.2, "sales": 0.6, "cooperation": 0.2}`）。
# 用新权重在 `h1` 上重新训练、评估，这时有多少家 A 级（核心）经销商？保存为整数 `n_core`。

# %% nbgrader={"grade": false, "grade_id": "q2_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
sales_first = {"coverage": 0.2, "sales": 0.6, "cooperation": 0.2}
reweighted = DistributorEvaluator(weights=sales_first).fit(h1).evaluate(h1)
n_core = int((reweighted["grade"] == "A").sum())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q2_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="权重与分级 (weights and grades)"
assert isinstance(n_core, int), "n_core 应该是整数 (int)，可以用 int(...) 转换"
assert 0 < n_core < len(h1), "A 级经销商应该有，但不是全部"
### BEGIN HIDDEN TESTS
_cover = h1["coverage"].map(COVERAGE_POINTS).to_numpy()
_friendly = 25 * (h1["cooperation"].to_numpy() - 1)
_total = 0.2 * _cover + 0.6 * np.array(_percentile) + 0.2 * _friendly
assert n_core == int((_total >= 75 - 1e-9).sum())
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 3 题：连续两期 D 级 (D twice in a row)
#
# 回到默认权重。用第 1 题训练好的评估器对上、下半年做复评（`reevaluate(h1, h2)`，
# 下半年仍用上半年的尺子），复评表保存为 `changes`。
# 上半年和下半年**都是 D 级**的经销商有多少家？保存为整数 `n_d_twice`。

# %% nbgrader={"grade": false, "grade_id": "q3_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
changes = evaluator.reevaluate(h1, h2)
n_d_twice = int(((changes["grade_before"] == "D") & (changes["grade_after"] == "D")).sum())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q3_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="定期复评 (re-evaluation)"
assert isinstance(changes, pd.DataFrame), "changes 应该是 reevaluate 得到的复评表"
assert isinstance(n_d_twice, int), "n_d_twice 应该是整数 (int)，可以用 int(...) 转换"
assert 0 < n_d_twice < len(h1), "n_d_twice 应该在 0 和经销商总数之间"
### BEGIN HIDDEN TESTS
_base_sales = np.sort(h1["sales"].to_numpy())
_base_hit = np.sort(h1["target_attainment"].to_numpy())


def _grade_d(period):
    _s = [(_base_sales <= _v).mean() for _v in period["sales"]]
    _h = [(_base_hit <= _v).mean() for _v in period["target_attainment"]]
    _score = (
        0.3 * period["coverage"].map(COVERAGE_POINTS).to_numpy()
        + 0.4 * 50 * (np.array(_s) + np.array(_h))
        + 0.3 * 25 * (period["cooperation"].to_numpy() - 1)
    )
    return set(period["distributor_id"][_score < 45 - 1e-9])


assert n_d_twice == len(_grade_d(h1) & _grade_d(h2))
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 4 题：和一家 D 级经销商谈话 (talking to a D-grade distributor)
#
# 一家合作多年的地方经销商连续两期都是 D 级。你会继续和它合作吗？
# 谈话时你会先了解什么、提出什么整改要求、企业又能提供什么支持？请用两三句话回答（老师会人工评分）。

# %% [markdown] nbgrader={"grade": true, "grade_id": "q4_answer", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false} topic="动态调整 (dynamic adjustment)"
# 先不急着更换，约老板面谈，弄清楚是市场变了、资金紧张还是对政策不满。
# 一起定一个半年的整改计划：目标达成率、回款天数和培训出勤都要有具体数字，企业提供培训和促销支持；
# 下次复评仍是 D 级，就缩小合作范围或在当地另找经销商。
