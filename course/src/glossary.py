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
# # 术语表 (glossary)
#
# 课程中用到的每一个术语都在这里，按首次出现的讲次排列；同一个词在每一讲、每张表、每条提示里都是同一个意思。用浏览器的查找（Ctrl+F）可以快速找到一个词。
#
# *(Every term of the course, by the module that introduces it; one meaning everywhere.)*

# %% [markdown]
# ## 第 0 讲 · 导论：为什么分类；课程和小部件怎么用；数据清洗
#
# | 术语 | English | 含义 |
# |---|---|---|
# | 客户分类 | customer segmentation | 依据客户的特征、需求和行为把客户分成若干群体，分别对待。 |
# | 数据清洗 | data cleaning | 分析前删去或修正无效的行（取消的订单、缺少客户编号、重复行等），并报告删了多少。 |
# | 单元格 | cell | 笔记本里的一个格子：代码单元格可以运行，文字单元格用来阅读。 |
# | 分析日 | analysis day (as_of) | 计算“距今多少天”时的“今天”；默认是数据中最后一个购买日的后一天。 |

# %% [markdown]
# ## 第 1 讲 · 理论：市场细分、客户生命周期、客户价值、CRM 与价值链
#
# | 术语 | English | 含义 |
# |---|---|---|
# | 市场细分 | market segmentation | 把需求、习惯和购买力相近的人归为一个细分市场，分别设计产品和沟通方式。 |
# | 客户生命周期 | customer lifecycle | 客户与企业的关系经历的阶段：潜在、新客、回购、忠诚，也可能进入流失风险、已流失。 |
# | 潜在 | Prospect (lifecycle stage) | 生命周期阶段：已知的潜在客户，还没有购买过。 |
# | 新客 | New (lifecycle stage) | 生命周期阶段：近期活跃，刚完成首购（首购不超过 90 天，或只买过一次）。 |
# | 回购 | Repeat (lifecycle stage) | 生命周期阶段：近期活跃，成为客户超过 90 天，买过 2 到 4 次。 |
# | 忠诚 | Loyal (lifecycle stage) | 生命周期阶段：近期活跃，成为客户超过 90 天，买过至少 5 次。 |
# | 流失风险 | At risk (lifecycle stage) | 生命周期阶段：最近一次购买在 90 到 180 天前（默认参数），需要及时关怀。 |
# | 已流失 | Churned (lifecycle stage) | 生命周期阶段：超过 180 天（默认参数）没有购买。 |
# | 客户价值 | customer value | 客户为企业创造的经济价值：直接收入、利润贡献和长期价值。 |
# | 客户关系管理 | CRM (customer relationship management) | 通过对客户分类和管理来提升客户终身价值的方法和系统。 |
# | 价值链 | value chain | 企业为客户创造价值的各项活动（采购、生产、销售、服务……）。 |

# %% [markdown]
# ## 第 2 讲 · 分类维度：人口统计、地理、心理、行为
#
# | 术语 | English | 含义 |
# |---|---|---|
# | 人口统计维度 | demographic segmentation | 按年龄、性别、职业、婚姻状况、收入等个人特征分类。 |
# | 地理维度 | geographic segmentation | 按国家、省份、城市级别、区域等所在地分类。 |
# | 心理维度 | psychographic segmentation | 按价值观、生活方式、态度（如价格敏感、注重健康）分类，常来自问卷。 |
# | 行为维度 | behavioral segmentation | 按购买行为分类：买得多近、多频繁、花多少、冲动型还是理性型。 |
# | 心理分群 | survey segments | 按问卷里最突出的态度（至少 4 分且唯一最高）给客户分群，没有突出态度的为均衡型。 |
# | 购买风格 | purchase style | 按购买行为分为忠诚型、冲动型、理性型。 |
# | 响应率 | response rate | 收到营销的人中做出响应（购买、签约）的比例，在 0 到 1 之间。 |
# | 提升度 | lift | 两个响应率的比值，例如某群体响应率 ÷ 全体响应率；1.5 表示是对方的 1.5 倍。 |

