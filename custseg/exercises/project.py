"""Practice for module 13, the final project: a decision at each of the five steps.

On the simulated 禾悦食品 data (模拟数据): how to clean a raw export (:mod:`custseg.raw_export`),
which method to segment with, where to put a cut-off on the widget, what to do for a segment
given the coupon experiment, how large a control group must be and what to do with a result.
"""

from __future__ import annotations

from functools import cache

from custseg.exercises.problem import Misconception, Problem, bind

__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10"]

VIP = "重要价值客户"
VIP_LIMIT = 300
"""The VIP service team can look after at most this many customers (q5)."""
COUPON_BUDGET = 4000
"""The coupon budget of step 4 (q6), in 元."""
SLIDER_SLACK = 150
"""How far above the lowest cut-off that meets the limit an answer may be (slider steps of 50)."""

NET = '从同一位客户的购买中扣除（refunds="net"）'
DROP = '只删除退款行，原来的购买照算（refunds="drop"）'


@cache
def cleaned(refunds: str = "net", drop_duplicates: bool = True):
    """The raw export cleaned with the given choices: ``(clean, report)``."""
    from custseg.raw_export import raw_cn_orders
    from custseg.transactions import clean_transactions

    return clean_transactions(raw_cn_orders(), refunds=refunds, drop_duplicates=drop_duplicates)


def removed_lines(refunds: str = "net", drop_duplicates: bool = True) -> int:
    """Lines the cleaning removed with these choices."""
    return int(cleaned(refunds, drop_duplicates)[1].counts.sum())


@cache
def _rfm():
    from custseg.rfm import rfm_table

    return rfm_table(cleaned()[0])


def vip_customers(monetary: float) -> int:
    """重要价值客户 with the widget's starting R and F cut-offs and this M cut-off."""
    from custseg.process import classify_customers
    from custseg.segments import default_cutoffs

    start = default_cutoffs(_rfm())
    segmented = classify_customers(
        _rfm(), recency=start["recency"], frequency=start["frequency"], monetary=monetary
    )
    return int((segmented["segment"] == VIP).sum())


def lowest_vip_cutoff() -> int:
    """The lowest whole-yuan M cut-off that leaves at most VIP_LIMIT 重要价值客户."""
    from custseg.segments import default_cutoffs

    monetary = int(default_cutoffs(_rfm())["monetary"])
    while vip_customers(monetary) > VIP_LIMIT:
        monetary += 1
    return monetary


def _compare_cutoff(expected: object, answer: object) -> str | None:
    if isinstance(answer, bool) or not isinstance(answer, int | float):
        return f"答案应该是一个数字（M 门槛，元），你给的是 {answer!r}。"
    vips = vip_customers(float(answer))
    if vips > VIP_LIMIT:
        return f"M 门槛为 {answer} 时还有 {vips} 位重要价值客户，超过了 {VIP_LIMIT} 人：再往右拖。"
    if float(answer) > float(expected) + SLIDER_SLACK:
        return (
            f"M 门槛为 {answer} 时只剩 {vips} 位重要价值客户：门槛抬得太高，把值得专人服务的客户挡在了外面。"
            "往左拖，找到刚好不超过 300 人的位置。"
        )
    return None


q1 = bind(
    Problem(
        name="refund_rule",
        kind="decision",
        prompt=(
            "第 1 步 数据收集：导出的订单里有金额为负的**退款**行（客户买了又退了）。清洗时怎么处理？"
        ),
        choices=(NET, DROP, "保留，当作普通订单"),
        expected=lambda: NET,
        accept=("net", "扣除"),
        misconceptions=(
            Misconception(
                DROP,
                "只删退款行，被退掉的那笔购买还算在客户头上：他的消费金额和购买次数都被高估了。",
            ),
            Misconception(
                "保留，当作普通订单",
                "负数金额当作订单，会把退款算成一次“购买”（F 变大），金额又被抵掉一部分，两头都错。",
            ),
            Misconception(
                "drop",
                "只删退款行，被退掉的那笔购买还算在客户头上：他的消费金额和购买次数都被高估了。",
            ),
        ),
        hints=("客户买了 100 元又退了 100 元，他实际买了多少？",),
        solution=f"refund_rule = {NET!r}",
        explanation=(
            "退款要从同一位客户的购买里扣掉：全部退掉的购买整笔删除，部分退款的保留剩下的金额。"
            "清洗报告会把这些行记为“退款行”和“被退款全额冲销的购买”。"
        ),
    )
)

