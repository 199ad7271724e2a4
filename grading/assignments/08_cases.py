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
# # 作业 8：案例重做 (case studies)
#
# 在课程自带的示例数据上重做第 8 讲的案例：宝洁按购买内容分群、亚马逊“买了还买”推荐、
# 银行找出优质客户。网店数据是一家英国礼品网店的真实订单（150 位客户），
# 银行数据是葡萄牙一家银行定期存款电话营销的客户样本。
#
# **做法**：在写着 `在这里写代码 (YOUR CODE HERE)` 的地方写代码，删掉 `raise NotImplementedError()`
# 这一行，然后按 **Shift + Enter** 运行。每道题下面的灰色单元格是检查答案的测试，
# 不要修改或删除它们（改了也没有用：评分时会换回原来的测试）。最后点击菜单
# “Kernel → Restart & Run All”，确认没有报错后再提交。

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
import numpy as np
import pandas as pd

from custseg.datasets import load_sample
from custseg.dimensions import dominant_segments, spending_mix
from custseg.dimensions.categories import PRODUCT_KEYWORDS, category_spend
from custseg.recommend import ONLINE_RETAIL_NON_PRODUCTS, ItemToItemRecommender
from custseg.transactions import clean_transactions

clean, _ = clean_transactions(load_sample())
products = clean[~clean["stock_code"].isin(ONLINE_RETAIL_NON_PRODUCTS)]  # 去掉运费、手续费
clients = load_sample("bank_marketing")
products.head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q1_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 1 题：宝洁的做法——按购买内容分群 (spending mix)
#
# 用 `category_spend(products)` 算出每位客户在各品类上的消费金额，保存为 `spend`。
# 再用 `spending_mix` 把它变成消费结构，用 `dominant_segments` 分群，
# 这次把门槛定为 **40%**（`dominance=0.4`），分群结果保存为 `segments`。
# 没有哪个品类达到 40% 的客户是“均衡型”：有多少位？保存为整数 `n_balanced`。

# %% nbgrader={"grade": false, "grade_id": "q1_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
spend = category_spend(products)
mix = spending_mix(spend, list(spend.columns))
segments = dominant_segments(mix, dominance=0.4)
n_balanced = int((segments == "均衡型").sum())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q1_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="按购买内容分群 (spending mix)"
assert isinstance(spend, pd.DataFrame), "spend 应该是 category_spend(products) 得到的表格"
assert len(segments) == products["customer_id"].nunique(), "segments 应该每位客户一个分群"
assert isinstance(n_balanced, int), "n_balanced 应该是整数 (int)，可以用 int(...) 转换"
assert 0 < n_balanced < len(segments), "均衡型客户应该有一些，但不是全部"
### BEGIN HIDDEN TESTS
_totals = {}
for _customer, _text, _money in zip(
    products["customer_id"], products["description"], products["amount"], strict=True
):
    _upper = str(_text).upper() if isinstance(_text, str) else ""
    _kind = next(
        (_name for _name, _words in PRODUCT_KEYWORDS.items() if any(_w in _upper for _w in _words)),
        "其他",
    )
    _row = _totals.setdefault(_customer, {})
    _row[_kind] = _row.get(_kind, 0.0) + _money
_even = sum(max(_row.values()) / sum(_row.values()) < 0.4 - 1e-9 for _row in _totals.values())
assert n_balanced == _even
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 2 题：亚马逊的做法——买了还买 (item-to-item)
#
# 用全部订单 `clean` 训练一个 `ItemToItemRecommender(exclude=ONLINE_RETAIL_NON_PRODUCTS)`，
# 给刚买了三层蛋糕架（商品编码 `"22423"`）的顾客推荐 5 件商品，推荐表保存为 `picks`。
# 排在第一的商品编码保存为字符串 `best_code`；再数一数有多少张订单**同时**含有蛋糕架和这件商品，
# 保存为整数 `n_both`。

