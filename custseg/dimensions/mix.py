"""Within each segment, the share of each value of another column (channel mix per city tier…)."""

from __future__ import annotations

import pandas as pd

from custseg.dimensions.labels import segment_labels

__all__ = ["mix_table"]


def mix_table(data: pd.DataFrame, by: str, column: str) -> pd.DataFrame:
    """For each segment of ``by``, how its rows split over the values of ``column``, in %.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per customer (or per order line).
    by : str
        The segmenting column (rows of the table), e.g. ``"city_tier"``.
    column : str
        The column whose mix is shown (columns of the table), e.g. ``"channel"``.

    Returns
    -------
    pandas.DataFrame
        One row per segment plus ``全部``; one column per value of ``column`` (text with %,
        each row adds up to 100 %) and ``客户数`` (rows in the segment).

    Examples
    --------
    >>> import pandas as pd
    >>> customers = pd.DataFrame({"city_tier": ["一线", "一线", "二线", "二线"],
    ...                           "channel": ["电商", "电商", "门店", "电商"]})
    >>> mix_table(customers, by="city_tier", column="channel")
    渠道      电商     门店  客户数
    城市级别
    一线    100.0%   0.0%    2
    二线     50.0%  50.0%    2
    全部     75.0%  25.0%    4
    """
    rows = segment_labels(data, by)
    columns = segment_labels(data, column)
    counts = pd.crosstab(rows, columns)
    counts.loc["全部"] = counts.sum()
    shares = counts.div(counts.sum(axis=1), axis=0)
    order = counts.loc["全部"].sort_values(ascending=False, kind="stable").index
    table = shares[order].map("{:.1%}".format)
    table["客户数"] = counts.sum(axis=1).astype("int64")
    table.index = table.index.astype(str)
    table.index.name = rows.name
    table.columns.name = columns.name
    return table
