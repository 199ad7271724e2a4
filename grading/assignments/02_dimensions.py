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
# 本作业用两份数据：一家葡萄牙银行的电话营销记录（真实数据，随机 3,000 位客户），
# 和「禾悦食品」的订单与问卷（**模拟数据**，金额单位：元）。你要从人口统计、地理、心理、行为
# 四个维度看客户，并据此做几项营销决定。
#
# **不需要写程序**。每道题的答题单元格里，删掉 `raise NotImplementedError()` 这一行，
# 写上一行 `名字 = 值`：一个数字、一个选项（写选项的文字或字母 A/B/C 都可以），
# 或者题目给出的那种一行调用。然后按 **Shift + Enter** 运行。下面的灰色单元格只检查答案的格式，
# 通过了也不代表答对；真正的评分在老师那里进行。文字题写在“在这里作答”处。
# 最后点击菜单“内核 → 重启内核并运行所有单元格”，确认没有报错后再提交。

# %% nbgrader={"grade": false, "grade_id": "setup", "locked": true, "schema_version": 3, "solution": false, "task": false}
from custseg.datasets import load_cn_customers, load_cn_orders, load_sample
from custseg.dimensions import (
    add_survey_segments,
    mix_table,
    purchase_style_table,
    response_table,
    sales_by,
)

clients = load_sample(name="bank_marketing")
cn_orders = load_cn_orders()
cn_customers = add_survey_segments(data=load_cn_customers())
print("准备好了 (ready)")

# %% check="setup"
# 评分检查：只在讲师的文件中，不会进入学员的笔记本和反馈；评分时在学员的内核之外运行。
# Hidden checks: instructor-only, run outside the learner's kernel on plain-data answers.
import numbers  # noqa: E402

from custseg.datasets import load_cn_customers, load_cn_orders, load_sample  # noqa: E402, F811
from custseg.dimensions import (  # noqa: E402, F811
    add_survey_segments,
    mix_table,
    purchase_style_table,
    response_table,
    sales_by,
)
from custseg.grading.typed_answers import chosen  # noqa: E402, F811

reference_clients = load_sample("bank_marketing")
reference_orders = load_cn_orders()
reference_customers = add_survey_segments(load_cn_customers())


# %% [markdown] nbgrader={"grade": false, "grade_id": "q1_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 1 题：经销商渠道占多少销售额（计算）
#
# 运行下面的单元格，看禾悦食品各渠道的销售额。**经销商**渠道的销售额占全部销售额的比例是多少？
# 写成 0 到 1 之间的小数，保存为 `dealer_sales_share`（差 0.005 以内都算对）。

# %%
sales_by(transactions=cn_orders, by="channel")

# %% nbgrader={"grade": false, "grade_id": "q1_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
dealer_sales_share = 0.528
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q1_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="地理与渠道 (geography and channel)"
assert isinstance(dealer_sales_share, int | float), "dealer_sales_share 应该是一个数字"
assert 0 <= dealer_sales_share <= 1, (
    "请写成 0 到 1 之间的小数：百分数要除以 100（例如 35% 写 0.35）"
)


# %% check="q1_test"
def check_q1(dealer_sales_share):
    by_channel = reference_orders.groupby("channel")["amount"].sum()
    expected = float(by_channel["经销商"] / by_channel.sum())
    assert isinstance(dealer_sales_share, numbers.Real) and not isinstance(dealer_sales_share, bool)
    assert abs(float(dealer_sales_share) - expected) <= 0.005


# %% [markdown] nbgrader={"grade": false, "grade_id": "q2_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 2 题：300 个电话打给哪个职业（决定）
#
# 银行下周有 **300 个**电话名额推销定期存款，只能选**一个职业**的客户来打（人数不够 300 的，打完就停）。
# 运行下面的单元格看各职业的响应率。想要**认购的人数最多**，打给哪个职业？
# 提示：预计认购人数 = 实际能打的电话数 × 响应率。
#
# A. 学生　B. 退休　C. 管理人员　D. 蓝领工人
#
# 保存为 `call_job`（职业名称或字母）。

# %%
response_table(data=clients, by="job")

# %% nbgrader={"grade": false, "grade_id": "q2_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
call_job = "管理人员"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q2_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="人口统计维度 (demographics)"
assert isinstance(call_job, str) and call_job.strip(), '请用引号写职业名称或字母，例如 "A"'


# %% check="q2_test"
def check_q2(call_job):
    options = ("学生", "退休", "管理人员", "蓝领工人")
    table = response_table(reference_clients, by="job")

    def expected_buyers(job):
        customers = int(table.loc[job, "客户数"])
        return min(300, customers) * int(table.loc[job, "响应人数"]) / customers

    assert chosen(call_job, options) == max(options, key=expected_buyers)


