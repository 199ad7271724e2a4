"""Practice for module 10 (promotion design and evaluation).

A prediction on the ROI simulator; why the observational bank comparison proves no effect;
the randomised coupon experiment of the simulated 禾悦食品 (模拟数据): the increment, whether
it is significant, which segment to target, how large a control group must be; and a
scenario (情景模拟) in which a sales manager decides on a promotion with given numbers.
"""

from __future__ import annotations

from functools import cache

from custseg.exercises.problem import Misconception, Problem, bind, close_to

__all__ = ["q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10"]

# The simulator's plan in the course (revenue 100 元 per response, 9% respond anyway).
SIMULATOR = {"targets": 1000, "revenue_per_response": 100, "response_rate": 0.15}
BASELINE = 0.09
# The scenario sheet of the course (情景模拟): budget, cost and margin.
BUDGET, COST_PER_CUSTOMER, PROFIT_PER_PURCHASE = 6000, 2, 60
SCENARIO_RATE, SCENARIO_INCREMENT = 0.20, 0.06  # segment 乙: response without coupon, increment


@cache
def cn_result():
    """The course's evaluation of the simulated coupon experiment, by segment."""
    from custseg.datasets import load_cn_promotion
    from custseg.promotion import evaluate_campaign

    return evaluate_campaign(
        load_cn_promotion(),
        group_col="group",
        treatment="实验组",
        control="对照组",
        outcome_col="responded",
        positive=True,
        segment_col="segment",
        revenue_per_response=60,
        cost_per_contact=5,
    )


def _break_even(cost: float) -> float:
    from custseg.promotion import promotion_roi

    plan = promotion_roi(cost_per_contact=cost, baseline_rate=BASELINE, **SIMULATOR)
    return round(plan["break_even_rate"], 3)


def _overall(column: str) -> float:
    return float(cn_result().iloc[0][column])


SIGNIFICANT = "能：增量的置信区间不包含 0，而且两组是随机分的"
NOT_SIGNIFICANT = "不能确定：增量的置信区间包含 0"


def _overall_verdict() -> str:
    return SIGNIFICANT if bool(cn_result().iloc[0]["significant"]) else NOT_SIGNIFICANT


TARGET_CHOICES = ("重要价值客户", "一般发展客户", "一般挽留客户")


def best_target() -> str:
    """Of the three candidate segments, the one whose increment is surely largest (lower bound)."""
    return str(cn_result().loc[list(TARGET_CHOICES), "abs_lift_ci_low"].idxmax())


q1 = bind(
    Problem(
        name="break_even_at_10",
        kind="prediction",
        prompt=(
            "先预测，再动滑块：模拟器里每次响应收入 100 元、不做活动的响应率 9%。"
            "如果每次联系成本从 5 元涨到 **10 元**，保本响应率是多少？先写下你的猜测，"
            "再把“每次联系成本”拖到 10，读出保本响应率。写成 0 到 1 之间的小数（例如 0.25）。"
        ),
        expected=lambda: _break_even(10),
        compare=close_to(0.0015),
        misconceptions=(
            Misconception(0.10, "这只是 10 ÷ 100：忘了加上不做活动也会响应的 9%（基线）。"),
            Misconception(19, "这是百分数；题目要 0 到 1 之间的小数。"),
            Misconception(
                lambda: _break_even(5),
                "这是成本 5 元时的保本响应率：先把“每次联系成本”拖到 10，再读数。",
            ),
            Misconception(
                lambda: 2 * _break_even(5),
                "成本翻倍，只有“成本 ÷ 收入”那一部分翻倍，不做活动的 9% 不变。",
            ),
        ),
        hints=(
            "保本响应率 = 不做活动的响应率 + 每次联系成本 ÷ 每次响应收入。",
            "0.09 + 10 ÷ 100。",
        ),
        solution="break_even_at_10 = 0.19",
        explanation=(
            "成本翻倍后，每联系一人要多出 0.1 次响应才能回本，再加上本来就会响应的 9%，"
            "活动组响应率至少要到 19%。基线越高，活动越难赚钱。"
        ),
    )
)