# %% [markdown]
# ## 第 3 讲 · RFM：打分、八类客户、经典 11 类
#
# | 术语 | English | 含义 |
# |---|---|---|
# | RFM | recency, frequency, monetary | 用最近购买距今天数、购买次数和消费金额三个数描述每位客户。 |
# | R（最近购买距今天数） | recency | 客户最近一次购买的日子到分析日相隔的天数，越小越好。 |
# | F（购买次数） | frequency | 客户的不同订单数（没有订单号时按不同购买日计）。 |
# | M（消费金额） | monetary | 客户在分析期内的消费总额。 |
# | RFM 打分 | RFM scoring | 把 R、F、M 各自按五分位分成 1 到 5 分，5 分最好（R 越小分越高）。 |
# | 八类客户 | cn8 scheme | R、F、M 各按是否优于平均分高低，组合出的 8 类客户（M 高为“重要”，低为“一般”）。 |
# | 经典 11 类 | classic scheme | 按 R 分和 F 分的组合把客户分成冠军客户、忠诚客户……已流失客户共 11 类。 |
# | 重要价值客户 | Important value | 八类之一：R 高、F 高、M 高，最优质的客户。 |
# | 重要发展客户 | Important development | 八类之一：R 高、F 低、M 高，近期大额消费但次数少。 |
# | 重要保持客户 | Important retention | 八类之一：R 低、F 高、M 高，常买且金额高但近期没来。 |
# | 重要挽留客户 | Important win-back | 八类之一：R 低、F 低、M 高，金额高但久未购买、次数少。 |
# | 一般价值客户 | General value | 八类之一：R 高、F 高、M 低，购买活跃但客单价低。 |
# | 一般发展客户 | General development | 八类之一：R 高、F 低、M 低，新近少量购买。 |
# | 一般保持客户 | General retention | 八类之一：R 低、F 高、M 低，曾经常买小额商品、近期沉寂。 |
# | 一般挽留客户 | General win-back | 八类之一：R 低、F 低、M 低，价值低且已沉睡。 |
# | 冠军客户 | Champions | 经典 11 类之一：R 分 5、F 分至少 4，最近买过且买得多。 |
# | 忠诚客户 | Loyal | 经典 11 类之一：R 分 3 到 4、F 分至少 4，经常购买。 |
# | 潜在忠诚客户 | Potential Loyalist | 经典 11 类之一：R 分至少 4、F 分 2 到 3，有望成为忠诚客户。 |
# | 新客户 | New | 经典 11 类之一：R 分 5、F 分 1，刚刚第一次购买。 |
# | 有潜力客户 | Promising | 经典 11 类之一：R 分 4、F 分 1，近期买过一次。 |
# | 需要关注客户 | Need Attention | 经典 11 类之一：R 分 3、F 分 3，表现中等，需要重新激发兴趣。 |
# | 即将沉睡客户 | About to Sleep | 经典 11 类之一：R 分 3、F 分不超过 2，快要不再购买。 |
# | 流失风险客户 | At Risk | 经典 11 类之一：R 分不超过 2、F 分 3 到 4，曾经常买但很久没来。 |
# | 不能失去的客户 | Can't Lose Them | 经典 11 类之一：R 分不超过 2、F 分 5，买得最多却很久没来。 |
# | 冬眠客户 | Hibernating | 经典 11 类之一：R 分 2、F 分不超过 2，很久没买、买得也少。 |
# | 已流失客户 | Lost | 经典 11 类之一：R 分 1、F 分不超过 2，基本不再购买。 |

# %% [markdown]
# ## 第 4 讲 · ABC 分类与价值分层
#
# | 术语 | English | 含义 |
# |---|---|---|
# | ABC 分类 | ABC classification | 按累计贡献把客户分成 A（前 80%）、B（80% 到 95%）、C（其余）三类。 |
# | 帕累托法则 | Pareto principle (80/20) | 少数客户（常说 20%）贡献大部分（常说 80%）销售额的经验规律。 |
# | 洛伦兹曲线 | Lorenz curve | 把客户从小到大排好，画出累计客户占比与累计销售额占比的曲线。 |
# | 基尼系数 | Gini coefficient | 0 到 1 之间的数，衡量销售额在客户间分布的不均衡程度，越大越集中。 |

