"""Customer lifecycle stages (客户生命周期): 潜在, 新客, 回购, 忠诚, 流失风险, 已流失.

Each customer is placed in one stage from three numbers per customer, computed
from the transactions up to the analysis day ``as_of`` (see
:func:`custseg.rfm.customer_summary`):

- ``orders``: purchases (distinct invoices, or distinct purchase days without ``invoice_id``);
- ``recency``: days since the last purchase day;
- ``tenure``: days since the first purchase day.

The default rule table (:func:`lifecycle_rule_table`), with its parameters in days:

=========  ==========  ===================================================================
stage      stage_en    rule
=========  ==========  ===================================================================
潜在       Prospect    ``orders == 0``: a known prospect who has not bought yet
新客       New         active (``recency <= at_risk_days``) and first purchase within
                       ``new_days`` (``tenure <= new_days``), or active with one order only
回购       Repeat      active, ``tenure > new_days``, 2 to ``loyal_orders - 1`` orders
忠诚       Loyal       active, ``tenure > new_days``, at least ``loyal_orders`` orders
流失风险   At risk     ``at_risk_days < recency <= churn_days``
已流失     Churned     ``recency > churn_days``
=========  ==========  ===================================================================

Like the RFM segment tables (:mod:`custseg.segments`), it is a plain DataFrame of
pandas expressions that may use the parameter names; pass your own with ``rules=``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

from custseg.errors import DataError, ParameterError
from custseg.rfm import customer_summary
from custseg.segment_rules import apply_rules

__all__ = [
    "STAGES",
    "explorer_thresholds",
    "lifecycle_rule_table",
    "lifecycle_stages",
    "stage_counts",
    "stage_rules",
    "stage_sentence",
    "stage_table",
    "stages_preview",
]

_ACTIVE = "orders >= 1 and recency <= at_risk_days"
_RULES = [
    (
        "潜在",
        "Prospect",
        "orders == 0",
        "还没有购买：用首单优惠、试用装和内容营销促成第一次购买。",
    ),
    (
        "新客",
        "New",
        f"{_ACTIVE} and (tenure <= new_days or orders == 1)",
        "刚完成首购：做好欢迎和售后，推荐相关商品，促成第二次购买。",
    ),
    (
        "回购",
        "Repeat",
        f"{_ACTIVE} and tenure > new_days and 2 <= orders < loyal_orders",
        "已经回购：推荐会员和积分计划，用组合优惠提高购买频率。",
    ),
    (
        "忠诚",
        "Loyal",
        f"{_ACTIVE} and tenure > new_days and orders >= loyal_orders",
        "忠诚客户：专属权益和优先服务，邀请推荐新客户，保持关系。",
    ),
    (
        "流失风险",
        "At risk",
        "orders >= 1 and at_risk_days < recency <= churn_days",
        "已有一段时间没买：及时关怀回访，发送个性化优惠，防止流失。",
    ),
    (
        "已流失",
        "Churned",
        "orders >= 1 and recency > churn_days",
        "长期未购买：低成本唤醒一次，评估是否值得继续投入。",
    ),
]

STAGES = tuple(stage for stage, *_ in _RULES)
"""The default stages in lifecycle order: 潜在, 新客, 回购, 忠诚, 流失风险, 已流失."""


def lifecycle_rule_table() -> pd.DataFrame:
    """A fresh copy of the default lifecycle rule table.

    Returns
    -------
    pandas.DataFrame
        Columns ``stage``, ``stage_en``, ``rule`` (a pandas expression on ``orders``,
        ``recency``, ``tenure`` and the parameters ``new_days``, ``at_risk_days``,
        ``churn_days``, ``loyal_orders``) and ``action`` (recommended action).

    Examples
    --------
    >>> lifecycle_rule_table()[["stage", "stage_en"]]
      stage stage_en
    0    潜在 Prospect
    1    新客      New
    2    回购   Repeat
    3    忠诚    Loyal
    4  流失风险  At risk
    5   已流失  Churned
    """
    return pd.DataFrame(_RULES, columns=["stage", "stage_en", "rule", "action"])


def _check_days(name: str, value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < 1:
        raise ParameterError(
            f"{name} 必须是正整数 (must be a positive integer), 收到 (got) {value!r}"
        )
    return int(value)


def lifecycle_stages(
    transactions: Any,
    as_of: Any = None,
    *,
    prospects: Iterable[Any] | None = None,
    new_days: int = 90,
    at_risk_days: int = 90,
    churn_days: int = 180,
    loyal_orders: int = 5,
    rules: pd.DataFrame | None = None,
    summary: pd.DataFrame | None = None,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
    invoice_col: str = "invoice_id",
) -> pd.DataFrame:
    """Place every customer (and every known prospect) in a lifecycle stage.

    Parameters
    ----------
    transactions : pandas, polars (eager or lazy) or DuckDB frame
        Needs ``customer_id``, ``invoice_date`` and ``amount`` (``invoice_id`` when
        present); see :func:`custseg.rfm.rfm_table`.
    as_of : date-like, optional
        The analysis day; defaults to the day after the last purchase day.
    prospects : iterable of customer ids, optional
        Known prospects (leads, sign-ups). Those without any purchase get the
        stage 潜在; those who did buy are staged by their purchases.
    new_days : int, default 90
        A customer whose first purchase is at most this many days ago is new.
    at_risk_days : int, default 90
        No purchase for more than this many days: at risk. Must be ``>= new_days``.
    churn_days : int, default 180
        No purchase for more than this many days: churned. Must be ``> at_risk_days``.
    loyal_orders : int, default 5
        Orders needed to be loyal (at least 2).
    rules : pandas.DataFrame, optional
        Your own rule table with ``stage``, ``stage_en``, ``rule``, ``action``;
        defaults to :func:`lifecycle_rule_table`.
    summary : pandas.DataFrame, optional
        ``customer_summary(transactions, as_of)`` when already computed, e.g. by a
        widget that stages the same customers again at every move of a threshold;
        ``transactions`` and ``as_of`` are then not read again.
    customer_col, date_col, amount_col, invoice_col : str
        Column names of the customer id, the purchase date, the amount and the invoice
        number, as in :func:`custseg.rfm.customer_summary`. The result is indexed by
        ``customer_id`` whatever the name of the customer column.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``customer_id``: ``orders``, ``recency``, ``tenure`` (days; missing
        for prospects), ``monetary``, ``stage``, ``stage_en`` and ``action``.

    Raises
    ------
    ParameterError
        Parameters that are not positive integers or in the wrong order.
    DataError
        Bad transactions, or a customer matching no rule or several rules.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({
    ...     "customer_id": ["a", "b", "b", "c"],
    ...     "invoice_date": pd.to_datetime(
    ...         ["2024-06-20 10:00", "2023-10-01 10:00", "2024-06-01 10:00", "2023-09-01 10:00"]
    ...     ),
    ...     "amount": [30.0, 20.0, 25.0, 40.0],
    ... })
    >>> lifecycle_stages(tx, as_of="2024-07-01", prospects=["d"])[["orders", "stage"]]
                 orders stage
    customer_id
    a                 1    新客
    b                 2    回购
    c                 1   已流失
    d                 0    潜在
    """
    params = {
        "new_days": _check_days("new_days", new_days),
        "at_risk_days": _check_days("at_risk_days", at_risk_days),
        "churn_days": _check_days("churn_days", churn_days),
        "loyal_orders": _check_days("loyal_orders", loyal_orders),
    }
    if params["at_risk_days"] < params["new_days"]:
        raise ParameterError(
            f"at_risk_days ({at_risk_days}) 不能小于 new_days ({new_days}) (must be >= new_days)"
        )
    if params["churn_days"] <= params["at_risk_days"]:
        raise ParameterError(
            f"churn_days ({churn_days}) 必须大于 at_risk_days ({at_risk_days}) "
            "(must be > at_risk_days)"
        )
    if params["loyal_orders"] < 2:
        raise ParameterError(
            f"loyal_orders 至少为 2 (must be at least 2), 收到 (got) {loyal_orders}"
        )

    if summary is None:
        summary = customer_summary(
            transactions,
            as_of,
            customer_col=customer_col,
            date_col=date_col,
            amount_col=amount_col,
            invoice_col=invoice_col,
        )
    table = summary[["frequency", "recency", "tenure", "monetary"]].rename(
        columns={"frequency": "orders"}
    )
    if prospects is not None:
        ids = pd.Index(list(prospects)).drop_duplicates()
        if ids.hasnans:
            raise DataError("prospects 中有缺失的客户编号 (missing customer id in prospects)")
        new = ids.difference(table.index, sort=False)
        if len(new):
            try:
                new = new.astype(table.index.dtype)
            except (TypeError, ValueError):
                raise DataError(
                    f"prospects 的客户编号类型与交易表不一致 (customer id type differs from "
                    f"the transactions), 例如 (e.g.) {new[0]!r}"
                ) from None
            extra = pd.DataFrame(
                {"orders": 0, "recency": np.nan, "tenure": np.nan, "monetary": 0.0}, index=new
            )
            table = pd.concat([table.astype({"recency": float, "tenure": float}), extra])
            table.index.name = "customer_id"
    table["orders"] = table["orders"].astype("int64")
    rule_frame = lifecycle_rule_table() if rules is None else rules
    stages = apply_rules(
        table, rule_frame, label="stage", variables=params, what="生命周期规则表 (lifecycle rules)"
    )
    result = pd.concat([table, stages], axis=1)
    result.attrs["as_of"] = summary.attrs["as_of"]
    return result


def explorer_thresholds(
    at_risk_days: int = 90, churn_days: int = 180, loyal_orders: int = 5
) -> dict[str, int]:
    """The parameters of :func:`lifecycle_stages` the module 06 widget uses for its sliders.

    A customer counts as new for 90 days, or until counted at risk when that comes sooner.

    Examples
    --------
    >>> explorer_thresholds(at_risk_days=60)
    {'new_days': 60, 'at_risk_days': 60, 'churn_days': 180, 'loyal_orders': 5}
    """
    return {
        "new_days": min(90, at_risk_days),
        "at_risk_days": at_risk_days,
        "churn_days": churn_days,
        "loyal_orders": loyal_orders,
    }


def stage_rules(
    *, new_days: int = 90, at_risk_days: int = 90, churn_days: int = 180, loyal_orders: int = 5
) -> pd.DataFrame:
    """The default lifecycle rules in plain Chinese, with the thresholds written in.

    Examples
    --------
    >>> stage_rules(churn_days=365).loc["已流失", "规则"]
    '超过 365 天没有购买'
    """
    rules = {
        "潜在": "已知的潜在客户，还没有买过",
        "新客": f"近期活跃，第一次购买在 {new_days} 天以内，或只买过一次",
        "回购": f"近期活跃，成为客户超过 {new_days} 天，买过 2 到 {loyal_orders - 1} 次",
        "忠诚": f"近期活跃，成为客户超过 {new_days} 天，买过至少 {loyal_orders} 次",
        "流失风险": f"{at_risk_days} 天以上、{churn_days} 天以内没有购买",
        "已流失": f"超过 {churn_days} 天没有购买",
    }
    table = lifecycle_rule_table().set_index("stage")
    result = pd.DataFrame(
        {
            "英文名": table["stage_en"],
            "规则": [rules.get(stage, table.loc[stage, "rule"]) for stage in table.index],
            "建议动作": table["action"],
        },
        index=pd.Index(table.index, name="生命周期阶段"),
    )
    return result


def stage_counts(stages: pd.DataFrame) -> pd.Series:
    """Customers per lifecycle stage, in lifecycle order, 0 where a stage is empty.

    Parameters
    ----------
    stages : pandas.DataFrame
        From :func:`lifecycle_stages` (a ``stage`` column, one row per customer).

    Returns
    -------
    pandas.Series
        Indexed by stage: every stage of :data:`STAGES` in lifecycle order (潜在 → 已流失),
        then the stages of a custom rule table in order of appearance; named
        ``"customers"``.

    Examples
    --------
    >>> import pandas as pd
    >>> stage_counts(pd.DataFrame({"stage": ["新客", "已流失", "新客"]})).tolist()
    [0, 2, 0, 0, 0, 1]
    >>> stage_counts(pd.DataFrame({"stage": ["新客", "沉睡"]})).index[-1]
    '沉睡'
    """
    if "stage" not in stages.columns:
        raise DataError(
            "生命周期结果缺少列 'stage' (missing column 'stage')：请传入 lifecycle_stages 的结果"
        )
    names = stages["stage"].astype(str)
    order = list(dict.fromkeys([*STAGES, *names]))
    return names.value_counts(sort=False).reindex(order, fill_value=0).rename("customers")


def stage_sentence(stages: pd.DataFrame) -> str:
    """The customers of each non-empty stage in one Chinese line, the largest stage first.

    Examples
    --------
    >>> import pandas as pd
    >>> stage_sentence(pd.DataFrame({"stage": ["新客", "已流失", "新客"]}))
    '新客 2 人，已流失 1 人'
    """
    counts = stage_counts(stages)
    counts = counts[counts > 0].sort_values(ascending=False, kind="stable")
    return "，".join(f"{stage} {count} 人" for stage, count in counts.items())


def stage_table(stages: pd.DataFrame) -> pd.DataFrame:
    """Customers per lifecycle stage, in lifecycle order, in Chinese.

    Parameters
    ----------
    stages : pandas.DataFrame
        From :func:`lifecycle_stages`.

    Returns
    -------
    pandas.DataFrame
        Indexed by 生命周期阶段 (every stage of the rules, 0 where empty): 客户数, 客户占比,
        平均订单数, 建议动作.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "b", "b", "c"],
    ...     "invoice_date": pd.to_datetime(["2024-06-20", "2023-10-01", "2024-06-01", "2023-09-01"]),
    ...     "amount": [30.0, 20.0, 25.0, 40.0]})
    >>> stage_table(lifecycle_stages(tx, as_of="2024-07-01"))[["客户数", "客户占比"]]
            客户数   客户占比
    生命周期阶段
    潜在        0   0.0%
    新客        1  33.3%
    回购        1  33.3%
    忠诚        0   0.0%
    流失风险      0   0.0%
    已流失       1  33.3%
    """
    counts = stage_counts(stages)
    order = counts.index.tolist()
    grouped = stages.groupby(stages["stage"].astype(str))
    actions = grouped["action"].first().reindex(order)
    defaults = lifecycle_rule_table().set_index("stage")["action"]
    table = pd.DataFrame(
        {
            "客户数": counts.to_numpy(),
            "客户占比": [f"{n / max(len(stages), 1):.1%}" for n in counts],
            "平均订单数": grouped["orders"].mean().reindex(order).round(1).fillna(0).to_numpy(),
            "建议动作": actions.fillna(defaults.reindex(order)).fillna("").to_numpy(),
        },
        index=pd.Index(order, name="生命周期阶段"),
    )
    return table


_PREVIEW = {
    "orders": "订单数",
    "recency": "最近购买距今天数",
    "tenure": "成为客户天数",
    "monetary": "消费金额",
    "stage": "生命周期阶段",
}


def stages_preview(stages: pd.DataFrame, rows: int = 5) -> pd.DataFrame:
    """The first ``rows`` customers of :func:`lifecycle_stages` with Chinese headers.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a"], "invoice_date": pd.to_datetime(["2024-06-20"]),
    ...                    "amount": [30.456]})
    >>> stages_preview(lifecycle_stages(tx, as_of="2024-07-01"))
          订单数  最近购买距今天数  成为客户天数   消费金额 生命周期阶段
    客户编号
    a       1        11      11  30.46     新客
    """
    if int(rows) != rows or rows < 1:
        raise ParameterError(f"rows 必须是正整数 (positive integer)，收到 (got) {rows!r}")
    table = stages[list(_PREVIEW)].head(int(rows)).rename(columns=_PREVIEW)
    table["消费金额"] = table["消费金额"].round(2)
    table.index.name = "客户编号"
    return table
