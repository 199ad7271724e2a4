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
# # 作业 1：数据清洗 (data cleaning)
#
# 分析客户之前，先要把订单数据整理干净。本作业使用课程自带的示例数据
# （一家英国网店的真实订单，150 位客户）。
#
# **做法**：在写着 `在这里写代码 (YOUR CODE HERE)` 的地方写代码，删掉 `raise NotImplementedError()`
# 这一行，然后按 **Shift + Enter** 运行。每道题下面的灰色单元格是检查答案的测试，
# 不要修改或删除它们（改了也没有用：评分时会换回原来的测试）。最后点击菜单
# “Kernel → Restart & Run All”，确认没有报错后再提交。

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
import pandas as pd

from custseg.datasets import load_sample
from custseg.transactions import clean_transactions

orders = load_sample()
orders.head()

# %% check="setup"
# 评分检查：只在讲师的文件中，不会进入学员的笔记本和反馈；评分时在学员的内核之外运行。
# Hidden checks: instructor-only, run outside the learner's kernel on plain-data answers.
import pandas as pd  # noqa: E402, F811  (the checks run on their own, without the notebook)

from custseg.datasets import load_sample  # noqa: E402, F811
from custseg.transactions import clean_transactions  # noqa: E402, F811

orders = load_sample()
reference_clean, reference_report = clean_transactions(orders)

# %% [markdown] nbgrader={"grade": false, "grade_id": "q1_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 1 题：缺少客户编号的行 (missing customer id)
#
# 有些订单行没有客户编号 (`customer_id` 为空)，这些行无法归到任何客户。
# 请数一数有多少行，结果保存为整数 `n_missing`。
#
# 提示：`orders["customer_id"].isna().sum()`，再用 `int(...)` 变成整数。

# %% nbgrader={"grade": false, "grade_id": "q1_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
n_missing = int(orders["customer_id"].isna().sum())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q1_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="缺失值 (missing values)"
assert isinstance(n_missing, int), "n_missing 应该是整数 (int)"
assert 0 < n_missing < len(orders)


# %% check="q1_test"
def check_q1(n_missing):
    assert isinstance(n_missing, int)
    assert n_missing == orders["customer_id"].isna().sum()


# %% [markdown] nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 2 题：取消的订单 (cancellations)
#
# 订单号 (`invoice_id`) 以字母 `C` 开头的行是取消的订单（退货）。
# 在**有客户编号**的行中，取消订单有多少行？结果保存为整数 `n_cancelled`。
#
# 提示：`orders["invoice_id"].str.startswith("C")` 和 `orders["customer_id"].notna()` 用 `&` 连接。

# %% nbgrader={"grade": false, "grade_id": "q2_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
is_cancelled = orders["invoice_id"].str.startswith("C")
n_cancelled = int((is_cancelled & orders["customer_id"].notna()).sum())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q2_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="取消订单 (cancellations)"
assert isinstance(n_cancelled, int), "n_cancelled 应该是整数 (int)"


# %% check="q2_test"
def check_q2(n_cancelled):
    assert isinstance(n_cancelled, int)
    assert n_cancelled == reference_report.counts["cancellation"]


# %% [markdown] nbgrader={"grade": false, "grade_id": "q3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 3 题：清洗数据 (clean the data)
#
# 用 `clean_transactions(orders)` 清洗数据，它返回两样东西：清洗后的数据和清洗报告。
# 把它们分别保存为 `clean` 和 `report`，再数一数清洗后有多少位不同的客户，保存为整数 `n_customers`。

# %% nbgrader={"grade": false, "grade_id": "q3_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
clean, report = clean_transactions(orders)
n_customers = int(clean["customer_id"].nunique())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q3_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="清洗流程 (cleaning steps)"
assert len(clean) < len(orders), "清洗后的行数应该比原始数据少"
assert clean["customer_id"].notna().all()


# %% check="q3_test"
def check_q3(clean, n_customers):
    assert isinstance(clean, pd.DataFrame)
    pd.testing.assert_frame_equal(clean, reference_clean)
    assert isinstance(n_customers, int)
    assert n_customers == reference_clean["customer_id"].nunique()