# %% [markdown]
# ## 第 5 讲 · 客户终身价值与客户选择
#
# | 术语 | English | 含义 |
# |---|---|---|
# | 客户终身价值 | CLV (customer lifetime value) | 一位客户在与企业的整个关系中预计带来的价值。 |
# | BG/NBD 模型 | BG/NBD model | 预测客户未来购买次数的模型：客户活跃时按各自的平均频率随机购买，每次购买后都有一定概率从此不再购买。 |
# | Gamma-Gamma 模型 | Gamma-Gamma model | 预测客户每次购买平均金额的模型，与 BG/NBD 一起估算客户终身价值。 |
# | 复购次数 | repeat purchases | BG/NBD 使用的次数：首次购买之后又买的次数（按购买日计），等于购买日数减 1；不是 F（购买次数）。 |
# | 复购跨度 | time between first and last purchase (BG/NBD recency) | BG/NBD 使用的时长：从首次购买到最后一次购买隔了多久；不是 R（最近购买距今天数）。 |
# | 观察时长 | T (customer age) | BG/NBD 使用的时长：从首次购买到数据最后一天隔了多久。 |
# | 仍活跃概率 | probability alive | BG/NBD 估计的、客户现在仍会继续购买（没有悄悄离开）的概率。 |
# | 潜在价值 | potential value | 客户选择标准之一：客户将来可能带来的价值，例如预测的客户终身价值。 |
# | 忠诚度 | loyalty | 客户选择标准之一：客户对品牌的依赖程度，例如至今的订单数。 |
# | 支付能力 | payment ability | 客户选择标准之一：能否及时、足额付款；有付款记录时看回款天数，只有订单数据时用平均客单价代替。 |
# | 客户选择 | customer selection | 按价值、潜力、支付能力等打分，决定重点投入哪些客户。 |

# %% [markdown]
# ## 第 6 讲 · 生命周期阶段与获客同期群
#
# | 术语 | English | 含义 |
# |---|---|---|
# | 同期群 | cohort | 在同一个月（或季度）首次购买的一批客户。 |
# | 留存率 | retention rate | 同期群中在第 n 个月仍有购买的客户占该群人数的比例。 |

# %% [markdown]
# ## 第 7 讲 · 聚类：k-means、选 k、客户画像
#
# | 术语 | English | 含义 |
# |---|---|---|
# | 聚类 | clustering | 不事先定规则，让算法把彼此相似的客户归为一组。 |
# | k-means | k-means | 把客户分成 k 簇，让每位客户离自己所在簇的中心尽量近的聚类方法。 |
# | 簇 | cluster | 聚类得到的一组客户。 |
# | 标准化 | standardization | 把各特征换算到相同尺度（均值 0、标准差 1），使每个特征的影响力相当。 |
# | 簇内平方和 | inertia | 每位客户到所在簇中心距离的平方之和，越小表示簇越紧凑。 |
# | 肘部法则 | elbow method | 画出不同 k 的簇内平方和，选曲线明显变平处的 k。 |
# | 轮廓系数 | silhouette score | -1 到 1 之间的数，衡量客户与本簇的相似程度比与邻簇高多少，越大越好。 |
# | 客户画像 | customer profile | 用每个簇的平均特征和典型行为描述这群客户是谁。 |
# | k-prototypes | k-prototypes | 能同时处理数字特征和类别特征（如职业）的 k-means 变体。 |

# %% [markdown]
# ## 第 8 讲 · 案例：宝洁、亚马逊、华为，以及快消、电商、银行
#
# | 术语 | English | 含义 |
# |---|---|---|
# | 技术型客户 | technical customers | 华为的客户群之一：需要深度技术方案和定制支持的客户。 |
# | 标准型客户 | standard customers | 华为的客户群之一：购买标准产品、看重价格和交付的客户。 |
# | 战略型客户 | strategic customers | 华为的客户群之一：对企业长期发展有战略意义、需要高层合作的客户。 |
# | 商品关联推荐 | item-to-item recommendation | 根据“买了这件的人也买了那件”向客户推荐商品。 |

# %% [markdown]
# ## 第 9 讲 · 经销商分类与选择
#
# | 术语 | English | 含义 |
# |---|---|---|
# | 经销商评估 | distributor evaluation | 按销售额、市场覆盖率、合作意愿等加权打分，给经销商定级。 |
# | 市场覆盖率 | market coverage | 经销商的销售网络覆盖目标市场的程度。 |

