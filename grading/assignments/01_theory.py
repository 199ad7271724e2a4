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
# # 作业 1（理论）：市场细分、客户生命周期、客户价值与 CRM (theory)
#
# 本作业检查第 1 讲的几个理论能不能用在业务判断上。数据用「禾悦食品」的订单（**模拟数据**，金额单位：元）。
#
# **不需要写程序**。每道题的答题单元格里，删掉 `raise NotImplementedError()` 这一行，
# 写上一行 `名字 = 值`：一个数字、一个选项（写选项的文字或字母 A/B/C 都可以），
# 或者题目给出的那种一行调用。然后按 **Shift + Enter** 运行。下面的灰色单元格只检查答案的格式，
# 通过了也不代表答对；真正的评分在老师那里进行。文字题写在“在这里作答”处。
# 最后点击菜单“内核 → 重启内核并运行所有单元格”，确认没有报错后再提交。

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
from custseg.datasets import load_cn_orders
from custseg.widgets import concentration_explorer

cn_orders = load_cn_orders()
print("准备好了 (ready)")

# %% check="setup"
# 评分检查：只在讲师的文件中，不会进入学员的笔记本和反馈；评分时在学员的内核之外运行。
# Hidden checks: instructor-only, run outside the learner's kernel on plain-data answers.
import numbers  # noqa: E402

import pandas as pd  # noqa: E402

from custseg.abc_analysis import top_share  # noqa: E402, F811
from custseg.datasets import load_cn_orders  # noqa: E402, F811
from custseg.grading.typed_answers import chosen  # noqa: E402, F811
from custseg.lifecycle import lifecycle_stages  # noqa: E402

reference_orders = load_cn_orders()
STAGES = ("潜在", "新客", "回购", "忠诚", "流失风险", "已流失")
STAGE_SYNONYMS = {
    "新客户": "新客",
    "忠诚客户": "忠诚",
    "流失风险客户": "流失风险",
    "有流失风险": "流失风险",
    "已流失客户": "已流失",
    "流失": "已流失",
}


def stage_of(days_ago, as_of="2024-12-31"):
    """The lifecycle stage the default rules give a customer who bought ``days_ago`` days back."""
    day = pd.Timestamp(as_of)
    orders = pd.DataFrame(
        {
            "customer_id": "X",
            "invoice_date": [day - pd.Timedelta(days=d) for d in days_ago],
            "amount": 50.0,
        }
    )
    return lifecycle_stages(orders, as_of=as_of).loc["X", "stage"]


# %% [markdown] nbgrader={"grade": false, "grade_id": "q1_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 1 题：前 10% 的客户贡献多少（先猜再拖）
#
# 先猜一猜：禾悦食品消费最多的**前 10%** 客户贡献了多少比例的销售额？再把下面小部件的滑块拖到 10，读出答案。
# 写成 0 到 1 之间的小数，保存为 `top10_share`（差 0.01 以内都算对）。

# %%
concentration_explorer(cn_orders)

# %% nbgrader={"grade": false, "grade_id": "q1_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
top10_share = 0.53
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q1_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="客户价值 (customer value)"
assert isinstance(top10_share, int | float), "top10_share 应该是一个数字"
assert 0 <= top10_share <= 1, "请写成 0 到 1 之间的小数：百分数要除以 100（例如 35% 写 0.35）"


# %% check="q1_test"
def check_q1(top10_share):
    assert isinstance(top10_share, numbers.Real) and not isinstance(top10_share, bool)
    assert abs(float(top10_share) - top_share(reference_orders, top=0.1)) <= 0.01


# %% [markdown] nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 2 题：李先生在哪个阶段（判断）
#
# 李先生 120 天前第一次购买，100 天前又买了一次（一共 2 次），之后再没来过。
# 按本课程的默认规则（90 天内首购算新客，90 天未购买算流失风险，180 天算已流失，5 单以上算忠诚），
# 他现在处在哪个生命周期阶段？
#
# A. 新客　B. 回购　C. 忠诚　D. 流失风险　E. 已流失
#
# 保存为 `stage_of_li`（阶段名称或字母）。

# %% nbgrader={"grade": false, "grade_id": "q2_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
stage_of_li = "流失风险"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q2_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="客户生命周期 (customer lifecycle)"
assert isinstance(stage_of_li, str) and stage_of_li.strip(), "请用引号写阶段名称或字母"


# %% check="q2_test"
def check_q2(stage_of_li):
    options = ("新客", "回购", "忠诚", "流失风险", "已流失")
    assert chosen(stage_of_li, options, STAGE_SYNONYMS) == stage_of([120, 100])