q2 = bind(
    Problem(
        name="duplicate_rule",
        kind="decision",
        prompt=(
            "导出的订单里有完全一样的行：同一订单号、同一客户、同一天、同一品类、同一金额出现了两次。删还是不删？"
        ),
        choices=(
            "删除：同一订单的同一品类只该有一行，这是系统重复导出",
            "保留：可能是真实的两次购买",
        ),
        expected=lambda: "删除：同一订单的同一品类只该有一行，这是系统重复导出",
        accept=("删除", "删"),
        misconceptions=(
            Misconception(
                "保留：可能是真实的两次购买",
                "两次真实的购买会有不同的订单号；同一订单号下同一品类本应合并成一行。"
                "（只有列很少、没有订单号的文件，才要小心真实的重复购买。）",
            ),
            Misconception(
                "保留",
                "两次真实的购买会有不同的订单号；同一订单号下同一品类本应合并成一行。"
                "（只有列很少、没有订单号的文件，才要小心真实的重复购买。）",
            ),
        ),
        hints=("先看这张表有哪些列：订单号和品类都一样，还可能是两次不同的购买吗？",),
        solution='duplicate_rule = "删除：同一订单的同一品类只该有一行，这是系统重复导出"',
        explanation="这份导出每个订单每个品类一行，完全相同的行只能是重复导出：删除，并在清洗报告中写明。",
    )
)

q3 = bind(
    Problem(
        name="lines_removed",
        kind="calculation",
        prompt="按你们的两个决定清洗后，清洗报告里一共删除了多少行？",
        expected=lambda: removed_lines("net", True),
        misconceptions=(
            Misconception(
                lambda: removed_lines("drop", True),
                '这是只删除退款行（refunds="drop"）的结果：练一练 1 的决定是从购买中扣除。',
            ),
            Misconception(
                lambda: removed_lines("net", False),
                "这没有删除重复行：练一练 2 的决定是 drop_duplicates=True。",
            ),
            Misconception(
                lambda: int(cleaned()[1].counts["missing_customer"]),
                "这只是没有客户编号的行；把报告中每一类的行数加起来。",
            ),
            Misconception(
                lambda: int(len(cleaned()[0])),
                "这是清洗后保留下来的行数；题目问删除了多少行。",
            ),
            Misconception(
                lambda: int(len(cleaned()[0])) + removed_lines("net", True),
                "这是清洗前的全部行数（“合计”）；题目问删除了多少行。",
            ),
        ),
        hints=(
            "运行清洗的那一格下面的表，列出了每一类被删除的行数。",
            "“合计（清洗前）”减去“保留（清洗后的数据）”，就是删除的行数。",
        ),
        solution='lines_removed = ...  # clean_transactions(transactions=raw, refunds="net", drop_duplicates=True) 的报告中删除的行数',
        explanation=(
            "每删一行都要说得出原因：散客没有客户编号，无法归到任何客户；重复导出、退款、日期写错的行会让"
            "客户的 R、F、M 失真。"
        ),
    )
)

q4 = bind(
    Problem(
        name="main_method",
        kind="judgment",
        prompt=("第 2 步 数据分析之后：老板要决定“先服务谁、给谁发券”。用哪种分类方法做主方法？"),
        choices=(
            "RFM 八类：按最近购买、购买次数和消费金额分，每一类都对应一个营销动作",
            "只按年龄和性别分",
            "只对问卷答案做聚类（心理画像）",
        ),
        expected=lambda: "RFM 八类：按最近购买、购买次数和消费金额分，每一类都对应一个营销动作",
        accept=("RFM", "RFM 八类"),
        misconceptions=(
            Misconception(
                "只按年龄和性别分",
                "年龄和性别说不出谁在买、谁快要流失；同龄同性别的客户，价值可以差几十倍。",
            ),
            Misconception(
                "只对问卷答案做聚类（心理画像）",
                "心理画像适合设计产品和广告语，但说不出谁最近买过、谁贡献大；决定先服务谁要看购买行为。",
            ),
        ),
        hints=("“先服务谁”看价值，“给谁发券”看购买行为：哪种方法直接用到购买记录？",),
        solution='main_method = "RFM 八类：按最近购买、购买次数和消费金额分，每一类都对应一个营销动作"',
        explanation=(
            "价值很集中时（少数客户贡献大部分销售额），按购买行为分层最直接：RFM 告诉你谁有价值、谁在流失。"
            "问卷的心理画像可以补充在每个客户群内部，用来设计产品和话术。"
        ),
    )
)

