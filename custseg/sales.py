"""Sales per calendar month: the first chart of the course (module 00)."""

from __future__ import annotations

import pandas as pd

from custseg.deprecation import renamed_keywords
from custseg.errors import DataError, require_columns
from custseg.frames import canonical_columns

__all__ = [
    "ALL_COUNTRIES",
    "monthly_sales",
    "monthly_sales_by_country",
    "monthly_sales_sentence",
    "monthly_sales_table",
    "monthly_sales_title",
    "sales_month_key",
]

ALL_COUNTRIES = "全部国家"
"""The choice that means "every country" in :func:`monthly_sales`."""

_WHAT = "订单数据 (orders)"


def sales_month_key(
    transactions: pd.DataFrame,
    *,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
) -> pd.Series:
    """The calendar month of each line, the key of the monthly sums.

    Parameters
    ----------
    transactions : pandas.DataFrame
        Order lines with ``invoice_date``. Not modified.
    customer_col, date_col, amount_col : str
        Column names (defaults: the canonical names); only ``date_col`` is read (the
        others are accepted so that one set of column keywords serves every function).

    Returns
    -------
    pandas.Series
        Monthly periods named ``month``, with the index of ``transactions``.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"下单时间": pd.to_datetime(["2024-01-05", "2024-02-01"])})
    >>> sales_month_key(tx, date_col="下单时间").astype(str).tolist()
    ['2024-01', '2024-02']
    """
    transactions = canonical_columns(
        transactions,
        customer_col=customer_col,
        date_col=date_col,
        amount_col=amount_col,
        needed=("date",),
        what=_WHAT,
    )
    return pd.to_datetime(transactions["invoice_date"]).dt.to_period("M").rename("month")


def monthly_sales(
    transactions: pd.DataFrame,
    country: str = ALL_COUNTRIES,
    *,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
) -> pd.Series:
    """Sales per calendar month (``amount`` summed), for one country or all.

    Parameters
    ----------
    transactions : pandas.DataFrame
        Order lines with ``invoice_date`` and ``amount`` (and ``country`` to choose a
        country). Not modified.
    country : str, default :data:`ALL_COUNTRIES`
        A value of the ``country`` column, or :data:`ALL_COUNTRIES` for every line.
    customer_col, date_col, amount_col : str
        Column names of the purchase date and the amount (defaults: the canonical names);
        ``customer_col`` is not read (it is accepted so that one set of column keywords
        serves every function).

    Returns
    -------
    pandas.Series
        Named ``amount``, indexed by monthly periods named ``month`` (the months with a
        line of that country, in calendar order).

    Raises
    ------
    DataError
        A missing column, or a country not in the data (naming some that are).

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"invoice_date": pd.to_datetime(["2024-01-05", "2024-01-20", "2024-02-01"]),
    ...                    "amount": [10.0, 5.0, 7.0], "country": ["中国", "日本", "中国"]})
    >>> monthly_sales(tx).tolist(), monthly_sales(tx, "中国").tolist()
    ([15.0, 7.0], [10.0, 7.0])
    >>> monthly_sales(tx.rename(columns={"amount": "实付金额"}), amount_col="实付金额").tolist()
    [15.0, 7.0]
    """
    transactions = canonical_columns(
        transactions,
        customer_col=customer_col,
        date_col=date_col,
        amount_col=amount_col,
        needed=("date", "amount"),
        what=_WHAT,
    )
    if country != ALL_COUNTRIES:
        require_columns(transactions, ["country"], what=_WHAT)
        if not (transactions["country"] == country).any():
            known = transactions["country"].dropna().unique().tolist()[:8]
            raise DataError(f"数据中没有国家/地区 {country!r} (no such country)；例如有：{known}")
        transactions = transactions[transactions["country"] == country]
    return transactions.groupby(sales_month_key(transactions))["amount"].sum()


def monthly_sales_title(country: str = ALL_COUNTRIES) -> str:
    """The title of the monthly sales chart of ``country``, the same wording for every choice.

    The static chart (:func:`custseg.plotting.sales.plot_monthly_sales`) and the monthly
    sales widget both show it, so the printed handout and the live chart say the same.

    Parameters
    ----------
    country : str, default :data:`ALL_COUNTRIES`
        A country, or :data:`ALL_COUNTRIES`.

    Returns
    -------
    str

    Examples
    --------
    >>> monthly_sales_title(), monthly_sales_title("Germany")
    ('每月销售额：全部国家', '每月销售额：Germany')
    """
    return f"每月销售额：{country}"


