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
# 用课程自带的示例数据（一家英国网店的真实订单，150 位客户）计算每位客户的 R、F、M，
# 并用“八类客户”方案给客户分群。
#
# **做法**：在写着 `在这里写代码 (YOUR CODE HERE)` 的地方写代码，删掉 `raise NotImplementedError()`
# 这一行，然后按 **Shift + Enter** 运行。每道题下面的灰色单元格是检查答案的测试，
# 不要修改或删除它们（改了也没有用：评分时会换回原来的测试）。最后点击菜单
# “Kernel → Restart & Run All”，确认没有报错后再提交。

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
import pandas as pd

from custseg.datasets import load_sample
from custseg.rfm import RFMSegmenter, rfm_table, segment_customers
from custseg.transactions import clean_transactions

clean, _ = clean_transactions(load_sample())
clean.head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q1_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 1 题：沉睡的客户 (dormant customers)
#
# 用 `rfm_table(clean)` 计算每位客户的 R、F、M，保存为 `rfm`。
# 然后数一数：最近一次购买距今**超过 180 天**（`recency > 180`）的客户有多少位？
# 结果保存为整数 `n_dormant`。

# %% nbgrader={"grade": false, "grade_id": "q1_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
rfm = rfm_table(clean)
n_dormant = int((rfm["recency"] > 180).sum())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q1_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="RFM 指标 (RFM metrics)"
assert isinstance(rfm, pd.DataFrame), "rfm 应该是 rfm_table(clean) 得到的表格 (DataFrame)"
assert len(rfm) == clean["customer_id"].nunique(), "rfm 应该每位客户一行"
assert isinstance(n_dormant, int), "n_dormant 应该是整数 (int)，可以用 int(...) 转换"
assert 0 < n_dormant < len(rfm), "n_dormant 应该在 0 和客户总数之间"
### BEGIN HIDDEN TESTS
_days = clean["invoice_date"].dt.normalize()
_today = _days.max() + pd.Timedelta(days=1)
_last = {}
for _customer, _day in zip(clean["customer_id"], _days, strict=True):
    _last[_customer] = max(_last.get(_customer, _day), _day)
assert n_dormant == sum((_today - _day).days > 180 for _day in _last.values())
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 2 题：只买过一次的客户 (one-time buyers)
#
# F（`frequency`）是客户下过的不同订单数。只买过一次（`frequency == 1`）的客户占全部客户的比例是多少？
# 结果保存为 0 到 1 之间的小数 `one_time_share`（不用四舍五入）。

# %% nbgrader={"grade": false, "grade_id": "q2_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
one_time_share = float((rfm["frequency"] == 1).mean())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q2_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="RFM 指标 (RFM metrics)"
assert 0 < one_time_share < 1, "one_time_share 是比例，应该在 0 和 1 之间（不是百分数）"
### BEGIN HIDDEN TESTS
_orders = {}
for _customer, _invoice in zip(clean["customer_id"], clean["invoice_id"], strict=True):
    _orders.setdefault(_customer, set()).add(_invoice)
_once = sum(len(_invoices) == 1 for _invoices in _orders.values())
assert abs(one_time_share - _once / len(_orders)) < 1e-9
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 3 题：八类客户的销售额 (revenue by segment)
#
# 用 `segment_customers(rfm, scheme="cn8")` 把客户分为八类，保存为 `segmented`。
# 再算出每一类客户的消费金额合计（`monetary` 之和），从高到低排序，保存为 `segment_revenue`
# （一个以客户类别为索引的 Series）。

# %% nbgrader={"grade": false, "grade_id": "q3_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
segmented = segment_customers(rfm, scheme="cn8")
segment_revenue = segmented.groupby("segment")["monetary"].sum().sort_values(ascending=False)
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q3_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="RFM 分群 (RFM segments)"
assert isinstance(segment_revenue, pd.Series), "segment_revenue 应该是 Series"
assert segment_revenue.is_monotonic_decreasing, "请从高到低排序"
assert abs(segment_revenue.sum() - clean["amount"].sum()) < 0.01, "各类金额加起来应该等于总销售额"
### BEGIN HIDDEN TESTS
_r_high = rfm["recency"] < rfm["recency"].mean()
_f_high = rfm["frequency"] > rfm["frequency"].mean()
_m_high = rfm["monetary"] > rfm["monetary"].mean()
_names = {
    (True, True, True): "重要价值客户",
    (True, False, True): "重要发展客户",
    (False, True, True): "重要保持客户",
    (False, False, True): "重要挽留客户",
    (True, True, False): "一般价值客户",
    (True, False, False): "一般发展客户",
    (False, True, False): "一般保持客户",
    (False, False, False): "一般挽留客户",
}
_expected = {}
for _key, _money in zip(zip(_r_high, _f_high, _m_high, strict=True), rfm["monetary"], strict=True):
    _expected[_names[_key]] = _expected.get(_names[_key], 0.0) + _money
assert set(segment_revenue.index) == set(_expected)
for _segment, _money in _expected.items():
    assert abs(segment_revenue[_segment] - _money) < 0.01
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 4 题：自己定分界点 (your own cut-off)
#
# 八类方案默认用平均值判断“近”。市场部认为 **30 天内买过才算“近”**（`recency < 30`），
# F、M 仍按平均值。用 `RFMSegmenter(cutoffs={"recency": 30})` 重新分群，
# 数一数这时有多少位“重要价值客户”，保存为整数 `n_vip_30`。

# %% nbgrader={"grade": false, "grade_id": "q4_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
strict = RFMSegmenter(cutoffs={"recency": 30}).fit_transform(rfm)
n_vip_30 = int((strict["segment"] == "重要价值客户").sum())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q4_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="RFM 分界点 (RFM cut-offs)"
assert isinstance(n_vip_30, int), "n_vip_30 应该是整数 (int)，可以用 int(...) 转换"
_default_vip = int((segment_customers(rfm, scheme="cn8")["segment"] == "重要价值客户").sum())
assert n_vip_30 <= _default_vip, "“近”的标准更严格，重要价值客户不应该变多"
### BEGIN HIDDEN TESTS
_recent = rfm["recency"] < 30
_loyal = rfm["frequency"] > rfm["frequency"].sum() / len(rfm)
_big = rfm["monetary"] > rfm["monetary"].sum() / len(rfm)
assert n_vip_30 == int((_recent & _loyal & _big).sum())
assert 0 < n_vip_30 < _default_vip
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q5_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 5 题：业务解读 (interpretation)
#
# 看一看 `segmented` 中的“重要保持客户”（以前常买、金额高，但最近没来）。
# 你会为这一类客户安排什么营销动作？为什么这样做比给所有客户发同样的优惠券更好？
# 请用两三句话回答（老师会人工评分）。

# %% [markdown] nbgrader={"grade": true, "grade_id": "q5_answer", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false} topic="业务应用 (application)"
# 安排客户经理一对一电话回访，了解他们最近不来的原因，再给一份有针对性的回归礼遇。
# 这类客户过去贡献大、流失损失也大，值得花人力挽回；统一发券既浪费在本来就会买的客户身上，
# 也不足以打动已经转向别家的大客户。
