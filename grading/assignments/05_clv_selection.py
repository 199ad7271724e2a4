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
# # 作业 5：客户终身价值与客户选择 (CLV and customer selection)
#
# 本作业用「禾悦食品」的订单（**模拟数据**，金额单位：元）：预测每位客户未来 12 个月的价值，
# 再用评分卡（潜在价值、忠诚度、支付能力）选出值得重点投入的客户。
#
# **不需要写程序**。每道题的答题单元格里，删掉 `raise NotImplementedError()` 这一行，
# 写上一行 `名字 = 值`：一个数字、一个选项（写选项的文字或字母 A/B/C 都可以），
# 或者题目给出的那种一行调用。然后按 **Shift + Enter** 运行。下面的灰色单元格只检查答案的格式，
# 通过了也不代表答对；真正的评分在老师那里进行。文字题写在“在这里作答”处。
# 最后点击菜单“内核 → 重启内核并运行所有单元格”，确认没有报错后再提交。

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
from custseg.clv_tables import clv_forecast
from custseg.datasets import load_cn_orders
from custseg.selection import select_customers, selection_criteria, tier_table
from custseg.widgets import scorecard_explorer

cn_orders = load_cn_orders()
cn_criteria = selection_criteria(transactions=cn_orders, months=12)
clv_forecast(transactions=cn_orders, months=12, margin=0.3, rows=10)

# %% check="setup"
# 评分检查：只在讲师的文件中，不会进入学员的笔记本和反馈；评分时在学员的内核之外运行。
# Hidden checks: instructor-only, run outside the learner's kernel on plain-data answers.
import numbers  # noqa: E402
import re  # noqa: E402

from custseg.clv_tables import clv_forecast  # noqa: E402, F811
from custseg.datasets import load_cn_orders  # noqa: E402, F811
from custseg.grading.typed_answers import chosen  # noqa: E402, F811
from custseg.selection import select_customers, selection_criteria, tier_table  # noqa: E402, F811

reference_orders = load_cn_orders()
reference_forecast = clv_forecast(reference_orders, months=12, margin=0.3, rows=None)
reference_criteria = selection_criteria(reference_orders, months=12)
WEIGHTS = {
    "50 / 30 / 20": (50, 30, 20),
    "30 / 20 / 50": (30, 20, 50),
    "20 / 60 / 20": (20, 60, 20),
    "70 / 20 / 10": (70, 20, 10),
}


def core_customers(potential_value, loyalty, payment_ability):
    """核心客户 of the reference scorecard under the given weights."""
    tiers = tier_table(
        reference_criteria,
        potential_value=potential_value,
        loyalty=loyalty,
        payment_ability=payment_ability,
    )
    return int(tiers.loc["核心客户", "客户数"])


# %% [markdown] nbgrader={"grade": false, "grade_id": "q1_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 1 题：最有价值的客户值多少（计算）
#
# 上面的表按毛利率 30% 预测了未来 12 个月的客户终身价值 (CLV)，从高到低排列。
# 排第一的客户，**预测客户终身价值**是多少元？保存为 `top_clv`（整数元，差 1 元以内都算对）。

# %% nbgrader={"grade": false, "grade_id": "q1_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
top_clv = 6355
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q1_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="客户终身价值 (CLV)"
assert isinstance(top_clv, int | float), "top_clv 应该是一个数字（元）"
assert top_clv > 0, "客户终身价值应该是正数"


# %% check="q1_test"
def check_q1(top_clv):
    expected = float(reference_forecast["预测客户终身价值"].max())
    assert isinstance(top_clv, numbers.Real) and not isinstance(top_clv, bool)
    assert abs(float(top_clv) - expected) <= 1


# %% [markdown] nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 2 题：年终答谢会只剩一个名额（决定）
#
# 年终答谢会只剩一个名额，候选人是表中的两位客户：
#
# A. C00370　B. C01012
#
# 答谢会的目的是**稳住明年还会大量购买的客户**。请比较两人的“历史消费金额”和“预测客户终身价值”，
# 邀请谁？保存为 `dinner_guest`（客户编号或字母）。

# %% nbgrader={"grade": false, "grade_id": "q2_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
dinner_guest = "C00370"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q2_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="客户终身价值 (CLV)"
assert isinstance(dinner_guest, str), '请用引号写客户编号或字母，例如 "A"'


# %% check="q2_test"
def check_q2(dinner_guest):
    options = ("C00370", "C01012")
    expected = max(options, key=lambda c: reference_forecast.loc[c, "预测客户终身价值"])
    assert chosen(dinner_guest.upper() if isinstance(dinner_guest, str) else None, options) == (
        expected
    )


