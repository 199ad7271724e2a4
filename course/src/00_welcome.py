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
# # 第 0 讲 导论：为什么要给客户分类
#
# 术语见 [术语表 (glossary)](glossary.ipynb)。
#
# ## 为什么要分类
#
# 市场竞争越来越激烈，客户越来越多样，需求变化也越来越快。对所有客户说同一句话、给同一个价格的
# “一刀切”营销，已经很难打动任何一类客户。管理学家彼得·德鲁克说过，企业的目的是**创造顾客**：
# 要创造顾客，先要**认识**顾客——知道谁是我们的客户、他们之间有什么不同、各自需要什么。
#
# **客户分类**（customer segmentation）就是依据客户的特征、需求和行为，把客户分成若干群体，
# 再为每个群体制定合适的营销策略。它能帮助企业：
#
# - **提升客户满意度**：针对性的产品和服务更贴近客户需求；
# - **优化资源配置**：把有限的人力和预算投向最有价值的客户；
# - **增强竞争力**：精准定位，抓住别人看不到的机会。
#
# ## 这门课怎么上
#
# 课程共 14 讲：理论（第 1 讲）→ 分类维度（第 2 讲）→ RFM、ABC、CLV、生命周期、聚类等方法（第 3—7 讲）
# → 企业案例（第 8 讲）→ 经销商、促销、客户信息与隐私（第 9—11 讲）→ 趋势（第 12 讲）→ 综合项目（第 13 讲）。
# 每一讲都有：学习目标、通俗的理论、**互动小部件**（拖动滑块，图表立即变化）、真实数据的案例、
# 可以自动批改的练习、课堂讨论与角色扮演、小结。
#
# **你不需要会编程。** 课程里每个要你运行的格子，都只是“调用一个现成的功能”，例如
# `data_overview(transactions=orders)`：意思是“给我看看 `orders` 这份数据的概况”。你要做的只有三件事：
# 按顺序运行、拖动小部件、把答案填进练习里。

# %% [markdown]
# ## 先学会用笔记本（5 分钟入门）
#
# 你现在看到的页面叫**笔记本**（Jupyter notebook）。它由一个个**单元格**（cell）组成：
#
# - **文字单元格**：就像这一段，是讲解，读就行；
# - **代码单元格**：左边有 `[ ]` 标记，灰色底，里面是一两行指令，例如 `orders = load_sample()`。
#
# **运行一个单元格**：用鼠标点一下它，然后按键盘上的 **Shift + Enter**（先按住 Shift，再按回车）。
# 它会运行并自动跳到下一个单元格。运行时左边显示 `[*]`，运行完变成一个数字，例如 `[3]`，结果显示在格子下面。
#
# **从上往下，按顺序运行。** 后面的单元格要用到前面单元格准备好的东西。比如 `orders = load_sample()`
# 的意思是“读入示例数据，起名叫 `orders`”；没运行它，后面所有用到 `orders` 的单元格都会出错。
# 笔记本只“记得”你**这次打开后**运行过的单元格：关掉再打开，要从头运行一遍。
#
# **乱了、卡住了，就重新开始**：点菜单 **内核 → 重启并运行所有单元格…**
# （Kernel → Restart Kernel and Run All Cells）。这不会弄丢你写的答案，只是让笔记本从头、按顺序重新跑一遍。
#
# **出错了怎么办？** 出错时格子下面会出现一个**红色的框**（错误信息）。不用紧张：错误信息不会弄坏电脑，
# 也不会改动数据。看它的**最后一行**，课程还会在下面用中文解释（🧭 **怎么回事？**）。最常见的三种：
#
# | 最后一行里有 | 意思 | 怎么办 |
# |---|---|---|
# | `NameError: name 'clean' is not defined` | 笔记本还不认识 `clean` | 先运行上面定义它的单元格 |
# | `KeyError: 'amout'` | 没有叫这个名字的列 | 检查拼写，照着中文解释里建议的写法改 |
# | `这里还是空白 ____` | 练习的答案还没填 | 把 `____` 换成你的答案 |
#
# 改好后再按一次 Shift + Enter 就行。实在不明白，把最后一行读给讲师或同桌听。
#
# **怎么做练习？** 每道题有三个格子：第一个显示题目；第二个是答案格，例如
# `best_month = ____`，把 `____` 换成你的答案再运行——数字直接写（`best_month = 3`），文字要加引号
# （`best_month = "2011-11"`），选择题写字母或选项文字（`choice = "B"`）。运行后立刻告诉你对不对，
# 答错时会说错在哪里。卡住了就删掉 `# ex.q1.hint()` 开头的 `#` 再运行，看提示；`solution()` 是参考答案。
#
# 先试一试：点一下下面的单元格，按 Shift + Enter。它准备好本讲要用的功能，运行完会显示“准备好了”。

