"""One vocabulary for the whole course: column labels and the glossary (术语表).

Every Chinese name a learner reads for a column (``recency`` → 最近购买距今天数) comes from
:data:`COLUMNS`; every term the course uses is defined once, in :data:`GLOSSARY`, with the
module where it is introduced. The course's glossary notebook (``course/src/glossary.py``) is
:func:`glossary_markdown` written out, and a test keeps the two the same.

One meaning everywhere:

- **recency** (R): days from a customer's last purchase day to the analysis day;
- **frequency** (F): the number of distinct orders of a customer;
- **lift** (提升度): a ratio of response rates; a difference of rates in percentage points is
  an increment (增量 / 差值), not a lift;
- lifecycle stages: the names of :data:`custseg.lifecycle.STAGES`;
- inertia (簇内平方和): a sum of **squared** distances.

Examples
--------
>>> chinese_label("recency")
'最近购买距今天数'
>>> canonical_name("客户群")
'segment'
>>> term("提升度").english
'lift'
"""

from __future__ import annotations

from dataclasses import dataclass

from custseg.errors import ParameterError

__all__ = [
    "COLUMNS",
    "GLOSSARY",
    "MODULE_TITLES",
    "Label",
    "Term",
    "UnknownTermError",
    "canonical_name",
    "chinese_label",
    "english_label",
    "glossary_markdown",
    "is_share",
    "term",
]


class UnknownTermError(ParameterError, KeyError):
    """A name that is not in the glossary, asked of :func:`term`.

    A :class:`custseg.errors.ParameterError` (the argument is wrong) and, as before, a
    :class:`KeyError` (a look-up that found nothing), so ``except KeyError`` keeps working.
    The message is shown as written, without the quotes a plain ``KeyError`` adds.

    Examples
    --------
    >>> issubclass(UnknownTermError, ParameterError), issubclass(UnknownTermError, KeyError)
    (True, True)
    """

    def __str__(self) -> str:
        return Exception.__str__(self)


@dataclass(frozen=True)
class Label:
    """How a column is called: in Chinese, in English, and whether it holds a share (0-1)."""

    chinese: str
    english: str
    share: bool = False


@dataclass(frozen=True)
class Term:
    """One glossary entry: the term, its English name, a one-line plain definition, its module."""

    term: str
    english: str
    definition: str
    module: int


