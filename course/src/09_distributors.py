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

# %% [markdown]
# # 第 9 讲 经销商分类与选择
#
# 术语见 [术语表 (glossary)](glossary.ipynb)。
#
# **学习目标**
#
# 1. 说出给经销商分类的三条标准：市场覆盖率、销售能力、合作意愿；
# 2. 读懂一套量化的评价体系：每条标准打 0—100 分，按权重加总，分成 A、B、C、D 四级，每级有对应策略；
# 3. 在小部件上试验权重，在预算约束下决定支持谁、调整谁；
# 4. 会读定期复评的结果：用同一把尺子比较两期，找出升级和降级的经销商，动态调整合作策略。
#
# 经销商是企业和市场之间的**桥梁**：产品通过他们进入各地的商店和终端，市场的反馈也通过他们回到企业。
# 前几讲我们给最终客户分类；对于经销商，同样要分清谁值得重点投入、谁需要帮扶、谁需要调整。
# 这一讲你只需要按顺序运行单元格、拖动滑块、在“练一练”里填写答案。

# %%
import custseg
from custseg.datasets import load_sample
from custseg.distributors import (
    coverage_table,
    distributor_score_table,
    evaluate_distributors,
    grade_count_table,
    grade_profile_table,
    grade_strategy_table,
    movement_table,
    period_rows,
    reevaluate_distributors,
    regrade_table,
)
from custseg.exercises import ____, friendly_errors
from custseg.exercises import distributors as ex
from custseg.overview import first_rows
from custseg.plotting.distributors import plot_distributor_grades, plot_grade_changes
from custseg.widgets import distributor_weight_explorer

custseg.use_chinese_font()
friendly_errors.enable()

distributors = load_sample("distributors")
h1 = period_rows(distributors, period="2024-H1")
h2 = period_rows(distributors, period="2024-H2")
first_rows(h1, rows=5)

# %% [markdown]
# **关于数据：这是模拟数据。** 企业对经销商的评估（销量、回款、合作评分）属于商业机密，
# 没有公开的真实数据可用。课程附带的表格由程序按固定规则随机生成：一家虚构的消费品企业，
# 120 家经销商，2024 年上半年（`h1`）和下半年（`h2`）各评估一次。数字看起来合理，
# 但**不代表任何真实的公司**，只用来练习分类和评估的方法。
#
# 主要的列：市场覆盖（全国、区域、地方）、覆盖的省份数、服务的终端网点数、本期销售额（万元）、
# 销售目标完成率（1.0 = 刚好完成目标）、平均回款天数（越少越好）、合作意愿（销售团队打的 1—5 分）、
# 本期参加企业培训的次数。
#
# ## 1. 三条分类标准
#
# **市场覆盖率**：经销商的网络能把产品送到多大的市场。
#
# - **全国性经销商**：网络覆盖全国或大部分省份，适合推广全国性的产品和活动；
# - **区域性经销商**：深耕几个省或一个大区，熟悉当地市场；
# - **地方性经销商**：只做一个城市或县域，贴近终端，反应快。
#
# **销售能力**：能卖多少、能不能完成目标。据此分为**高绩效**和**低绩效**经销商。
#
# **合作意愿**：是否愿意执行企业的价格和促销政策、按时回款、参加培训、分享市场信息。
# 销量再大，如果不配合，合作也难以长久。
#
# 三类覆盖类型的经销商有什么不同？

# %%
coverage_table(h1)

# %% [markdown]
# ### 练习 1（判断题）新品要快速铺到全国，先找谁？

# %%
ex.q1

# %%
### BEGIN SOLUTION
rollout_partner = "全国性经销商"
### END SOLUTION
ex.q1.check()
# ex.q1.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q1.solution()  # 看参考答案

# %% [markdown]
# ## 2. 量化评价体系：打分、加权、分级
#
# 把三条标准都换算成 0—100 分，才能放在一起比较：
#
# - **市场覆盖率得分**：全国 100 分、区域 70 分、地方 40 分；
# - **销售能力得分**：销售额和目标完成率在全部经销商中的位置（百分位）的平均。
#   例如得 80 分，表示比 80% 的经销商做得好；50 分以上算高绩效；
# - **合作意愿得分**：1—5 分的评分换算成 0—100 分（1 分 = 0，5 分 = 100）。
#
# 三项得分按**权重**加总（默认：覆盖 30%，销售 40%，合作 30%），得到总分，再分级。每一级都有建议的策略：

# %%
grade_strategy_table()

# %%
distributor_score_table(h1)

# %%
grade_count_table(h1)

# %%
evaluation = evaluate_distributors(h1)
grade_chart = plot_distributor_grades(evaluation)

# %% [markdown]
# 图中横轴是销售能力，纵轴是合作意愿，点越大覆盖越广。右上角（能卖、又愿意配合）的多是 A、B 级；
# 左下角（卖得少、又不配合）的多是 D 级。右下角的经销商能卖，但合作意愿低。

# %% [markdown]
# ### 练习 2（判断题）能卖但不配合，怎么办？

# %%
ex.q2

# %%
### BEGIN SOLUTION
uncooperative_action = "B"
### END SOLUTION
ex.q2.check()
# ex.q2.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q2.solution()  # 看参考答案

# %% [markdown]
# ## 3. 互动：权重由谁定？
#
# 权重反映企业当前的策略重点：要快速铺开全国市场，可能更看重覆盖率；要冲销量，更看重销售能力；
# 要做长期品牌，更看重合作意愿。拖动滑块，看看各级的家数和排名前 15 的名单怎么变。
# （三个权重会自动换算成合计 100%。）
#
# 先做一个预测，再动滑块。

