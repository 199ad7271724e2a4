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
# **学习目标**
#
# 1. 说出给经销商分类的三条标准：市场覆盖率、销售能力、合作意愿；
# 2. 建立一套量化的评价体系：每条标准打 0—100 分，按权重加总，分成 A、B、C、D 四级，每级有对应策略；
# 3. 会用滑块试验权重：权重变了，谁是核心经销商也会变；
# 4. 会做定期复评：用同一把尺子比较两期结果，找出升级和降级的经销商，动态调整合作策略。
#
# 经销商是企业和市场之间的**桥梁**：产品通过他们进入各地的商店和终端，市场的反馈也通过他们回到企业。
# 前几讲我们给最终客户分类；对于经销商，同样要分清谁值得重点投入、谁需要帮扶、谁需要调整。

# %%
import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns

import custseg
from custseg.datasets import load_sample
from custseg.distributors import GRADE_LABELS, GRADE_STRATEGIES, DistributorEvaluator
from custseg.exercises import ____, friendly_errors
from custseg.exercises import distributors as ex
from custseg.plotting.distributors import plot_distributor_grades, plot_grade_changes
from custseg.widgets.distributors import distributor_weight_explorer

custseg.use_chinese_font()
sns.set_theme(style="whitegrid", font=custseg.CJK_FONT_FAMILY)
friendly_errors.enable()

distributors = load_sample("distributors")
distributors.head()

# %% [markdown]
# **关于数据：这是模拟数据。** 企业对经销商的评估（销量、回款、合作评分）属于商业机密，
# 没有公开的真实数据可用。课程附带的表格由程序按固定规则随机生成：一家虚构的消费品企业，
# 120 家经销商，2024 年上半年（2024-H1）和下半年（2024-H2）各评估一次。数字看起来合理，
# 但**不代表任何真实的公司**，只用来练习分类和评估的方法。
#
# 主要的列：
#
# | 列名 | 含义 |
# |---|---|
# | `coverage` | 市场覆盖：全国、区域、地方 |
# | `provinces_covered`、`outlets` | 覆盖的省份数、服务的终端网点数 |
# | `sales` | 本期销售额（万元） |
# | `target_attainment` | 销售目标达成率（1.0 = 刚好完成目标） |
# | `payment_days` | 平均回款天数（越少越好） |
# | `cooperation` | 销售团队给出的合作意愿评分，1—5 分 |
# | `trainings_attended` | 本期参加企业培训的次数 |

# %%
h1 = distributors[distributors["period"] == "2024-H1"]
h2 = distributors[distributors["period"] == "2024-H2"]
print(f"上半年 {len(h1)} 家经销商，下半年 {len(h2)} 家")

# %% [markdown]
# ## 1. 三条分类标准
#
# **市场覆盖率**：经销商的网络能把产品送到多大的市场。
#
# - **全国性经销商**：网络覆盖全国或大部分省份，适合推广全国性的产品和活动；
# - **区域性经销商**：深耕几个省或一个大区，熟悉当地市场；
# - **地方性经销商**：只做一个城市或县域，贴近终端，反应快。
#
# **销售能力**：能卖多少、能不能完成目标。据此分为**高效能**（高绩效）和**低效能**（低绩效）经销商。
#
# **合作意愿**：是否愿意执行企业的价格和促销政策、按时回款、参加培训、分享市场信息。
# 销量再大，如果不配合，合作也难以长久。
#
# 先看三类覆盖类型的经销商有什么不同：

# %%
by_coverage = h1.groupby("coverage")[
    ["provinces_covered", "outlets", "sales", "target_attainment", "cooperation"]
].mean()
by_coverage.insert(0, "家数", h1["coverage"].value_counts())
by_coverage.round(2)

# %% [markdown]
# 全国性经销商家数最少，但每家覆盖的省份、网点和销售额都远远超过地方性经销商。
# 合作意愿（cooperation）则和规模关系不大：大经销商不一定更配合。
#
# ## 2. 量化评价体系：打分、加权、分级
#
# 把三条标准都换算成 0—100 分，才能放在一起比较：
#
# - **市场覆盖率得分**：全国 100 分、区域 70 分、地方 40 分；
# - **销售能力得分**：销售额和目标达成率在全部经销商中的位置（百分位）的平均。
#   例如得 80 分，表示比 80% 的经销商做得好；50 分以上算高效能；
# - **合作意愿得分**：1—5 分的评分换算成 0—100 分。
#
# 三项得分按**权重**加总（默认：覆盖 30%，销售 40%，合作 30%），得到总分，再分级：
# 75 分以上为 A 级，60—75 为 B 级，45—60 为 C 级，45 分以下为 D 级。每一级都有建议的策略：