# %% [markdown]
# ## 第 10 讲 · 促销设计与评估
#
# | 术语 | English | 含义 |
# |---|---|---|
# | 实验组 | treatment group | 收到促销的客户。 |
# | 对照组 | control group | 随机留出、不收到促销的客户，用来估计“不做活动会怎样”。 |
# | 随机分组 | randomization | 用抽签的方式决定谁进实验组、谁进对照组，两组才可比。 |
# | 观察数据 | observational data | 不是随机分组得到的数据：两组的差距混着“谁被选中”的影响，不能证明因果。 |
# | 增量 | increment (percentage points) | 实验组响应率减对照组响应率的差值，单位是百分点；不是提升度。 |
# | 增量响应 | incremental responses | 因为这次活动而多出来的响应人数：增量乘以实验组人数。 |
# | 增量效果 | uplift | 促销对某个人或某个客户群带来的额外响应；按客户群比较，决定下次发给谁。 |
# | 置信区间 | confidence interval | 在给定把握（如 95%）下，真实数值可能落在的范围。 |
# | 显著 | statistically significant | 增量的置信区间不包含 0（p 值小于 0.05），效果不太可能只是运气。 |
# | 投资回报率 | ROI (return on investment) | （增量收入 − 成本）÷ 成本。 |
# | 保本响应率 | break-even response rate | 让增量收入正好等于成本的响应率。 |
# | 情景模拟 | scenario simulation | 在模拟的业务情景中做决定并看到结果的练习方式。 |

# %% [markdown]
# ## 第 11 讲 · 客户信息分类与隐私
#
# | 术语 | English | 含义 |
# |---|---|---|
# | 个人信息 | personal information | 以电子或其他方式记录的、与已识别或可识别的自然人有关的各种信息（个人信息保护法第 4 条）。 |
# | 敏感个人信息 | sensitive personal information | 一旦泄露或被非法使用，容易侵害人格尊严或人身、财产安全的个人信息，如生物识别、医疗健康、金融账户、行踪轨迹（第 28 条）。 |
# | 个人信息保护法 | PIPL (Personal Information Protection Law) | 中国规范个人信息处理的法律，2021 年 11 月 1 日起施行。 |
# | 告知同意 | notice and consent | 处理个人信息前向本人说明目的、方式和范围，并取得本人同意。 |
# | 单独同意 | separate consent | 处理敏感个人信息等情形要为这一事项专门取得的同意。 |
# | 最小必要 | data minimization | 只收集和使用实现目的所必需的最少的个人信息。 |
# | 去标识化 | de-identification | 处理个人信息，使其在不借助额外信息时无法识别特定个人；仍然是个人信息。 |
# | 匿名化 | anonymization | 处理后无法识别特定个人且不能复原；匿名化信息不再是个人信息。 |
# | 假名化 | pseudonymization | 用编号代替姓名、手机号等直接标识，是去标识化的一种做法。 |
# | 脱敏 | masking | 遮住信息的一部分，例如把手机号显示为 138****5678。 |
# | 准标识符 | quasi-identifier | 单独不能认出一个人、组合起来可能认出的信息，如年龄、性别、城市。 |
# | k-匿名 | k-anonymity | 任何一组准标识符取值都至少对应 k 个人，使个人混在至少 k 人之中。 |
# | QFD（质量功能展开） | QFD (quality function deployment) | 把客户需求逐条转化为产品或服务要求的方法，用“质量屋”矩阵表示。 |
# | 质量屋 | House of Quality | QFD 的矩阵：行是客户需求及其重要度，列是产品要求，格子是两者关联的强弱。 |

# %% [markdown]
# ## 第 12 讲 · 趋势与挑战：动态分类、客户群迁移
#
# | 术语 | English | 含义 |
# |---|---|---|
# | 动态分类 | dynamic segmentation | 定期用新数据重新分类，让客户群跟上客户的变化。 |
# | 客户群迁移 | segment migration | 同一批客户在两个时间点所属客户群的变化。 |

# %% [markdown]
# ## 第 13 讲 · 综合项目：五步法
#
# | 术语 | English | 含义 |
# |---|---|---|
# | 五步法 | five-step process | 客户分类项目的五个步骤：数据收集、数据分析、客户分类、策略制定、效果评估。 |
