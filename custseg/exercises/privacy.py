"""Practice for module 11 (customer-information classification and privacy).

Judgements on the made-up customer table of the module and on the law (PIPL arts. 4, 28,
31, 73), then k-anonymity on the simulated 禾悦食品 customers (模拟数据).
"""

from __future__ import annotations

from functools import cache

from custseg.errors import ParameterError
from custseg.exercises.other_names import MORE_OR_FEWER
from custseg.exercises.problem import Misconception, Problem, bind, close_to

__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9"]

LEVELS = ("非个人信息", "个人信息", "敏感个人信息")
CN_QUASI = ["age", "gender", "city_tier"]
"""The quasi-identifiers of the widget decision (q8): age, gender and city tier."""
MAX_ROWS_AT_RISK = 20
"""The team's limit in q8: at most 20 of the 2,000 customers (1%) in groups under 5 rows."""


@cache
def _cn_customers():
    from custseg.datasets import load_cn_customers

    return load_cn_customers()


def rows_at_risk(quasi_identifiers: list[str], width: int, k_min: int = 5) -> int:
    """Rows of the simulated customers in groups under ``k_min``, ages in bands of ``width``."""
    from custseg.privacy import k_risk, with_age_bands

    banded = with_age_bands(_cn_customers(), column="age", width=width)
    return int(k_risk(banded, quasi_identifiers, k_min=k_min)["rows_at_risk"])


def narrowest_width(quasi_identifiers: list[str], limit: int = MAX_ROWS_AT_RISK) -> int:
    """The narrowest age band (1 to 20 years, the widget's range) with at most ``limit`` rows at risk."""
    for width in range(1, 21):
        if rows_at_risk(quasi_identifiers, width) <= limit:
            return width
    raise ParameterError(
        f"没有哪个年龄段宽度能让有风险的行不超过 {limit} 行 (no band width keeps rows at risk <= limit)"
    )


q1 = bind(
    Problem(
        name="satisfaction_level",
        kind="judgment",
        prompt=(
            "先判断，再运行下面的分类核对：示例客户表 `customers` 中，“满意度”这一列"
            "（同一行还有客户编号和姓名）属于哪一级？"
        ),
        choices=LEVELS,
        expected=lambda: "个人信息",
        accept=("个人",),
        misconceptions=(
            Misconception(
                "非个人信息",
                "单看“满意”两个字认不出人，但这一行连着客户编号和姓名：它记录的是一位已识别的客户的看法。"
                "个人信息保护法第 4 条：与已识别或者可识别的自然人有关的各种信息都是个人信息。",
            ),
            Misconception(
                "敏感个人信息",
                "满意度不在第 28 条列举的敏感类别里（生物识别、宗教信仰、特定身份、医疗健康、金融账户、"
                "行踪轨迹、不满十四周岁未成年人的信息），泄露后也不容易危害人身、财产安全。",
            ),
            Misconception(
                "敏感",
                "满意度不在第 28 条列举的敏感类别里（生物识别、宗教信仰、特定身份、医疗健康、金融账户、"
                "行踪轨迹、不满十四周岁未成年人的信息），泄露后也不容易危害人身、财产安全。",
            ),
        ),
        hints=(
            "个人信息保护法第 4 条：个人信息是与**已识别或者可识别**的自然人有关的各种信息。",
            "这张表的每一行都能对上一位有名有姓的客户。",
        ),
        solution='satisfaction_level = "个人信息"',
        explanation=(
            "一列是不是个人信息，要看它所在的表：表里有姓名、客户编号，同一行的购买记录、需求、"
            "满意度就都是关于这个人的信息（第 4 条）。只有匿名化后的信息才不是个人信息。"
        ),
    )
)

