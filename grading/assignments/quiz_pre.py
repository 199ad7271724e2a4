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
# # 课前测验（前测）
#
# 这份测验在**第一讲之前**做，看看大家已经知道什么。**不计入成绩**：答错没关系，不会的题凭感觉选一个就好。课程结束后还有一份题型相同、数字和情景不同的课后测验，两次对比，就能看出这次培训让大家在每个主题上进步了多少。
#
# 共 15 道小题，每题 1 分，大约 20 分钟，另有一道不计分的开放题。**不需要写程序**：每道题的答题单元格里，
# 删掉 `raise NotImplementedError()` 这一行，写上一行 `名字 = 值`：选择题写选项字母（例如 `dimension = "B"`，
# 大小写、全角半角都可以）或选项的文字，计算题写一个数字（例如 `recency_days = 12`）。然后按 **Shift + Enter** 运行。
# 下面的灰色单元格只检查答案的格式，通过了也不代表答对；真正的评分在老师那里进行。
# 做完后点击菜单“内核 → 重启内核并运行所有单元格”，确认没有报错再提交。

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
print("测验开始：共 15 道小题，每题 1 分；最后一道开放题不计分。")

# %% check="setup"
# 评分检查：只在讲师的文件中，不会进入学员的笔记本和反馈；评分时在学员的内核之外运行。
# Hidden checks: instructor-only, run outside the learner's kernel on plain-data answers.
import datetime as dt  # noqa: E402

from custseg.distributors import DEFAULT_WEIGHTS  # noqa: E402
from custseg.grading.quiz_answers import (  # noqa: E402
    CN8,
    DIMENSION_WORDS,
    DIMENSIONS,
    FIVE_STEPS,
    HUAWEI,
    HUAWEI_WORDS,
    STAGES,
    STEP_WORDS,
    elbow,
    stage_of,
)
from custseg.grading.typed_answers import chosen, number, percent_matches  # noqa: E402

# %% [markdown] nbgrader={"grade": false, "grade_id": "q1_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 1 题：客户分类能帮什么（判断）
#
# 一家奶茶店每周给所有会员发同一张“满 30 减 5”券，用券的人越来越少。客户分类最能帮它做什么？
#
# A. 所有会员的券都加大到满 30 减 10
# B. 按会员的购买行为分成几群，给不同的群不同的优惠和沟通方式
# C. 停止发券，改投电视广告
# D. 只给新注册的会员发券
#
# 把选项字母（或文字）保存为 `why_segment`。

# %% nbgrader={"grade": false, "grade_id": "q1_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
why_segment = "B"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q1_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="为什么分类 (why segment)"
assert isinstance(why_segment, str) and why_segment.strip(), (
    '请用引号写一个选项字母（例如 "B"）或选项的文字'
)


# %% check="q1_test"
def check_q1(why_segment):
    options = (
        "所有会员的券都加大到满 30 减 10",
        "按会员的购买行为分成几群，给不同的群不同的优惠和沟通方式",
        "停止发券，改投电视广告",
        "只给新注册的会员发券",
    )
    assert chosen(why_segment, options) == options[1]


# %% [markdown] nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 2 题：用的是哪个分类维度（判断）
#
# 按“一线、二线、三线城市”给客户分组，用的是哪个分类维度？
#
# A. 人口统计　B. 地理　C. 心理　D. 行为
#
# 把选项字母（或文字）保存为 `dimension`。

# %% nbgrader={"grade": false, "grade_id": "q2_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
dimension = "地理"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q2_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="分类维度 (dimensions)"
assert isinstance(dimension, str) and dimension.strip(), (
    '请用引号写一个选项字母（例如 "B"）或选项的文字'
)


# %% check="q2_test"
def check_q2(dimension):
    assert chosen(dimension, DIMENSIONS, DIMENSION_WORDS) == "地理"


# %% [markdown] nbgrader={"grade": false, "grade_id": "q3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 3 题：RFM 八类（判断）
#
# 按 RFM 八类方案，一位客户**最近刚买过**（R 好）、**只买过一两次**（F 低）、**消费金额很高**（M 高）。他属于哪一类？
#
# A. 重要价值客户　B. 重要发展客户　C. 重要保持客户　D. 重要挽留客户
#
# 把选项字母（或文字）保存为 `rfm_segment`。