COLUMNS: dict[str, Label] = {
    # transactions
    "customer_id": Label("客户编号", "customer ID"),
    "invoice_id": Label("订单号", "invoice ID"),
    "invoice_date": Label("订单日期", "invoice date"),
    "stock_code": Label("商品编码", "stock code"),
    "description": Label("商品名称", "description"),
    "quantity": Label("数量", "quantity"),
    "unit_price": Label("单价", "unit price"),
    "amount": Label("金额", "amount"),
    "country": Label("国家/地区", "country"),
    # customers of the simulated business
    "gender": Label("性别", "gender"),
    "age": Label("年龄", "age"),
    "province": Label("省份", "province"),
    "city": Label("城市", "city"),
    "city_tier": Label("城市级别", "city tier"),
    "channel": Label("渠道", "channel"),
    "member": Label("会员", "member"),
    "signup_date": Label("注册日期", "sign-up date"),
    "category": Label("品类", "category"),
    "price_sensitivity": Label("价格敏感", "price sensitivity"),
    "health_focus": Label("注重健康", "health focus"),
    "brand_loyalty": Label("品牌忠诚", "brand loyalty"),
    "novelty_seeking": Label("喜欢尝新", "novelty seeking"),
    "convenience": Label("追求便利", "convenience"),
    # bank clients
    "job": Label("职业", "job"),
    "marital": Label("婚姻状况", "marital status"),
    "education": Label("学历", "education"),
    "balance": Label("存款余额", "balance"),
    "housing": Label("有无房贷", "housing loan"),
    "loan": Label("有无消费贷", "personal loan"),
    "poutcome": Label("上次活动结果", "previous outcome"),
    "y": Label("是否认购", "subscribed"),
    # RFM and segments
    "recency": Label("最近购买距今天数", "recency"),
    "frequency": Label("购买次数", "frequency"),
    "monetary": Label("消费金额", "monetary"),
    "r_score": Label("R 分", "R score"),
    "f_score": Label("F 分", "F score"),
    "m_score": Label("M 分", "M score"),
    "rfm_score": Label("RFM 分", "RFM score"),
    "total_score": Label("总分", "total score"),
    "segment": Label("客户群", "segment"),
    "segment_en": Label("客户群（英文）", "segment (English)"),
    "action": Label("建议动作", "suggested action"),
    "rule": Label("规则", "rule"),
    "customers": Label("客户数", "customers"),
    "customer_share": Label("客户占比", "share of customers", share=True),
    "revenue": Label("销售额", "revenue"),
    "revenue_share": Label("销售额占比", "share of revenue", share=True),
    "orders": Label("订单数", "orders"),
    "share": Label("占比", "share", share=True),
    "count": Label("计数", "count"),
    "proportion": Label("比例", "proportion", share=True),
    # ABC and value
    "value": Label("价值", "value"),
    "cum_share": Label("累计占比", "cumulative share", share=True),
    "abc_class": Label("ABC 类", "ABC class"),
    "abc_label": Label("ABC 类名称", "ABC label"),
    "top20_share": Label("前 20% 客户占比", "top-20% share", share=True),
    "gini": Label("基尼系数", "Gini coefficient"),
    # CLV
    "historic_clv": Label("历史客户价值", "historic CLV"),
    "clv": Label("客户终身价值", "CLV"),
    "average_order_value": Label("平均客单价", "average order value"),
    "first_purchase": Label("首次购买日期", "first purchase"),
    "last_purchase": Label("最近购买日期", "last purchase"),
    "tenure": Label("成为客户天数", "tenure"),
    # lifecycle and cohorts
    "stage": Label("生命周期阶段", "lifecycle stage"),
    "stage_en": Label("生命周期阶段（英文）", "lifecycle stage (English)"),
    "cohort": Label("同期群", "cohort"),
    "period": Label("期数", "period"),
    "retention": Label("留存率", "retention rate", share=True),
    # clustering
    "cluster": Label("簇", "cluster"),
    "size": Label("人数", "size"),
    "inertia": Label("簇内平方和", "inertia"),
    "silhouette": Label("轮廓系数", "silhouette"),
    # promotion
    "group": Label("组别", "group"),
    "coupon": Label("优惠券面额", "coupon"),
    "responded": Label("是否响应", "responded"),
    "spend": Label("活动后消费", "spend"),
    "responses": Label("响应人数", "responses"),
    "response_rate": Label("响应率", "response rate", share=True),
    "lift": Label("提升度", "lift"),
    "treatment_n": Label("实验组人数", "treatment size"),
    "treatment_responses": Label("实验组响应人数", "treatment responses"),
    "treatment_rate": Label("实验组响应率", "treatment response rate", share=True),
    "control_n": Label("对照组人数", "control size"),
    "control_responses": Label("对照组响应人数", "control responses"),
    "control_rate": Label("对照组响应率", "control response rate", share=True),
    "abs_lift": Label("响应率增量", "rate increment", share=True),
    "abs_lift_ci_low": Label("增量下限", "increment CI low", share=True),
    "abs_lift_ci_high": Label("增量上限", "increment CI high", share=True),
    "rel_lift": Label("相对增幅", "relative increase", share=True),
    "p_value": Label("p 值", "p-value"),
    "significant": Label("是否显著", "significant"),
    "incremental_responses": Label("增量响应人数", "incremental responses"),
    "incremental_revenue": Label("增量收入", "incremental revenue"),
    "cost": Label("成本", "cost"),
    "profit": Label("利润", "profit"),
    "roi": Label("投资回报率", "ROI", share=True),
    "control": Label("留作对照组人数", "control group size"),
    # distributors and customer groups
    "distributor_id": Label("经销商编号", "distributor ID"),
    "grade": Label("等级", "grade"),
    "sales": Label("销售业绩", "sales"),
    "coverage": Label("覆盖范围", "coverage"),
    "provinces_covered": Label("覆盖省份数", "provinces covered"),
    "outlets": Label("网点数", "outlets"),
    "target_attainment": Label("目标完成率", "target attainment", share=True),
    "payment_days": Label("回款天数", "payment days"),
    "cooperation": Label("合作意愿", "cooperation"),
    "trainings_attended": Label("参加培训次数", "trainings attended"),
    "region": Label("区域", "region"),
    "tier": Label("层级", "tier"),
}
"""Canonical column name → its :class:`Label`. Names not listed keep their own name."""