# %% [markdown] nbgrader={"grade": false, "grade_id": "q3_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 3 题：新品首发走哪个渠道（决定）
#
# 禾悦食品的新口味要先卖给问卷中的**喜欢尝新型**客户。运行下面的单元格，看每个心理分群的客户主要在哪个渠道购买。
# 首发应该放在哪个渠道？
#
# A. 电商　B. 门店　C. 经销商
#
# 保存为 `launch_channel`（渠道名称或字母）。

# %%
mix_table(data=cn_customers, by="心理分群", column="channel")

# %% nbgrader={"grade": false, "grade_id": "q3_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
launch_channel = "电商"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q3_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="心理维度 (psychographics)"
assert isinstance(launch_channel, str) and launch_channel.strip(), "请用引号写渠道名称或字母"


# %% check="q3_test"
def check_q3(launch_channel):
    options = ("电商", "门店", "经销商")
    row = mix_table(reference_customers, by="心理分群", column="channel").loc["喜欢尝新型"]
    expected = max(options, key=lambda channel: float(str(row[channel]).rstrip("%")))
    synonyms = {"线上": "电商", "网店": "电商", "电商渠道": "电商"}
    assert chosen(launch_channel, options, synonyms) == expected


# %% [markdown] nbgrader={"grade": false, "grade_id": "q4_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 4 题：限时优惠给哪种购买风格（决定）
#
# 运行下面的单元格，看按购买行为分出的三种购买风格。双十一的**限时优惠**预算只够一种风格，
# 要让优惠带来最多的购买，给哪一种？
#
# A. 忠诚型　B. 冲动型　C. 理性型
#
# 保存为 `flash_sale_style`（名称或字母）。

# %%
purchase_style_table(transactions=cn_orders)

# %% nbgrader={"grade": false, "grade_id": "q4_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
flash_sale_style = "冲动型"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q4_test", "locked": true, "points": 2, "schema_version": 3, "solution": false, "task": false} topic="行为维度 (behavior)"
assert isinstance(flash_sale_style, str) and flash_sale_style.strip(), "请用引号写名称或字母"


# %% check="q4_test"
def check_q4(flash_sale_style):
    options = ("忠诚型", "冲动型", "理性型")
    table = purchase_style_table(reference_orders)
    expected = max(
        options, key=lambda style: float(str(table.loc[style, "促销季消费占比"]).rstrip("%"))
    )
    synonyms = {"冲动": "冲动型", "冲动型客户": "冲动型"}
    assert chosen(flash_sale_style, options, synonyms) == expected


# %% [markdown] nbgrader={"grade": false, "grade_id": "q5_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 5 题：这是哪个维度（判断）
#
# 公司把客户按“一线、新一线、二线、三线及以下”城市分开，分别定价。这属于哪个分类维度？
#
# A. 人口统计　B. 地理　C. 心理　D. 行为
#
# 保存为 `city_tier_dimension`（名称或字母）。

# %% nbgrader={"grade": false, "grade_id": "q5_answer", "locked": false, "schema_version": 3, "solution": true, "task": false}
### BEGIN SOLUTION
city_tier_dimension = "地理"
### END SOLUTION

# %% nbgrader={"grade": true, "grade_id": "q5_test", "locked": true, "points": 1, "schema_version": 3, "solution": false, "task": false} topic="分类维度 (dimensions)"
assert isinstance(city_tier_dimension, str) and city_tier_dimension.strip(), "请用引号写名称或字母"


# %% check="q5_test"
def check_q5(city_tier_dimension):
    options = ("人口统计", "地理", "心理", "行为")
    synonyms = {"地理维度": "地理", "地理因素": "地理", "地理细分": "地理", "地理变量": "地理"}
    assert chosen(city_tier_dimension, options, synonyms) == "地理"


# %% [markdown] nbgrader={"grade": false, "grade_id": "q6_text", "locked": true, "schema_version": 3, "solution": false, "task": false}
# ## 第 6 题：两个维度一起用（文字题，老师人工评分）
#
# 禾悦食品要推一款低糖坚果礼盒。请选**两个**维度（例如心理 + 地理），用三四句话说明：
# 你会先找哪一群客户、在哪里卖给他们、为什么只用一个维度不够。

# %% [markdown] nbgrader={"grade": true, "grade_id": "q6_answer", "locked": false, "points": 2, "schema_version": 3, "solution": true, "task": false} topic="业务应用 (application)"
# 用心理维度找问卷里的注重健康型客户，他们最在意低糖；再用地理维度看他们集中在哪些城市级别，
# 先在一线和新一线城市、他们常去的门店和电商旗舰店上架。只用心理维度不知道去哪里卖、怎样定价；
# 只用地理维度会把礼盒推给并不在意健康的人，两个维度结合才能既找对人又找对地方。