q2 = bind(
    Problem(
        name="bank_claim",
        kind="judgment",
        prompt=(
            "银行数据里，“此前联系过”的客户比“首次联系”的客户响应率高十几个百分点，而且显著。"
            "能不能对领导说“多联系一次，响应率就能提高这么多”？"
        ),
        choices=(
            "能：差距显著，说明多联系一次就有效",
            "不能：两组不是随机分的，客户本来就不一样",
            "不能：p 值太大",
        ),
        expected=lambda: "不能：两组不是随机分的，客户本来就不一样",
        accept=("不能",),
        misconceptions=(
            Misconception(
                "能：差距显著，说明多联系一次就有效",
                "显著只说明两组的差距不太可能是运气，不说明差距从哪里来：此前被联系的客户是银行挑出来的。",
            ),
            Misconception(
                "不能：p 值太大",
                "结论对，理由不对：p 值很小（p < 0.001），差距是显著的；问题在于两组不是随机分的。",
            ),
        ),
        hints=("谁决定了哪些客户“此前被联系过”？是抽签，还是银行自己挑的？",),
        solution='bank_claim = "不能：两组不是随机分的，客户本来就不一样"',
        explanation=(
            "观察数据的比较混着两件事：活动的作用，和“谁被选中”。银行挑出来联系的客户，本来就更可能认购。"
            "只有随机留出对照组，两组才只差在“有没有活动”，差值才是活动的效果。"
        ),
    )
)

q3 = bind(
    Problem(
        name="cn_increment_points",
        kind="calculation",
        prompt=(
            "禾悦食品的优惠券实验（模拟数据，随机分组）：全部客户中，实验组的响应率比对照组高多少个"
            "**百分点**？保留一位小数（例如 3.5）。"
        ),
        expected=lambda: round(_overall("abs_lift") * 100, 1),
        compare=close_to(0.051),
        misconceptions=(
            Misconception(
                lambda: round(_overall("treatment_rate") * 100, 1),
                "这是实验组自己的响应率：忘了减去对照组（不发券也会买的人）。",
            ),
            Misconception(
                lambda: round(_overall("control_rate") * 100, 1),
                "这是对照组（不发券）的响应率；增量是实验组响应率减去它。",
            ),
            Misconception(
                lambda: -round(_overall("abs_lift") * 100, 1),
                "减反了：增量是实验组减对照组，实验组的响应率更高，所以是正数。",
            ),
            Misconception(
                lambda: f"{_overall('abs_lift') * 100:.1f}%",
                "数字对了，但请只写数字本身（不加 % 和引号）：单位“百分点”题目已经给了。",
            ),
            Misconception(
                lambda: round(_overall("abs_lift"), 3),
                "这是小数形式的差值；题目要百分点，乘以 100。",
            ),
            Misconception(
                lambda: round(_overall("rel_lift") * 100, 1),
                "这是相对增幅（增量 ÷ 对照组响应率）；题目要的是两个响应率直接相减的百分点。",
            ),
            Misconception(
                lambda: round(_overall("treatment_rate") / _overall("control_rate"), 2),
                "这是提升度（两个响应率之比）；题目要的是两个响应率之差，单位是百分点。",
            ),
        ),
        hints=(
            "看 `campaign_table(result=cn_result)` 中“全部”那一行。",
            "“增量（百分点）”那一列就是实验组响应率减对照组响应率。",
        ),
        solution="cn_increment_points = ...  # campaign_table(result=cn_result) 中“全部”一行的“增量（百分点）”",
        explanation=(
            "增量 = 实验组响应率 − 对照组响应率，单位是百分点；因为两组是随机分的，它就是发券带来的效果的估计。"
            "提升度是两个响应率之比，是另一回事。"
        ),
    )
)

q4 = bind(
    Problem(
        name="cn_overall_verdict",
        kind="judgment",
        prompt="从全部客户看，能不能说这次发券让客户多买了？",
        choices=(
            "能：增量大于 0 就说明有效",
            SIGNIFICANT,
            NOT_SIGNIFICANT,
            "不能：随机实验证明不了因果",
        ),
        expected=_overall_verdict,
        # the data are seeded: the overall increment is not significant (p = 0.35)
        accept=("不能确定", "不显著", "不能确定：置信区间包含 0", "置信区间包含 0"),
        misconceptions=(
            Misconception(
                "能：增量大于 0 就说明有效",
                "增量大于 0 也可能只是运气：要看它的 95% 置信区间是否不包含 0。",
            ),
            Misconception(
                "不能：随机实验证明不了因果",
                "正好相反：随机分组正是能证明因果的办法，观察数据才不能。",
            ),
            Misconception(
                lambda: NOT_SIGNIFICANT if _overall_verdict() == SIGNIFICANT else SIGNIFICANT,
                "再看“全部”一行的“增量的 95% 置信区间”：两个端点是不是都大于 0？",
            ),
        ),
        hints=("看“全部”一行的“增量的 95% 置信区间”和“是否显著”。",),
        solution="cn_overall_verdict = ...  # 按“全部”一行的置信区间选 B 或 C",
        explanation=(
            "随机实验让增量可以解读为因果效果，但仍要看置信区间：区间包含 0，就看不出效果，"
            "也不能断定没有效果。总体不显著时，效果可能集中在某些客户群——这就要看分群的结果。"
        ),
    )
)