# %% nbgrader={"grade": false, "grade_id": "q3_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
rfm_segment = "重要发展客户"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q3_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="RFM (RFM)"
assert isinstance(rfm_segment, str) and rfm_segment.strip(), (
    '请用引号写一个选项字母（例如 "B"）或选项的文字'
)


# %% check="q3_test"
def check_q3(rfm_segment):
    options = tuple(CN8.values())
    assert chosen(rfm_segment, options) == CN8[(True, False)]


# %% [markdown] nbgrader={"grade": false, "grade_id": "q4_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 4 题：R 是多少天（计算）
#
# 分析日是 2024 年 7 月 1 日，一位客户最近一次购买在 2024 年 6 月 11 日。他的 R（最近购买距今天数）是多少天？保存为 `recency_days`（整数）。

# %% nbgrader={"grade": false, "grade_id": "q4_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
recency_days = 20
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q4_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="RFM (RFM)"
assert isinstance(recency_days, int | float | str) and not isinstance(recency_days, bool), (
    "请写一个数字"
)
assert str(recency_days).strip(), "请写一个数字"


# %% check="q4_test"
def check_q4(recency_days):
    expected = (dt.date(2024, 7, 1) - dt.date(2024, 6, 11)).days
    assert number(recency_days) == expected


# %% [markdown] nbgrader={"grade": false, "grade_id": "q5_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 5 题：价值有多集中（计算）
#
# 10 位客户去年的消费（万元）从高到低是：50、20、10、6、5、3、2、2、1、1，合计 100 万元。
# 消费最多的 2 位（前 20% 的客户）贡献了全部消费的百分之几？
# 保存为 `top_share`（写百分数的数字，例如 45 表示 45%）。

# %% nbgrader={"grade": false, "grade_id": "q5_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
top_share = 70
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q5_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="ABC 与价值分层 (ABC and value tiers)"
assert isinstance(top_share, int | float | str) and not isinstance(top_share, bool), "请写一个数字"
assert str(top_share).strip(), "请写一个数字"


# %% check="q5_test"
def check_q5(top_share):
    spend = [50, 20, 10, 6, 5, 3, 2, 2, 1, 1]
    expected = 100 * sum(sorted(spend, reverse=True)[:2]) / sum(spend)
    assert percent_matches(top_share, expected)


# %% [markdown] nbgrader={"grade": false, "grade_id": "q6_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 6 题：邀请谁（决策）
#
# 新品会员计划只剩一个名额，目的是换来**以后的**购买。
#
# - 客户甲：过去一年消费 5,000 元，但预测的客户终身价值（CLV）只有 800 元（仍活跃的概率只有 20%）；
# - 客户乙：过去一年消费 2,000 元，预测的 CLV 是 3,500 元。
#
# 请谁？A. 甲　B. 乙
#
# 把选项字母（或“甲”“乙”）保存为 `invite`。

# %% nbgrader={"grade": false, "grade_id": "q6_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
invite = "乙"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q6_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="CLV 与客户选择 (CLV and selection)"
assert isinstance(invite, str) and invite.strip(), '请用引号写一个选项字母（例如 "B"）或选项的文字'


# %% check="q6_test"
def check_q6(invite):
    clv = {"甲": 800, "乙": 3500}
    words = {"客户甲": "甲", "客户乙": "乙"}
    assert chosen(invite, ("甲", "乙"), words) == max(clv, key=clv.get)


# %% [markdown] nbgrader={"grade": false, "grade_id": "q7_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 7 题：生命周期阶段（判断）
#
# 按课程的默认规则，一位客户两年前第一次购买，一共买过 8 次，最近一次购买在 120 天前。他处在生命周期的哪个阶段？
#
# A. 新客　B. 回购　C. 忠诚　D. 流失风险　E. 已流失
#
# 把选项字母（或文字）保存为 `stage`。

# %% nbgrader={"grade": false, "grade_id": "q7_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
stage = "流失风险"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q7_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="生命周期与同期群 (lifecycle and cohorts)"
assert isinstance(stage, str) and stage.strip(), '请用引号写一个选项字母（例如 "B"）或选项的文字'


# %% check="q7_test"
def check_q7(stage):
    assert chosen(stage, STAGES) == stage_of(730, 120, 8)