# %% [markdown] nbgrader={"grade": false, "grade_id": "q4_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 4 题：各国销售额 (revenue by country)
#
# 用清洗后的数据 `clean` 计算每个国家 (`country`) 的销售额合计 (`amount` 之和)，
# 从高到低排序，保存为 `revenue_by_country`（一个以国家为索引的 Series）。

# %% nbgrader={"grade": false, "grade_id": "q4_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
revenue_by_country = clean.groupby("country")["amount"].sum().sort_values(ascending=False)
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q4_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="销售汇总 (revenue summary)"
assert isinstance(revenue_by_country, pd.Series), "revenue_by_country 应该是 Series"
assert revenue_by_country.is_monotonic_decreasing, "请从高到低排序"


# %% check="q4_test"
def check_q4(revenue_by_country):
    expected = {}
    for country, amount in zip(reference_clean["country"], reference_clean["amount"], strict=True):
        expected[country] = expected.get(country, 0.0) + amount
    assert isinstance(revenue_by_country, pd.Series)
    assert revenue_by_country.is_monotonic_decreasing
    assert set(revenue_by_country.index) == set(expected)
    for country, amount in expected.items():
        assert abs(float(revenue_by_country[country]) - amount) < 0.01


# %% [markdown] nbgrader={"grade": false, "grade_id": "q5_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 5 题：最重要的客户 (top customers)
#
# 写一个函数 `top_customers(data, n)`：返回 `data` 中消费金额 (`amount` 之和) 最高的 `n` 位客户的
# 客户编号，按金额从高到低排成一个列表 (list)。


# %% nbgrader={"grade": false, "grade_id": "q5_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
def top_customers(data, n):
    ### BEGIN SOLUTION
    spend = data.groupby("customer_id")["amount"].sum().sort_values(ascending=False)
    return spend.index[:n].tolist()
    ### END SOLUTION


# %% nbgrader={"grade": true, "grade_id": "q5_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="客户价值 (customer value)"
_toy = pd.DataFrame({"customer_id": [1, 2, 2, 3], "amount": [5.0, 4.0, 4.0, 1.0]})
assert top_customers(_toy, 2) == [2, 1]


# %% check="q5_test"
toy = pd.DataFrame({"customer_id": [1, 2, 2, 3], "amount": [5.0, 4.0, 4.0, 1.0]})
calls = {
    "toy_top2": ("top_customers", toy, 2),
    "toy_top1": ("top_customers", toy, 1),
    "sample_top5": ("top_customers", reference_clean, 5),
}


def check_q5(toy_top2, toy_top1, sample_top5):
    spend = {}
    for customer, amount in zip(
        reference_clean["customer_id"], reference_clean["amount"], strict=True
    ):
        spend[customer] = spend.get(customer, 0.0) + amount
    assert toy_top2 == [2, 1] and toy_top1 == [2]
    assert list(sample_top5) == sorted(spend, key=spend.get, reverse=True)[:5]


# %% [markdown] nbgrader={"grade": false, "grade_id": "q6_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 6 题：业务解读 (interpretation)
#
# 看一看清洗报告 `report`：哪一类行被删除得最多？如果不删除这些行，
# 计算客户的消费金额时会出现什么问题？请用两三句话回答（老师会人工评分）。

# %% [markdown] nbgrader={"grade": true, "grade_id": "q6_answer", "locked": false, "points": 2, "schema_version": 3, "solution": true, "task": false} topic="业务应用 (application)"
# 被删除最多的是没有客户编号的行。它们无法归到任何客户，如果保留，按客户汇总时会出现一个
# 空的“客户”，而取消订单如果不删除，会把客户的消费金额算低。

# %% [markdown] nbgrader={"grade": false, "grade_id": "q7_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 7 题：用到工作中 (application)
#
# 你们公司的订单数据中，可能有哪些和本例类似、需要清洗的情况？请举一个例子，
# 并说明你会怎样处理（老师会人工评分）。

# %% [markdown] nbgrader={"grade": true, "grade_id": "q7_answer", "locked": false, "points": 1, "schema_version": 3, "solution": true, "task": false} topic="业务应用 (application)"
# 例如同一笔订单在系统里被导出了两次，会让客户的购买次数和金额翻倍；可以按订单号去重，
# 再核对去重前后的金额合计。