q5 = bind(
    Problem(
        name="vip_cutoff",
        kind="decision",
        prompt=(
            f"第 3 步 客户分类：会员服务团队最多能专人服务 **{VIP_LIMIT} 位**重要价值客户。"
            "R 和 F 滑块不动，只把 M 滑块（“超过多少钱算高”）往右拖，直到重要价值客户不超过 "
            f"{VIP_LIMIT} 人，而且门槛尽量低。写下你定的 M 门槛（元）。"
        ),
        expected=lowest_vip_cutoff,
        compare=_compare_cutoff,
        hints=(
            "看滑块下面的人数：“重要价值客户 … 人”。",
            f"一格一格往右拖，第一次不超过 {VIP_LIMIT} 人时停下，读出 M 的值。",
        ),
        solution="vip_cutoff = ...  # 小部件上第一次让重要价值客户不超过 300 人的 M 门槛",
        explanation=(
            "分界点是业务决定，不只是统计：服务能力、预算都可以是定分界点的理由。"
            "门槛抬高，一部分客户从重要价值客户落到一般价值客户，他们的服务方式也跟着变。"
        ),
    )
)

q6 = bind(
    Problem(
        name="customers_left_over",
        kind="calculation",
        prompt=(
            f"第 4 步 策略制定：发券预算 **{COUPON_BUDGET:,} 元**，每位客户 5 元。"
            "先把券发给**全部**一般发展客户（1 月的随机实验里，他们的增量显著为正），"
            "剩下的预算还够再发给**多少位**客户？"
        ),
        expected=lambda: (COUPON_BUDGET - _developing_customers() * 5) // 5,
        misconceptions=(
            Misconception(
                lambda: COUPON_BUDGET // 5,
                "这是整笔预算能发的人数：先减去发给全部一般发展客户的成本。",
            ),
            Misconception(
                lambda: COUPON_BUDGET - _developing_customers() * 5,
                "这是剩下的钱（元）；再除以每位 5 元，才是还能发给多少位客户。",
            ),
            Misconception(
                lambda: _developing_customers() * 5,
                "这是发给全部一般发展客户的成本（策略表“全部覆盖的成本”）；再用预算减去它，除以 5。",
            ),
        ),
        hints=(
            "策略表的“全部覆盖的成本”一列写着发给全部一般发展客户要花多少。",
            f"（{COUPON_BUDGET:,} − 这笔成本）÷ 5。",
        ),
        solution="customers_left_over = ...  # (预算 − 策略表中一般发展客户的“全部覆盖的成本”) ÷ 5",
        explanation=(
            "先算清楚全部覆盖要花多少，再和预算比。剩下的钱发给谁，也要看增量："
            "重要挽留客户的增量看起来大，但只有几十个人、区间很宽，先小规模再验证一次。"
        ),
    )
)


def _developing_customers() -> int:
    from custseg.segments import segment_customers

    return int((segment_customers(_rfm(), scheme="cn8")["segment"] == "一般发展客户").sum())


q7 = bind(
    Problem(
        name="vip_strategy",
        kind="judgment",
        prompt=(
            "1 月的随机发券实验里，重要价值客户的增量不是正的（发券的一组反而略低），置信区间跨过 0。"
            "对重要价值客户，今年的策略选哪个？"
        ),
        choices=(
            "每人再发 20 元满减券",
            "专属客服、新品试吃、会员积分和生日礼遇，不靠折扣",
            "不联系，省下预算",
        ),
        expected=lambda: "专属客服、新品试吃、会员积分和生日礼遇，不靠折扣",
        accept=("不靠折扣", "专属客服"),
        misconceptions=(
            Misconception(
                "每人再发 20 元满减券",
                "实验表明券几乎没有让他们多买：他们本来就会买，券只是给已有的购买打了折。",
            ),
            Misconception(
                "不联系，省下预算",
                "他们贡献了大部分销售额：不联系，竞争对手会联系。要的是不靠折扣的关系维护。",
            ),
        ),
        hints=("券对他们没有增量，说明什么？他们贡献多少销售额？",),
        solution='vip_strategy = "专属客服、新品试吃、会员积分和生日礼遇，不靠折扣"',
        explanation="高价值客户要维护关系而不是打折：服务和体验留住他们，券留给增量大的客户群。",
    )
)