q2 = bind(
    Problem(
        name="sensitive_field",
        kind="judgment",
        prompt=(
            "禾悦食品想给会员推荐合适的零食，会员登记表有下面四列。哪一列属于**敏感个人信息**？"
        ),
        choices=("会员手机号", "过敏和慢性病情况", "所在城市", "最近购买日期"),
        expected=lambda: "过敏和慢性病情况",
        accept=("过敏", "慢性病", "过敏情况", "慢性病情况", "健康情况", "医疗健康"),
        misconceptions=(
            Misconception(
                "会员手机号",
                "手机号是个人信息，要保护；但它不在第 28 条列举的敏感类别中。",
            ),
            Misconception(
                "所在城市",
                "城市是准标识符（和年龄、性别合起来可能认出人），但不是第 28 条说的“行踪轨迹”（持续的精确位置）。",
            ),
            Misconception(
                "最近购买日期",
                "购买日期是行为信息，和会员编号在一起就是个人信息，但不是敏感个人信息。",
            ),
            Misconception(
                "银行卡号",
                "银行卡号（金融账户）确实是敏感个人信息，但它不在这张会员登记表里："
                "这四列中，哪一列属于第 28 条列举的类别？",
            ),
            Misconception(
                "手机号",
                "手机号是个人信息，要保护；但它不在第 28 条列举的敏感类别中。",
            ),
            Misconception(
                "城市",
                "城市是准标识符（和年龄、性别合起来可能认出人），但不是第 28 条说的“行踪轨迹”（持续的精确位置）。",
            ),
        ),
        hints=(
            "第 28 条列举：生物识别、宗教信仰、特定身份、医疗健康、**金融账户**、行踪轨迹、不满十四周岁未成年人的信息。",
        ),
        solution='sensitive_field = "过敏和慢性病情况"',
        explanation=(
            "过敏和慢性病是医疗健康信息，第 28 条明确列为敏感个人信息：一旦泄露，容易让人受到歧视或伤害。"
            "处理要有特定目的和充分必要性、严格保护，并取得单独同意（第 29 条）。"
        ),
    )
)

q3 = bind(
    Problem(
        name="child_taste_level",
        kind="judgment",
        prompt=(
            "一款儿童零食的会员活动登记了会员的生日和“最喜欢的口味”。其中一位会员 12 岁。"
            "他的“最喜欢的口味”属于哪一级？"
        ),
        choices=LEVELS,
        expected=lambda: "敏感个人信息",
        accept=("敏感",),
        misconceptions=(
            Misconception(
                "个人信息",
                "对成年人是这样；但第 28 条把**不满十四周岁未成年人的个人信息**整体列为敏感个人信息，"
                "口味偏好也在内。",
            ),
            Misconception(
                "非个人信息",
                "口味和会员生日登记在一起，关于一位可识别的孩子（第 4 条）；而且孩子不满十四周岁。",
            ),
        ),
        hints=("看年龄：第 28 条的列举最后一项说的是哪一类人？",),
        solution='child_taste_level = "敏感个人信息"',
        explanation=(
            "不满十四周岁未成年人的个人信息都是敏感个人信息（第 28 条），处理前要取得父母或者其他监护人的"
            "同意（第 31 条），并制定专门的处理规则。"
        ),
    )
)


@cache
def _needs():
    from custseg.qfd import segment_needs

    return segment_needs(load_customers=True)


def requirement_share(segment: str, requirement: str) -> float:
    """The 占比 column of a requirement in a segment's House of Quality, as the percent number."""
    from custseg.qfd import house_of_quality

    table = house_of_quality(needs=_needs(), segment=segment).set_index("产品要求")
    return float(str(table.loc[requirement, "占比"]).rstrip("%"))


def first_requirement(segment: str) -> str:
    """The requirement the House of Quality ranks first for a segment."""
    from custseg.qfd import house_of_quality

    return str(house_of_quality(needs=_needs(), segment=segment).iloc[0]["产品要求"])


def requirement_score(
    segment: str, requirement: str, strengths: tuple[int, ...] = (1, 3, 9)
) -> float:
    """Technical importance of one requirement for a segment, counting only these strengths."""
    from custseg.qfd import RELATIONS

    column = RELATIONS[requirement]
    importance = _needs().loc[segment, list(RELATIONS.index)]
    kept = column.where(column.isin(strengths), 0)
    return round(float((kept * importance).sum()), 1)


REQUIREMENT_CHOICES = (
    "推出家庭装和促销装",
    "减糖减盐、配料表干净",
    "包装印上溯源和质检信息",
    "每季度上新口味",
    "进社区便利店和即时零售",
)

