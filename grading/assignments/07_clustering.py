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
# # 作业 7：聚类 (clustering)
#
# 本作业用「禾悦食品」的数据（**模拟数据**，金额单位：元）：先按 R、F、M 把客户聚成 4 簇，
# 再按问卷的五个问题聚类。你要读懂画像表、选簇数，并决定每个活动给哪一簇。
#
# **不需要写程序**。每道题的答题单元格里，删掉 `raise NotImplementedError()` 这一行，
# 写上一行 `名字 = 值`：一个数字、一个选项（写选项的文字或字母 A/B/C 都可以），
# 或者题目给出的那种一行调用。然后按 **Shift + Enter** 运行。下面的灰色单元格只检查答案的格式，
# 通过了也不代表答对；真正的评分在老师那里进行。文字题写在“在这里作答”处。
# 最后点击菜单“内核 → 重启内核并运行所有单元格”，确认没有报错后再提交。

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
from custseg.cluster_tables import SURVEY_COLUMNS, cluster_profile_table, k_choice_table
from custseg.datasets import load_cn_customers, load_cn_orders
from custseg.rfm import rfm_table

cn_rfm = rfm_table(transactions=load_cn_orders())
cn_customers = load_cn_customers()
cluster_profile_table(data=cn_rfm, k=4)

# %% check="setup"
# 评分检查：只在讲师的文件中，不会进入学员的笔记本和反馈；评分时在学员的内核之外运行。
# Hidden checks: instructor-only, run outside the learner's kernel on plain-data answers.
import numbers  # noqa: E402

from custseg.cluster_tables import (  # noqa: E402, F811
    SURVEY_COLUMNS,
    cluster_profile_table,
    k_choice_table,
)
from custseg.datasets import load_cn_customers, load_cn_orders  # noqa: E402, F811
from custseg.grading.typed_answers import chosen  # noqa: E402, F811
from custseg.rfm import rfm_table  # noqa: E402, F811

reference_rfm = rfm_table(load_cn_orders())
reference_customers = load_cn_customers()
rfm_profiles = cluster_profile_table(reference_rfm, k=4)
survey_profiles = cluster_profile_table(reference_customers, features=SURVEY_COLUMNS, k=4)


def clusters(profiles):
    """The cluster rows of a profile table (without the 全体 row)."""
    return profiles[[str(label) != "全体" for label in profiles.index]]


def cluster_number(answer):
    """A cluster number given as 3, 3.0 or "3" (anything else: None)."""
    if isinstance(answer, numbers.Real) and not isinstance(answer, bool):
        return int(answer) if float(answer).is_integer() else None
    if isinstance(answer, str) and answer.strip().lstrip("簇第").rstrip("簇号").isdigit():
        return int(answer.strip().lstrip("簇第").rstrip("簇号"))
    return None


# %% [markdown] nbgrader={"grade": false, "grade_id": "q1_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 1 题：高价值活跃客户占多少（计算）
#
# 上面是按 R、F、M 聚成 4 簇的画像表。名称为“高价值活跃客户”的那一簇占全部客户的比例是多少？
# 写成 0 到 1 之间的小数，保存为 `active_vip_share`（差 0.005 以内都算对）。

# %% nbgrader={"grade": false, "grade_id": "q1_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
active_vip_share = 0.165
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q1_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="客户画像 (cluster profiles)"
assert isinstance(active_vip_share, int | float), "active_vip_share 应该是一个数字"
assert 0 <= active_vip_share <= 1, "请写成 0 到 1 之间的小数：表中的“占比（%）”要除以 100"


# %% check="q1_test"
def check_q1(active_vip_share):
    rows = clusters(rfm_profiles)
    row = rows[rows["名称"] == "高价值活跃客户"].iloc[0]
    assert isinstance(active_vip_share, numbers.Real) and not isinstance(active_vip_share, bool)
    assert abs(float(active_vip_share) - int(row["客户数"]) / len(reference_rfm)) <= 0.005


# %% [markdown] nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 2 题：问卷聚类分几簇（决定）
#
# 每一簇客户要配一个营销活动，团队一个季度**最多做 5 个**活动。运行下面的单元格，看问卷聚类在不同簇数 k 下的
# 轮廓系数（越高，簇分得越清楚）。在 k 不超过 5 的前提下，你用几簇？保存为整数 `survey_k`。

# %%
k_choice_table(data=cn_customers, features=SURVEY_COLUMNS, k_from=2, k_to=7)

# %% nbgrader={"grade": false, "grade_id": "q2_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
survey_k = 4
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q2_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="选择簇数 (choosing k)"
assert isinstance(survey_k, int), "survey_k 应该是一个整数"
assert 2 <= survey_k <= 7, "簇数应该在表中的 2 到 7 之间"


# %% check="q2_test"
def check_q2(survey_k):
    table = k_choice_table(reference_customers, features=SURVEY_COLUMNS, k_from=2, k_to=7)
    allowed = table[table.index <= 5]
    # silhouettes equal to the 3 decimals shown are equally right
    best = allowed["轮廓系数"].round(3).max()
    fits = [int(k) for k in allowed.index if round(float(allowed.loc[k, "轮廓系数"]), 3) == best]
    assert isinstance(survey_k, int) and not isinstance(survey_k, bool)
    assert survey_k in fits