_BY_CHINESE = {label.chinese: name for name, label in COLUMNS.items()}


def chinese_label(name: str) -> str:
    """The Chinese name of a column; an unknown name is returned unchanged.

    Examples
    --------
    >>> chinese_label("monetary"), chinese_label("自定义列")
    ('消费金额', '自定义列')
    """
    label = COLUMNS.get(str(name))
    return label.chinese if label else str(name)


def english_label(name: str) -> str:
    """The English name of a column (canonical or Chinese); unknown names unchanged.

    Examples
    --------
    >>> english_label("购买次数")
    'frequency'
    """
    label = COLUMNS.get(canonical_name(name))
    return label.english if label else str(name)


def canonical_name(name: str) -> str:
    """The canonical (English) column name of a Chinese label; other names unchanged.

    Examples
    --------
    >>> canonical_name("最近购买距今天数"), canonical_name("recency")
    ('recency', 'recency')
    """
    return _BY_CHINESE.get(str(name), str(name))


def is_share(name: str) -> bool:
    """True for columns holding a share between 0 and 1 (shown as a percentage).

    Examples
    --------
    >>> is_share("response_rate"), is_share("响应率"), is_share("monetary")
    (True, True, False)
    """
    label = COLUMNS.get(canonical_name(name))
    return bool(label and label.share)


MODULE_TITLES: dict[int, str] = {
    0: "导论：为什么分类；课程和小部件怎么用；数据清洗",
    1: "理论：市场细分、客户生命周期、客户价值、CRM 与价值链",
    2: "分类维度：人口统计、地理、心理、行为",
    3: "RFM：打分、八类客户、经典 11 类",
    4: "ABC 分类与价值分层",
    5: "客户终身价值与客户选择",
    6: "生命周期阶段与获客同期群",
    7: "聚类：k-means、选 k、客户画像",
    8: "案例：宝洁、亚马逊、华为，以及快消、电商、银行",
    9: "经销商分类与选择",
    10: "促销设计与评估",
    11: "客户信息分类与隐私",
    12: "趋势与挑战：动态分类、客户群迁移",
    13: "综合项目：五步法",
}
"""The course's modules by number, as the glossary groups its terms."""

