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
# # 作业 13：综合项目：五步法中的决定 (final project: the decisions of the five steps)
#
# 你是「禾悦食品」（**模拟数据**，金额单位：元）客户分类项目的负责人。按五步法
# （数据收集 → 数据分析 → 客户分类 → 策略制定 → 效果评估），每一步都要做一个决定。
# 数据是系统直接导出的订单 `raw`：里面有散客（没有会员编号）、重复导出的行、退款和日期录错的行。
#
# **不需要写程序**。每道题的答题单元格里，删掉 `raise NotImplementedError()` 这一行，
# 写上一行 `名字 = 值`：一个数字、一个选项（写选项的文字或字母 A/B/C 都可以），
# 或者题目给出的那种一行调用。然后按 **Shift + Enter** 运行。下面的灰色单元格只检查答案的格式，
# 通过了也不代表答对；真正的评分在老师那里进行。文字题写在“在这里作答”处。
# 最后点击菜单“内核 → 重启内核并运行所有单元格”，确认没有报错后再提交。

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
from custseg.datasets import load_cn_promotion
from custseg.experiment import control_group_size
from custseg.process import key_facts, strategy_table
from custseg.promotion import campaign_table, evaluate_campaign
from custseg.raw_export import export_problems, raw_cn_orders
from custseg.rfm import rfm_table
from custseg.segments import segment_customers
from custseg.transactions import clean_transactions
from custseg.widgets import rfm_cutoff_explorer

raw = raw_cn_orders()
promotion = load_cn_promotion()
experiment = evaluate_campaign(
    frame=promotion,
    group_col="group",
    treatment="实验组",
    control="对照组",
    outcome_col="responded",
    positive=True,
    segment_col="segment",
    revenue_per_response=60,
    cost_per_contact=5,
)
export_problems(transactions=raw)

# %% check="setup"
# 评分检查：只在讲师的文件中，不会进入学员的笔记本和反馈；评分时在学员的内核之外运行。
# Hidden checks: instructor-only, run outside the learner's kernel on plain-data answers.
import numbers  # noqa: E402

from custseg.exercises.promotion import cn_result  # noqa: E402
from custseg.experiment import control_group_size  # noqa: E402, F811
from custseg.grading.typed_answers import chosen  # noqa: E402, F811
from custseg.process import classify_customers, strategy_table  # noqa: E402, F811
from custseg.raw_export import raw_cn_orders  # noqa: E402, F811
from custseg.rfm import rfm_table  # noqa: E402, F811
from custseg.segments import default_cutoffs, segment_customers  # noqa: E402, F811
from custseg.transactions import clean_transactions  # noqa: E402, F811

reference_clean, reference_report = clean_transactions(
    raw_cn_orders(), refunds="net", drop_duplicates=True
)
reference_rfm = rfm_table(reference_clean)
reference_segmented = segment_customers(reference_rfm, scheme="cn8")
start = default_cutoffs(reference_rfm)
VIP_LIMIT = 250


def vips(monetary):
    """重要价值客户 with the widget's starting R and F cut-offs and this M cut-off."""
    segmented = classify_customers(
        reference_rfm,
        recency=start["recency"],
        frequency=start["frequency"],
        monetary=monetary,
    )
    return int((segmented["segment"] == "重要价值客户").sum())


def lowest_cutoff():
    """The lowest whole-yuan M cut-off leaving at most VIP_LIMIT 重要价值客户 (bisection)."""
    low, high = int(start["monetary"]), int(reference_rfm["monetary"].max()) + 1
    while low < high:
        middle = (low + high) // 2
        if vips(middle) <= VIP_LIMIT:
            high = middle
        else:
            low = middle + 1
    return low


# %% [markdown] nbgrader={"grade": false, "grade_id": "q1_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 1 题　第 1 步 数据收集：退款怎么处理（决定）
#
# 上表列出了导出数据的问题。导出的订单里有金额为负的**退款**行（客户买了又退了）。清洗时怎么处理？
#
# A. 从同一位客户的购买中扣除（`refunds="net"`）
# B. 只删除退款行，原来的购买照算（`refunds="drop"`）
# C. 保留，当作普通订单
#
# 保存为 `refund_rule`（字母即可）。

# %% nbgrader={"grade": false, "grade_id": "q1_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
refund_rule = "A"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q1_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="数据清洗决定 (cleaning decisions)"
assert isinstance(refund_rule, str) and refund_rule.strip(), '请用引号写字母，例如 "A"'


# %% check="q1_test"
def check_q1(refund_rule):
    options = ("从同一位客户的购买中扣除", "只删除退款行，原来的购买照算", "保留，当作普通订单")
    synonyms = {"net": options[0], 'refunds="net"': options[0], "扣除": options[0]}
    assert chosen(refund_rule, options, synonyms) == options[0]