q5 = bind(
    Problem(
        name="coupon_segment",
        kind="decision",
        prompt=("下一次发券，只能在下面三个客户群中选一个。根据这次随机实验，选哪一个？"),
        choices=TARGET_CHOICES,
        expected=best_target,
        accept=("一般发展",),
        misconceptions=(
            Misconception(
                "重要价值客户",
                "他们的响应率最高，但对照组（不发券）的响应率还更高：他们不发券也会买。"
                "要看增量（和它的置信区间），不是响应率。",
            ),
            Misconception(
                "一般挽留客户",
                "这个群人最多，但增量接近 0（置信区间跨过 0）：券发给他们，几乎换不来额外的购买。",
            ),
            Misconception(
                "重要挽留客户",
                "它不在三个选项里。它的增量看起来最大，可两组加起来只有几十个人，区间很宽；"
                "八个客户群各算一次，碰巧“显著”一两个并不稀奇，要先再做一次实验确认。",
            ),
        ),
        hints=(
            "发券要发给“因为券才买”的人：比较的是增量，不是响应率。",
            "哪一个群的增量显著大于 0（置信区间两端都大于 0）？",
        ),
        solution=f'coupon_segment = "{TARGET_CHOICES[1]}"',
        explanation=(
            "按增量（uplift）选对象，而不是按响应率：高价值客户响应率高，是因为他们本来就会买；"
            "券的钱花在他们身上，多半是补贴了本来就有的购买。"
            "还要记住：八个客户群各比一次，即使券完全没用，也常有一个群碰巧“显著”；"
            "分群的结果是下一次实验的方向，先在这个群里再验证一次，再大规模发券。"
        ),
    )
)

q6 = bind(
    Problem(
        name="group_size_needed",
        kind="calculation",
        prompt=(
            "下一次实验：不发券时的响应率估计为 25%，希望能看出 **5 个百分点**的增量"
            "（95% 把握、80% 的检出率）。用 `control_group_size` 算一算：每组（对照组和实验组）至少要多少人？"
        ),
        expected=lambda: _group_size(0.25, 0.05),
        misconceptions=(
            Misconception(
                lambda: 2 * _group_size(0.25, 0.05),
                "这是两组加起来的人数；题目问的是每组的人数。",
            ),
            Misconception(
                lambda: _group_size(0.30, 0.05),
                "基线（baseline_rate）是不发券时的响应率 25%，不是发券后希望达到的 30%。",
            ),
        ),
        hints=("`control_group_size(baseline_rate=0.25, difference=0.05)`。",),
        solution="group_size_needed = control_group_size(baseline_rate=0.25, difference=0.05)",
        explanation=(
            "想看出的增量越小，需要的人越多：人数大约和增量的平方成反比，增量减半，人数要翻四倍。"
        ),
    )
)


def _group_size(baseline: float, difference: float) -> int:
    from custseg.experiment import control_group_size

    return control_group_size(baseline_rate=baseline, difference=difference)


q7 = bind(
    Problem(
        name="too_few_customers",
        kind="decision",
        prompt=(
            "按上一题的人数，两组加起来要两千多人，可下一次活动只能邀请 2,000 位老客户。你怎么办？"
        ),
        choices=(
            "只留 100 人做对照组，其余都发券",
            "不留对照组，比较发券前后一个月的响应率",
            "放宽目标（例如只求看出 8 个百分点的增量），或者分两轮做、合起来评估",
        ),
        expected=lambda: "放宽目标（例如只求看出 8 个百分点的增量），或者分两轮做、合起来评估",
        accept=("放宽目标", "分两轮做"),
        misconceptions=(
            Misconception(
                "只留 100 人做对照组，其余都发券",
                "对照组只有 100 人，它的响应率误差很大，增量的置信区间会非常宽，多半什么也看不出来。",
            ),
            Misconception(
                "不留对照组，比较发券前后一个月的响应率",
                "前后两个月的季节、节假日都不同（例如春节），前后之差混着季节的影响，不是券的效果。",
            ),
        ),
        hints=("对照组太小会怎样？没有对照组又会怎样？",),
        solution=(
            'too_few_customers = "放宽目标（例如只求看出 8 个百分点的增量），或者分两轮做、合起来评估"'
        ),
        explanation=(
            "人数不够时，要么降低要求（只求看出更大的增量：8 个百分点每组约 500 人就够），要么积累更多样本；"
            "两组人数相等时最省人。不留对照组或对照组太小，都换不来可信的结论。"
        ),
    )
)