# %% nbgrader={"grade": false, "grade_id": "q2_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
recommender = ItemToItemRecommender(exclude=ONLINE_RETAIL_NON_PRODUCTS).fit(clean)
picks = recommender.recommend(["22423"], n=5)
best_code = str(picks["stock_code"].iloc[0])
baskets = clean.groupby("invoice_id")["stock_code"].agg(set)
n_both = int(baskets.map(lambda items: {"22423", best_code} <= items).sum())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q2_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="同购推荐 (item-to-item)"
assert isinstance(picks, pd.DataFrame) and len(picks) == 5, "picks 应该是 5 行的推荐表"
assert isinstance(best_code, str), "best_code 应该是字符串 (str)，例如 str(...)"
assert best_code != "22423", "推荐的应该是另一件商品，不是蛋糕架本身"
assert isinstance(n_both, int) and n_both >= 2, "n_both 应该是整数，而且至少有两张订单"
### BEGIN HIDDEN TESTS
_orders = {}
for _invoice, _code in zip(clean["invoice_id"], clean["stock_code"], strict=True):
    _orders.setdefault(_invoice, set()).add(str(_code))
_skip = set(ONLINE_RETAIL_NON_PRODUCTS)
_seen = {}
for _items in _orders.values():
    for _code in _items:
        _seen[_code] = _seen.get(_code, 0) + 1
_with = [_items for _items in _orders.values() if "22423" in _items]
_pairs = {}
for _items in _with:
    for _code in _items - {"22423"} - _skip:
        _pairs[_code] = _pairs.get(_code, 0) + 1
_cosine = {
    _code: _n / np.sqrt(_seen[_code] * _seen["22423"]) for _code, _n in _pairs.items() if _n >= 2
}
_first = max(_cosine, key=_cosine.get)
assert best_code == _first
assert n_both == _pairs[_first]
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 3 题：银行的做法——优质客户 (quality customers)
#
# 银行把“账户余额在前 25%（`balance` 不低于 75% 分位数）、没有违约记录（`default` 为 `"no"`）、
# 没有房贷（`housing` 为 `"no"`）”的客户定为优质客户。
# 优质客户对定期存款营销的认购率（`y` 为 `"yes"` 的比例）是全部客户认购率的多少倍？
# 结果保存为小数 `quality_lift`（不用四舍五入）。

# %% nbgrader={"grade": false, "grade_id": "q3_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
is_quality = (
    (clients["balance"] >= clients["balance"].quantile(0.75))
    & (clients["default"] == "no")
    & (clients["housing"] == "no")
)
took_deposit = clients["y"] == "yes"
quality_lift = float(took_deposit[is_quality].mean() / took_deposit.mean())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q3_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="优质客户 (quality customers)"
assert isinstance(quality_lift, float), "quality_lift 应该是小数 (float)"
assert quality_lift > 0, "quality_lift 是两个认购率的比值，应该大于 0"
### BEGIN HIDDEN TESTS
_balance = clients["balance"].to_numpy()
_yes = (clients["y"].to_numpy() == "yes").astype(float)
_pick = (
    (_balance >= np.percentile(_balance, 75))
    & (clients["default"].to_numpy() == "no")
    & (clients["housing"].to_numpy() == "no")
)
_expected = (_yes[_pick].sum() / _pick.sum()) / (_yes.sum() / len(_yes))
assert abs(quality_lift - _expected) < 1e-9
assert quality_lift > 1
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 4 题：哪个案例适合你的公司？ (which case fits)
#
# 宝洁（按购买内容设计产品线）、亚马逊（同购推荐）、华为（技术型 / 标准型 / 战略型）、
# 银行（优质客户）这几个案例中，哪一个最适合你所在的公司？你会先收集哪些数据、
# 分类以后做什么营销动作？请用两三句话回答（老师会人工评分）。

# %% [markdown] nbgrader={"grade": true, "grade_id": "q4_answer", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false} topic="业务应用 (application)"
# 我们是卖厨房用品的网店，最适合宝洁的做法：先按订单明细算出每位客户在各品类上的花费，
# 找出烘焙偏好、餐具偏好和均衡型客户。然后为每一群设计一条产品线和专属推送，
# 例如给烘焙偏好型客户推烘焙模具套装，并留一个对照组检验效果。