q4 = bind(
    Problem(
        name="developing_first_requirement",
        kind="prediction",
        prompt=(
            "先预测，再运行下面的质量屋：为**一般发展客户**（人数最多的客户群之一）改进产品，"
            "技术重要度排第一的产品要求会是哪一项？"
        ),
        choices=REQUIREMENT_CHOICES,
        expected=lambda: first_requirement("一般发展客户"),
        accept=("家庭装", "促销装", "家庭装和促销装"),
        misconceptions=(
            Misconception(
                "减糖减盐",
                "看需求表“一般发展客户”这一行：他们给“价格实惠”的打分比“健康配料”高；"
                "看重健康配料的是重要价值客户这些高价值客户群。",
            ),
            Misconception(
                "减糖减盐、配料表干净",
                "看需求表“一般发展客户”这一行：他们给“价格实惠”的打分比“健康配料”高；"
                "看重健康配料的是重要价值客户这些高价值客户群。",
            ),
            Misconception(
                "包装印上溯源和质检信息",
                "它主要服务“品牌可信”，而一般发展客户给“品牌可信”的打分不高。",
            ),
            Misconception(
                "每季度上新口味",
                "上新口味只强烈服务“口味新颖”一项，别的需求几乎帮不上，加起来分数不高。",
            ),
        ),
        hints=(
            "先看需求表中一般发展客户哪一项打分最高，再看关系矩阵里哪项要求和它是 9 分的强关系。",
        ),
        solution='developing_first_requirement = "推出家庭装和促销装"',
        explanation=(
            "一般发展客户最看重价格实惠和买得方便，家庭装和促销装对这两项都有帮助，所以排第一。"
            "同一张关系矩阵，换一个客户群，重要度一变，优先顺序就变。"
        ),
    )
)

q5 = bind(
    Problem(
        name="traceability_score",
        kind="calculation",
        prompt=(
            "重要价值客户的质量屋里，“包装印上溯源和质检信息”的技术重要度是多少？保留一位小数。"
        ),
        expected=lambda: requirement_score("重要价值客户", "包装印上溯源和质检信息"),
        compare=close_to(0.051),
        misconceptions=(
            Misconception(
                lambda: requirement_score("重要价值客户", "包装印上溯源和质检信息", (9,)),
                "这只算了 9 分（强关系）那一格；3 分（中等关系）的“健康配料”也要加上。",
            ),
            Misconception(
                lambda: requirement_score("一般发展客户", "包装印上溯源和质检信息"),
                "这是一般发展客户的重要度算出来的；题目问重要价值客户。",
            ),
            Misconception(
                lambda: requirement_share("重要价值客户", "包装印上溯源和质检信息"),
                "这是“占比”那一列（百分数）；题目要的是“技术重要度”本身。",
            ),
        ),
        hints=(
            "这项要求和“品牌可信”是 9 分，和“健康配料”是 3 分。",
            "品牌可信的重要度 × 9 + 健康配料的重要度 × 3。",
        ),
        solution='traceability_score = ...  # house_of_quality(needs=needs, segment="重要价值客户") 中这一项的技术重要度',
        explanation="技术重要度把“客户有多在意”和“这项改进有多大帮助”乘起来再相加：两者都大，才值得先做。",
    )
)

q6 = bind(
    Problem(
        name="pseudonymised_still_personal",
        kind="judgment",
        prompt=(
            "把客户编号换成加盐的假名、遮蔽姓名和电话、删掉证件号之后，这张表交给分析团队。"
            "它还属于个人信息吗？"
        ),
        choices=("是，仍是个人信息", "不是，已经匿名化了"),
        expected=lambda: "是，仍是个人信息",
        accept=("是", "仍是个人信息", "个人信息"),
        misconceptions=(
            Misconception(
                "不是，已经匿名化了",
                "这是**去标识化**，不是匿名化：拿到盐的人能把假名对回客户编号。第 73 条：匿名化要求"
                "无法识别特定自然人**且不能复原**。",
            ),
            Misconception("不是", "这是去标识化，不是匿名化：有盐就能复原（第 73 条）。"),
        ),
        hints=(
            "第 73 条区分两种处理：去标识化（不借助额外信息无法识别）和匿名化（无法识别且不能复原）。",
            "盐就是那份“额外信息”。",
        ),
        solution='pseudonymised_still_personal = "是，仍是个人信息"',
        explanation=(
            "去标识化的数据仍是个人信息（第 4 条只把匿名化后的信息排除在外），仍要按法律保护；"
            "盐要和数据分开保管。去标识化是第 51 条要求的安全措施之一。"
        ),
    )
)

