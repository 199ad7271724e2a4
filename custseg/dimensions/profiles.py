"""Comparing segments: profiles side by side, an index against the average, response rates."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from custseg.errors import DataError, ParameterError, require_columns


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


def overall_rate(table: pd.DataFrame) -> float:
    """The response rate of all customers of a :func:`response_by` table.

    The responses of all segments over all their customers, so a large segment weighs
    more than a small one (not the mean of the segments' rates).

    Examples
    --------
    >>> import pandas as pd
    >>> clients = pd.DataFrame({"job": ["学生", "工人", "工人", "工人"],
    ...                         "y": ["yes", "yes", "no", "no"]})
    >>> overall_rate(response_by(clients, "job"))
    0.5
    """
    require_columns(table, ["customers", "responses"], what="响应率表 (response_by table)")
    return float(table["responses"].sum() / table["customers"].sum())


OVERALL = "全部客户"
"""Label of the all-customers row that :func:`profile_segments` appends."""

# ----------------------------------------------------------------------------- profiles


def profile_segments(
    frame: pd.DataFrame,
    by: str,
    columns: Sequence[str] | None = None,
    *,
    overall: bool = True,
) -> pd.DataFrame:
    """Profile segments side by side: size, share, and the mean or the mode of each column.

    Numeric and true / false columns get their mean (for true / false: the share that is
    true); other columns get their most frequent value (ties: the first in sorted order).
    Missing values are left out of means and modes.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per customer.
    by : str
        The column holding the segment.
    columns : sequence of str, optional
        The columns to profile; by default all other columns.
    overall : bool, default True
        Add a last row, :data:`OVERALL` (全部客户), for comparison.

    Returns
    -------
    pandas.DataFrame
        Indexed by segment (in category order for a categorical column, otherwise
        largest first): ``customers``, ``share``, then one column per profiled column.

    Examples
    --------
    >>> import pandas as pd
    >>> clients = pd.DataFrame({"群": ["甲", "甲", "乙"], "年龄": [30, 40, 50],
    ...                         "职业": ["教师", "教师", "医生"], "认购": [True, False, True]})
    >>> profile_segments(clients, "群")
          customers     share    年龄  职业        认购
    群
    甲             2  0.666667  35.0  教师  0.500000
    乙             1  0.333333  50.0  医生  1.000000
    全部客户         3  1.000000  40.0  教师  0.666667
    """
    require_columns(frame, [by], what="客户数据 (customers)")
    if columns is None:
        columns = [c for c in frame.columns if c != by]
    columns = list(columns)
    require_columns(frame, columns, what="客户数据 (customers)")
    if by in columns:
        raise ParameterError(f"分群列 {by!r} 不能同时作为画像列 (profiled column)")
    if frame[by].notna().sum() == 0:
        raise DataError(f"分群列 {by!r} 全是空值 (no segment)")
    segments = frame[by]
    groups = frame.groupby(
        segments, observed=True, sort=isinstance(segments.dtype, pd.CategoricalDtype)
    )
    table = pd.DataFrame({"customers": groups.size()})
    if not isinstance(segments.dtype, pd.CategoricalDtype):
        table = table.sort_values("customers", ascending=False, kind="stable")
    total = int(segments.notna().sum())
    table["share"] = table["customers"] / total

    def mode(values: pd.Series) -> object:
        modes = values.dropna().mode()
        return modes.iloc[0] if len(modes) else np.nan

    summaries = {}
    for column in columns:
        values = frame[column]
        if pd.api.types.is_bool_dtype(values) or pd.api.types.is_numeric_dtype(values):
            numbers = values.astype("float64")
            summaries[column] = (
                numbers.groupby(segments, observed=True).mean(),
                numbers[segments.notna()].mean(),
            )
        else:
            summaries[column] = (
                values.groupby(segments, observed=True).agg(mode),
                mode(values[segments.notna()]),
            )
    for column, (per_segment, _) in summaries.items():
        table[column] = per_segment.reindex(table.index)
    if overall:
        row = {"customers": total, "share": 1.0}
        row.update({column: whole for column, (_, whole) in summaries.items()})
        extra = pd.DataFrame([row], index=pd.Index([OVERALL], name=by))
        table.index = table.index.astype(object)
        table = pd.concat([table, extra.astype(table.dtypes.to_dict())])
    table.index.name = by
    return table


def profile_index(profile: pd.DataFrame, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """Each segment's mean divided by the all-customers mean, times 100 (100 = average).

    Parameters
    ----------
    profile : pandas.DataFrame
        From :func:`profile_segments` with ``overall=True``.
    columns : sequence of str, optional
        Numeric columns; by default all numeric columns but ``customers`` and ``share``.

    Returns
    -------
    pandas.DataFrame
        One row per segment (the overall row dropped), one column per profiled column.

    Examples
    --------
    >>> import pandas as pd
    >>> clients = pd.DataFrame({"群": ["甲", "甲", "乙"], "年龄": [30, 30, 60]})
    >>> profile_index(profile_segments(clients, "群"))
          年龄
    群
    甲   75.0
    乙  150.0
    """
    if OVERALL not in profile.index:
        raise DataError(
            f"画像表缺少 {OVERALL!r} 行 (overall row)：请用 profile_segments(..., overall=True)"
        )
    if columns is None:
        columns = [
            c
            for c in profile.columns
            if c not in ("customers", "share") and pd.api.types.is_numeric_dtype(profile[c])
        ]
    columns = list(columns)
    require_columns(profile, columns, what="画像表 (profile)")
    if not columns:
        raise DataError("画像表中没有数值列 (no numeric column) 可画")
    values = profile[columns].astype("float64")
    base = values.loc[OVERALL]
    zero = base.index[(base == 0) | base.isna()].tolist()
    if zero:
        raise DataError(
            f"全部客户的均值为 0 或空，无法计算指数 (index)：{zero} (overall mean is 0 or missing)"
        )
    return values.drop(index=OVERALL) / base * 100
