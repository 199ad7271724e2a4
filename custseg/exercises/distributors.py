"""Practice for module 09 (distributor classification and selection) on the simulated sample.

Every answer is computed from the sample with the course's functions (never typed in here);
the two candidates of question 7 are named here, and the tests check that the data still
makes one of them the right choice.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

import pandas as pd

from custseg.exercises.other_names import MORE_OR_FEWER, under_other_names
from custseg.exercises.problem import Misconception, Problem, bind

__all__ = [
    "COOPERATION_FIRST",
    "REPLACE_CANDIDATES",
    "SALES_FIRST",
    "q1",
    "q2",
    "q3",
    "q4",
    "q5",
    "q6",
    "q7",
    "q8",
]

COOPERATION_FIRST = {"coverage": 0.2, "sales": 0.2, "cooperation": 0.6}
"""Question 3: a company that puts cooperation first."""

SALES_FIRST = {"coverage": 0.2, "sales": 0.6, "cooperation": 0.2}
"""Question 4: a year of pushing sales."""

REPLACE_CANDIDATES = ("D114", "D084")
"""Question 7: the two distributors of which one may be replaced."""


def _distributor_ids(size: int) -> Callable[[object, object], str | None]:
    """A ``compare`` for a set of distributor codes, also typed as text ("D005, D102").

    Examples
    --------
    >>> compare = _distributor_ids(2)
    >>> compare({"D058", "D047"}, "d047、D058") is None
    True
    >>> compare({"D058", "D047"}, {"D058"})
    '你写了 1 家，题目要 2 家。'
    >>> compare({"D058", "D047"}, {"D058", "D001"})
    '其中 D001 不对，另一家对了。'
    """

    def codes(answer: object) -> object:
        if isinstance(answer, str):
            return {c.upper() for c in re.findall(r"[dD]\d{3}", answer)} or answer
        if isinstance(answer, set | list | tuple):
            return {str(a).strip().upper() for a in answer}
        return answer

    def compare(expected: object, answer: object) -> str | None:
        answer = codes(answer)
        if not isinstance(answer, set):
            return (
                f'请写 {size} 家经销商的编号，放在大括号里，例如 {{"D001", "D002"}}；'
                f"你写的是 {answer!r}。"
            )
        if answer == expected:
            return None
        if len(answer) != size:
            return f"你写了 {len(answer)} 家，题目要 {size} 家。"
        wrong = sorted(answer - set(expected))
        right = size - len(wrong)
        rest = f"另外 {right} 家对了。" if right > 1 else ("另一家对了。" if right else "")
        return f"其中 {'、'.join(wrong)} 不对，{rest}".rstrip("，")

    return compare


@cache
def _periods() -> tuple[pd.DataFrame, pd.DataFrame]:
    from custseg.datasets import load_sample
    from custseg.distributors import period_rows

    data = load_sample("distributors")
    return period_rows(data, period="2024-H1"), period_rows(data, period="2024-H2")


@cache
def _scores(weights: tuple | None = None) -> pd.DataFrame:
    from custseg.distributors import distributor_score_table

    return distributor_score_table(_periods()[0], weights=dict(weights) if weights else None)


def _key(weights: dict | None) -> tuple | None:
    return tuple(sorted(weights.items())) if weights else None


def _a_count(weights: dict | None = None) -> int:
    return int((_scores(_key(weights))["等级"] == "A").sum())


def _top(n: int, weights: dict | None = None) -> set[str]:
    return set(_scores(_key(weights)).index[:n])


def _closest_b(n: int = 2, *, from_bottom: bool = False) -> set[str]:
    b = _scores(None)
    b = b[b["等级"] == "B"]
    return set((b.iloc[::-1] if from_bottom else b).index[:n])


@cache
def _regrade() -> pd.DataFrame:
    from custseg.distributors import regrade_table

    return regrade_table(*_periods())


def _count(before: str | None, after: str | None) -> int:
    table = _regrade()
    rows = pd.Series(True, index=table.index)
    if before:
        rows &= table["上期等级"] == before
    if after:
        rows &= table["本期等级"] == after
    return int(rows.sum())


def _replace_first() -> str:
    table = _regrade().loc[list(REPLACE_CANDIDATES)]
    both = table[(table["上期等级"] == "D") & (table["本期等级"] == "D")]
    return str(both.index[0])


def _widest_coverage() -> str:
    from custseg.distributors import coverage_table

    return str(coverage_table(_periods()[0])["平均覆盖省份数"].idxmax())


def _direction(before: int, after: int) -> str:
    return "变多" if after > before else "变少" if after < before else "不变"


q1 = bind(
    Problem(
        name="rollout_partner",
        kind="judgment",
        prompt=("公司的新品要在**三个月内**进入 20 个以上省份的超市。第一批合作先找哪一类经销商？"),
        choices=("全国性经销商", "区域性经销商", "地方性经销商"),
        expected=_widest_coverage,
        accept=("全国性", "全国"),
        misconceptions=under_other_names(
            (
                Misconception(
                    "地方性经销商",
                    "地方性经销商贴近终端、反应快，但每家只做一个城市：铺 20 个省要找几十家，三个月来不及。",
                ),
                Misconception(
                    "区域性经销商",
                    "区域性经销商平均只覆盖 4 个多省，要凑齐 20 个省得同时谈好几家；看“平均覆盖省份数”。",
                ),
            ),
            {"地方性经销商": ("地方性", "地方"), "区域性经销商": ("区域性", "区域")},
        ),
        hints=(
            "看上面表格的“平均覆盖省份数”。",
            "时间紧、范围广：哪一类一家就能覆盖最多的省？",
        ),
        solution='rollout_partner = "全国性经销商"',
        explanation=(
            "全国性经销商平均覆盖二十多个省、网点最多，一两家就能把新品铺到全国；"
            "之后再用区域性、地方性经销商把渠道做深。"
        ),
    )
)

q2 = bind(
    Problem(
        name="uncooperative_action",
        kind="judgment",
        prompt=(
            "一家全国性经销商的销售能力得分 90，合作意愿得分只有 25（经常不执行统一价格、回款慢）。"
            "它的总分够 B 级。你作为渠道经理，第一步做什么？"
        ),
        choices=(
            "马上终止合作，换一家更配合的",
            "约谈了解它不配合的原因，把价格和回款要求写进协议，下期复评",
            "加大返利，奖励它的销量",
        ),
        expected=lambda: "约谈了解它不配合的原因，把价格和回款要求写进协议，下期复评",
        accept=("约谈",),
        misconceptions=under_other_names(
            (
                Misconception(
                    "马上终止合作，换一家更配合的",
                    "它销量很大、覆盖全国：马上换掉，短期内没有人能接住它的市场，先弄清原因、给出明确要求。",
                ),
                Misconception(
                    "加大返利，奖励它的销量",
                    "返利奖励的是配合的经销商：给不执行价格政策的经销商加返利，等于鼓励窜货和乱价。",
                ),
            ),
            {
                "马上终止合作，换一家更配合的": ("终止合作", "换一家", "马上终止合作"),
                "加大返利，奖励它的销量": ("加大返利", "奖励销量"),
            },
        ),
        hints=(
            "它的问题不在能力，而在合作意愿：先要知道为什么。",
            "本讲的动态调整原则：出问题先约谈、定改进计划，连续不改再调整。",
        ),
        solution='uncooperative_action = "B"',
        explanation=(
            "能卖但不配合的经销商，先沟通顾虑（价格空间？账期？对政策有意见？），把要求写进协议，下期用同一把尺子复评；"
            "改进了就继续重点合作，不改再考虑缩小合作范围。"
        ),
    )
)

q3 = bind(
    Problem(
        name="a_grade_change",
        kind="prediction",
        prompt=(
            "先预测，再在下面的小部件上验证：把权重从默认（覆盖 0.3、销售 0.4、合作 0.3）改为"
            "**覆盖 0.2、销售 0.2、合作 0.6**，A 级（核心经销商）的家数会怎样？"
        ),
        choices=("变多", "变少", "不变"),
        expected=lambda: _direction(_a_count(), _a_count(COOPERATION_FIRST)),
        compare=MORE_OR_FEWER,
        misconceptions=(
            Misconception(
                "变多",
                "合作意愿的平均分并不高（约 3 分），而且和覆盖、销量关系不大：只看合作，能同时把三项都做好的经销商反而更少。",
            ),
            Misconception(
                "不变",
                "权重一变，每家的总分都会变，跨过 75 分这条线的经销商也会变：动一动滑块看看。",
            ),
        ),
        hints=(
            "A 级要求总分至少 75。合作的权重变大，哪些经销商的总分会升、哪些会降？",
            "在小部件上把三个滑块拖到 0.2、0.2、0.6，看摘要里 A 级有几家。",
        ),
        solution='a_grade_change = "B"',
        explanation=(
            "同一批经销商，换一套权重，核心名单就会变：合作优先时，A 级从 11 家变成 10 家，而且名单也换了几家。"
            "权重体现的是公司的策略重点，要在评估之前定好、说清楚。"
        ),
    )
)

q4 = bind(
    Problem(
        name="rebate_top3",
        kind="decision",
        prompt=(
            "今年公司的目标是冲销量，权重定为 **覆盖 0.2、销售 0.6、合作 0.2**。额外返利只够给 **3 家**："
            '在小部件上设好权重，排名前 3 的是哪三家？写成集合，例如 `{"D001", "D002", "D003"}`。'
        ),
        expected=lambda: _top(3, SALES_FIRST),
        compare=_distributor_ids(3),
        misconceptions=(
            Misconception(
                lambda: _top(3),
                "这是默认权重（覆盖 0.3、销售 0.4、合作 0.3）下的前 3 名；先把滑块拖到 0.2、0.6、0.2。",
            ),
            Misconception(
                lambda: _top(3, COOPERATION_FIRST),
                "这是合作优先（0.2、0.2、0.6）的前 3 名；冲销量时销售能力的权重是 0.6。",
            ),
        ),
        hints=(
            "三个滑块分别拖到：市场覆盖率 0.2、销售能力 0.6、合作意愿 0.2。",
            "看排名表的第 1 到第 3 行（“经销商”一列）。",
        ),
        solution='rebate_top3 = {"D005", "D102", "D038"}',
        explanation=(
            "冲销量时，销售能力得分满分、但合作一般的全国性经销商排进了前 3，替下了默认权重下的一家。"
            "返利给谁，取决于公司这一年要什么。"
        ),
    )
)

q5 = bind(
    Problem(
        name="upgrade_pair",
        kind="decision",
        prompt=(
            "按默认权重，公司准备给 **2 家 B 级**经销商做“升级计划”（培训和推广支持，目标下期升到 A 级，"
            'A 级要求总分至少 75）。资源有限，选最有希望升级的两家：写成集合，例如 `{"D001", "D002"}`。'
        ),
        expected=_closest_b,
        compare=_distributor_ids(2),
        misconceptions=(
            Misconception(
                lambda: _top(2),
                "这两家已经是 A 级了：升级计划是给 B 级经销商的。",
            ),
            Misconception(
                lambda: _closest_b(from_bottom=True),
                "这两家是 B 级里总分最低的，离 75 分最远，一期之内最难升上去。",
            ),
        ),
        hints=(
            "在小部件排名表（前 15 名）里，找等级为 B、总分最高的两家。",
            "离 75 分最近的 B 级经销商：排在最后一家 A 级后面的两家。",
        ),
        solution='upgrade_pair = {"D058", "D047"}',
        explanation=(
            "这两家的总分都在 74 分左右，只差不到 1 分就到 A 级：投入同样的资源，他们最可能在下一期升级。"
        ),
    )
)

q6 = bind(
    Problem(
        name="d_both_periods",
        kind="calculation",
        prompt=(
            "按“连续两期处于 D 级就考虑调整”的原则，上半年和下半年**都是 D 级**的经销商有几家？"
            "（看复评的热力图：行是上期等级，列是本期等级。）"
        ),
        expected=lambda: _count("D", "D"),
        misconceptions=(
            Misconception(
                lambda: _count(None, "D"),
                "这是本期所有 D 级经销商；其中有几家上期还是 C 级，刚降下来，不算“连续两期”。",
            ),
            Misconception(
                lambda: _count("D", None),
                "这是上期所有 D 级经销商；其中有些本期已经升级了。",
            ),
            Misconception(
                lambda: _count("D", None) - _count("D", "D"),
                "这是上期 D 级、本期已经升级的家数（D 行里不在对角线上的格子）；题目问的是两期都是 D 的那一格。",
            ),
        ),
        hints=(
            "热力图中“上期 D”这一行、“本期 D”这一列交叉的那一格。",
            "也可以在复评表中数“上期等级”和“本期等级”都是 D 的行。",
        ),
        solution="d_both_periods = 28",
        explanation=(
            "连续两期都在 D 级的经销商，说明问题不是一时的：这一批要重点约谈，整改无效就调整合作范围或更换。"
        ),
    )
)

q7 = bind(
    Problem(
        name="replace_first",
        kind="decision",
        prompt=(
            f"合同续约季，公司只能先调整**一家**经销商的合作。两家候选：**{REPLACE_CANDIDATES[0]}** 和 "
            f"**{REPLACE_CANDIDATES[1]}**，本期都是 D 级。按本讲的动态调整原则，先调整哪一家？填编号。"
            "（看它们的上期等级。）"
        ),
        choices=REPLACE_CANDIDATES,
        expected=_replace_first,
        misconceptions=(
            Misconception(
                lambda: next(c for c in REPLACE_CANDIDATES if c != _replace_first()),
                "这一家上期还是 C 级、这期刚降到 D：按原则，刚降级的先约谈、找原因、一起定改进计划，"
                "还不到更换的时候。",
            ),
        ),
        hints=(
            "两家本期都是 D 级：看它们**上期**是几级。",
            "“连续两期 D 级”才考虑调整；刚降级的先约谈。",
        ),
        solution=f'replace_first = "{REPLACE_CANDIDATES[0]}"',
        explanation=(
            "D114 上下两期都是 D 级，而且本期总分又降了近 20 分：按原则考虑调整或更换。"
            "D084 是这期才从 C 掉到 D，先弄清原因、给改进机会。"
        ),
    )
)

q8 = bind(
    Problem(
        name="training_claim",
        kind="judgment",
        prompt=(
            "上面的表格里，A 级经销商参加培训的次数最多、回款最快。同事说："
            "“培训让经销商变好了，所以明年给所有 D 级经销商加培训，他们就能升到 A 级。”你怎么看？"
        ),
        choices=(
            "同意：数据证明培训带来好业绩",
            "同意：培训越多越好，不用再检验",
            "不能下这个结论：也可能是本来就积极的经销商更愿意来培训；要用对照组检验培训的效果",
        ),
        expected=lambda: (
            "不能下这个结论：也可能是本来就积极的经销商更愿意来培训；要用对照组检验培训的效果"
        ),
        accept=("不能下这个结论",),
        misconceptions=(
            Misconception(
                "同意：数据证明培训带来好业绩",
                "表格只说明“培训多”和“业绩好”一起出现，没有说明谁带来谁：积极的经销商既愿意来培训、业绩也好。",
            ),
            Misconception(
                "同意：培训越多越好，不用再检验",
                "培训有成本；没有检验就全面铺开，可能花了钱却没效果。",
            ),
        ),
        hints=(
            "“一起出现”和“谁导致谁”是两回事。",
            "怎样知道培训本身有没有用？想想第 10 讲的实验组和对照组。",
        ),
        solution='training_claim = "C"',
        explanation=(
            "相关不等于因果：积极、能干的经销商本来就更愿意参加培训。要知道培训有没有效果，"
            "可以随机选一半 D 级经销商参加培训，另一半作对照组，下期比较两组的变化（第 10 讲）。"
        ),
    )
)