_T = Term
GLOSSARY: tuple[Term, ...] = (
    # 0 导论
    _T(
        "客户分类",
        "customer segmentation",
        "依据客户的特征、需求和行为把客户分成若干群体，分别对待。",
        0,
    ),
    _T(
        "数据清洗",
        "data cleaning",
        "分析前删去或修正无效的行（取消的订单、缺少客户编号、重复行等），并报告删了多少。",
        0,
    ),
    _T("单元格", "cell", "笔记本里的一个格子：代码单元格可以运行，文字单元格用来阅读。", 0),
    _T(
        "分析日",
        "analysis day (as_of)",
        "计算“距今多少天”时的“今天”；默认是数据中最后一个购买日的后一天。",
        0,
    ),
    # 1 理论
    _T(
        "市场细分",
        "market segmentation",
        "把需求、习惯和购买力相近的人归为一个细分市场，分别设计产品和沟通方式。",
        1,
    ),
    _T(
        "客户生命周期",
        "customer lifecycle",
        "客户与企业的关系经历的阶段：潜在、新客、回购、忠诚，也可能进入流失风险、已流失。",
        1,
    ),
    _T("潜在", "Prospect (lifecycle stage)", "生命周期阶段：已知的潜在客户，还没有购买过。", 1),
    _T(
        "新客",
        "New (lifecycle stage)",
        "生命周期阶段：近期活跃，刚完成首购（首购不超过 90 天，或只买过一次）。",
        1,
    ),
    _T(
        "回购",
        "Repeat (lifecycle stage)",
        "生命周期阶段：近期活跃，成为客户超过 90 天，买过 2 到 4 次。",
        1,
    ),
    _T(
        "忠诚",
        "Loyal (lifecycle stage)",
        "生命周期阶段：近期活跃，成为客户超过 90 天，买过至少 5 次。",
        1,
    ),
    _T(
        "流失风险",
        "At risk (lifecycle stage)",
        "生命周期阶段：最近一次购买在 90 到 180 天前（默认参数），需要及时关怀。",
        1,
    ),
    _T("已流失", "Churned (lifecycle stage)", "生命周期阶段：超过 180 天（默认参数）没有购买。", 1),
    _T("客户价值", "customer value", "客户为企业创造的经济价值：直接收入、利润贡献和长期价值。", 1),
    _T(
        "客户关系管理",
        "CRM (customer relationship management)",
        "通过对客户分类和管理来提升客户终身价值的方法和系统。",
        1,
    ),
    _T("价值链", "value chain", "企业为客户创造价值的各项活动（采购、生产、销售、服务……）。", 1),
    # 2 维度
    _T(
        "人口统计维度",
        "demographic segmentation",
        "按年龄、性别、职业、婚姻状况、收入等个人特征分类。",
        2,
    ),
    _T("地理维度", "geographic segmentation", "按国家、省份、城市级别、区域等所在地分类。", 2),
    _T(
        "心理维度",
        "psychographic segmentation",
        "按价值观、生活方式、态度（如价格敏感、注重健康）分类，常来自问卷。",
        2,
    ),
    _T(
        "行为维度",
        "behavioral segmentation",
        "按购买行为分类：买得多近、多频繁、花多少、冲动型还是理性型。",
        2,
    ),
    _T(
        "心理分群",
        "survey segments",
        "按问卷里最突出的态度（至少 4 分且唯一最高）给客户分群，没有突出态度的为均衡型。",
        2,
    ),
    _T("购买风格", "purchase style", "按购买行为分为忠诚型、冲动型、理性型。", 2),
    _T(
        "响应率", "response rate", "收到营销的人中做出响应（购买、签约）的比例，在 0 到 1 之间。", 2
    ),
    _T(
        "提升度",
        "lift",
        "两个响应率的比值，例如某群体响应率 ÷ 全体响应率；1.5 表示是对方的 1.5 倍。",
        2,
    ),
    # 3 RFM
    _T(
        "RFM",
        "recency, frequency, monetary",
        "用最近购买距今天数、购买次数和消费金额三个数描述每位客户。",
        3,
    ),
    _T(
        "R（最近购买距今天数）",
        "recency",
        "客户最近一次购买的日子到分析日相隔的天数，越小越好。",
        3,
    ),
    _T("F（购买次数）", "frequency", "客户的不同订单数（没有订单号时按不同购买日计）。", 3),
    _T("M（消费金额）", "monetary", "客户在分析期内的消费总额。", 3),
    _T(
        "RFM 打分",
        "RFM scoring",
        "把 R、F、M 各自按五分位分成 1 到 5 分，5 分最好（R 越小分越高）。",
        3,
    ),
    _T(
        "八类客户",
        "cn8 scheme",
        "R、F、M 各按是否优于平均分高低，组合出的 8 类客户（M 高为“重要”，低为“一般”）。",
        3,
    ),
    _T(
        "经典 11 类",
        "classic scheme",
        "按 R 分和 F 分的组合把客户分成冠军客户、忠诚客户……已流失客户共 11 类。",
        3,
    ),
    _T("重要价值客户", "Important value", "八类之一：R 高、F 高、M 高，最优质的客户。", 3),
    _T(
        "重要发展客户",
        "Important development",
        "八类之一：R 高、F 低、M 高，近期大额消费但次数少。",
        3,
    ),
    _T(
        "重要保持客户",
        "Important retention",
        "八类之一：R 低、F 高、M 高，常买且金额高但近期没来。",
        3,
    ),
    _T(
        "重要挽留客户",
        "Important win-back",
        "八类之一：R 低、F 低、M 高，金额高但久未购买、次数少。",
        3,
    ),
    _T("一般价值客户", "General value", "八类之一：R 高、F 高、M 低，购买活跃但客单价低。", 3),
    _T("一般发展客户", "General development", "八类之一：R 高、F 低、M 低，新近少量购买。", 3),
    _T(
        "一般保持客户",
        "General retention",
        "八类之一：R 低、F 高、M 低，曾经常买小额商品、近期沉寂。",
        3,
    ),
    _T("一般挽留客户", "General win-back", "八类之一：R 低、F 低、M 低，价值低且已沉睡。", 3),
    _T("冠军客户", "Champions", "经典 11 类之一：R 分 5、F 分至少 4，最近买过且买得多。", 3),
    _T("忠诚客户", "Loyal", "经典 11 类之一：R 分 3 到 4、F 分至少 4，经常购买。", 3),
    _T(
        "潜在忠诚客户",
        "Potential Loyalist",
        "经典 11 类之一：R 分至少 4、F 分 2 到 3，有望成为忠诚客户。",
        3,
    ),
    _T("新客户", "New", "经典 11 类之一：R 分 5、F 分 1，刚刚第一次购买。", 3),
    _T("有潜力客户", "Promising", "经典 11 类之一：R 分 4、F 分 1，近期买过一次。", 3),
    _T(
        "需要关注客户",
        "Need Attention",
        "经典 11 类之一：R 分 3、F 分 3，表现中等，需要重新激发兴趣。",
        3,
    ),
    _T("即将沉睡客户", "About to Sleep", "经典 11 类之一：R 分 3、F 分不超过 2，快要不再购买。", 3),
    _T(
        "流失风险客户",
        "At Risk",
        "经典 11 类之一：R 分不超过 2、F 分 3 到 4，曾经常买但很久没来。",
        3,
    ),
    _T(
        "不能失去的客户",
        "Can't Lose Them",
        "经典 11 类之一：R 分不超过 2、F 分 5，买得最多却很久没来。",
        3,
    ),
    _T("冬眠客户", "Hibernating", "经典 11 类之一：R 分 2、F 分不超过 2，很久没买、买得也少。", 3),
    _T("已流失客户", "Lost", "经典 11 类之一：R 分 1、F 分不超过 2，基本不再购买。", 3),
    # 4 ABC
    _T(
        "ABC 分类",
        "ABC classification",
        "按累计贡献把客户分成 A（前 80%）、B（80% 到 95%）、C（其余）三类。",
        4,
    ),
    _T(
        "帕累托法则",
        "Pareto principle (80/20)",
        "少数客户（常说 20%）贡献大部分（常说 80%）销售额的经验规律。",
        4,
    ),
    _T(
        "洛伦兹曲线",
        "Lorenz curve",
        "把客户从小到大排好，画出累计客户占比与累计销售额占比的曲线。",
        4,
    ),
    _T(
        "基尼系数",
        "Gini coefficient",
        "0 到 1 之间的数，衡量销售额在客户间分布的不均衡程度，越大越集中。",
        4,
    ),
    # 5 CLV
    _T(
        "客户终身价值",
        "CLV (customer lifetime value)",
        "一位客户在与企业的整个关系中预计带来的价值。",
        5,
    ),
    _T(
        "BG/NBD 模型",
        "BG/NBD model",
        "预测客户未来购买次数的模型：客户活跃时按各自的平均频率随机购买，每次购买后都有一定概率从此不再购买。",
        5,
    ),
    _T(
        "Gamma-Gamma 模型",
        "Gamma-Gamma model",
        "预测客户每次购买平均金额的模型，与 BG/NBD 一起估算客户终身价值。",
        5,
    ),
    _T(
        "复购次数",
        "repeat purchases",
        "BG/NBD 使用的次数：首次购买之后又买的次数（按购买日计），等于购买日数减 1；不是 F（购买次数）。",
        5,
    ),
    _T(
        "复购跨度",
        "time between first and last purchase (BG/NBD recency)",
        "BG/NBD 使用的时长：从首次购买到最后一次购买隔了多久；不是 R（最近购买距今天数）。",
        5,
    ),
    _T("观察时长", "T (customer age)", "BG/NBD 使用的时长：从首次购买到数据最后一天隔了多久。", 5),
    _T(
        "仍活跃概率",
        "probability alive",
        "BG/NBD 估计的、客户现在仍会继续购买（没有悄悄离开）的概率。",
        5,
    ),
    _T(
        "潜在价值",
        "potential value",
        "客户选择标准之一：客户将来可能带来的价值，例如预测的客户终身价值。",
        5,
    ),
    _T("忠诚度", "loyalty", "客户选择标准之一：客户对品牌的依赖程度，例如至今的订单数。", 5),
    _T(
        "支付能力",
        "payment ability",
        "客户选择标准之一：能否及时、足额付款；有付款记录时看回款天数，只有订单数据时用平均客单价代替。",
        5,
    ),
    _T("客户选择", "customer selection", "按价值、潜力、支付能力等打分，决定重点投入哪些客户。", 5),
    # 6 生命周期与同期群
    _T("同期群", "cohort", "在同一个月（或季度）首次购买的一批客户。", 6),
    _T("留存率", "retention rate", "同期群中在第 n 个月仍有购买的客户占该群人数的比例。", 6),
    # 7 聚类
    _T("聚类", "clustering", "不事先定规则，让算法把彼此相似的客户归为一组。", 7),
    _T("k-means", "k-means", "把客户分成 k 簇，让每位客户离自己所在簇的中心尽量近的聚类方法。", 7),
    _T("簇", "cluster", "聚类得到的一组客户。", 7),
    _T(
        "标准化",
        "standardization",
        "把各特征换算到相同尺度（均值 0、标准差 1），使每个特征的影响力相当。",
        7,
    ),
    _T("簇内平方和", "inertia", "每位客户到所在簇中心距离的平方之和，越小表示簇越紧凑。", 7),
    _T("肘部法则", "elbow method", "画出不同 k 的簇内平方和，选曲线明显变平处的 k。", 7),
    _T(
        "轮廓系数",
        "silhouette score",
        "-1 到 1 之间的数，衡量客户与本簇的相似程度比与邻簇高多少，越大越好。",
        7,
    ),
    _T("客户画像", "customer profile", "用每个簇的平均特征和典型行为描述这群客户是谁。", 7),
    _T(
        "k-prototypes", "k-prototypes", "能同时处理数字特征和类别特征（如职业）的 k-means 变体。", 7
    ),
    # 8 案例
    _T(
        "技术型客户",
        "technical customers",
        "华为的客户群之一：需要深度技术方案和定制支持的客户。",
        8,
    ),
    _T(
        "标准型客户",
        "standard customers",
        "华为的客户群之一：购买标准产品、看重价格和交付的客户。",
        8,
    ),
    _T(
        "战略型客户",
        "strategic customers",
        "华为的客户群之一：对企业长期发展有战略意义、需要高层合作的客户。",
        8,
    ),
    _T(
        "商品关联推荐",
        "item-to-item recommendation",
        "根据“买了这件的人也买了那件”向客户推荐商品。",
        8,
    ),
    # 9 经销商
    _T(
        "经销商评估",
        "distributor evaluation",
        "按销售额、市场覆盖率、合作意愿等加权打分，给经销商定级。",
        9,
    ),
    _T("市场覆盖率", "market coverage", "经销商的销售网络覆盖目标市场的程度。", 9),
    # 10 促销
    _T("实验组", "treatment group", "收到促销的客户。", 10),
    _T("对照组", "control group", "随机留出、不收到促销的客户，用来估计“不做活动会怎样”。", 10),
    _T("随机分组", "randomization", "用抽签的方式决定谁进实验组、谁进对照组，两组才可比。", 10),
    _T(
        "观察数据",
        "observational data",
        "不是随机分组得到的数据：两组的差距混着“谁被选中”的影响，不能证明因果。",
        10,
    ),
    _T(
        "增量",
        "increment (percentage points)",
        "实验组响应率减对照组响应率的差值，单位是百分点；不是提升度。",
        10,
    ),
    _T(
        "增量响应",
        "incremental responses",
        "因为这次活动而多出来的响应人数：增量乘以实验组人数。",
        10,
    ),
    _T(
        "增量效果",
        "uplift",
        "促销对某个人或某个客户群带来的额外响应；按客户群比较，决定下次发给谁。",
        10,
    ),
    _T("置信区间", "confidence interval", "在给定把握（如 95%）下，真实数值可能落在的范围。", 10),
    _T(
        "显著",
        "statistically significant",
        "增量的置信区间不包含 0（p 值小于 0.05），效果不太可能只是运气。",
        10,
    ),
    _T("投资回报率", "ROI (return on investment)", "（增量收入 − 成本）÷ 成本。", 10),
    _T("保本响应率", "break-even response rate", "让增量收入正好等于成本的响应率。", 10),
    # 11 隐私
    _T(
        "个人信息",
        "personal information",
        "以电子或其他方式记录的、与已识别或可识别的自然人有关的各种信息（个人信息保护法第 4 条）。",
        11,
    ),
    _T(
        "敏感个人信息",
        "sensitive personal information",
        "一旦泄露或被非法使用，容易侵害人格尊严或人身、财产安全的个人信息，如生物识别、医疗健康、金融账户、行踪轨迹（第 28 条）。",
        11,
    ),
    _T(
        "个人信息保护法",
        "PIPL (Personal Information Protection Law)",
        "中国规范个人信息处理的法律，2021 年 11 月 1 日起施行。",
        11,
    ),
    _T(
        "告知同意",
        "notice and consent",
        "处理个人信息前向本人说明目的、方式和范围，并取得本人同意。",
        11,
    ),
    _T("单独同意", "separate consent", "处理敏感个人信息等情形要为这一事项专门取得的同意。", 11),
    _T("最小必要", "data minimization", "只收集和使用实现目的所必需的最少的个人信息。", 11),
    _T(
        "去标识化",
        "de-identification",
        "处理个人信息，使其在不借助额外信息时无法识别特定个人；仍然是个人信息。",
        11,
    ),
    _T(
        "匿名化",
        "anonymization",
        "处理后无法识别特定个人且不能复原；匿名化信息不再是个人信息。",
        11,
    ),
    _T(
        "假名化", "pseudonymization", "用编号代替姓名、手机号等直接标识，是去标识化的一种做法。", 11
    ),
    _T("脱敏", "masking", "遮住信息的一部分，例如把手机号显示为 138****5678。", 11),
    _T(
        "准标识符",
        "quasi-identifier",
        "单独不能认出一个人、组合起来可能认出的信息，如年龄、性别、城市。",
        11,
    ),
    _T(
        "k-匿名",
        "k-anonymity",
        "任何一组准标识符取值都至少对应 k 个人，使个人混在至少 k 人之中。",
        11,
    ),
    _T(
        "QFD（质量功能展开）",
        "QFD (quality function deployment)",
        "把客户需求逐条转化为产品或服务要求的方法，用“质量屋”矩阵表示。",
        11,
    ),
    _T(
        "质量屋",
        "House of Quality",
        "QFD 的矩阵：行是客户需求及其重要度，列是产品要求，格子是两者关联的强弱。",
        11,
    ),
    # 12 趋势
    _T("动态分类", "dynamic segmentation", "定期用新数据重新分类，让客户群跟上客户的变化。", 12),
    _T("客户群迁移", "segment migration", "同一批客户在两个时间点所属客户群的变化。", 12),
    # 13 项目
    _T(
        "五步法",
        "five-step process",
        "客户分类项目的五个步骤：数据收集、数据分析、客户分类、策略制定、效果评估。",
        13,
    ),
    _T("情景模拟", "scenario simulation", "在模拟的业务情景中做决定并看到结果的练习方式。", 10),
)
"""Every term the course uses, in the order of the modules that introduce them."""


