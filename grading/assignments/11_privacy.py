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
# # 作业 11：客户信息与隐私保护 (customer information and privacy)
#
# 把客户表交给同事做分群之前，先要分清哪些列是个人信息、把联系方式遮蔽，
# 并检查表里会不会“认出”某个人。本作业用一张**编造的**小客户表和课程自带的银行客户数据（3,000 位客户）。
#
# **做法**：在写着 `在这里写代码 (YOUR CODE HERE)` 的地方写代码，删掉 `raise NotImplementedError()`
# 这一行，然后按 **Shift + Enter** 运行。每道题下面的灰色单元格是检查答案的测试，
# 不要修改或删除它们（改了也没有用：评分时会换回原来的测试）。最后点击菜单
# “Kernel → Restart & Run All”，确认没有报错后再提交。

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
import pandas as pd

from custseg.datasets import load_sample
from custseg.privacy import classify_columns, generalise_ages, k_anonymity, mask_phone

customers = pd.DataFrame(
    {
        "客户编号": ["C0001", "C0002", "C0003", "C0004"],
        "姓名": ["张三", "李四", "王五", "赵六"],
        "手机": ["13800000001", "13900000002", "13700000003", "13600000004"],
        "身份证号": [
            "1101**********0011",
            "3101**********0022",
            "4401**********0033",
            "5101**********0044",
        ],
        "银行卡号": [f"6222 **** **** 000{i}" for i in range(1, 5)],
        "年龄": [28, 35, 42, 35],
        "城市": ["北京", "上海", "广州", "成都"],
        "购买次数": [12, 5, 2, 8],
        "消费金额": [5600.0, 1800.0, 450.0, 3200.0],
        "满意度": ["满意", "一般", "不满意", "满意"],
    }
)
clients = load_sample("bank_marketing")
customers.head()

# %% [markdown] nbgrader={"grade": false, "grade_id": "q1_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 1 题：敏感个人信息 (sensitive personal information)
#
# 用 `classify_columns(customers)` 给每一列标出个人信息级别，保存为 `columns`。
# 然后找出级别为 **“敏感个人信息”** 的列（看 `personal` 这一列），
# 把它们的列名放进一个列表 (list)，保存为 `sensitive`。

# %% nbgrader={"grade": false, "grade_id": "q1_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
columns = classify_columns(customers)
sensitive = columns.index[columns["personal"] == "敏感个人信息"].tolist()
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q1_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="个人信息分类 (personal information)"
assert isinstance(columns, pd.DataFrame), "columns 应该是 classify_columns(customers) 得到的表格"
assert len(columns) == customers.shape[1], "columns 应该每一列一行"
assert isinstance(sensitive, list), "sensitive 应该是列表 (list)，可以用 .tolist() 转换"
assert all(name in customers.columns for name in sensitive), "sensitive 里应该是 customers 的列名"
### BEGIN HIDDEN TESTS
# PIPL art. 28: identity documents and financial accounts are sensitive personal information.
assert sorted(sensitive) == sorted(["银行卡号", "身份证号"])
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 2 题：遮蔽手机号 (masking phone numbers)
#
# 用 `mask_phone` 把 `customers` 的“手机”一列全部遮蔽（中间四位变成 `*`），
# 结果保存为 Series `masked_phones`（和原表同样的索引）。不要修改 `customers` 本身。

# %% nbgrader={"grade": false, "grade_id": "q2_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
masked_phones = customers["手机"].map(mask_phone)
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q2_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="去标识化 (de-identification)"
assert isinstance(masked_phones, pd.Series), "masked_phones 应该是 Series"
assert len(masked_phones) == len(customers), "每位客户一个遮蔽后的号码"
assert customers["手机"].str.isdigit().all(), "不要修改 customers 本身"
### BEGIN HIDDEN TESTS
for _raw, _masked in zip(customers["手机"], masked_phones, strict=True):
    assert len(_masked) == 11
    assert _masked.startswith(_raw[0:3]) and _masked.endswith(_raw[7:])
    assert _masked[3:7] == "*" * 4
assert list(masked_phones.index) == list(customers.index)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 3 题：年龄分段后的 k-匿名 (k-anonymity with age bands)
#
# 银行数据 `clients` 的准标识符是年龄、职业、婚姻状况：`["age", "job", "marital"]`。
# 先用 `generalise_ages(clients["age"], 10)` 把精确年龄换成 10 岁一段，得到新表 `banded`
# （其他列不变，不要修改 `clients`）。然后数一数：在 `banded` 中，
# 所在组合（年龄段、职业、婚姻状况都相同的行）**少于 5 行**的客户一共有多少位？
# 结果保存为整数 `n_at_risk`。
#
# 提示：`k_anonymity(...)` 告诉你最小的组合；每个组合有几行可以用 `groupby(...).size()`。

# %% nbgrader={"grade": false, "grade_id": "q3_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
quasi = ["age", "job", "marital"]
banded = clients.assign(age=generalise_ages(clients["age"], 10))
group_rows = banded.groupby(quasi)["job"].transform("size")
n_at_risk = int((group_rows < 5).sum())
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q3_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="k-匿名 (k-anonymity)"
assert isinstance(banded, pd.DataFrame) and len(banded) == len(clients), (
    "banded 应该和 clients 行数相同"
)
assert pd.api.types.is_numeric_dtype(clients["age"]), "不要修改 clients 本身"
assert isinstance(n_at_risk, int), "n_at_risk 应该是整数 (int)，可以用 int(...) 转换"
assert 0 < n_at_risk < len(clients), "n_at_risk 应该在 0 和客户总数之间"
assert k_anonymity(banded, ["age", "job", "marital"]).k < 5, "先确认 banded 里确实有少于 5 行的组合"
### BEGIN HIDDEN TESTS
_counts = {}
for _age, _job, _marital in zip(clients["age"], clients["job"], clients["marital"], strict=True):
    _key = (int(_age) // 10, _job, _marital)
    _counts[_key] = _counts.get(_key, 0) + 1
assert n_at_risk == sum(_size for _size in _counts.values() if _size < 5)
### END HIDDEN TESTS

# %% [markdown] nbgrader={"grade": false, "grade_id": "q4_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 4 题：交出分群名单之前 (before sharing a segment list)
#
# 市场部想把“重要价值客户”名单（含手机号）交给一家外部短信服务公司，由它发送促销短信。
# 按《个人信息保护法》，交出名单之前公司应该做到哪些事？请至少说出三点，用几句话回答（老师会人工评分）。

# %% [markdown] nbgrader={"grade": true, "grade_id": "q4_answer", "locked": false, "points": 3, "schema_version": 3, "solution": true, "task": false} topic="个人信息保护法 (PIPL)"
# 先确认客户在收集时已被告知并同意用于营销短信，向第三方提供还要告知接收方是谁、做什么用，并取得单独同意。
# 只交发短信必需的信息（假名编号和手机号），不给身份证号、银行卡号、消费明细等用不上的列。
# 与短信公司签订委托处理合同，约定用途、保存期限、安全措施和用完删除，并做个人信息保护影响评估、留存记录。
# 短信里要提供退订方式，客户拒绝或撤回同意后不再发送。
