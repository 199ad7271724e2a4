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
# # 作业 3：RFM 模型 (RFM analysis)
#
# 本作业用「禾悦食品」的订单（**模拟数据**，金额单位：元）：一家卖零食和饮料的公司，
# 约 2,000 位客户。你要用 RFM 八类方案回答几个业务问题，并做几项决定。
#
# **不需要写程序**。每道题的答题单元格里，删掉 `raise NotImplementedError()` 这一行，
# 写上一行 `名字 = 值`：一个数字、一个选项（写选项的文字或字母 A/B/C 都可以），
# 或者题目给出的那种一行调用。然后按 **Shift + Enter** 运行。下面的灰色单元格只检查答案的格式，
# 通过了也不代表答对；真正的评分在老师那里进行。文字题写在“在这里作答”处。
# 最后点击菜单“内核 → 重启内核并运行所有单元格”，确认没有报错后再提交。

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
from custseg.datasets import load_cn_orders
from custseg.rfm import rfm_table
from custseg.segments import segment_customers, segment_profile
from custseg.tables import average, count_rows
from custseg.widgets import rfm_cutoff_explorer

cn_rfm = rfm_table(transactions=load_cn_orders())
cn_segmented = segment_customers(rfm=cn_rfm, scheme="cn8")
segment_profile(cn_segmented)

# %% check="setup"
# 评分检查：只在讲师的文件中，不会进入学员的笔记本和反馈；评分时在学员的内核之外运行。
# Hidden checks: instructor-only, run outside the learner's kernel on plain-data answers.
from custseg.datasets import load_cn_orders  # noqa: E402, F811
from custseg.grading.typed_answers import chosen  # noqa: E402, F811
from custseg.rfm import rfm_table  # noqa: E402, F811
from custseg.segments import (  # noqa: E402, F811
    RFMSegmenter,
    default_cutoffs,
    segment_customers,
    segment_profile,
)

reference_rfm = rfm_table(load_cn_orders())
reference_segmented = segment_customers(reference_rfm, scheme="cn8")
reference_profile = segment_profile(reference_segmented)


def vips(**changed):
    """重要价值客户 of the reference data, the default cut-offs changed as given."""
    cutoffs = {**default_cutoffs(reference_rfm), **changed}
    segmented = RFMSegmenter(cutoffs=cutoffs).fit_transform(reference_rfm)
    return int((segmented["segment"] == "重要价值客户").sum())


# %% [markdown] nbgrader={"grade": false, "grade_id": "q1_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 1 题：重要价值客户有多少位（计算）
#
# 上面的表是禾悦食品按八类方案（默认分界点：平均值）分群的结果 `cn_segmented`。
# **重要价值客户**有多少位？保存为 `cn_vip_customers`（整数）。
# 可以从表中读，也可以用一行：`count_rows(cn_segmented, segment="客户群名称")`。

# %% nbgrader={"grade": false, "grade_id": "q1_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
cn_vip_customers = count_rows(cn_segmented, segment="重要价值客户")
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q1_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="RFM 分群 (RFM segments)"
assert isinstance(cn_vip_customers, int), "cn_vip_customers 应该是整数（客户的人数），不是占比"
assert 0 < cn_vip_customers < len(cn_segmented), "人数应该在 0 和全部客户数之间"


# %% check="q1_test"
def check_q1(cn_vip_customers):
    expected = int((reference_segmented["segment"] == "重要价值客户").sum())
    assert not isinstance(cn_vip_customers, bool)
    assert cn_vip_customers == expected


# %% [markdown] nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 2 题：快要丢掉的大客户花了多少（计算）
#
# **重要保持客户**（以前常买、花得多，但最近没来）**平均每人**一共花了多少元？
# 保存为 `kept_mean_spend`，四舍五入到整数元（差 1 元以内都算对）。
# 可以从上面的表读，也可以用 `average(cn_segmented, "monetary", segment="客户群名称")`。

# %% nbgrader={"grade": false, "grade_id": "q2_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
kept_mean_spend = average(cn_segmented, "monetary", segment="重要保持客户")
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q2_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="RFM 分群 (RFM segments)"
assert isinstance(kept_mean_spend, int | float), "kept_mean_spend 应该是一个数字（元）"
assert 0 < kept_mean_spend < 100_000, "平均每人花的钱应该是正数，单位是元"


# %% check="q2_test"
def check_q2(kept_mean_spend):
    spend = reference_segmented.loc[reference_segmented["segment"] == "重要保持客户", "monetary"]
    assert not isinstance(kept_mean_spend, bool)
    assert abs(float(kept_mean_spend) - float(spend.mean())) <= 1