# %% [markdown] nbgrader={"grade": false, "grade_id": "q8_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 8 题：用肘部法则选 k（读图表）
#
# 用 k-means 给客户聚类。下表是 k = 2 到 7 时的簇内平方和：
#
# | k | 2 | 3 | 4 | 5 | 6 | 7 |
# |---|---|---|---|---|---|---|
# | 簇内平方和 | 1000 | 600 | 350 | 330 | 315 | 305 |
#
# 按肘部法则，应该选哪个 k（在它之后再加簇，簇内平方和也减少不了多少）？保存为 `elbow_k`。

# %% nbgrader={"grade": false, "grade_id": "q8_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
elbow_k = 4
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q8_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="聚类 (clustering)"
assert isinstance(elbow_k, int | float | str) and not isinstance(elbow_k, bool), "请写一个数字"
assert str(elbow_k).strip(), "请写一个数字"


# %% check="q8_test"
def check_q8(elbow_k):
    assert number(elbow_k) == elbow({2: 1000, 3: 600, 4: 350, 5: 330, 6: 315, 7: 305})


# %% [markdown] nbgrader={"grade": false, "grade_id": "q9_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 9 题：华为的三类客户（判断）
#
# 华为按需求和价值把客户分为技术型、标准型、战略型三类。一家非洲的电信运营商最看重价格和交付速度，用标准产品就够了。它属于哪一类？
#
# A. 技术型客户　B. 标准型客户　C. 战略型客户
#
# 把选项字母（或文字）保存为 `huawei_group`。

# %% nbgrader={"grade": false, "grade_id": "q9_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
huawei_group = "B"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q9_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="案例 (cases)"
assert isinstance(huawei_group, str) and huawei_group.strip(), (
    '请用引号写一个选项字母（例如 "B"）或选项的文字'
)


# %% check="q9_test"
def check_q9(huawei_group):
    assert chosen(huawei_group, HUAWEI, HUAWEI_WORDS) == "标准型客户"


# %% [markdown] nbgrader={"grade": false, "grade_id": "q10_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 10 题：经销商总分（计算）
#
# 按课程的默认权重给经销商打总分：市场覆盖率 30%、销售能力 40%、合作意愿 30%。某经销商三项的得分（0—100 分）是：覆盖 70、销售能力 80、合作意愿 50。它的总分是多少？保存为 `distributor_score`。

# %% nbgrader={"grade": false, "grade_id": "q10_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
distributor_score = 68
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q10_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="经销商 (distributors)"
assert isinstance(distributor_score, int | float | str) and not isinstance(
    distributor_score, bool
), "请写一个数字"
assert str(distributor_score).strip(), "请写一个数字"


# %% check="q10_test"
def check_q10(distributor_score):
    scores = {"coverage": 70, "sales": 80, "cooperation": 50}
    expected = sum(DEFAULT_WEIGHTS[k] * scores[k] for k in scores)
    assert abs(number(distributor_score) - expected) <= 0.5


# %% [markdown] nbgrader={"grade": false, "grade_id": "q11_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 11 题：对照组（判断）
#
# 要知道短信优惠券到底**多带来**了多少购买，对照组应该怎样选？
#
# A. 从要发券的客户中随机抽出一部分，不发券
# B. 把最近没买过的客户当对照组
# C. 用去年同期的销售额做对照
# D. 不需要对照组，看发券后有多少人买
#
# 把选项字母（或文字）保存为 `control_group`。

# %% nbgrader={"grade": false, "grade_id": "q11_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
control_group = "A"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q11_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="促销与实验 (promotion and experiments)"
assert isinstance(control_group, str) and control_group.strip(), (
    '请用引号写一个选项字母（例如 "B"）或选项的文字'
)


# %% check="q11_test"
def check_q11(control_group):
    options = (
        "从要发券的客户中随机抽出一部分，不发券",
        "把最近没买过的客户当对照组",
        "用去年同期的销售额做对照",
        "不需要对照组，看发券后有多少人买",
    )
    assert chosen(control_group, options) == options[0]


# %% [markdown] nbgrader={"grade": false, "grade_id": "q12_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 12 题：增量是多少（计算）
#
# 一次随机分组的优惠券实验：实验组 2,000 人中有 160 人购买，对照组 1,000 人中有 50 人购买。优惠券带来的增量是多少个百分点？保存为 `increment_points`（一个数字）。