# %% [markdown] nbgrader={"grade": false, "grade_id": "q3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 3 题：“再来一单”券给哪一簇（决定）
#
# 市场部有一批“再来一单”券，目的是让**最近来过、但买得不勤**的客户多买几次；同样的条件下，
# 先给平均消费金额更高的那一簇（每多买一次带来的钱更多）。看 R、F、M 的 4 簇画像表（最上面的表），
# 选哪一簇？保存为 `repeat_coupon_cluster`（表格最左边的簇编号，一个整数）。

# %% nbgrader={"grade": false, "grade_id": "q3_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
repeat_coupon_cluster = 3
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q3_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="客户画像 (cluster profiles)"
assert str(repeat_coupon_cluster).strip() in {"0", "1", "2", "3"}, "请填 0、1、2、3 中的一个簇编号"


# %% check="q3_test"
def check_q3(repeat_coupon_cluster):
    rows = clusters(rfm_profiles)
    overall = rfm_profiles.loc[[label for label in rfm_profiles.index if str(label) == "全体"][0]]
    recent = rows[rows["平均最近一次购买距今天数"] < overall["平均最近一次购买距今天数"]]
    seldom = recent[recent["平均购买次数"] < overall["平均购买次数"]]
    expected = int(seldom["平均消费金额"].astype(float).idxmax())
    assert cluster_number(repeat_coupon_cluster) == expected


# %% [markdown] nbgrader={"grade": false, "grade_id": "q4_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 4 题：给一簇起名字（判断）
#
# 另一家公司聚类后，有一簇的画像是：最近一次购买距今 **30 天**（全体平均 232 天），购买次数 **1.2 次**
# （全体平均 6.8 次），消费金额 **150 元**（全体平均 1,529 元）。按本讲的命名规则，它叫什么？
#
# A. 高价值活跃客户　B. 新近低频客户　C. 已流失低价值客户　D. 流失的高价值客户
#
# 保存为 `new_cluster_name`（名称或字母）。

# %% nbgrader={"grade": false, "grade_id": "q4_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
new_cluster_name = "新近低频客户"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q4_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="客户画像 (cluster profiles)"
assert isinstance(new_cluster_name, str) and new_cluster_name.strip(), "请用引号写名称或字母"


# %% check="q4_test"
def check_q4(new_cluster_name):
    options = ("高价值活跃客户", "新近低频客户", "已流失低价值客户", "流失的高价值客户")
    synonyms = {"新近低频": "新近低频客户", "新客户": "新近低频客户"}
    assert chosen(new_cluster_name, options, synonyms) == "新近低频客户"


# %% [markdown] nbgrader={"grade": false, "grade_id": "q5_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 5 题：优惠券预算（计算）
#
# 运行下面的单元格看问卷聚成 4 簇的画像。给“平均价格敏感”最高的那一簇**每人**一张 **8 元**优惠券，
# 一共需要多少元？保存为 `price_coupon_budget`（一个数字）。

# %%
cluster_profile_table(data=cn_customers, features=SURVEY_COLUMNS, k=4)

# %% nbgrader={"grade": false, "grade_id": "q5_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
price_coupon_budget = 594 * 8
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q5_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="客户画像 (cluster profiles)"
assert isinstance(price_coupon_budget, int | float), "price_coupon_budget 应该是一个数字（元）"
assert price_coupon_budget > 8, "预算 = 这一簇的客户数 × 8 元"


# %% check="q5_test"
def check_q5(price_coupon_budget):
    rows = clusters(survey_profiles)
    size = int(rows.loc[rows["平均价格敏感"].astype(float).idxmax(), "客户数"])
    assert isinstance(price_coupon_budget, numbers.Real) and not isinstance(
        price_coupon_budget, bool
    )
    assert abs(float(price_coupon_budget) - 8 * size) < 0.5


# %% [markdown] nbgrader={"grade": false, "grade_id": "q6_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 6 题：轮廓系数最高就一定好吗（文字题，老师人工评分）
#
# 按 R、F、M 聚类时，轮廓系数最高的是 k = 2。同事说：“就用 2 簇，统计上最好。”
# 请用三四句话回应：你会怎样决定簇数？除了轮廓系数，还要考虑什么？

# %% [markdown] nbgrader={"grade": true, "grade_id": "q6_answer", "locked": false, "points": 2, "schema_version": 3, "solution": true, "task": false} topic="业务应用 (application)"
# 轮廓系数只说明簇分得清不清楚，不说明分出来的群有没有用。2 簇通常只是“好客户”和“其他客户”，
# 每一簇里差别仍然很大，没法配不同的活动。我会在轮廓系数差不多的几个 k 中，选团队做得过来、
# 每簇人数够多、画像能起出清楚名字并对应不同动作的那一个，例如 4 簇。
