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
# # 作业 13：综合项目 (segmentation project)
#
# 把客户分类的五个步骤（数据收集 → 数据分析 → 客户分类 → 策略制定 → 效果评估）走一遍。
# 本作业使用课程自带的示例数据 `online_retail_ii`（一家英国网店的真实订单），
# 下面的第一个代码单元格已经用 `SegmentationProcess` 跑完了全部步骤，结果在 `process` 里。
#
# **做法**：在写着 `在这里写代码 (YOUR CODE HERE)` 的地方写代码，删掉 `raise NotImplementedError()`
# 这一行，然后按 **Shift + Enter** 运行。每道题下面的灰色单元格是检查答案的测试，
# 不要修改或删除它们（改了也没有用：评分时会换回原来的测试）。最后点击菜单
# “Kernel → Restart & Run All”，确认没有报错后再提交。

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
from custseg.datasets import load_sample
from custseg.process import SegmentationProcess

orders = load_sample("online_retail_ii")
process = SegmentationProcess(scheme="cn8", control_share=0.2, random_state=0).fit(orders)
print(process.cleaning_report_)

# %% [markdown] nbgrader={"grade": false, "grade_id": "q1_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 1 题：清洗删掉了多少行 (rows removed by cleaning)
#
# 第 1 步把原始订单 `orders` 清洗成 `process.clean_`（删掉缺少客户编号、取消的订单、
# 数量或单价不大于 0 的行，以及完全重复的行）。一共删掉了多少行？结果保存为整数 `n_removed`。

# %% nbgrader={"grade": false, "grade_id": "q1_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
n_removed = int(len(orders) - len(process.clean_))
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q1_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="数据收集与清洗 (data collection)"
assert isinstance(n_removed, int), "n_removed 应该是整数 (int)，可以用 int(...) 转换"
assert 0 < n_removed < len(orders), "n_removed 应该在 0 和原始行数之间"
### BEGIN HIDDEN TESTS
_kept = orders[orders["customer_id"].notna()]
_kept = _kept[~_kept["invoice_id"].str.upper().str.startswith("C")]
_kept = _kept.query("quantity > 0 and unit_price > 0")
_kept = _kept[~_kept.duplicated(keep="first")]
assert n_removed == orders.shape[0] - _kept.shape[0]
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 2 题：重要价值客户的销售额占比 (revenue share of a segment)
#
# 第 4 步的策略表 `process.segments_` 每个客户群一行。“重要价值客户”贡献了全部销售额的多少？
# 结果保存为 0 到 1 之间的小数 `vip_revenue_share`（不用四舍五入）。

# %% nbgrader={"grade": false, "grade_id": "q2_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
table = process.segments_.set_index("segment")
vip_revenue_share = float(table.loc["重要价值客户", "revenue"] / table["revenue"].sum())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q2_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="客户群价值 (segment value)"
assert isinstance(vip_revenue_share, float), "vip_revenue_share 应该是小数 (float)"
assert 0 < vip_revenue_share < 1, "vip_revenue_share 是比例，应该在 0 和 1 之间（不是百分数）"
### BEGIN HIDDEN TESTS
_rfm = process.customers_[["recency", "frequency", "monetary"]]
_vip = (
    (_rfm["recency"] < _rfm["recency"].mean())
    & (_rfm["frequency"] > _rfm["frequency"].mean())
    & (_rfm["monetary"] > _rfm["monetary"].mean())
)
_spend = process.clean_["quantity"] * process.clean_["unit_price"]
_by_customer = _spend.groupby(process.clean_["customer_id"]).sum()
_expected = _by_customer[_vip[_vip].index].sum() / _spend.sum()
assert abs(vip_revenue_share - _expected) < 1e-6
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 3 题：对照组有多少人 (control-group size)
#
# 第 5 步事先在每个客户群里随机留出 20%（向下取整）作为对照组，活动期间不联系。
# 每位客户属于哪一组记在 `process.customers_` 的 `group` 列（“营销组”或“对照组”）。
# 对照组一共有多少位客户？结果保存为整数 `n_control`。

# %% nbgrader={"grade": false, "grade_id": "q3_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
n_control = int((process.customers_["group"] == "对照组").sum())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q3_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="对照组 (control group)"
assert isinstance(n_control, int), "n_control 应该是整数 (int)，可以用 int(...) 转换"
assert 0 < n_control <= 0.2 * len(process.customers_), "对照组最多占全部客户的 20%"
### BEGIN HIDDEN TESTS
_sizes = {}
for _segment in process.customers_["segment"]:
    _sizes[_segment] = _sizes.get(_segment, 0) + 1
assert n_control == sum(_size * 2 // 10 for _size in _sizes.values())
assert n_control == int(process.segments_["control"].sum())
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 4 题：评估方案 (evaluation plan)
#
# 公司准备给“一般发展客户”发一张满 100 减 20 的优惠券。请写出你的评估方案：
# 对照组怎么留、看什么指标、什么时候评估、怎样判断活动值得继续做？用几句话回答（老师会人工评分）。

# %% [markdown] nbgrader={"grade": true, "grade_id": "q4_answer", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false} topic="效果评估 (evaluation)"
# 发券前在这一群里随机留出一部分客户作对照组，不发券，其余作营销组，两组在活动前就定好、中途不换。
# 指标是活动后一个月内的购买率和人均销售额，比较营销组与对照组之差，这才是优惠券带来的增量。
# 活动结束满一个月后评估，看差异是否显著（p 值、置信区间）；增量收入减去券的成本和发送成本为正，才继续做。