# %%
import custseg
from custseg.cleaning_summary import cleaning_table, removed_rows
from custseg.datasets import load_cn_orders, load_sample
from custseg.exercises import ____, friendly_errors
from custseg.exercises import welcome as ex
from custseg.overview import data_overview, first_rows
from custseg.plotting.sales import plot_monthly_sales
from custseg.transactions import clean_transactions
from custseg.widgets import monthly_sales_explorer

custseg.use_chinese_font()  # 让图表中的中文正常显示
friendly_errors.enable()  # 出错时用中文解释
print("准备好了 (ready)")

# %% [markdown]
# 本讲带你完成四件事：
#
# 1. 读取课程自带的示例数据（一家英国网店的真实订单，2010—2011 年），看看它的概况；
# 2. 清洗数据，并查看每一类被删除的行有多少；
# 3. 画出第一张图：每个月的销售额，再用第一个**小部件**换个国家看看；
# 4. 把同样的步骤用到第二份数据上：中国食品企业「禾悦食品」的模拟订单。
#
# > 数据来源：Daqing Chen，*Online Retail*，UCI 机器学习数据库，CC BY 4.0 许可，
# > https://doi.org/10.24432/C5BW33 。课程附带的是其中 150 位客户的全部订单。
#
# ## 1. 读取示例数据
#
# 下面一格读入数据，起名叫 `orders`。每一行是一条订单明细：谁（客户编号）、什么时候（订单日期）、
# 买了什么、买了多少、花了多少钱。

# %%
orders = load_sample()

# %%
first_rows(data=orders, rows=5)

# %% [markdown]
# 一眼看不完几千行，先看**概况**：一共多少行、多少位客户、多少个订单、从哪天到哪天、销售额合计多少（英镑）。

# %%
data_overview(transactions=orders)

# %% [markdown]
# ## 2. 数据清洗：删掉不应计入购买的行
#
# 真实数据总有“脏”行：没有客户编号的散客订单（无法归到任何一位客户）、被取消的订单（订单号以 C 开头，
# 数量和金额是负数）、数量或单价不大于 0 的记录、完全重复的行。下面一格做清洗，得到两样东西：
# 清洗后的数据 `clean`，和清洗报告 `report`。

# %%
clean, report = clean_transactions(transactions=orders)

# %% [markdown]
# 清洗报告告诉你每一类删了多少行。**清洗不是悄悄删数据**：每删一行都要说得清原因。

# %%
cleaning_table(report=report)

# %% [markdown]
# 被删除的行都保留着，随时可以查看。看看几行被取消的订单：

# %%
removed_rows(report=report, reason="取消的订单", rows=5)

# %% [markdown]
# ## 3. 练一练
#
# 照上面“怎么做练习”的说明来：先运行显示题目的格子，再在答案格里把 `____` 换成答案，运行。
#
# ### 练习 1（判断题）出错了怎么办

# %%
ex.q1

# %%
### BEGIN SOLUTION
what_to_do = "B"
### END SOLUTION
ex.q1.check()
# ex.q1.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q1.solution()  # 看参考答案

# %% [markdown]
# ### 练习 2（决策题）重复的行怎么处理

# %%
ex.q2