# %% [markdown] nbgrader={"grade": false, "grade_id": "q3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 3 题：客户经理配给谁（决定）
#
# 公司只请得起能照顾 **10%** 客户的客户经理。结合第 1 题的结果，客户经理应该配给哪些客户？
#
# A. 随机抽 10% 的客户，人人机会均等
# B. 消费最多的前 10% 客户，其余客户用线上和自动化方式服务
# C. 最近新来的 10% 客户
#
# 保存为 `manager_plan`（字母即可）。

# %% nbgrader={"grade": false, "grade_id": "q3_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
manager_plan = "B"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q3_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="客户价值 (customer value)"
assert isinstance(manager_plan, str) and manager_plan.strip(), '请用引号写字母，例如 "A"'


# %% check="q3_test"
def check_q3(manager_plan):
    options = (
        "随机抽 10% 的客户，人人机会均等",
        "消费最多的前 10% 客户，其余客户用线上和自动化方式服务",
        "最近新来的 10% 客户",
    )
    # The value theory holds here: a tenth of the customers bring far more than a tenth of sales.
    assert top_share(reference_orders, top=0.1) > 0.3
    assert chosen(manager_plan, options) == options[1]


# %% [markdown] nbgrader={"grade": false, "grade_id": "q4_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 4 题：这是哪个理论（判断）
#
# 一家饮料企业把从采购原料、生产、物流、门店陈列到售后的每一个环节都列出来，看哪一环为客户创造的价值最多、
# 哪一环只增加成本，再决定把钱投到哪里。这主要体现了哪个理论？
#
# A. 市场细分理论　B. 客户生命周期理论　C. 客户价值理论　D. 价值链理论
#
# 保存为 `theory_name`（名称或字母）。

# %% nbgrader={"grade": false, "grade_id": "q4_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
theory_name = "价值链理论"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q4_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="理论基础 (theories)"
assert isinstance(theory_name, str) and theory_name.strip(), "请用引号写名称或字母"


# %% check="q4_test"
def check_q4(theory_name):
    options = ("市场细分理论", "客户生命周期理论", "客户价值理论", "价值链理论")
    synonyms = {"价值链": "价值链理论", "价值链分析": "价值链理论", "波特价值链": "价值链理论"}
    assert chosen(theory_name, options, synonyms) == "价值链理论"


# %% [markdown] nbgrader={"grade": false, "grade_id": "q5_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 5 题：王女士在哪个阶段（判断）
#
# 王女士 150 天前第一次购买，一共买了 6 次，最近一次是 10 天前。按默认规则她在哪个阶段？
#
# A. 新客　B. 回购　C. 忠诚　D. 流失风险　E. 已流失
#
# 保存为 `stage_of_wang`（阶段名称或字母）。

# %% nbgrader={"grade": false, "grade_id": "q5_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
stage_of_wang = "忠诚"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q5_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="客户生命周期 (customer lifecycle)"
assert isinstance(stage_of_wang, str) and stage_of_wang.strip(), "请用引号写阶段名称或字母"


# %% check="q5_test"
def check_q5(stage_of_wang):
    options = ("新客", "回购", "忠诚", "流失风险", "已流失")
    expected = stage_of([150, 120, 90, 60, 30, 10])
    assert chosen(stage_of_wang, options, STAGE_SYNONYMS) == expected


# %% [markdown] nbgrader={"grade": false, "grade_id": "q6_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 6 题：四个理论怎样一起用（文字题，老师人工评分）
#
# 以你熟悉的一种产品为例，用三四句话说明：市场细分、客户生命周期、客户价值三个理论分别帮你回答什么问题？
# CRM 系统在其中起什么作用？

# %% [markdown] nbgrader={"grade": true, "grade_id": "q6_answer", "locked": false, "points": 2, "schema_version": 3, "solution": true, "task": false} topic="业务应用 (application)"
# 以禾悦食品的坚果礼盒为例：市场细分回答“卖给谁”，例如注重健康的白领和节日送礼的家庭，分别设计产品和广告；
# 客户生命周期回答“什么时候做什么”，新客促成第二单、忠诚客户给专属权益、流失风险客户及时回访；
# 客户价值回答“资源先给谁”，消费最多的少数客户配客户经理，其余用线上服务。
# CRM 系统把客户资料和购买记录集中起来，让这些分类能定期计算、把动作落实到每一位客户并跟踪效果。