q8 = bind(
    Problem(
        name="group_size",
        kind="calculation",
        prompt=(
            "第 5 步 效果评估：今年给一般发展客户发券。不发券时他们的响应率约 25%，希望看出 **8 个百分点**的增量。"
            "用 `control_group_size` 算：每组（实验组、对照组）至少多少人？"
        ),
        expected=lambda: _size(0.25, 0.08),
        misconceptions=(
            Misconception(lambda: 2 * _size(0.25, 0.08), "这是两组合计；题目问每组。"),
            Misconception(
                lambda: _size(0.33, 0.08),
                "基线是不发券时的响应率 25%，不是发券后希望达到的 33%。",
            ),
        ),
        hints=("`control_group_size(baseline_rate=0.25, difference=0.08)`。",),
        solution="group_size = control_group_size(baseline_rate=0.25, difference=0.08)",
        explanation="每组约 500 人。一般发展客户一共才六百多人，两组各 500 人是凑不齐的：见下一题。",
    )
)


def _size(baseline: float, difference: float) -> int:
    from custseg.experiment import control_group_size

    return control_group_size(baseline_rate=baseline, difference=difference)


HALF = "随机一半一半，接受只能看出更大的增量；或者把活动做两个月、合并评估"
q9 = bind(
    Problem(
        name="control_plan",
        kind="decision",
        prompt="一般发展客户只有六百多人，凑不齐两组各 500 人。对照组怎么留？",
        choices=(
            "只留 10%（约 60 人）做对照组，其余都发券",
            HALF,
            "不留对照组，活动后和去年同期比",
        ),
        expected=lambda: HALF,
        accept=("一半一半", "随机一半一半"),
        misconceptions=(
            Misconception(
                "只留 10%（约 60 人）做对照组，其余都发券",
                "60 人的对照组，响应率的误差有十几个百分点：增量的置信区间会宽得什么也说明不了。",
            ),
            Misconception(
                "不留对照组，活动后和去年同期比",
                "去年同期的客户、价格和节日都不一样：前后之差混着这些变化，不是券的效果。",
            ),
        ),
        hints=("人数固定时，两组怎样分，增量的置信区间最窄？",),
        solution=f"control_plan = {HALF!r}",
        explanation="人数固定时，两组一样大最省；人不够就降低要求，或者积累更长时间的数据。",
    )
)

NEXT = "看各客户群的增量，检查券的面额和门槛，调整后再做一次随机实验"
q10 = bind(
    Problem(
        name="next_step",
        kind="judgment",
        prompt=(
            "活动结束：实验组响应率 30%，对照组 29%，增量的 95% 置信区间是 −3 至 5 个百分点。向老板汇报的下一步是？"
        ),
        choices=("宣布活动成功：实验组更高", "认定促销没用，今后停止一切促销", NEXT),
        expected=lambda: NEXT,
        accept=("再做一次随机实验", "调整后再做一次随机实验"),
        misconceptions=(
            Misconception(
                "宣布活动成功：实验组更高",
                "1 个百分点的差距，置信区间跨过 0：可能只是运气，不能说成功。",
            ),
            Misconception(
                "认定促销没用，今后停止一切促销",
                "看不出效果不等于证明没有效果；而且效果可能只在某些客户群，或者券的设计不对。",
            ),
        ),
        hints=("置信区间跨过 0 说明什么？说明“没有效果”吗？",),
        solution=f"next_step = {NEXT!r}",
        explanation="评估之后要总结经验：看分群、查原因、改方案，再用随机对照检验——这是客户分类的循环。",
    )
)