# %%
### BEGIN SOLUTION
duplicate_rows = "B"
### END SOLUTION
ex.q2.check()
# ex.q2.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q2.solution()  # 看参考答案

# %% [markdown]
# ### 练习 3（预测题）清洗后销售额会怎样变化

# %%
ex.q3

# %%
### BEGIN SOLUTION
sales_after_cleaning = "变多"
### END SOLUTION
ex.q3.check()
# ex.q3.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q3.solution()  # 看参考答案

# %% [markdown]
# **草稿格**：在下面写 `data_overview(transactions=clean)` 并运行，看看清洗后的概况，验证你的猜测。

# %%
### BEGIN SOLUTION
data_overview(transactions=clean)
### END SOLUTION

# %% [markdown]
# ### 练习 4（计算题）清洗后还剩多少个订单

# %%
ex.q4

# %%
### BEGIN SOLUTION
orders_after_cleaning = 435
### END SOLUTION
ex.q4.check()
# ex.q4.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q4.solution()  # 看参考答案

# %% [markdown]
# ## 4. 第一张图：每月销售额
#
# 这家网店的生意有没有季节性？画出每个月的销售额（清洗后的数据）：

# %%
chart = plot_monthly_sales(transactions=clean, currency="英镑")

# %% [markdown] tags=["advanced"]
# `plot_monthly_sales` 背后是按月份分组求和，用 pandas 写是这样：

# %% tags=["advanced"]
clean.groupby(clean["invoice_date"].dt.to_period("M"))["amount"].sum().round(0)

# %% [markdown]
# ### 互动：第一个小部件
#
# 课程中的“小部件”让你不写代码也能探索数据：在下拉框里换一个国家，图表会立即更新；
# 鼠标悬停在柱子上可以看到数值。

# %%
monthly_sales_explorer(clean)

# %% [markdown]
# ### 练习 5（计算题）用小部件找答案

# %%
ex.q5

# %%
### BEGIN SOLUTION
best_month_france = "2011-11"
### END SOLUTION
ex.q5.check()
# ex.q5.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q5.solution()  # 看参考答案

# %% [markdown]
# ## 5. 换一份数据：禾悦食品
#
# 「禾悦食品」是课程虚构的一家中国食品企业（零食、饮料、礼盒），它的数据是**模拟数据**
# （按固定规则随机生成，不是真实企业的数据），金额单位是元，已经清洗好。后面各讲的练习常用它：
# 学会一种方法，马上换一份数据再做一遍。

# %%
cn_orders = load_cn_orders()

# %% [markdown]
# ### 练习 6（计算题）禾悦食品有多少位客户

# %%
ex.q6

# %% [markdown]
# **草稿格**：在下面写 `data_overview(transactions=cn_orders)` 并运行。

# %%
### BEGIN SOLUTION
data_overview(transactions=cn_orders)
### END SOLUTION

# %%
### BEGIN SOLUTION
cn_customers = 2000
### END SOLUTION
ex.q6.check()
# ex.q6.hint()      # 需要提示时，删掉本行开头的 # 再运行
# ex.q6.solution()  # 看参考答案

# %% [markdown]
# 再画一张禾悦食品的每月销售额：和英国网店比，哪几个月特别高？

# %%
cn_chart = plot_monthly_sales(transactions=cn_orders, currency="元", title="禾悦食品：每月销售额")

# %% [markdown]
# ## 小结
#
# - 笔记本从上往下按顺序运行；出错先看红框最后一行和下面的中文解释，乱了就用菜单“内核 → 重启并运行所有单元格”；
# - 客户分类的第一步是**数据收集与清洗**：先确认每一行都是真实、有效的购买；
# - 清洗不是悄悄删数据：每删除一类行，都要说清楚原因，也要知道它对结论（例如销售额合计）的影响；
# - 同一个功能可以换一份数据再用：拿到新数据，先看概况。
# - 下一讲我们会学习客户分类背后的理论：市场细分、客户生命周期和客户价值。
#
# **讨论**：你们公司的客户数据里，最常见的“脏数据”是什么？该删还是该改？谁来决定？