def monthly_sales_by_country(
    transactions: pd.DataFrame,
    *,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
) -> pd.DataFrame:
    """Sales per calendar month of every country, and of all together, on the same months.

    Parameters
    ----------
    transactions : pandas.DataFrame
        Order lines with ``invoice_date``, ``amount`` and ``country``. Not modified.
    customer_col, date_col, amount_col : str
        As in :func:`monthly_sales`.

    Returns
    -------
    pandas.DataFrame
        Indexed by every month of the data (calendar order, named ``month``); the first
        column :data:`ALL_COUNTRIES` (equal to :func:`monthly_sales`), then one column per
        country, the country with the most lines first; 0.0 where a country bought nothing
        that month. Lines without a country count in :data:`ALL_COUNTRIES` only.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"invoice_date": pd.to_datetime(["2024-01-05", "2024-01-20", "2024-02-01"]),
    ...                    "amount": [10.0, 5.0, 7.0], "country": ["中国", "日本", "中国"]})
    >>> monthly_sales_by_country(tx)
             全部国家    中国   日本
    month
    2024-01  15.0  10.0  5.0
    2024-02   7.0   7.0  0.0
    """
    transactions = canonical_columns(
        transactions,
        customer_col=customer_col,
        date_col=date_col,
        amount_col=amount_col,
        needed=("date", "amount"),
        what=_WHAT,
    )
    require_columns(transactions, ["country"], what=_WHAT)
    month = sales_month_key(transactions)
    total = transactions.groupby(month)["amount"].sum()
    by_country = (
        transactions.groupby([month, transactions["country"]])["amount"]
        .sum()
        .unstack(fill_value=0.0)
    )
    countries = transactions["country"].value_counts().index
    table = by_country.reindex(index=total.index, columns=countries, fill_value=0.0)
    table.insert(0, ALL_COUNTRIES, total)
    table.columns.name = None
    return table


def monthly_sales_sentence(
    table: pd.DataFrame, country: str = ALL_COUNTRIES, *, currency: str = "英镑"
) -> str:
    """One line on a country of :func:`monthly_sales_by_country`: its months and its total.

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`monthly_sales_by_country`.
    country : str, default :data:`ALL_COUNTRIES`
        One of its columns.
    currency : str, default "英镑"
        The unit of the amounts, e.g. "元".

    Returns
    -------
    str
        "<country>：<n> 个月，销售额合计 <total> <currency>", where n counts the months
        whose sales are not 0 (the months in which the country bought) and the total is
        rounded to whole units.

    Raises
    ------
    DataError
        ``country`` is not a column of ``table`` (naming some that are).

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"invoice_date": pd.to_datetime(["2024-01-05", "2024-01-20", "2024-02-01"]),
    ...                    "amount": [1000.0, 5.0, 7.0], "country": ["中国", "日本", "中国"]})
    >>> table = monthly_sales_by_country(tx)
    >>> monthly_sales_sentence(table)
    '全部国家：2 个月，销售额合计 1,012 英镑'
    >>> monthly_sales_sentence(table, "日本", currency="元")
    '日本：1 个月，销售额合计 5 元'
    """
    if country not in table.columns:
        known = [str(name) for name in table.columns[:8]]
        raise DataError(f"月销售表中没有国家/地区 {country!r} (no such country)；例如有：{known}")
    sales = table[country]
    return f"{country}：{int((sales != 0).sum())} 个月，销售额合计 {sales.sum():,.0f} {currency}"


@renamed_keywords(data="transactions")
def monthly_sales_table(
    transactions: pd.DataFrame,
    country: str = ALL_COUNTRIES,
    *,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
) -> pd.DataFrame:
    """Sales per month as a readable table: 月份 and 销售额 (rounded to whole units).

    Parameters are those of :func:`monthly_sales` (the old keyword ``data=`` for
    ``transactions=`` still works, with a :class:`DeprecationWarning`).

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"invoice_date": pd.to_datetime(["2024-01-05", "2024-02-01"]),
    ...                    "amount": [10.4, 7.0]})
    >>> monthly_sales_table(tx)
            月份  销售额
    0  2024-01   10
    1  2024-02    7
    """
    sales = monthly_sales(
        transactions, country, customer_col=customer_col, date_col=date_col, amount_col=amount_col
    )
    return pd.DataFrame(
        {"月份": sales.index.astype(str), "销售额": sales.round(0).astype("int64").to_numpy()}
    )
