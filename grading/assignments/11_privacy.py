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
# # 作业 11：客户信息分类与隐私 (customer information and privacy)
#
# 本作业用「禾悦食品」的客户资料（**模拟数据**）：哪些信息是个人信息、敏感个人信息？
# 分享给合作方之前，年龄要分成多宽的段才不容易认出具体的人？再用质量屋把客户需求变成产品要求。
#
# **不需要写程序**。每道题的答题单元格里，删掉 `raise NotImplementedError()` 这一行，
# 写上一行 `名字 = 值`：一个数字、一个选项（写选项的文字或字母 A/B/C 都可以），
# 或者题目给出的那种一行调用。然后按 **Shift + Enter** 运行。下面的灰色单元格只检查答案的格式，
# 通过了也不代表答对；真正的评分在老师那里进行。文字题写在“在这里作答”处。
# 最后点击菜单“内核 → 重启内核并运行所有单元格”，确认没有报错后再提交。

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
from custseg.datasets import load_cn_customers
from custseg.privacy import k_anonymity_summary, with_age_bands
from custseg.qfd import house_of_quality, segment_needs

cn_customers = load_cn_customers()
quasi = ["age", "gender", "province"]
print("准备好了 (ready)")

# %% check="setup"
# 评分检查：只在讲师的文件中，不会进入学员的笔记本和反馈；评分时在学员的内核之外运行。
# Hidden checks: instructor-only, run outside the learner's kernel on plain-data answers.
import numbers  # noqa: E402

from custseg.datasets import load_cn_customers  # noqa: E402, F811
from custseg.grading.typed_answers import chosen  # noqa: E402, F811
from custseg.privacy import k_anonymity_summary, with_age_bands  # noqa: E402, F811
from custseg.qfd import house_of_quality, segment_needs  # noqa: E402, F811

reference_customers = load_cn_customers()


def share_at_risk(width):
    """Share (0 to 1) of customers in age-gender-province groups under 5, ages in bands."""
    banded = with_age_bands(reference_customers, column="age", width=width)
    summary = k_anonymity_summary(banded, ["age", "gender", "province"], k_min=5)
    return int(summary.loc[0, "少于 5 行的组合中的行数"]) / len(reference_customers)


# %% [markdown] nbgrader={"grade": false, "grade_id": "q1_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 1 题：过敏记录是什么信息（判断）
#
# 会员资料表里，客户的姓名和手机号旁边有一列“过敏原”（例如“花生过敏”），用来推荐零食。
# 按个人信息保护法，这一列属于：
#
# A. 非个人信息　B. 个人信息（一般）　C. 敏感个人信息
#
# 保存为 `allergy_level`（名称或字母）。

# %% nbgrader={"grade": false, "grade_id": "q1_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
allergy_level = "敏感个人信息"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q1_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="个人信息分类 (personal information)"
assert isinstance(allergy_level, str) and allergy_level.strip(), "请用引号写名称或字母"


# %% check="q1_test"
def check_q1(allergy_level):
    options = ("非个人信息", "个人信息（一般）", "敏感个人信息")
    synonyms = {"敏感信息": "敏感个人信息", "敏感": "敏感个人信息"}
    assert chosen(allergy_level, options, synonyms) == "敏感个人信息"


# %% [markdown] nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 2 题：多少客户容易被认出来（计算）
#
# 合作方想要一份只有“年龄段、性别、省份”的客户表。运行下面的单元格（年龄按 10 岁一段）：
# 落在**少于 5 人**的组合里、容易被认出来的客户占全部客户的比例是多少？
# 写成 0 到 1 之间的小数，保存为 `share_at_risk_10`（差 0.005 以内都算对）。

# %%
k_anonymity_summary(
    frame=with_age_bands(frame=cn_customers, column="age", width=10),
    quasi_identifiers=quasi,
    k_min=5,
)

# %% nbgrader={"grade": false, "grade_id": "q2_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
share_at_risk_10 = 0.117
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q2_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="k-匿名 (k-anonymity)"
assert isinstance(share_at_risk_10, int | float), "share_at_risk_10 应该是一个数字"
assert 0 <= share_at_risk_10 <= 1, "请写成 0 到 1 之间的小数：百分数要除以 100"


# %% check="q2_test"
def check_q2(share_at_risk_10):
    assert isinstance(share_at_risk_10, numbers.Real) and not isinstance(share_at_risk_10, bool)
    assert abs(float(share_at_risk_10) - share_at_risk(10)) <= 0.005


