"""Segmentation by dimension (分类维度): demographic, geographic, psychographic, behavioural.

Plain helpers that turn raw attributes into segments and compare segments on a target,
such as the answer to a campaign ("did the client subscribe?").
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from custseg.errors import DataError, require_columns

__all__ = ["AGE_EDGES", "age_bands", "response_by"]

AGE_EDGES = (0, 25, 35, 45, 55, 65, 200)
"""Default age band edges: under 25, 25-34, 35-44, 45-54, 55-64, 65 and over."""


def age_bands(ages: pd.Series, edges: Sequence[float] = AGE_EDGES) -> pd.Series:
    """Cut ages into ordered bands labelled in Chinese ("25-34岁").

    Examples
    --------
    >>> import pandas as pd
    >>> age_bands(pd.Series([19, 25, 34, 70])).tolist()
    ['25岁以下', '25-34岁', '25-34岁', '65岁及以上']
    """
    edges = list(edges)
    if sorted(edges) != edges or len(set(edges)) != len(edges):
        raise DataError(f"年龄分段的边界必须严格递增 (edges must increase): {edges}")
    labels = []
    for low, high in zip(edges[:-1], edges[1:], strict=True):
        if low <= 0:
            labels.append(f"{high}岁以下")
        elif high >= 120:
            labels.append(f"{low}岁及以上")
        else:
            labels.append(f"{low}-{high - 1}岁")
    values = pd.to_numeric(ages, errors="coerce")
    if values.isna().any():
        row = values.index[values.isna()][0]
        raise DataError(f"年龄 (age) 不是数字：索引 (index) {row!r}，值 (value) {ages.loc[row]!r}")
    return pd.cut(values, edges, right=False, labels=labels)


def response_by(
    frame: pd.DataFrame, by: str, *, target: str = "y", positive: object = "yes"
) -> pd.DataFrame:
    """Compare segments on a yes / no target: size, share and response rate per segment.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per customer.
    by : str
        The column that defines the segments (e.g. ``"job"``).
    target : str, default "y"
        The outcome column.
    positive : default "yes"
        The value of ``target`` that counts as a response.

    Returns
    -------
    pandas.DataFrame
        Indexed by segment: ``customers``, ``share`` (of all customers),
        ``responses``, ``response_rate`` and ``lift`` (rate / overall rate), sorted by
        response rate, highest first.

    Examples
    --------
    >>> import pandas as pd
    >>> clients = pd.DataFrame({"job": ["学生", "学生", "工人", "工人"],
    ...                         "y": ["yes", "no", "no", "no"]})
    >>> response_by(clients, "job")
        customers  share  responses  response_rate  lift
    job
    学生          2    0.5          1            0.5   2.0
    工人          2    0.5          0            0.0   0.0
    """
    require_columns(frame, [by, target], what="客户数据 (customers)")
    hit = (frame[target] == positive).to_numpy()
    if not hit.any():
        values = sorted(map(str, frame[target].dropna().unique()))[:5]
        raise DataError(
            f"列 {target!r} 中没有值 {positive!r} (no positive outcome)；现有的值: {values}"
        )
    grouped = pd.DataFrame({by: frame[by].to_numpy(), "hit": hit}).groupby(by, observed=True)["hit"]
    table = pd.DataFrame({"customers": grouped.size(), "responses": grouped.sum()})
    table.insert(1, "share", table["customers"] / len(frame))
    table["response_rate"] = table["responses"] / table["customers"]
    table["lift"] = table["response_rate"] / np.mean(hit)
    return table.sort_values("response_rate", ascending=False, kind="stable")