# %% [markdown] nbgrader={"grade": false, "grade_id": "q3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 3 题：VIP 专线服务得过来吗（决定）
#
# 公司要给重要价值客户开一条 VIP 专线，专线最多服务 **220 位**客户。F、M 的分界点保持默认，
# 只改 R 的分界点（“几天内买过算近”）。在下面的小部件上拖动 R 滑块试一试：
# 在下列选项中，**重要价值客户不超过 220 位**的前提下，哪一个分界点能让最多的客户享受专线？
#
# A. 30 天　B. 45 天　C. 60 天　D. 90 天
#
# 把天数（或字母）保存为 `vip_recency_days`。

# %%
rfm_cutoff_explorer(rfm=cn_rfm)

# %% nbgrader={"grade": false, "grade_id": "q3_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
vip_recency_days = 30
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q3_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="RFM 分界点 (RFM cut-offs)"
assert str(vip_recency_days).strip().upper() in {"A", "B", "C", "D", "30", "45", "60", "90"}, (
    "请填 30、45、60、90 中的一个天数，或者字母 A—D"
)


# %% check="q3_test"
def check_q3(vip_recency_days):
    options = ("30", "45", "60", "90")
    fits = [days for days in options if vips(recency=int(days)) <= 220]
    assert chosen(vip_recency_days, options) == max(fits, key=int)


# %% [markdown] nbgrader={"grade": false, "grade_id": "q4_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 4 题：挽回电话先打给谁（决定）
#
# 客服本月只能打 **50 个**挽回电话（成本高，要打给价值高、正在离开、挽回把握大的人）。
# 先打给哪一类客户？
#
# A. 重要价值客户　B. 重要保持客户　C. 重要挽留客户　D. 一般挽留客户
#
# 把选项的文字（或字母）保存为 `first_calls`。

# %% nbgrader={"grade": false, "grade_id": "q4_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
first_calls = "重要保持客户"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q4_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="RFM 应用 (using RFM segments)"
assert isinstance(first_calls, str), '请用引号写选项，例如 "A" 或 "某某客户"'
assert first_calls.strip(), "请写 A—D 中的一个字母，或者客户群的名称"


# %% check="q4_test"
def check_q4(first_calls):
    options = ("重要价值客户", "重要保持客户", "重要挽留客户", "一般挽留客户")
    profile = reference_profile.loc[list(options)]
    # The rule the module teaches: lapsed (R beyond the cut-off), then the deepest
    # relationship (most orders) among them; value already high in all 重要 groups.
    lapsed = profile[profile["平均最近购买距今天数"] > default_cutoffs(reference_rfm)["recency"]]
    lapsed = lapsed[lapsed["平均消费金额"] > default_cutoffs(reference_rfm)["monetary"]]
    expected = lapsed["平均购买次数"].idxmax()
    synonyms = {"重要保持": "重要保持客户"}
    assert chosen(first_calls, options, synonyms) == expected


# %% [markdown] nbgrader={"grade": false, "grade_id": "q5_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 5 题：先预测，再验证（预测）
#
# 如果把 M 的分界点从平均值（约 1,529 元）提高到 **3,000 元**，R、F 不变，
# 重要价值客户会：A. 变多　B. 变少　C. 不变？
# 先写下你的预测，再到第 3 题的小部件上拖 M 滑块验证。保存为 `vip_if_m_3000`。

# %% nbgrader={"grade": false, "grade_id": "q5_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
vip_if_m_3000 = "变少"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q5_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="RFM 分界点 (RFM cut-offs)"
assert isinstance(vip_if_m_3000, str), '请用引号写答案，例如 "变多" 或 "A"'


# %% check="q5_test"
def check_q5(vip_if_m_3000):
    before, after = vips(), vips(monetary=3000)
    expected = "变多" if after > before else "变少" if after < before else "不变"
    synonyms = {"减少": "变少", "更少": "变少", "增加": "变多", "更多": "变多"}
    assert chosen(vip_if_m_3000, ("变多", "变少", "不变"), synonyms) == expected


# %% [markdown] nbgrader={"grade": false, "grade_id": "q6_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 6 题：挽回方案（文字题，老师人工评分）
#
# 重要保持客户比 50 个电话多。请用三四句话说明：50 个电话先打给其中的哪些人（按什么排序）？
# 电话里给他们什么？为什么这样做比给全部客户发同一张优惠券更划算？

# %% [markdown] nbgrader={"grade": true, "grade_id": "q6_answer", "locked": false, "points": 2, "schema_version": 3, "solution": true, "task": false} topic="业务应用 (application)"
# 先按消费金额从高到低排，打给重要保持客户中消费最高的 50 位（金额相同时先打购买次数多的）。
# 电话里先问清最近不来的原因（口味、价格、买到了别家），再给一份针对原因的回归礼遇，例如新品试吃装或满减券。
# 这类客户过去贡献大、关系深，挽回一位的价值远高于一个电话的成本；统一发券会把钱花在本来就会买的客户身上，
# 对已经转向别家的大客户又打动不了。