q8 = bind(
    Problem(
        name="scenario_segment",
        kind="decision",
        prompt="情景模拟：你是王经理。6,000 元的预算，券发给哪一个客户群？",
        choices=("甲：重要价值客户", "乙：一般发展客户", "丙：一般挽留客户"),
        expected=lambda: "乙：一般发展客户",
        accept=("乙", "一般发展客户"),
        misconceptions=(
            Misconception(
                "甲：重要价值客户",
                "甲的响应率 55% 最高，但那是不发券也会有的；增量只有 1.5 个百分点，置信区间还跨过 0。",
            ),
            Misconception(
                "丙：一般挽留客户",
                "丙的人最多，但增量只有 0.8 个百分点、置信区间跨过 0：发给他们几乎换不来额外购买。",
            ),
        ),
        hints=("比的是增量和它的置信区间，不是响应率，也不是人数。",),
        solution='scenario_segment = "乙：一般发展客户"',
        explanation="乙的增量最大（6 个百分点），而且置信区间两端都大于 0：券真的能让他们多买。",
    )
)

q9 = bind(
    Problem(
        name="scenario_extra_purchases",
        kind="calculation",
        prompt=(
            f"预算 {BUDGET:,} 元，每位客户成本 {COST_PER_CUSTOMER} 元，券全部发给乙。"
            "预计能**多出**多少次购买（因为券才有的购买）？"
        ),
        expected=lambda: BUDGET / COST_PER_CUSTOMER * SCENARIO_INCREMENT,
        compare=close_to(0.5),
        misconceptions=(
            Misconception(
                lambda: BUDGET / COST_PER_CUSTOMER * (SCENARIO_RATE + SCENARIO_INCREMENT),
                "这把不发券也会买的 20% 也算进来了；多出的购买只按增量 6 个百分点算。",
            ),
            Misconception(
                lambda: BUDGET / COST_PER_CUSTOMER * 6,
                "6 个百分点是 0.06，不是 6。",
            ),
            Misconception(
                lambda: BUDGET * SCENARIO_INCREMENT,
                "6,000 是预算（元），不是人数：先除以每位客户 2 元，算出能发给多少人。",
            ),
            Misconception(
                lambda: 3500 * SCENARIO_INCREMENT,
                "预算只够发给 6,000 ÷ 2 = 3,000 人，不是乙的全部 3,500 人。",
            ),
        ),
        hints=(
            "先算预算够发给多少人：6,000 ÷ 2。",
            "多出的购买 = 发券人数 × 增量（0.06）。",
        ),
        solution="scenario_extra_purchases = 6000 / 2 * 0.06",
        explanation="3,000 人 × 0.06 = 180 次：只有增量那部分是券带来的。",
    )
)

q10 = bind(
    Problem(
        name="scenario_roi",
        kind="calculation",
        prompt=(
            f"每次多出的购买带来 {PROFIT_PER_PURCHASE} 元毛利。这次发券的 ROI 是多少？"
            "写成小数（例如 ROI 为 50% 写 0.5）。"
        ),
        expected=lambda: _scenario_roi(SCENARIO_INCREMENT),
        compare=close_to(0.005),
        misconceptions=(
            Misconception(
                lambda: _scenario_roi(SCENARIO_INCREMENT) * 100,
                "这是百分数；题目要小数（80% 写 0.8）。",
            ),
            Misconception(
                lambda: _scenario_roi(SCENARIO_INCREMENT) + 1,
                "这是“收入 ÷ 成本”：ROI 还要先减去成本，（增量毛利 − 成本）÷ 成本。",
            ),
            Misconception(
                lambda: _scenario_roi(SCENARIO_INCREMENT) * BUDGET,
                "这是净赚的钱（元）；ROI 还要再除以成本 6,000 元，是一个比例。",
            ),
            Misconception(
                lambda: _scenario_roi(SCENARIO_RATE + SCENARIO_INCREMENT),
                "这把不发券也会买的人的毛利也算进来了：只算多出来的 180 次购买。",
            ),
        ),
        hints=(
            "增量毛利 = 多出的购买次数 × 60；成本 = 6,000。",
            "ROI = （增量毛利 − 成本）÷ 成本。",
        ),
        solution="scenario_roi = (180 * 60 - 6000) / 6000",
        explanation=(
            "（180 × 60 − 6,000）÷ 6,000 = 0.8：每花 1 元，净赚 0.8 元。"
            "如果发给甲，增量只有 1.5 个百分点，ROI 是负的——响应率高的群不一定赚钱。"
        ),
    )
)


def _scenario_roi(rate: float) -> float:
    customers = BUDGET / COST_PER_CUSTOMER
    return (customers * rate * PROFIT_PER_PURCHASE - BUDGET) / BUDGET
