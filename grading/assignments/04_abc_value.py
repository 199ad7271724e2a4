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
# # 作业 4：ABC 分类与客户价值 (ABC analysis and customer value)
#
# 用课程自带的示例数据（一家英国网店的真实订单，150 位客户）看一看：客户价值有多集中？
# 哪些客户应该得到最多的资源？
#
# **做法**：在写着 `在这里写代码 (YOUR CODE HERE)` 的地方写代码，删掉 `raise NotImplementedError()`
# 这一行，然后按 **Shift + Enter** 运行。每道题下面的灰色单元格是检查答案的测试，
# 不要修改或删除它们（改了也没有用：评分时会换回原来的测试）。最后点击菜单
# “Kernel → Restart & Run All”，确认没有报错后再提交。

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
import pandas as pd

from custseg.abc_analysis import abc_classify, gini, top_share
from custseg.datasets import load_sample
from custseg.transactions import clean_transactions

clean, _ = clean_transactions(load_sample())
spend = clean.groupby("customer_id")["amount"].sum()
spend.describe()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q1_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 1 题：A 类客户的贡献 (share of A customers)
#
# 用 `abc_classify(clean)` 做 ABC 分类，保存为 `abc`。A 类（重点客户）的人数占全部客户的比例是多少？
# 他们的消费金额（`value` 列）占全部销售额的比例又是多少？
# 两个结果分别保存为 0 到 1 之间的小数 `a_customer_share` 和 `a_revenue_share`（不用四舍五入）。

# %% nbgrader={"grade": false, "grade_id": "q1_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
abc = abc_classify(clean)
is_a = abc["abc_class"] == "A"
a_customer_share = float(is_a.mean())
a_revenue_share = float(abc.loc[is_a, "value"].sum() / abc["value"].sum())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q1_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="ABC 分类 (ABC classification)"
assert 0 < a_customer_share < 1, "a_customer_share 是比例，应该在 0 和 1 之间（不是百分数）"
assert 0 < a_revenue_share < 1, "a_revenue_share 是比例，应该在 0 和 1 之间（不是百分数）"
assert a_revenue_share >= 0.8, "A 类客户合起来至少贡献 80% 的销售额"
### BEGIN HIDDEN TESTS
_ranked = sorted(spend.to_dict().items(), key=lambda item: -item[1])
_total = sum(_value for _, _value in _ranked)
_above, _n_a, _a_value = 0.0, 0, 0.0
for _, _value in _ranked:
    if _above / _total < 0.8 - 1e-12:
        _n_a += 1
        _a_value += _value
    _above += _value
assert abs(a_customer_share - _n_a / len(_ranked)) < 1e-9
assert abs(a_revenue_share - _a_value / _total) < 1e-9
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 2 题：自己算基尼系数 (Gini coefficient by hand)
#
# 基尼系数的另一种算法：把每两位客户（包括自己和自己）之间的金额差的绝对值全部加起来，
# 再除以 2 × n² × 平均值（n 是客户数）：
#
# $$G = \frac{\sum_i \sum_j |x_i - x_j|}{2 n^2 \bar{x}}$$
#
# 写一个函数 `my_gini(values)`：`values` 是一串非负的金额（list 或 Series），返回它们的基尼系数（小数）。


# %% nbgrader={"grade": false, "grade_id": "q2_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def my_gini(values):
    ### BEGIN SOLUTION
    x = pd.Series(values, dtype=float).to_numpy()
    n = len(x)
    differences = abs(x[:, None] - x[None, :]).sum()
    return float(differences / (2 * n * n * x.mean()))
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "q2_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="基尼系数 (Gini coefficient)"
assert abs(my_gini([5.0, 5.0, 5.0, 5.0])) < 1e-9, "人人金额相同时，基尼系数应该是 0"
assert abs(my_gini([0.0, 0.0, 0.0, 10.0]) - 0.75) < 1e-9, "my_gini([0, 0, 0, 10]) 应该是 0.75"
### BEGIN HIDDEN TESTS
assert abs(my_gini([1.0, 3.0]) - 0.25) < 1e-9
assert abs(my_gini(spend) - gini(clean)) < 1e-9
assert abs(my_gini(list(spend)) - gini(spend.to_numpy())) < 1e-9
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 3 题：前 10% 的客户 (the top 10 %)
#
# 用 `top_share` 算一算：消费金额最高的 **10%** 的客户贡献了全部销售额的多少？
# 结果保存为 0 到 1 之间的小数 `top10_share`（不用四舍五入）。

# %% nbgrader={"grade": false, "grade_id": "q3_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
top10_share = top_share(clean, 0.1)
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q3_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="价值集中度 (value concentration)"
assert 0.1 < top10_share < 1, (
    "前 10% 的客户贡献的比例应该大于 10%，小于 100%（请填小数，不是百分数）"
)
### BEGIN HIDDEN TESTS
_n_top = round(0.1 * len(spend))
assert _n_top == 0.1 * len(spend)
_desc = sorted(spend, reverse=True)
assert abs(top10_share - sum(_desc[:_n_top]) / sum(_desc)) < 1e-9
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 4 题：服务能力有限时 (fewer key accounts)
#
# 销售团队只能照顾更少的重点客户，于是把 A 类的分界点从 80% 改为 **70%**（B 类仍到 95%）。
# 用 `abc_classify(clean, cuts=(0.7, 0.95))` 重新分类，数一数 A 类和 B 类客户各有多少位，
# 分别保存为整数 `n_a_70` 和 `n_b_70`。

# %% nbgrader={"grade": false, "grade_id": "q4_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
abc_70 = abc_classify(clean, cuts=(0.7, 0.95))
n_a_70 = int((abc_70["abc_class"] == "A").sum())
n_b_70 = int((abc_70["abc_class"] == "B").sum())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q4_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="ABC 分类 (ABC classification)"
assert isinstance(n_a_70, int) and isinstance(n_b_70, int), (
    "n_a_70 和 n_b_70 应该是整数 (int)，可以用 int(...) 转换"
)
assert n_a_70 < (abc_classify(clean)["abc_class"] == "A").sum(), "分界点降低后，A 类客户应该变少"
### BEGIN HIDDEN TESTS
_cum = spend.sort_values(ascending=False).cumsum() / spend.sum()
_before = _cum.shift(fill_value=0.0)
assert n_a_70 == int((_before < 0.7 - 1e-12).sum())
assert n_b_70 == int(((_before >= 0.7 - 1e-12) & (_before < 0.95 - 1e-12)).sum())
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q5_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 5 题：业务解读 (interpretation)
#
# C 类（一般客户）人数不少，贡献却很小。你会减少对他们的投入，还是从中挑一部分重点培养？
# 你会用什么信息来判断哪些 C 类客户值得培养？请用两三句话回答（老师会人工评分）。

# %% [markdown] nbgrader={"grade": true, "grade_id": "q5_answer", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false} topic="业务应用 (application)"
# 对大多数 C 类客户改用低成本的自动化服务（邮件、小程序推送），把人力留给 A 类客户。
# 但最近才第一次购买、或者购买次数在增加的 C 类客户可能是未来的 B 类甚至 A 类，
# 可以结合最近一次购买时间和购买频率（RFM）、以及第 5 讲的客户终身价值挑出来重点培养。
