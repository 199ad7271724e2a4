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
# # 作业 0：导论与数据清洗 (data cleaning)
#
# 分析客户之前，先要决定哪些订单行算作真实的购买。本作业先用课程自带的示例数据
# （一家英国网店的真实订单，150 位客户，金额单位：英镑），再看一份中国食品企业「禾悦食品」
# 系统直接导出、还没有清洗的订单（**模拟数据**，金额单位：元）。
#
# **不需要写程序**。每道题的答题单元格里，删掉 `raise NotImplementedError()` 这一行，
# 写上一行 `名字 = 值`：一个数字、一个选项（写选项的字母 A/B/C/D 或选项的文字都可以，要加引号），
# 或者题目给出的那种一行调用。然后按 **Shift + Enter** 运行。答案下面的灰色单元格只检查答案的格式，
# 通过了也不代表答对；真正的评分在老师那里进行。文字题写在“在这里作答”处。
# 最后点击菜单“内核 → 重启内核并运行所有单元格”，确认没有报错后再提交。

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
from custseg.cleaning_summary import removed_rows
from custseg.datasets import load_sample
from custseg.overview import data_overview
from custseg.raw_export import raw_cn_orders
from custseg.tables import count_rows
from custseg.transactions import clean_transactions

orders = load_sample()
clean, report = clean_transactions(transactions=orders)
print("准备好了 (ready)：orders 是清洗前的订单，clean 是清洗后的订单，report 是清洗报告")

# %% check="setup"
# 评分检查：只在讲师的文件中，不会进入学员的笔记本和反馈；评分时在学员的内核之外运行。
# Hidden checks: instructor-only, run outside the learner's kernel on plain-data answers.
import pandas as pd  # noqa: E402

from custseg.datasets import load_sample  # noqa: E402, F811
from custseg.grading.typed_answers import chosen, count  # noqa: E402, F811
from custseg.raw_export import raw_cn_orders  # noqa: E402, F811
from custseg.transactions import clean_transactions  # noqa: E402, F811

reference_orders = load_sample()
reference_clean, reference_report = clean_transactions(reference_orders)
reference_walk_ins = reference_orders[reference_orders["customer_id"].isna()]
reference_raw = raw_cn_orders()
reference_far_dates = reference_raw[reference_raw["invoice_date"] > pd.Timestamp("2025-01-01")]


# %% [markdown] nbgrader={"grade": false, "grade_id": "q1_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 1 题：没有客户编号的行（计算）
#
# 运行下面一格，看看清洗**前**的订单 `orders` 的概况。有多少行**没有客户编号**？
# 把行数保存为 `missing_rows`（整数）。

# %%
data_overview(transactions=orders)

# %% nbgrader={"grade": false, "grade_id": "q1_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
missing_rows = 300
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q1_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="缺失值 (missing values)"
assert isinstance(missing_rows, int | float), "missing_rows 应该是一个数字（行数），不要加引号"
assert 0 < missing_rows < len(orders), "行数应该大于 0、小于全部行数"


# %% check="q1_test"
def check_q1(missing_rows):
    assert count(missing_rows) == len(reference_walk_ins)


# %% [markdown] nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 2 题：没有客户编号，对生意意味着什么（判断）
#
# 这些没有客户编号的行，最可能是什么？
#
# A. 系统造出来的假订单，可以当作没发生过
# B. 真实的购买，只是不知道是哪位客户买的（例如没有登记会员的散客）
# C. 被取消的订单
# D. 客户编号漏填了，可以平均分给其他客户
#
# 把字母（或选项的文字）保存为 `missing_meaning`。

# %% nbgrader={"grade": false, "grade_id": "q2_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
missing_meaning = "B"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q2_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="缺失值 (missing values)"
assert isinstance(missing_meaning, str) and missing_meaning.strip(), '请用引号写字母，例如 "A"'