# %% nbgrader={"grade": false, "grade_id": "q12_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
increment_points = 3
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q12_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="促销与实验 (promotion and experiments)"
assert isinstance(increment_points, int | float | str) and not isinstance(increment_points, bool), (
    "请写一个数字"
)
assert str(increment_points).strip(), "请写一个数字"


# %% check="q12_test"
def check_q12(increment_points):
    (treated, bought), (control, control_bought) = ((2000, 160), (1000, 50))
    expected = 100 * (bought / treated - control_bought / control)
    assert percent_matches(increment_points, expected, tolerance=0.05)


# %% [markdown] nbgrader={"grade": false, "grade_id": "q13_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 13 题：敏感个人信息（判断）
#
# 按《个人信息保护法》，下列哪一项属于**敏感个人信息**？
#
# A. 会员等级　B. 购买过的商品品类　C. 银行卡号（金融账户）　D. 所在城市
#
# 把选项字母（或文字）保存为 `sensitive_info`。

# %% nbgrader={"grade": false, "grade_id": "q13_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
sensitive_info = "C"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q13_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="信息分类与隐私 (information and privacy)"
assert isinstance(sensitive_info, str) and sensitive_info.strip(), (
    '请用引号写一个选项字母（例如 "B"）或选项的文字'
)


# %% check="q13_test"
def check_q13(sensitive_info):
    options = ("会员等级", "购买过的商品品类", "银行卡号（金融账户）", "所在城市")
    assert chosen(sensitive_info, options) == options[2]


# %% [markdown] nbgrader={"grade": false, "grade_id": "q14_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 14 题：客户群迁移（读表）
#
# 动态分类：半年后用新数据重新分类。下面是客户群迁移表的一行：半年前的 80 位重要价值客户，现在分别在哪一群。
#
# | 半年前 \\ 现在 | 重要价值客户 | 重要保持客户 | 一般价值客户 |
# |---|---|---|---|
# | 重要价值客户 | 48 | 20 | 12 |
#
# 半年前的重要价值客户中，现在**仍是**重要价值客户的占百分之几？保存为 `stay_share`（例如 45 表示 45%）。

# %% nbgrader={"grade": false, "grade_id": "q14_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
stay_share = 60
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q14_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="趋势 (trends)"
assert isinstance(stay_share, int | float | str) and not isinstance(stay_share, bool), (
    "请写一个数字"
)
assert str(stay_share).strip(), "请写一个数字"


# %% check="q14_test"
def check_q14(stay_share):
    row = {"重要价值客户": 48, "重要保持客户": 20, "一般价值客户": 12}
    expected = 100 * row["重要价值客户"] / sum(row.values())
    assert percent_matches(stay_share, expected)


# %% [markdown] nbgrader={"grade": false, "grade_id": "q15_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 15 题：五步法的哪一步（判断）
#
# 比较发券客户和对照组客户的购买率，看活动到底有没有用，属于客户分类五步法的哪一步？
#
# A. 数据收集　B. 数据分析　C. 客户分类　D. 策略制定　E. 效果评估
#
# 把选项字母（或文字）保存为 `process_step`。

# %% nbgrader={"grade": false, "grade_id": "q15_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
process_step = "E"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q15_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="五步法 (five-step process)"
assert isinstance(process_step, str) and process_step.strip(), (
    '请用引号写一个选项字母（例如 "B"）或选项的文字'
)


# %% check="q15_test"
def check_q15(process_step):
    assert chosen(process_step, FIVE_STEPS, STEP_WORDS) == "效果评估"


# %% [markdown] nbgrader={"grade": false, "grade_id": "q16_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 16 题：你希望这门课帮你解决什么问题（开放题，不计分）
#
# 用一两句话写下你工作中最想用客户分类解决的一个问题，写在“在这里作答”处。老师会据此调整讲课的重点。

# %% [markdown] nbgrader={"grade": true, "grade_id": "q16_answer", "locked": false, "points": 0, "schema_version": 3, "solution": true, "task": false} topic="课程反馈 (feedback)"
# 我负责会员运营，想学会从消费记录里找出快要流失的老客户，并决定有限的回访电话先打给谁。
