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
# # 作业 2：客户分类的维度 (segmentation dimensions)
#
# 本作业主要使用课程自带的银行营销数据（UCI Bank Marketing，3,000 位客户）：每行是一位客户，
# `y` 列表示这次电话营销后是否认购了定期存款（`"yes"` 或 `"no"`）。第 4 题使用网店的订单数据。
#
# **做法**：在写着 `在这里写代码 (YOUR CODE HERE)` 的地方写代码，删掉 `raise NotImplementedError()`
# 这一行，然后按 **Shift + Enter** 运行。每道题下面的灰色单元格是检查答案的测试，
# 不要修改或删除它们（改了也没有用：评分时会换回原来的测试）。最后点击菜单
# “Kernel → Restart & Run All”，确认没有报错后再提交。

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
import pandas as pd

from custseg.datasets import load_sample
from custseg.dimensions import (
    age_bands,
    combine_segments,
    country_regions,
    customer_countries,
    response_by,
)
from custseg.transactions import clean_transactions

clients = load_sample("bank_marketing")
clients.head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q1_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 1 题：人口统计维度——年龄段 (age bands)
#
# 用 `age_bands(clients["age"])` 给每位客户加上年龄段，保存为新列 `clients["age_band"]`。
# 再用 `response_by` 比较各年龄段的响应率：**响应率最低**的是哪个年龄段？
# 把它的名称（如 `"25-34岁"`）保存为字符串 `worst_age_band`。

# %% nbgrader={"grade": false, "grade_id": "q1_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
clients["age_band"] = age_bands(clients["age"])
worst_age_band = str(response_by(clients, "age_band").index[-1])
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q1_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="人口统计维度 (demographic)"
assert "age_band" in clients.columns, '请把年龄段保存为新列 clients["age_band"]'
assert isinstance(worst_age_band, str), 'worst_age_band 应该是字符串 (str)，例如 "25-34岁"'
assert worst_age_band in set(clients["age_band"].astype(str)), (
    "worst_age_band 应该是一个年龄段的名称"
)
### BEGIN HIDDEN TESTS
_edges = [0, 25, 35, 45, 55, 65, 200]
_hits, _sizes = [0] * 6, [0] * 6
for _age, _answer in zip(clients["age"], clients["y"], strict=True):
    _band = max(i for i in range(6) if _edges[i] <= _age)
    _sizes[_band] += 1
    _hits[_band] += _answer == "yes"
_rates = [_h / _s if _s else 2.0 for _h, _s in zip(_hits, _sizes, strict=True)]
_worst = _rates.index(min(_rates))
_ages = clients.loc[clients["age_band"].astype(str) == worst_age_band, "age"]
assert len(_ages) == _sizes[_worst]
assert _ages.between(_edges[_worst], _edges[_worst + 1] - 1).all()
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 2 题：行为维度——上次活动的结果 (previous outcome)
#
# `poutcome` 是上一次营销活动的结果，`"success"` 表示上次已经认购过。
# 这些客户这次的响应率是全部客户整体响应率的多少倍（提升度 lift）？结果保存为小数 `success_lift`。
#
# 提示：`response_by(clients, "poutcome")` 的 `lift` 列。

# %% nbgrader={"grade": false, "grade_id": "q2_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
success_lift = float(response_by(clients, "poutcome").loc["success", "lift"])
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q2_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="行为维度 (behavioural)"
assert isinstance(success_lift, float), "success_lift 应该是小数 (float)"
assert success_lift > 1, "上次认购过的客户响应率高于平均，提升度应该大于 1"
### BEGIN HIDDEN TESTS
_said_yes = clients["y"].eq("yes")
_was_success = clients["poutcome"].eq("success")
_expected = _said_yes[_was_success].sum() / _was_success.sum() / (_said_yes.sum() / len(clients))
assert abs(success_lift - _expected) < 1e-9
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 3 题：组合两个维度 (two dimensions together)
#
# 用 `combine_segments` 把年龄段（`age_band`）和“是否有房贷”（`housing`）两列组合成一个客户群
# （例如 `"25-34岁·no"`），保存为新列 `clients["group"]`。
# 在**至少有 100 位客户**的客户群中，响应率最高的是哪一群？名称保存为字符串 `best_group`。

# %% nbgrader={"grade": false, "grade_id": "q3_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
clients["group"] = combine_segments(clients, ["age_band", "housing"])
by_group = response_by(clients, "group")
best_group = str(by_group[by_group["customers"] >= 100].index[0])
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q3_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="组合维度 (combined dimensions)"
assert isinstance(best_group, str), 'best_group 应该是字符串 (str)，例如 "25-34岁·no"'
assert "·" in best_group, "客户群的名称由两部分组成，中间是“·”"
assert (clients["group"] == best_group).sum() >= 100, "请只比较至少有 100 位客户的客户群"
### BEGIN HIDDEN TESTS
_table = pd.crosstab([clients["age_band"].astype(str), clients["housing"]], clients["y"])
_table = _table[_table.sum(axis=1) >= 100]
_rate = _table["yes"] / _table.sum(axis=1)
_band, _housing = _rate.idxmax()
assert best_group == f"{_band}·{_housing}"
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 4 题：地理维度——海外客户 (customers abroad)
#
# 下面的单元格读入了网店的订单数据 `orders`（已清洗）。每位客户的国家取他大多数订单行上的国家：
# `customer_countries(orders)`；再用 `country_regions(...)` 把国家分为英国、欧洲其他、其他地区。
# 不在英国（本土市场）的客户占全部客户的比例是多少？结果保存为 0 到 1 之间的小数 `abroad_share`。

# %% nbgrader={"grade": false, "grade_id": "q4_data", "locked": true, "schema_version": 3, "solution": false, "task": false}
orders, _ = clean_transactions(load_sample())

# %% nbgrader={"grade": false, "grade_id": "q4_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
regions = country_regions(customer_countries(orders))
abroad_share = float(regions.isin(["欧洲其他", "其他地区"]).mean())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q4_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="地理维度 (geographic)"
assert 0 < abroad_share < 0.5, (
    "abroad_share 是比例（小数，不是百分数）；这家英国网店的客户大多在英国"
)
### BEGIN HIDDEN TESTS
_lines = {}
for _customer, _country in zip(orders["customer_id"], orders["country"], strict=True):
    _lines.setdefault(_customer, []).append(_country)
_home = 0
for _countries in _lines.values():
    _main = sorted(set(_countries), key=lambda name: (-_countries.count(name), name))[0]
    _home += _main == "United Kingdom"
assert abs(abroad_share - (1 - _home / len(_lines))) < 1e-9
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q5_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 5 题：业务解读 (interpretation)
#
# 下一次电话营销的预算只够打给 500 位客户。根据上面的结果，你会主要按哪个维度挑选这 500 位客户？
# 这个维度有什么局限（例如对新客户）？请用两三句话回答（老师会人工评分）。

# %% [markdown] nbgrader={"grade": true, "grade_id": "q5_answer", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false} topic="业务应用 (application)"
# 主要按行为维度：上次活动已经认购的客户响应率是平均的五倍多，应该优先打给他们，
# 再补充年轻人和 65 岁以上、没有房贷的客户。局限是行为维度需要历史记录，
# 没有参加过活动的新客户看不出来，只能先用年龄等人口统计维度判断。