# %%
pd.DataFrame({"名称": GRADE_LABELS, "建议策略": GRADE_STRATEGIES})

# %%
evaluator = DistributorEvaluator().fit(h1)
evaluation = evaluator.evaluate(h1)
evaluation.drop(columns="strategy").sort_values("total_score", ascending=False).head(8)

# %%
evaluation["grade"].value_counts().sort_index()

# %%
plot_distributor_grades(evaluation)
plt.show()

# %% [markdown]
# 图中横轴是销售能力，纵轴是合作意愿，点越大覆盖越广。右上角（能卖、又愿意配合）的多是 A、B 级；
# 左下角（卖得少、又不配合）的多是 D 级。注意右下角：有些经销商能卖，但不太配合——
# 这类经销商要多沟通，了解他们的顾虑。
#
# ## 3. 互动：权重由谁定？
#
# 权重反映企业当前的策略重点：要快速铺开全国市场，可能更看重覆盖率；要冲销量，更看重销售能力；
# 要做长期品牌，更看重合作意愿。拖动滑块，看看各级的家数和排名前十的名单怎么变。
# （三个权重会自动换算成合计 100%。）

# %%
distributor_weight_explorer(h1)

# %% [markdown]
# ## 4. 定期复评与动态调整
#
# 评估不是一次性的工作。市场在变，经销商的表现也在变，所以要**定期**（例如每半年）重新评估，
# 并且用**同一把尺子**：下半年的销售能力仍然和上半年的全体经销商相比，这样分数的升降才说明表现真的变了。

# %%
changes = evaluator.reevaluate(h1, h2)
changes["movement"].value_counts()

# %%
plot_grade_changes(changes)
plt.show()

# %% [markdown]
# 每一行是上期的等级，每一列是本期的等级。对角线上的经销商等级没变；对角线左下方的升级了
# （例如上期 B、本期 A），右上方的降级了。升级最多的几家：

# %%
changes.head(5)

# %% [markdown]
# 动态调整的原则：
#
# - **升级的经销商**：及时肯定，给予更多支持（优先供货、返利、联合推广），巩固长期合作；
# - **降级的经销商**：约谈了解原因（市场变化？资金紧张？对政策不满？），一起制定改进计划；
# - **连续两期处于 D 级**：考虑调整合作范围，或者更换经销商。
#
# ## 5. 与好的经销商长期合作：支持与培训
#
# 与优质经销商建立长期稳定的合作关系，比频繁更换经销商成本更低。企业可以提供产品和销售培训、
# 市场推广支持、管理咨询，帮助他们成长。看看不同等级的经销商参加培训的次数和回款天数：

# %%
profile = evaluation[["grade"]].join(h1.set_index("distributor_id"))
profile.groupby("grade")[["trainings_attended", "payment_days", "target_attainment"]].mean().round(
    2
)

# %% [markdown]
# A 级经销商参加培训最多、回款最快。**注意**：这只说明两者一起出现，不能证明是培训带来了好业绩——
# 也可能是本来就积极的经销商更愿意来参加培训。要知道培训有没有效果，需要像第 10 讲那样设对照组。
#
# ## 6. 练一练

# %%
ex.q1

# %%
### BEGIN SOLUTION
a_grade_count = (evaluation["grade"] == "A").sum()
### END SOLUTION
ex.q1.check()

# %%
ex.q2

# %%
### BEGIN SOLUTION
downgraded = set(changes.index[changes["movement"] == "降级"])
### END SOLUTION
ex.q2.check()

# %%
ex.q3

# %%
### BEGIN SOLUTION
other = DistributorEvaluator(weights=ex.COOPERATION_FIRST).fit(h1).evaluate(h1)
a_count_cooperation_first = (other["grade"] == "A").sum()
### END SOLUTION
ex.q3.check()

# %% [markdown]
# ## 7. 讨论与角色扮演
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
# - 经销商是企业与市场之间的桥梁，可按市场覆盖率（全国性、区域性、地方性）、销售能力（高效能、低效能）
#   和合作意愿分类；
# - 量化评价体系把三条标准换算成分数，按权重加总、分级，每一级配套策略；权重体现企业的策略重点；
# - 用同一把尺子定期复评，对升级的加大支持，对降级的找原因、定整改，动态调整；
# - 与优质经销商建立长期稳定的合作，并通过培训和支持帮助他们成长。
