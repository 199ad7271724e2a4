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
# # 作业 12：趋势与挑战 (trends and challenges)
#
# 客户群是会变的。用课程自带的示例数据（一家英国网店的真实订单，150 位客户）
# 看看数据缺失有多严重，以及半年里客户在八类客户群之间怎样迁移。
#
# **做法**：在写着 `在这里写代码 (YOUR CODE HERE)` 的地方写代码，删掉 `raise NotImplementedError()`
# 这一行，然后按 **Shift + Enter** 运行。每道题下面的灰色单元格是检查答案的测试，
# 不要修改或删除它们（改了也没有用：评分时会换回原来的测试）。最后点击菜单
# “Kernel → Restart & Run All”，确认没有报错后再提交。

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
import pandas as pd

from custseg.datasets import load_sample
from custseg.segments import segment_migration
from custseg.transactions import clean_transactions

orders = load_sample()
clean, _ = clean_transactions(orders)
DAY_1, DAY_2 = "2011-06-30", "2011-12-10"
clean.head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q1_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 1 题：数据收集难 (missing customer ids)
#
# 原始订单 `orders` 里，没有客户编号（`customer_id` 为空）的订单行占全部行的比例是多少？
# 结果保存为 0 到 1 之间的小数 `missing_id_share`（不用四舍五入）。

# %% nbgrader={"grade": false, "grade_id": "q1_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
missing_id_share = float(orders["customer_id"].isna().mean())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q1_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="数据收集 (data collection)"
assert isinstance(missing_id_share, float), "missing_id_share 应该是小数 (float)"
assert 0 < missing_id_share < 1, "missing_id_share 是比例，应该在 0 和 1 之间（不是百分数）"
### BEGIN HIDDEN TESTS
_blank = sum(1 for _value in orders["customer_id"] if pd.isna(_value))
assert abs(missing_id_share - _blank / orders.shape[0]) < 1e-12
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 2 题：客户群迁移表 (segment migration)
#
# 用 `segment_migration` 比较清洗后的订单 `clean` 在 `DAY_1` 和 `DAY_2` 两个分析日的八类客户群，
# 结果保存为 `migration`（行是分析日 1 的客户群，列是分析日 2 的客户群）。
# 两个分析日之间才第一次购买的客户在“（新客户）”这一行。这样的新客户一共有多少位？
# 结果保存为整数 `n_new`。

# %% nbgrader={"grade": false, "grade_id": "q2_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
migration = segment_migration(clean, DAY_1, DAY_2)
n_new = int(migration.loc["（新客户）"].sum())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q2_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="动态分类 (segment migration)"
assert isinstance(migration, pd.DataFrame), "migration 应该是 segment_migration 得到的表格"
assert migration.to_numpy().sum() == clean["customer_id"].nunique(), "迁移表应包含每位客户"
assert isinstance(n_new, int), "n_new 应该是整数 (int)，可以用 int(...) 转换"
### BEGIN HIDDEN TESTS
_first = {}
for _customer, _when in zip(clean["customer_id"], clean["invoice_date"], strict=True):
    _first[_customer] = min(_first.get(_customer, _when), _when)
_cut = pd.Timestamp(DAY_1) + pd.Timedelta(days=1)
assert n_new == sum(_when >= _cut for _when in _first.values())
assert 0 < n_new < len(_first)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 3 题：新进入“重要价值客户”的人 (new top customers)
#
# 在分析日 2 属于“重要价值客户”的客户中，有多少位在分析日 1 **不是**“重要价值客户”
# （包括当时还没买过的新客户）？用 `migration` 算出来，保存为整数 `n_new_vip`。

# %% nbgrader={"grade": false, "grade_id": "q3_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
vip = "重要价值客户"
n_new_vip = int(migration[vip].sum() - migration.loc[vip, vip])
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q3_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="动态分类 (segment migration)"
assert isinstance(n_new_vip, int), "n_new_vip 应该是整数 (int)，可以用 int(...) 转换"
assert 0 <= n_new_vip <= clean["customer_id"].nunique(), "n_new_vip 不能超过客户总数"


### BEGIN HIDDEN TESTS
def _top_customers(day):
    _day = pd.Timestamp(day)
    _seen = clean[clean["invoice_date"].dt.normalize() <= _day]
    _per = _seen.groupby("customer_id").agg(
        last=("invoice_date", "max"), orders=("invoice_id", "nunique"), money=("amount", "sum")
    )
    _gap = (_day - _per["last"].dt.normalize()).dt.days
    _keep = (
        (_gap < _gap.mean())
        & (_per["orders"] > _per["orders"].mean())
        & (_per["money"] > _per["money"].mean())
    )
    return set(_per.index[_keep])


assert n_new_vip == len(_top_customers(DAY_2) - _top_customers(DAY_1))
assert n_new_vip > 0
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 4 题：客户群变了怎么办 (acting on migration)
#
# 看一看 `migration` 中从“重要价值客户”或“重要保持客户”移到其他客户群的人。
# 为什么客户分类要定期重做，而不是做一次就一直用？对这些移出去的客户，你会马上做什么？
# 请用两三句话回答（老师会人工评分）。

# %% [markdown] nbgrader={"grade": true, "grade_id": "q4_answer", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false} topic="业务应用 (application)"
# 客户的购买行为一直在变：新客户会成长，老客户会变冷，半年前的分群结果已经不能代表现在的客户。
# 所以要按固定周期（例如每月或每季度）用最新数据重新分群，并比较迁移表，发现变化就及时调整策略。
# 对从重要客户群移出去的客户，马上安排回访，了解不满意或转向别家的原因，再给针对性的挽回优惠。