def term(name: str) -> Term:
    """The glossary entry of ``name`` (Chinese or English), with a Chinese error if unknown.

    Examples
    --------
    >>> term("inertia").term
    '簇内平方和'
    >>> term("魔法")
    Traceback (most recent call last):
    ...
    custseg.vocabulary.UnknownTermError: 术语表中没有 '魔法'，请用中文或英文术语名 (no such term in the glossary: give a Chinese or English term)
    """
    wanted = str(name).strip().casefold()
    for entry in GLOSSARY:
        if wanted in (entry.term.casefold(), entry.english.casefold()):
            return entry
    raise UnknownTermError(
        f"术语表中没有 {name!r}，请用中文或英文术语名 "
        "(no such term in the glossary: give a Chinese or English term)"
    )


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def glossary_markdown() -> list[str]:
    """The glossary notebook's markdown cells: a title, then one table per module.

    Examples
    --------
    >>> cells = glossary_markdown()
    >>> cells[0].splitlines()[0]
    '# 术语表 (glossary)'
    >>> "| 簇内平方和 | inertia |" in "".join(cells)
    True
    """
    title = (
        "# 术语表 (glossary)\n\n"
        "课程中用到的每一个术语都在这里，按首次出现的讲次排列；同一个词在每一讲、每张表、每条提示里"
        "都是同一个意思。用浏览器的查找（Ctrl+F）可以快速找到一个词。\n\n"
        "*(Every term of the course, by the module that introduces it; one meaning everywhere.)*"
    )
    cells = [title]
    for module, module_title in MODULE_TITLES.items():
        rows = [t for t in GLOSSARY if t.module == module]
        if not rows:
            continue
        lines = [
            f"## 第 {module} 讲 · {module_title}",
            "",
            "| 术语 | English | 含义 |",
            "|---|---|---|",
        ]
        lines += [f"| {_cell(t.term)} | {_cell(t.english)} | {_cell(t.definition)} |" for t in rows]
        cells.append("\n".join(lines))
    return cells