# %% [markdown] nbgrader={"grade": false, "grade_id": "q3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 3 题：年龄段分多宽（决定）
#
# 公司规定：分享出去的表里，容易被认出来的客户不能超过 **5%**。年龄段越宽越安全，但对合作方越没用。
# 把上面单元格里的 `width=10` 改成 5、15、20 各运行一次：满足规定的**最窄**年龄段是多少岁一段？
#
# A. 5 岁　B. 10 岁　C. 15 岁　D. 20 岁
#
# 保存为 `safe_band_width`（岁数或字母）。

# %% nbgrader={"grade": false, "grade_id": "q3_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
safe_band_width = 15
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q3_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="k-匿名 (k-anonymity)"
assert str(safe_band_width).strip().upper() in "A B C D 5 10 15 20".split(), (
    "请填 5、10、15、20 中的一个岁数，或者字母 A—D"
)


# %% check="q3_test"
def check_q3(safe_band_width):
    options = ("5", "10", "15", "20")
    fits = [width for width in options if share_at_risk(int(width)) <= 0.05]
    assert chosen(safe_band_width, options) == min(fits, key=int)


# %% [markdown] nbgrader={"grade": false, "grade_id": "q4_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 4 题：质量屋：先改哪一项（决定）
#
# 运行下面的单元格：质量屋把**重要价值客户**最看重的需求换算成产品要求的“技术重要度”。
# 下一季度只能先做一项，做哪一项？
#
# A. 减糖减盐、配料表干净　B. 包装印上溯源和质检信息　C. 推出家庭装和促销装　D. 每季度上新口味
#
# 保存为 `first_requirement`（原文或字母）。

# %%
house_of_quality(needs=segment_needs(load_customers=True), segment="重要价值客户")

# %% nbgrader={"grade": false, "grade_id": "q4_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
first_requirement = "B"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q4_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="质量功能展开 (QFD)"
assert isinstance(first_requirement, str) and first_requirement.strip(), "请用引号写原文或字母"


# %% check="q4_test"
def check_q4(first_requirement):
    options = (
        "减糖减盐、配料表干净",
        "包装印上溯源和质检信息",
        "推出家庭装和促销装",
        "每季度上新口味",
    )
    table = house_of_quality(needs=segment_needs(load_customers=True), segment="重要价值客户")
    ranked = table[table["产品要求"].isin(options)].sort_values("技术重要度", ascending=False)
    assert chosen(first_requirement, options) == ranked["产品要求"].iloc[0]


# %% [markdown] nbgrader={"grade": false, "grade_id": "q5_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 5 题：委托短信公司发券（判断）
#
# 公司要委托一家短信公司给 2,000 位客户发优惠券短信。下面哪种做法符合个人信息保护法的要求？
#
# A. 把完整的客户资料表（含姓名、身份证号、消费记录）发给对方，方便他们挑人
# B. 签订委托处理协议，约定用途、期限和安全措施，只提供发短信必需的手机号，并监督对方用后删除
# C. 只要对方口头承诺保密，就可以提供全部资料
#
# 保存为 `sms_vendor_plan`（字母即可）。

# %% nbgrader={"grade": false, "grade_id": "q5_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
sms_vendor_plan = "B"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q5_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="个人信息保护法 (PIPL)"
assert isinstance(sms_vendor_plan, str) and sms_vendor_plan.strip(), '请用引号写字母，例如 "A"'


# %% check="q5_test"
def check_q5(sms_vendor_plan):
    options = (
        "把完整的客户资料表（含姓名、身份证号、消费记录）发给对方，方便他们挑人",
        "签订委托处理协议，约定用途、期限和安全措施，只提供发短信必需的手机号，并监督对方用后删除",
        "只要对方口头承诺保密，就可以提供全部资料",
    )
    assert chosen(sms_vendor_plan, options) == options[1]


# %% [markdown] nbgrader={"grade": false, "grade_id": "q6_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 6 题：给合作方的数据方案（文字题，老师人工评分）
#
# 一家连锁便利店想和禾悦食品联合做会员活动，要求拿到“我们的客户名单和购买记录”。
# 用三四句话写出你的方案：给什么、不给什么、怎样处理后再给，需要客户做什么。

# %% [markdown] nbgrader={"grade": true, "grade_id": "q6_answer", "locked": false, "points": 2, "schema_version": 3, "solution": true, "task": false} topic="业务应用 (application)"
# 不提供姓名、手机号、身份证号等能直接认出人的信息，也不提供敏感个人信息。只给活动必需的汇总或去标识化数据：
# 客户编号换成假名，年龄分成 15 岁一段，检查 k-匿名，删掉少于 5 人的组合。
# 如果活动确实需要联系客户，要先告知客户向谁提供、做什么用，取得单独同意，并和便利店签协议约定用途、期限和删除。