# %% [markdown]
# 按第 1 题的决定清洗（退款从购买中扣除，重复导出的行删除），再看清洗后的关键数字。

# %%
clean, report = clean_transactions(transactions=raw, refunds="net", drop_duplicates=True)

# %%
key_facts(transactions=clean)

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 2 题　第 2 步 数据分析之后：用哪种方法做主方法（判断）
#
# 老板要决定“先服务谁、给谁发券”，而你手上有每位客户的订单记录。用哪种分类方法做主方法？
#
# A. RFM 八类：按最近购买、购买次数和消费金额分，每一类都对应一个营销动作
# B. 只按年龄和性别分
# C. 只对问卷答案做聚类（心理画像）
#
# 保存为 `main_method`（字母即可）。

# %% nbgrader={"grade": false, "grade_id": "q2_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
main_method = "A"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q2_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="方法选择 (choosing a method)"
assert isinstance(main_method, str) and main_method.strip(), '请用引号写字母，例如 "A"'


# %% check="q2_test"
def check_q2(main_method):
    options = (
        "RFM 八类：按最近购买、购买次数和消费金额分，每一类都对应一个营销动作",
        "只按年龄和性别分",
        "只对问卷答案做聚类（心理画像）",
    )
    synonyms = {"RFM": options[0], "RFM 八类": options[0], "RFM八类": options[0]}
    assert chosen(main_method, options, synonyms) == options[0]


# %% [markdown] nbgrader={"grade": false, "grade_id": "q3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 3 题　第 3 步 客户分类：VIP 的门槛（决定）
#
# 会员服务团队最多能专人服务 **250 位**重要价值客户。在下面的小部件上，R 和 F 滑块不动，只把 M 滑块
# （“超过多少钱算高”）往右拖，直到重要价值客户**不超过 250 人**，而且门槛尽量低。
# 写下你定的 M 门槛（元），保存为 `vip_cutoff`（比最低的可行门槛高出 100 元以内都算对）。

# %%
rfm = rfm_table(transactions=clean)

# %%
rfm_cutoff_explorer(rfm=rfm)

# %% nbgrader={"grade": false, "grade_id": "q3_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
vip_cutoff = 2450
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q3_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="分界点决定 (setting cut-offs)"
assert isinstance(vip_cutoff, int | float), "vip_cutoff 应该是一个数字（元）"
assert vip_cutoff > 0, "门槛应该是正数（元）"


# %% check="q3_test"
def check_q3(vip_cutoff):
    assert isinstance(vip_cutoff, numbers.Real) and not isinstance(vip_cutoff, bool)
    assert vips(float(vip_cutoff)) <= VIP_LIMIT
    assert float(vip_cutoff) < lowest_cutoff() + 100


# %% [markdown] nbgrader={"grade": false, "grade_id": "q4_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 4 题　第 4 步 策略制定：1,000 元的挽回预算（决定）
#
# 运行下面的单元格看策略表（每位客户联系一次 5 元，“全部覆盖的成本”是一个群全部联系一遍的花费）。
# 挽回预算只有 **1,000 元**，目标是把**花得多但最近没来**的客户请回来，而且要把一个群全部覆盖。选哪个方案？
#
# A. 重要保持客户 + 重要挽留客户
# B. 一般挽留客户
# C. 重要价值客户

# %%
segmented = segment_customers(rfm=rfm, scheme="cn8")

# %%
strategy_table(segmented=segmented, cost_per_customer=5)

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4_note", "locked": true, "schema_version": 3, "solution": false, "task": false}
# 保存为 `winback_plan`（字母即可）。

# %% nbgrader={"grade": false, "grade_id": "q4_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
winback_plan = "A"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q4_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="策略与预算 (strategy and budget)"
assert isinstance(winback_plan, str) and winback_plan.strip(), '请用引号写字母，例如 "A"'


# %% check="q4_test"
def check_q4(winback_plan):
    plans = {
        "重要保持客户 + 重要挽留客户": ("重要保持客户", "重要挽留客户"),
        "一般挽留客户": ("一般挽留客户",),
        "重要价值客户": ("重要价值客户",),
    }
    cost = strategy_table(reference_segmented, cost_per_customer=5).set_index("客户群")[
        "全部覆盖的成本"
    ]
    fits = [name for name, groups in plans.items() if sum(cost[g] for g in groups) <= 1000]
    assert fits == ["重要保持客户 + 重要挽留客户"]  # the only plan within budget, and on target
    assert chosen(winback_plan, tuple(plans)) == fits[0]