# %% [markdown]
# ### 练习 3（预测题）合作意愿优先，核心经销商会变多还是变少？

# %%
ex.q3

# %%
### BEGIN SOLUTION
a_grade_change = "B"
### END SOLUTION
ex.q3.check()
# ex.q3.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q3.solution()  # 看参考答案

# %%
distributor_weight_explorer(h1, top=15)

# %% [markdown]
# ### 练习 4（决策题）冲销量的一年，返利给谁？

# %%
ex.q4

# %%
### BEGIN SOLUTION
rebate_top3 = {"D005", "D102", "D038"}
### END SOLUTION
ex.q4.check()
# ex.q4.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q4.solution()  # 看参考答案

# %% [markdown]
# ### 练习 5（决策题）升级计划给哪两家 B 级经销商？
#
# 用默认权重：把小部件的滑块拖回 覆盖 0.3、销售 0.4、合作 0.3，看它的排名表（前 15 名）。
# （第 2 节的评分表太长，中间的行被省略了，看不到 B 级的前几名。）

# %%
ex.q5

# %%
### BEGIN SOLUTION
upgrade_pair = {"D058", "D047"}
### END SOLUTION
ex.q5.check()
# ex.q5.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q5.solution()  # 看参考答案

# %% [markdown]
# ## 4. 定期复评与动态调整
#
# 评估不是一次性的工作。市场在变，经销商的表现也在变，所以要**定期**（例如每半年）重新评估，
# 并且用**同一把尺子**：下半年的销售能力仍然和上半年的全体经销商相比，这样分数的升降才说明表现真的变了。

# %%
movement_table(h1, h2)

# %%
changes = reevaluate_distributors(h1, h2)
change_chart = plot_grade_changes(changes)

# %% [markdown]
# 每一行是上期的等级，每一列是本期的等级。对角线上的经销商等级没变；对角线左下方的升级了
# （例如上期 B、本期 A），右上方的降级了。每一家的变化：

# %%
regrade_table(h1, h2)

# %% [markdown]
# 动态调整的原则：
#
# - **升级的经销商**：及时肯定，给予更多支持（优先供货、返利、联合推广），巩固长期合作；
# - **降级的经销商**：约谈了解原因（市场变化？资金紧张？对政策不满？），一起制定改进计划；
# - **连续两期处于 D 级**：考虑调整合作范围，或者更换经销商。

# %% [markdown]
# ### 练习 6（计算题）连续两期都是 D 级的有几家？

# %%
ex.q6

# %%
### BEGIN SOLUTION
d_both_periods = 28
### END SOLUTION
ex.q6.check()
# ex.q6.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q6.solution()  # 看参考答案

# %% [markdown]
# ### 练习 7（决策题）只能调整一家，调整谁？
#
# 两家候选经销商的复评结果：

# %%
regrade_table(h1, h2, only=["D114", "D084"])

# %%
ex.q7

# %%
### BEGIN SOLUTION
replace_first = "D114"
### END SOLUTION
ex.q7.check()
# ex.q7.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q7.solution()  # 看参考答案

# %% [markdown]
# ## 5. 与好的经销商长期合作：支持与培训
#
# 与优质经销商建立长期稳定的合作关系，比频繁更换经销商成本更低。企业可以提供产品和销售培训、
# 市场推广支持、管理咨询，帮助他们成长。看看不同等级的经销商参加培训的次数和回款天数：

# %%
grade_profile_table(h1)

# %% [markdown]
# ### 练习 8（判断题）A 级参加培训最多，说明什么？

# %%
ex.q8

# %%
### BEGIN SOLUTION
training_claim = "C"
### END SOLUTION
ex.q8.check()
# ex.q8.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q8.solution()  # 看参考答案

# %% [markdown]
# ## 6. 讨论与角色扮演
#
# - 你们公司如果要给经销商打分，三条标准的权重会怎么定？为什么？除了这三条，还应该看什么（如回款、库存、价格秩序）？
# - 合作意愿的评分来自销售人员的主观判断。怎样让它更客观？（提示：回款天数、培训出勤、政策执行记录。）
# - 一家全国性经销商销量很大，但合作意愿只有 2 分，经常跨区窜货。你会继续合作吗？有什么条件？
# - **角色扮演 1**：一人扮演区域经理，一人扮演合作多年、这次被评为 D 级的地方经销商老板。
#   区域经理要说明评估结果和整改要求，同时保住这段关系。
# - **角色扮演 2**：一人扮演一家 B 级区域性经销商，希望得到更多返利；一人扮演企业渠道经理，
#   用评估结果谈一份“升级计划”：企业提供哪些支持，经销商要达到什么目标。
#
# ## 小结
#
# - 经销商是企业与市场之间的桥梁，可按市场覆盖率（全国性、区域性、地方性）、销售能力（高绩效、低绩效）
#   和合作意愿分类；
# - 量化评价体系把三条标准换算成分数，按权重加总、分级，每一级配套策略；权重体现企业的策略重点，
#   权重变了，该支持谁也会变；
# - 用同一把尺子定期复评，对升级的加大支持，对降级的找原因、定整改，连续两期 D 级再考虑调整；
# - 与优质经销商建立长期稳定的合作，并通过培训和支持帮助他们成长；“一起出现”不等于“谁带来谁”。

# %% tags=["advanced"]
# 进阶（选读，给会用 pandas 的分析师）：评价器对象和英文列名的原始结果。
from custseg.distributors import DistributorEvaluator

DistributorEvaluator(weights={"coverage": 0.2, "sales": 0.6, "cooperation": 0.2}).fit(h1).evaluate(
    h1
).head()