q7 = bind(
    Problem(
        name="cn_rows_at_risk",
        kind="calculation",
        prompt=(
            "禾悦食品的客户表 `cn_customers`（模拟数据）：年龄 10 岁一段，准标识符取 年龄、性别、省份"
            "（`['age', 'gender', 'province']`），k_min = 5。有多少行处在少于 5 行的组合中？"
        ),
        expected=lambda: rows_at_risk(["age", "gender", "province"], 10),
        misconceptions=(
            Misconception(
                lambda: rows_at_risk(["age", "gender", "province"], 1),
                "这是精确年龄（不分段）的结果：先用 `with_age_bands(..., width=10)` 把年龄分成 10 岁一段。",
            ),
            Misconception(
                lambda: round(rows_at_risk(["age", "gender", "province"], 10) / 2000 * 100, 1),
                "这是占全部行的百分数；题目要的是行数。",
            ),
            Misconception(
                lambda: round(rows_at_risk(["age", "gender", "province"], 10) / 2000, 3),
                "这是占全部行的比例；题目要的是行数（“少于 5 行的组合中的行数”那一列）。",
            ),
            Misconception(
                1,
                "这是 k（最小组合的行数）；题目要的是所有少于 5 行的组合里加起来有多少行。",
            ),
        ),
        hints=(
            "`cn_banded = with_age_bands(frame=cn_customers, column='age', width=10)`。",
            "`k_anonymity_summary(frame=cn_banded, quasi_identifiers=['age', 'gender', 'province'], k_min=5)`，"
            "读“少于 5 行的组合中的行数”。",
        ),
        solution=(
            "cn_banded = with_age_bands(frame=cn_customers, column='age', width=10)\n"
            "k_anonymity_summary(frame=cn_banded, quasi_identifiers=['age', 'gender', 'province'], "
            "k_min=5)\n"
            "cn_rows_at_risk = ...  # 表中“少于 5 行的组合中的行数”"
        ),
        explanation=(
            "省份有二十多个取值，和年龄段、性别组合后很多组合只有一两个人。交出去之前可以把省份归并成"
            "大区或城市等级，或者干脆不给这一列。"
        ),
    )
)

q8 = bind(
    Problem(
        name="narrowest_safe_width",
        kind="decision",
        prompt=(
            "在上面的小部件里只勾选 **年龄、性别、城市等级**，k_min 保持 5。分析团队要求：处在少于 5 行的"
            f"组合中的行不超过 {MAX_ROWS_AT_RISK} 行（全部 2,000 位客户的 1%）。年龄段宽度最窄可以是几岁？"
            "（年龄段越窄，分析越细，所以要最窄的那个。）"
        ),
        expected=lambda: narrowest_width(CN_QUASI),
        misconceptions=(
            Misconception(
                10,
                "10 岁一段满足要求，但不是最窄的：把滑块从 1 往右慢慢拖，第一次满足要求时就停下。",
            ),
            Misconception(
                20,
                "20 岁一段当然够安全，但分析太粗了：题目要的是满足要求的**最窄**宽度。",
            ),
        ),
        hints=(
            "从宽度 1 开始，每次往右拖一格，看“少于 5 行的组合中的行数”。",
            f"第一次不超过 {MAX_ROWS_AT_RISK} 行时的宽度就是答案。",
        ),
        solution="narrowest_safe_width = ...  # 小部件上第一次满足要求的年龄段宽度",
        explanation=(
            "泛化是隐私和分析精度之间的取舍：年龄段越宽越安全，但分析越粗。在满足安全要求的前提下选"
            "最窄的宽度。注意宽度再加一两岁，有风险的行不一定更少——分段的边界也在移动。"
        ),
    )
)

q9 = bind(
    Problem(
        name="more_columns_risk",
        kind="prediction",
        prompt=(
            "先预测，再在小部件上验证：在 年龄、性别、城市等级 之外再勾上 **省份**，"
            "处在少于 5 行的组合中的行会怎样？"
        ),
        choices=("变多", "变少", "不变"),
        expected=lambda: "变多",
        compare=MORE_OR_FEWER,
        accept=("变大",),
        misconceptions=(
            Misconception(
                "变少",
                "多一列，每个组合只会被切得更细（同一组人按省份再分开），组合里的人数只会变少，风险只会变大。",
            ),
            Misconception(
                "不变",
                "省份有二十多个取值：原来同一组的客户按省份再分开，很多组合会变得只有一两个人。",
            ),
        ),
        hints=("加一列准标识符，相当于把每一组人再按这一列分开。",),
        solution='more_columns_risk = "变多"',
        explanation=(
            "准标识符越多，越容易认出人。分群用不上的准标识符就不要交出去：这就是“最小必要”（第 6 条）。"
        ),
    )
)