# %% check="q2_test"
def check_q2(missing_meaning):
    options = (
        "系统造出来的假订单，可以当作没发生过",
        "真实的购买，只是不知道是哪位客户买的（例如没有登记会员的散客）",
        "被取消的订单",
        "客户编号漏填了，可以平均分给其他客户",
    )
    # They are purchases: almost all have a positive amount and are not cancellations.
    assert (reference_walk_ins["amount"] > 0).mean() > 0.95
    assert reference_walk_ins["invoice_id"].str.startswith("C").mean() < 0.05
    synonyms = {"散客": options[1], "真实的购买": options[1], "散客的购买": options[1]}
    assert chosen(missing_meaning, options, synonyms) == options[1]


# %% [markdown] nbgrader={"grade": false, "grade_id": "q3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 3 题：先预测，再验证（预测）
#
# 如果清洗时**只**删掉没有客户编号的行（其他行都不动），销售额合计会：
# A. 变多　B. 变少　C. 不变？
#
# 先写下你的预测，保存为 `sales_without_walk_ins`；再运行本题的最后一格（灰色检查格下面那一格），
# 看看这些行的“金额”一列，验证你的预测。

# %% nbgrader={"grade": false, "grade_id": "q3_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
sales_without_walk_ins = "变少"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q3_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="清洗对结论的影响 (effect of cleaning)"
assert isinstance(sales_without_walk_ins, str), '请用引号写答案，例如 "变多" 或 "A"'

# %%
removed_rows(report=report, reason="缺少客户编号", rows=10)


# %% check="q3_test"
def check_q3(sales_without_walk_ins):
    change = -float(reference_walk_ins["amount"].sum())
    expected = "变多" if change > 0 else "变少" if change < 0 else "不变"
    synonyms = {"减少": "变少", "更少": "变少", "少了": "变少", "增加": "变多", "更多": "变多"}
    assert chosen(sales_without_walk_ins, ("变多", "变少", "不变"), synonyms) == expected


# %% [markdown] nbgrader={"grade": false, "grade_id": "q4_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 4 题：一条新规则会删掉多少行（计算）
#
# 清洗后，一位同事建议再加一条规则：“金额不到 1 英镑的行太小了，删掉。”
# 在清洗后的数据 `clean` 中，这条规则会删掉多少行？
# 用一行 `count_rows(clean, amount_below=1)` 算出来，保存为 `small_rows`。

# %% nbgrader={"grade": false, "grade_id": "q4_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
small_rows = count_rows(clean, amount_below=1)
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q4_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="清洗规则 (cleaning rules)"
assert isinstance(small_rows, int | float), "small_rows 应该是一个数字（行数）"
assert 0 <= small_rows <= len(clean), "行数应该在 0 和清洗后的行数之间"


# %% check="q4_test"
def check_q4(small_rows):
    assert count(small_rows) == (reference_clean["amount"] < 1).sum()


# %% [markdown] nbgrader={"grade": false, "grade_id": "q5_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 5 题：该不该用这条规则（决定）
#
# 第 4 题的规则该不该用？
#
# A. 应该：金额这么小，对客户分类没有意义
# B. 不应该：这些是真实的购买（便宜的小商品），删掉会少算这些客户的购买次数和金额，清洗报告里也不会有记录，等于悄悄丢数据
# C. 应该：只要删掉后销售额合计变化不到 1%，就没关系
# D. 只删掉其中金额最小的一半
#
# 把字母（或选项的文字）保存为 `small_rows_decision`。

# %% nbgrader={"grade": false, "grade_id": "q5_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
small_rows_decision = "B"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q5_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="静默丢数据 (silent data loss)"
assert isinstance(small_rows_decision, str) and small_rows_decision.strip(), (
    '请用引号写字母，例如 "A"'
)


# %% check="q5_test"
def check_q5(small_rows_decision):
    options = (
        "应该：金额这么小，对客户分类没有意义",
        "不应该：这些是真实的购买（便宜的小商品），删掉会少算这些客户的购买次数和金额，"
        "清洗报告里也不会有记录，等于悄悄丢数据",
        "应该：只要删掉后销售额合计变化不到 1%，就没关系",
        "只删掉其中金额最小的一半",
    )
    small = reference_clean[reference_clean["amount"] < 1]
    # The premise of the right answer: real purchases of known customers, kept by cleaning.
    assert len(small) > 0 and (small["quantity"] > 0).all() and (small["amount"] > 0).all()
    assert small["customer_id"].notna().all()
    synonyms = {"不应该": options[1], "不该": options[1], "不删": options[1]}
    assert chosen(small_rows_decision, options, synonyms) == options[1]


