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
# 用课程自带的示例数据（一家英国网店的真实订单，150 位客户）计算历史价值、预测未来的购买，
# 再用评分卡选出重点客户。
#
# **做法**：在写着 `在这里写代码 (YOUR CODE HERE)` 的地方写代码，删掉 `raise NotImplementedError()`
# 这一行，然后按 **Shift + Enter** 运行。每道题下面的灰色单元格是检查答案的测试，
# 不要修改或删除它们（改了也没有用：评分时会换回原来的测试）。最后点击菜单
# “Kernel → Restart & Run All”，确认没有报错后再提交。

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
import numpy as np
import pandas as pd

from custseg.clv import BetaGeoModel, historic_clv, summary_from_transactions
from custseg.datasets import load_sample
from custseg.selection import CustomerScorecard
from custseg.transactions import clean_transactions

clean, _ = clean_transactions(load_sample())
clean.head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q1_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 1 题：客单价最高的客户 (highest average order value)
#
# 用 `historic_clv(clean, margin=0.25)` 计算每位客户的历史价值（毛利率 25%），保存为 `history`。
# 平均每单金额（`average_order_value`）最高的是哪位客户？把他的客户编号保存为 `best_aov_customer`。

# %% nbgrader={"grade": false, "grade_id": "q1_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
history = historic_clv(clean, margin=0.25)
best_aov_customer = history["average_order_value"].idxmax()
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q1_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="历史价值 (historic CLV)"
assert isinstance(history, pd.DataFrame), "history 应该是 historic_clv(...) 的结果"
assert (history["historic_clv"] - 0.25 * history["revenue"]).abs().max() < 1e-6, "毛利率应该是 0.25"
assert best_aov_customer in set(clean["customer_id"]), "best_aov_customer 应该是一个客户编号"
### BEGIN HIDDEN TESTS
_spend, _invoices = {}, {}
for _customer, _invoice, _amount in zip(
    clean["customer_id"], clean["invoice_id"], clean["amount"], strict=True
):
    _spend[_customer] = _spend.get(_customer, 0.0) + _amount
    _invoices.setdefault(_customer, set()).add(_invoice)
_aov = {_customer: _spend[_customer] / len(_invoices[_customer]) for _customer in _spend}
assert best_aov_customer == max(_aov, key=_aov.get)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 2 题：只来过一次的老客户 (one-time buyers long ago)
#
# 用 `summary_from_transactions(clean, unit="W")` 得到预测模型需要的摘要表（单位：周），保存为 `summary`。
# 第一次购买距今**超过 26 周**（`T > 26`）、却**从来没有重复购买**（`frequency == 0`）的客户有多少位？
# 结果保存为整数 `n_one_time_old`。

# %% nbgrader={"grade": false, "grade_id": "q2_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
summary = summary_from_transactions(clean, unit="W")
n_one_time_old = int(((summary["T"] > 26) & (summary["frequency"] == 0)).sum())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q2_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="CLV 摘要表 (frequency, recency, T)"
assert isinstance(summary, pd.DataFrame) and "T" in summary.columns, (
    "summary 应该是 summary_from_transactions(...) 的结果"
)
assert summary["T"].max() < 60, '请用周 (unit="W") 作单位'
assert isinstance(n_one_time_old, int), "n_one_time_old 应该是整数 (int)，可以用 int(...) 转换"
### BEGIN HIDDEN TESTS
_days = clean["invoice_date"].dt.normalize()
_end = _days.max()
_per_customer = _days.groupby(clean["customer_id"]).agg(["min", "nunique"])
_age_weeks = (_end - _per_customer["min"]).dt.days / 7
assert n_one_time_old == int(((_per_customer["nunique"] == 1) & (_age_weeks > 26)).sum())
assert n_one_time_old > 0
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 3 题：未来半年的购买次数 (purchases in the next 26 weeks)
#
# 用 `summary` 拟合 BG/NBD 模型 `BetaGeoModel().fit(summary)`，保存为 `bgnbd`。
# 预测全部客户在**未来 26 周**一共会购买多少次（每位客户的预测次数加起来），保存为小数 `expected_26w`。

