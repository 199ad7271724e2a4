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
# # 作业 1（理论）：客户分类的理论基础 (theory of customer segmentation)
#
# 用课程自带的示例数据（一家英国网店的真实订单，150 位客户）检验两条理论：
# 客户价值是否集中（“二八法则”）、客户关系处在生命周期的哪个阶段。
#
# **做法**：在写着 `在这里写代码 (YOUR CODE HERE)` 的地方写代码，删掉 `raise NotImplementedError()`
# 这一行，然后按 **Shift + Enter** 运行。每道题下面的灰色单元格是检查答案的测试，
# 不要修改或删除它们（改了也没有用：评分时会换回原来的测试）。最后点击菜单
# “Kernel → Restart & Run All”，确认没有报错后再提交。

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
from custseg.abc_analysis import top_share
from custseg.datasets import load_sample
from custseg.transactions import clean_transactions

clean, _ = clean_transactions(load_sample())
STAGES = ["潜在客户", "首次购买客户", "回购客户", "忠诚客户", "流失风险"]
clean.head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q1_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 1 题：二八法则 (value concentration)
#
# 先算出每位客户的消费总额（`amount` 按 `customer_id` 求和），保存为 Series `spend`。
# 再用 `top_share` 算出消费最多的**前 20%** 客户贡献了全部销售额的多少，
# 保存为 0 到 1 之间的小数 `top20_share`（不用四舍五入）。

# %% nbgrader={"grade": false, "grade_id": "q1_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
spend = clean.groupby("customer_id")["amount"].sum()
top20_share = top_share(spend, 0.2)
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q1_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="客户价值理论 (customer value)"
assert len(spend) == clean["customer_id"].nunique(), "spend 应该每位客户一个数"
assert abs(spend.sum() - clean["amount"].sum()) < 0.01, "spend 加起来应该等于总销售额"
assert 0.2 < top20_share < 1, "前 20% 客户的份额应该在 0.2 和 1 之间（不是百分数）"
### BEGIN HIDDEN TESTS
_totals = {}
for _customer, _amount in zip(clean["customer_id"], clean["amount"], strict=True):
    _totals[_customer] = _totals.get(_customer, 0.0) + _amount
_ranked = sorted(_totals.values(), reverse=True)
_top = len(_ranked) // 5  # 150 customers: exactly 30 of them
assert abs(top20_share - sum(_ranked[:_top]) / sum(_ranked)) < 1e-9
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 2 题：只买过一次的客户 (one-time buyers)
#
# 按生命周期理论，只买过一次的客户还停在“首次购买客户”阶段。
# 只下过**一张订单**（不同的 `invoice_id` 只有一个）的客户有多少位？结果保存为整数 `n_one_time`。

# %% nbgrader={"grade": false, "grade_id": "q2_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
n_one_time = int((clean.groupby("customer_id")["invoice_id"].nunique() == 1).sum())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q2_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="客户生命周期 (customer lifecycle)"
assert isinstance(n_one_time, int), "n_one_time 应该是整数 (int)，可以用 int(...) 转换"
assert 0 < n_one_time < clean["customer_id"].nunique(), "n_one_time 应该在 0 和客户总数之间"
### BEGIN HIDDEN TESTS
_pairs = clean[["customer_id", "invoice_id"]].drop_duplicates()
_orders_per_customer = _pairs["customer_id"].value_counts()
assert n_one_time == len(_orders_per_customer[_orders_per_customer.eq(1)])
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 3 题：判断生命周期阶段 (lifecycle stages)
#
# 阶段只能从 `STAGES` 里选：潜在客户、首次购买客户、回购客户、忠诚客户、流失风险。
# 把下面三位客户的阶段分别保存为字符串 `stage_wang`、`stage_chen`、`stage_liu`：
#
# - 王女士上周第一次在店里买了东西，之后还没再来；
# - 陈先生三年来每个月都来买，最近一次是上周；
# - 刘先生以前每两周来一次，但已经八个月没有任何购买了。

# %% nbgrader={"grade": false, "grade_id": "q3_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
stage_wang = "首次购买客户"
stage_chen = "忠诚客户"
stage_liu = "流失风险"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q3_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="客户生命周期 (customer lifecycle)"
for _answer in (stage_wang, stage_chen, stage_liu):
    assert _answer in STAGES, f"{_answer!r} 不是 STAGES 里的阶段名称，请照抄其中一个"
assert len({stage_wang, stage_chen, stage_liu}) == 3, "三位客户处在三个不同的阶段"
### BEGIN HIDDEN TESTS
assert STAGES.index(stage_wang) == 1
assert STAGES.index(stage_chen) == 3
assert STAGES.index(stage_liu) == 4
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 4 题：理论用到工作中 (applying the theory)
#
# 你在第 1 题算出的 `top20_share` 说明了什么？如果公司下个季度的营销预算不变，
# 你会怎样在“前 20% 的客户”和其余客户之间分配精力？请用两三句话回答（老师会人工评分）。

# %% [markdown] nbgrader={"grade": true, "grade_id": "q4_answer", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false} topic="业务应用 (application)"
# 前 20% 的客户贡献了一半以上的销售额，价值高度集中，失去其中一位的损失远大于失去一位普通客户。
# 我会把更多人力放在维护这批客户上：专人回访、专属服务和新品优先体验，防止他们流失；
# 其余客户用成本较低的群发和自动化营销，重点促成首次购买客户的第二次购买，让更多人成长为高价值客户。