# %% [markdown] nbgrader={"grade": false, "grade_id": "q6_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 6 题：换一份数据：禾悦食品的原始导出（计算）
#
# 下面一格读入「禾悦食品」系统直接导出、还没有清洗的订单 `raw_orders`（模拟数据），并显示概况。
# 这家公司的订单应该在 2023 年初到 2024 年底之间。看看概况里的“最后一天”。
#
# 日期晚于 2025 年 1 月 1 日的有多少行？用一行
# `count_rows(raw_orders, invoice_date_above="2025-01-01")` 算出来，保存为 `far_date_rows`。

# %%
raw_orders = raw_cn_orders()
data_overview(transactions=raw_orders)

# %% nbgrader={"grade": false, "grade_id": "q6_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
far_date_rows = count_rows(raw_orders, invoice_date_above="2025-01-01")
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q6_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="异常日期 (date errors)"
assert isinstance(far_date_rows, int | float), "far_date_rows 应该是一个数字（行数）"
assert 0 <= far_date_rows <= len(raw_orders), "行数应该在 0 和全部行数之间"


# %% check="q6_test"
def check_q6(far_date_rows):
    assert count(far_date_rows) == len(reference_far_dates)


# %% [markdown] nbgrader={"grade": false, "grade_id": "q7_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 7 题：2042 年的订单怎么处理（决定）
#
# 第 6 题找到的这几行，日期在 2042 年。你会怎么处理？
#
# A. 保留：系统里就是这样记的
# B. 当作录入错误（多半是 2024 打成了 2042）：找出这几行，能核对的改正，不能核对的删除，并写进清洗报告
# C. 整份数据都不用了，请 IT 重新导出
# D. 不用管：只有几行，影响不了结论
#
# 把字母（或选项的文字）保存为 `far_date_action`。

# %% nbgrader={"grade": false, "grade_id": "q7_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
far_date_action = "B"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q7_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="异常日期 (date errors)"
assert isinstance(far_date_action, str) and far_date_action.strip(), '请用引号写字母，例如 "A"'


# %% check="q7_test"
def check_q7(far_date_action):
    options = (
        "保留：系统里就是这样记的",
        "当作录入错误（多半是 2024 打成了 2042）：找出这几行，能核对的改正，"
        "不能核对的删除，并写进清洗报告",
        "整份数据都不用了，请 IT 重新导出",
        "不用管：只有几行，影响不了结论",
    )
    # A few lines, all in 2042: a typing slip, not orders of the future.
    assert 0 < len(reference_far_dates) < 10
    assert (reference_far_dates["invoice_date"].dt.year == 2042).all()
    synonyms = {"录入错误": options[1], "改正": options[1], "核对后改正或删除": options[1]}
    assert chosen(far_date_action, options, synonyms) == options[1]


# %% [markdown] nbgrader={"grade": false, "grade_id": "q8_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 8 题：老板要的两个数（文字题，老师人工评分）
#
# 英国网店的老板要两个数：① 这家网店这一年一共卖了多少钱（全店销售额）；② 每位客户平均花了多少钱。
# 没有客户编号的那些行，在这两个数里**各**应不应该算进去？为什么？请用两三句话回答。

# %% [markdown] nbgrader={"grade": true, "grade_id": "q8_answer", "locked": false, "points": 2, "schema_version": 3, "solution": true, "task": false} topic="业务应用 (application)"
# 全店销售额要算上它们：这些是散客真实付的钱，去掉会把全店销售额少算三千多英镑。
# 每位客户的平均消费不算它们：它们归不到任何一位客户，算进去要么多出一个不存在的“客户”，
# 要么把散客的钱摊到会员头上，把人均消费算高。所以清洗后的 clean 只用来按客户分析，不用来报全店销售额。
