"""Customer lifetime value in one call each, as readable Chinese tables (module 05).

The models of :mod:`custseg.clv` (BG/NBD for how often a customer will buy, Gamma-Gamma for
how much per purchase) need a summary per customer and a few fitting steps; these functions
do them and answer in Chinese:

- :func:`historic_value`: what each customer has brought so far (revenue x margin);
- :func:`purchase_summary`: the three numbers the models read, named so that they are not
  confused with RFM's R and F (module 03): 复购次数 (repeat purchases, the first not
  counted), 复购跨度 (time from the first to the last purchase) and 观察时长 (time since the
  first purchase);
- :func:`clv_forecast`: expected purchases, probability of still being active and the
  predicted value of each customer over the next months, highest first;
- :func:`fit_clv_models`: the fitted models, for the charts of :mod:`custseg.plotting.clv`.

Durations are in weeks, purchases are counted per day (several orders on one day are one
purchase), as in the published BG/NBD convention. Every function takes the column keywords
``customer_col``, ``date_col`` and ``amount_col`` (and ``historic_value`` ``invoice_col``)
for transactions whose columns have other names; errors then name the columns as given.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from custseg.clv import BetaGeoModel, GammaGammaModel, historic_clv, summary_from_transactions
from custseg.errors import DataError, ParameterError
from custseg.frames import canonical_columns, columns_as_given

__all__ = [
    "CLVModels",
    "clv_forecast",
    "clv_values",
    "fit_clv_models",
    "historic_value",
    "purchase_summary",
]

_UNIT = "W"
_WEEKS_PER_MONTH = 4.345
_WHAT = "交易表 (transactions)"


def _check_rows(rows: int | None) -> int | None:
    if rows is not None and (isinstance(rows, bool) or int(rows) != rows or rows < 1):
        raise ParameterError(
            f"rows 必须是正整数或 None (positive integer or None)，收到 (got) {rows!r}"
        )
    return None if rows is None else int(rows)


def _check_margin(margin: float) -> float:
    if isinstance(margin, bool) or not 0 < float(margin) <= 1:
        raise ParameterError(f"毛利率 margin 必须在 0 到 1 之间（例如 0.3），收到 (got) {margin!r}")
    return float(margin)


@dataclass(frozen=True)
class CLVModels:
    """The fitted models and the per-customer summary they were fitted on.

    Attributes
    ----------
    summary : pandas.DataFrame
        :func:`custseg.clv.summary_from_transactions` in weeks.
    purchases : BetaGeoModel
        How often each customer will buy, and whether still active.
    spend : GammaGammaModel
        How much per purchase, fitted on the customers with a repeat purchase.
    """

    summary: pd.DataFrame
    purchases: BetaGeoModel
    spend: GammaGammaModel


def fit_clv_models(
    transactions: Any,
    *,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
) -> CLVModels:
    """Fit BG/NBD and Gamma-Gamma to the transactions (weeks, purchases per day).

    Parameters
    ----------
    transactions : pandas.DataFrame
        Clean order lines.
    customer_col, date_col, amount_col : str
        The names of the customer id, purchase date and amount columns.

    Raises
    ------
    DataError
        Bad transactions (naming the column as given), or fewer than two customers with a
        repeat purchase.
    """
    names = {"customer_col": customer_col, "date_col": date_col, "amount_col": amount_col}
    with columns_as_given(**names):
        return _fit_models(canonical_columns(transactions, **names, what=_WHAT))


def _fit_models(canonical: Any) -> CLVModels:
    """:func:`fit_clv_models` on transactions with the canonical column names."""
    summary = summary_from_transactions(canonical, unit=_UNIT)
    repeat = summary[summary["frequency"] > 0]
    if len(repeat) < 2:
        raise DataError(
            "至少需要两位重复购买过的客户才能估计客户终身价值 "
            f"(need repeat buyers)；现在只有 {len(repeat)} 位"
        )
    return CLVModels(summary, BetaGeoModel().fit(summary), GammaGammaModel().fit(repeat))


def historic_value(
    transactions: Any,
    *,
    margin: float = 0.3,
    rows: int | None = 5,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
    invoice_col: str = "invoice_id",
) -> pd.DataFrame:
    """What each customer has brought so far, highest first, in Chinese.

    Parameters
    ----------
    transactions : pandas.DataFrame
        Clean order lines (``customer_id``, ``invoice_date``, ``amount``, ``invoice_id``).
    margin : float, default 0.3
        Gross margin, between 0 and 1: 历史客户价值 = 消费金额 x 毛利率.
    rows : int or None, default 5
        How many customers to show; None shows all.
    customer_col, date_col, amount_col, invoice_col : str
        The names of the customer id, purchase date, amount and invoice columns (an order
        is an invoice; without an invoice column, a distinct purchase time).

    Returns
    -------
    pandas.DataFrame
        Indexed by 客户编号: 订单数, 消费金额, 平均客单价, 历史客户价值 (rounded to 2 decimals).

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b"], "invoice_id": ["1", "2", "3"],
    ...     "invoice_date": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-03-01"]),
    ...     "amount": [100.0, 50.0, 400.0]})
    >>> historic_value(tx, margin=0.3)
          订单数   消费金额  平均客单价  历史客户价值
    客户编号
    b       1  400.0  400.0   120.0
    a       2  150.0   75.0    45.0
    """
    margin = _check_margin(margin)
    names = {
        "customer_col": customer_col,
        "date_col": date_col,
        "amount_col": amount_col,
        "invoice_col": invoice_col,
    }
    with columns_as_given(**names):
        table = historic_clv(canonical_columns(transactions, **names, what=_WHAT), margin=margin)
    table = table.sort_values("historic_clv", ascending=False, kind="stable")
    shown = pd.DataFrame(
        {
            "订单数": table["orders"],
            "消费金额": table["revenue"].round(2),
            "平均客单价": table["average_order_value"].round(2),
            "历史客户价值": table["historic_clv"].round(2),
        }
    )
    shown.index.name = "客户编号"
    rows = _check_rows(rows)
    return shown if rows is None else shown.head(rows)


def purchase_summary(
    transactions: Any,
    *,
    rows: int | None = 5,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
) -> pd.DataFrame:
    """The three numbers the CLV models read for each customer, in Chinese (weeks).

    Parameters
    ----------
    transactions : pandas.DataFrame
        Clean order lines.
    rows : int or None, default 5
        How many customers to show; None shows all.
    customer_col, date_col, amount_col : str
        The names of the customer id, purchase date and amount columns.

    Returns
    -------
    pandas.DataFrame
        Indexed by 客户编号: 复购次数 (purchase days after the first), 复购跨度（周）
        (first to last purchase), 观察时长（周） (first purchase to the end of the data),
        复购平均金额 (mean of the repeat purchase days; 0 without one).

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "a", "b"],
    ...     "invoice_date": pd.to_datetime(["2024-01-01", "2024-01-15", "2024-01-29", "2024-01-29"]),
    ...     "amount": [10.0, 20.0, 30.0, 5.0]})
    >>> purchase_summary(tx)
          复购次数  复购跨度（周）  观察时长（周）  复购平均金额
    客户编号
    a          2      4.0      4.0      25.0
    b          0      0.0      0.0       0.0
    """
    names = {"customer_col": customer_col, "date_col": date_col, "amount_col": amount_col}
    with columns_as_given(**names):
        canonical = canonical_columns(transactions, **names, what=_WHAT)
        summary = summary_from_transactions(canonical, unit=_UNIT)
    table = pd.DataFrame(
        {
            "复购次数": summary["frequency"],
            "复购跨度（周）": summary["recency"].round(1),
            "观察时长（周）": summary["T"].round(1),
            "复购平均金额": summary["monetary_value"].round(2),
        }
    )
    table.index.name = "客户编号"
    rows = _check_rows(rows)
    return table if rows is None else table.head(rows)


def clv_values(
    transactions: Any,
    *,
    months: int = 12,
    margin: float = 1.0,
    discount_rate: float = 0.01,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
) -> pd.DataFrame:
    """Per customer, in canonical columns: the numbers behind :func:`clv_forecast`.

    Parameters
    ----------
    transactions : pandas.DataFrame
        Clean order lines.
    months, margin, discount_rate
        As in :func:`clv_forecast`.
    customer_col, date_col, amount_col : str
        The names of the customer id, purchase date and amount columns.

    Returns
    -------
    pandas.DataFrame
        Indexed by customer id (sorted): ``revenue`` (so far), ``expected_purchases``
        (next ``months``), ``p_alive``, ``expected_spend`` (per purchase) and ``clv``
        (discounted expected spend over ``months`` x ``margin``).
    """
    if isinstance(months, bool) or int(months) != months or months < 1:
        raise ParameterError(f"months（预测几个月）必须是正整数，收到 (got) {months!r}")
    margin = _check_margin(margin)
    names = {"customer_col": customer_col, "date_col": date_col, "amount_col": amount_col}
    with columns_as_given(**names):
        canonical = canonical_columns(transactions, **names, what=_WHAT)
        models = _fit_models(canonical)
        revenue = historic_clv(canonical)["revenue"]
    summary = models.summary
    revenue = revenue.reindex(summary.index)
    clv = models.spend.customer_lifetime_value(
        models.purchases, summary, time=int(months), discount_rate=discount_rate, freq=_UNIT
    )
    return pd.DataFrame(
        {
            "revenue": revenue,
            "expected_purchases": models.purchases.predict_purchases(
                months * _WEEKS_PER_MONTH, summary
            ),
            "p_alive": models.purchases.probability_alive(summary),
            "expected_spend": models.spend.expected_average_value(summary),
            "clv": clv * margin,
        }
    )


def clv_forecast(
    transactions: Any,
    *,
    months: int = 12,
    margin: float = 1.0,
    discount_rate: float = 0.01,
    rows: int | None = 10,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
) -> pd.DataFrame:
    """The predicted customer lifetime value of each customer, highest first, in Chinese.

    BG/NBD predicts how many purchases each customer will make in the next ``months`` and
    how likely the customer is still active; Gamma-Gamma predicts the spend per purchase;
    their product, discounted by ``discount_rate`` a month and times ``margin``, is the CLV.

    Parameters
    ----------
    transactions : pandas.DataFrame
        Clean order lines.
    months : int, default 12
        The horizon.
    margin : float, default 1.0
        Gross margin (1 gives revenue, 0.3 a 30 % margin).
    discount_rate : float, default 0.01
        Monthly discount rate.
    rows : int or None, default 10
        How many customers to show; None shows all.
    customer_col, date_col, amount_col : str
        The names of the customer id, purchase date and amount columns.

    Returns
    -------
    pandas.DataFrame
        Indexed by 客户编号: 历史消费金额, 未来 N 个月预计购买次数, 仍活跃概率 (text such as
        "87.5%"), 预计每次消费金额, 预测客户终身价值 (money rounded to whole units).
    """
    values = clv_values(
        transactions,
        months=months,
        margin=margin,
        discount_rate=discount_rate,
        customer_col=customer_col,
        date_col=date_col,
        amount_col=amount_col,
    )
    values = values.sort_values("clv", ascending=False, kind="stable")
    table = pd.DataFrame(
        {
            "历史消费金额": values["revenue"].round(0).astype("int64"),
            f"未来 {int(months)} 个月预计购买次数": values["expected_purchases"].round(1),
            "仍活跃概率": [f"{p:.1%}" for p in values["p_alive"]],
            "预计每次消费金额": values["expected_spend"].round(0).astype("int64"),
            "预测客户终身价值": values["clv"].round(0).astype("int64"),
        },
        index=values.index,
    )
    table.index.name = "客户编号"
    rows = _check_rows(rows)
    return table if rows is None else table.head(rows)