# %% nbgrader={"grade": false, "grade_id": "q3_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
bgnbd = BetaGeoModel().fit(summary)
expected_26w = float(bgnbd.predict_purchases(26, summary).sum())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q3_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="预测 CLV (BG/NBD)"
assert isinstance(bgnbd, BetaGeoModel) and hasattr(bgnbd, "params_"), (
    "请先拟合 BG/NBD 模型，保存为 bgnbd"
)
assert isinstance(expected_26w, float), "expected_26w 应该是小数 (float)"
assert expected_26w > 0
### BEGIN HIDDEN TESTS
from scipy.special import hyp2f1 as _hyp2f1  # noqa: E402

# Fader, Hardie and Lee (2005), equation 10, written out with the fitted parameters.
_r, _alpha, _a, _b = (bgnbd.params_[_name] for _name in ("r", "alpha", "a", "b"))
_x = summary["frequency"].to_numpy()
_tx = summary["recency"].to_numpy()
_T = summary["T"].to_numpy()
_z = 26 / (_alpha + _T + 26)
_head = (_a + _b + _x - 1) / (_a - 1)
_tail = 1 - ((_alpha + _T) / (_alpha + _T + 26)) ** (_r + _x) * _hyp2f1(
    _r + _x, _b + _x, _a + _b + _x - 1, _z
)
_dead = np.where(_x > 0, _a / (_b + _x - 1) * ((_alpha + _T) / (_alpha + _tx)) ** (_r + _x), 0.0)
_expected = float(np.sum(_head * _tail / (1 + _dead)))
assert abs(expected_26w - _expected) < 1e-6 * _expected
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 4 题：评分卡选客户 (a scorecard)
#
# 下面的单元格准备了两条标准：潜在价值 `potential_value`（这里用历史价值代替）和忠诚度 `loyalty`（订单数）。
# 用 `CustomerScorecard(weights={"potential_value": 0.6, "loyalty": 0.4}, columns=...)` 给客户打分
# （`columns` 把标准名对应到列名，例如 `{"potential_value": "potential_value", "loyalty": "loyalty"}`），
# 先 `fit(criteria)`，再用 `evaluate(criteria)` 得到每位客户的分层（`tier` 列）。
# “核心客户”有多少位？结果保存为整数 `n_core`。

# %% nbgrader={"grade": false, "grade_id": "q4_data", "locked": true, "schema_version": 3, "solution": false, "task": false}
criteria = pd.DataFrame({"potential_value": history["historic_clv"], "loyalty": history["orders"]})
criteria.head()

# %% nbgrader={"grade": false, "grade_id": "q4_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
columns = {"potential_value": "potential_value", "loyalty": "loyalty"}
card = CustomerScorecard(columns, weights={"potential_value": 0.6, "loyalty": 0.4})
card.fit(criteria)
n_core = int((card.evaluate(criteria)["tier"] == "核心客户").sum())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q4_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="客户选择 (customer selection)"
assert isinstance(n_core, int), "n_core 应该是整数 (int)，可以用 int(...) 转换"
assert 0 < n_core < len(criteria), "核心客户应该是一部分客户"


### BEGIN HIDDEN TESTS
def _percentile(column):
    values = criteria[column].to_numpy()
    return np.array([100 * np.mean(values <= value) for value in values])


_total = 0.6 * _percentile("potential_value") + 0.4 * _percentile("loyalty")
assert n_core == int(np.sum(_total >= 80 - 1e-9))
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q5_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 5 题：业务解读 (interpretation)
#
# 一位客户历史价值很高，但预测的未来购买次数很少；另一位正好相反。下周只能拜访其中一位，
# 你会选谁？为什么？请用两三句话回答（老师会人工评分）。

# %% [markdown] nbgrader={"grade": true, "grade_id": "q5_answer", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false} topic="业务应用 (application)"
# 选预测未来购买多的那一位：客户价值在于将来还能带来的收益，历史价值高但预测很低的客户
# 可能已经转向别家。不过对那位老客户也不能放弃，可以先打电话了解情况，再决定是否投入挽回。