# %% [markdown] nbgrader={"grade": false, "grade_id": "q5_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 5 题　第 4 步：重要价值客户要不要发券（决定）
#
# 1 月做过一次随机发券实验，运行下面的单元格看各客户群的增量（实验组响应率 − 对照组响应率）和置信区间。
# 对**重要价值客户**，今年的策略选哪个？
#
# A. 每人再发 20 元满减券
# B. 专属客服、新品试吃、会员积分和生日礼遇，不靠折扣
# C. 不联系，省下预算

# %%
campaign_table(result=experiment)

# %% [markdown] nbgrader={"grade": false, "grade_id": "q5_note", "locked": true, "schema_version": 3, "solution": false, "task": false}
# 保存为 `vip_strategy`（字母即可）。

# %% nbgrader={"grade": false, "grade_id": "q5_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
vip_strategy = "B"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q5_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="策略与预算 (strategy and budget)"
assert isinstance(vip_strategy, str) and vip_strategy.strip(), '请用引号写字母，例如 "A"'


# %% check="q5_test"
def check_q5(vip_strategy):
    options = (
        "每人再发 20 元满减券",
        "专属客服、新品试吃、会员积分和生日礼遇，不靠折扣",
        "不联系，省下预算",
    )
    result = cn_result()  # the course's evaluation of the coupon experiment
    # Coupons bought no sure increment from them: keep them by service, not by discounts.
    assert float(result.loc["重要价值客户", "abs_lift_ci_low"]) <= 0
    assert chosen(vip_strategy, options) == options[1]


# %% [markdown] nbgrader={"grade": false, "grade_id": "q6_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 6 题　第 5 步 效果评估：对照组要多大（计算）
#
# 今年给一般发展客户发券。不发券时他们的响应率约 **25%**，希望看出 **10 个百分点**的增量。
# 每组（实验组、对照组各自）至少多少人？用一行算：`control_group_size(baseline_rate=…, difference=…)`。
# 保存为整数 `group_size`。

# %% nbgrader={"grade": false, "grade_id": "q6_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
group_size = control_group_size(baseline_rate=0.25, difference=0.1)
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q6_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="实验设计 (experiment design)"
assert isinstance(group_size, int), "group_size 应该是整数（人数）"
assert group_size > 0, "人数应该是正数"


# %% check="q6_test"
def check_q6(group_size):
    assert isinstance(group_size, int) and not isinstance(group_size, bool)
    assert group_size == control_group_size(baseline_rate=0.25, difference=0.1)


# %% [markdown] nbgrader={"grade": false, "grade_id": "q7_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 7 题　第 1 步回顾：还清洗了什么，为什么（文字题，老师人工评分）
#
# 除了退款，导出数据里还有散客行（没有会员编号）、重复导出的行和日期录错的行。用两三句话说明：
# 这三类你分别怎样处理？如果不处理，会让哪一个分类结果出错？

# %% [markdown] nbgrader={"grade": true, "grade_id": "q7_answer", "locked": false, "points": 1, "schema_version": 3, "solution": true, "task": false} topic="数据清洗决定 (cleaning decisions)"
# 散客行没有会员编号，无法归到任何客户，做 RFM 时删除（另外单独统计散客销售额）；重复导出的行删除，
# 否则客户的购买次数和金额被算多，会有人被错误地分进重要价值客户；日期录错（远离其他日期）的行删除或核对后更正，
# 否则最近一次购买的天数算错，活跃客户可能被当成已流失。

# %% [markdown] nbgrader={"grade": false, "grade_id": "q8_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 8 题　第 5 步：给老板的项目总结（文字题，老师人工评分）
#
# 一般发展客户只有六百多人，凑不齐第 6 题算出的两组人数。活动做完后，实验组响应率 30%，对照组 29%，
# 增量的 95% 置信区间是 −3 至 5 个百分点。用四五句话写给老板：对照组当初怎么留、这个结果说明什么、下一步做什么。

# %% [markdown] nbgrader={"grade": true, "grade_id": "q8_answer", "locked": false, "points": 2, "schema_version": 3, "solution": true, "task": false} topic="业务应用 (application)"
# 人数不够时，我们把一般发展客户随机分成一半发券、一半不发，接受只能看出较大的增量（或把活动做两个月合并评估）。
# 结果是实验组只高 1 个百分点，置信区间跨过 0：不能说活动成功，也不能说促销没用，可能效果太小、人数太少看不出来。
# 下一步先看各客户群和各渠道的增量，检查券的面额和使用门槛，调整后再做一次随机实验，并按预期增量事先算好人数；
# 在这之前不扩大发券范围。