# %% [markdown] nbgrader={"grade": false, "grade_id": "q3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 3 题：高端礼盒的评分卡（决定）
#
# 公司要推一款**高端礼盒**，单价高，最怕客户买不起或拖欠。评分卡三项的权重（潜在价值 / 忠诚度 / 支付能力）
# 选哪一组最合适？可以在下面的小部件上试一试每组权重的名单。
#
# A. 50 / 30 / 20　B. 30 / 20 / 50　C. 20 / 60 / 20　D. 70 / 20 / 10
#
# 保存为 `gift_weights`（字母，或像 `"30 / 20 / 50"` 这样写出三个数）。

# %%
scorecard_explorer(criteria=cn_criteria, top=10)

# %% nbgrader={"grade": false, "grade_id": "q3_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
gift_weights = "B"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q3_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="客户选择 (customer selection)"
assert isinstance(gift_weights, str) and gift_weights.strip(), "请用引号写字母或三个权重"


# %% check="q3_test"
def check_q3(gift_weights):
    options = tuple(WEIGHTS)
    answer = (
        re.sub(r"[\s/、,，]+", " / ", gift_weights.strip())
        if isinstance(gift_weights, str)
        else None
    )
    expected = max(options, key=lambda name: WEIGHTS[name][2])  # payment ability weighs most
    assert chosen(answer, options) == expected


# %% [markdown] nbgrader={"grade": false, "grade_id": "q4_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 4 题：换了权重，核心客户有多少（计算）
#
# 用你在第 3 题选的那组权重，“核心客户”有多少位？保存为 `gift_core_customers`（整数）。
# 一行就能算出来：`tier_table(cn_criteria, potential_value=…, loyalty=…, payment_ability=…)`，
# 读“核心客户”一行的“客户数”。

# %% nbgrader={"grade": false, "grade_id": "q4_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
gift_core_customers = 172
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q4_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="客户选择 (customer selection)"
assert isinstance(gift_core_customers, int), "gift_core_customers 应该是整数（人数）"
assert 0 < gift_core_customers < len(cn_criteria), "人数应该在 0 和全部客户数之间"


# %% check="q4_test"
def check_q4(gift_core_customers):
    assert isinstance(gift_core_customers, int) and not isinstance(gift_core_customers, bool)
    assert gift_core_customers == core_customers(*WEIGHTS["30 / 20 / 50"])


# %% [markdown] nbgrader={"grade": false, "grade_id": "q5_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 5 题：礼盒先送给谁（决定）
#
# 礼盒的试用装只有**一份**，送给第 3 题所选权重下名单的**第 1 名**。是哪位客户？
# 在小部件上调好权重后读名单，写出客户编号，保存为 `first_gift`（例如 `"C00001"`）。

# %% nbgrader={"grade": false, "grade_id": "q5_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
first_gift = "C00706"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q5_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="客户选择 (customer selection)"
assert isinstance(first_gift, str) and first_gift.strip().upper().startswith("C"), (
    '客户编号以 C 开头，例如 "C00001"'
)


# %% check="q5_test"
def check_q5(first_gift):
    ranked = select_customers(
        reference_criteria, potential_value=30, loyalty=20, payment_ability=50, top=1
    )
    assert isinstance(first_gift, str) and first_gift.strip().upper() == ranked.index[0]


# %% [markdown] nbgrader={"grade": false, "grade_id": "q6_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 6 题：按过去还是按未来（文字题，老师人工评分）
#
# 销售总监说：“谁过去买得最多，明年的资源就给谁。”请用三四句话回应：按历史消费和按预测的客户终身价值
# 分配资源，区别在哪里？你会怎样说服他，又会提醒他预测的哪些局限？

# %% [markdown] nbgrader={"grade": true, "grade_id": "q6_answer", "locked": false, "points": 2, "schema_version": 3, "solution": true, "task": false} topic="业务应用 (application)"
# 历史消费说明客户过去有多重要，但有的大客户已经很久没来、可能已经流失，资源给他们回报很低；
# 预测的客户终身价值同时考虑了客户还活跃的可能、购买频率和每次花多少，更接近“明年能带来多少”。
# 我会拿表中历史消费高、预测价值却不高的客户做例子说服他。预测也有局限：只看购买记录、不知道客户的新需求和竞争对手，
# 新客户数据少时不准，所以每季度要用实际结果复核，并结合销售的一线判断。
