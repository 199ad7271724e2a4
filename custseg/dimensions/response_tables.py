"""Response rates per segment as a readable table: the course's way to compare segments on a campaign."""

from __future__ import annotations

import pandas as pd

from custseg.dimensions.labels import segment_labels
from custseg.dimensions.profiles import response_by
from custseg.errors import DataError, require_columns

__all__ = [
    "OVERALL_ROW",
    "RESPONSE_AXIS_LABEL",
    "overall_rate_label",
    "response_sentence",
    "response_table",
    "response_title",
    "segment_response",
]

OVERALL_ROW = "全部客户"
"""The label of the one row :func:`response_table` gives without ``by``."""


def response_table(
    data: pd.DataFrame, by: str | None = None, *, target: str = "y", positive: object = "yes"
) -> pd.DataFrame:
    """Customers, responses, response rate and lift per segment, with Chinese headers.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per customer.
    by : str, optional
        The column that defines the segments (``"job"``; ``"age"`` is cut into age bands,
        see :func:`custseg.dimensions.labels.segment_labels`). Without it, one
        row for all customers.
    target, positive
        The outcome column and the value that counts as a response (default: ``y`` is
        ``"yes"``, the client subscribed).

    Returns
    -------
    pandas.DataFrame
        Indexed by segment, highest response rate first: ``客户数``, ``客户占比``,
        ``响应人数``, ``响应率`` (text with %) and ``提升度`` (the segment's response rate
        divided by the overall rate, two decimals: 1.50 means 1.5 times the average).

    Examples
    --------
    >>> import pandas as pd
    >>> clients = pd.DataFrame({"job": ["student", "student", "retired", "retired"],
    ...                         "y": ["yes", "no", "no", "no"]})
    >>> response_table(clients, by="job")
        客户数   客户占比  响应人数    响应率   提升度
    职业
    学生    2  50.0%    1  50.0%  2.0
    退休    2  50.0%    0   0.0%  0.0
    >>> response_table(clients)
          客户数    客户占比  响应人数    响应率  提升度
    全部客户    4  100.0%    1  25.0%  1.0
    """
    table = segment_response(data, by, target=target, positive=positive)
    result = pd.DataFrame(
        {
            "客户数": table["customers"].astype("int64"),
            "客户占比": table["share"].map("{:.1%}".format),
            "响应人数": table["responses"].astype("int64"),
            "响应率": table["response_rate"].map("{:.1%}".format),
            "提升度": table["lift"].round(2),
        }
    )
    result.index = result.index.astype(str)
    result.index.name = table.index.name or None
    return result


def segment_response(
    data: pd.DataFrame, by: str | None = None, *, target: str = "y", positive: object = "yes"
) -> pd.DataFrame:
    """:func:`custseg.dimensions.response_by` on the readable segments of one column.

    Parameters
    ----------
    data : pandas.DataFrame
        One row per customer. Not modified.
    by : str, optional
        The column that defines the segments, labelled as in
        :func:`custseg.dimensions.labels.segment_labels` (``"age"`` in age bands,
        coded values in Chinese). Without it, one row :data:`OVERALL_ROW` for all customers.
    target, positive
        The outcome column and the value that counts as a response.

    Returns
    -------
    pandas.DataFrame
        The table of :func:`custseg.dimensions.response_by` (``customers``, ``share``,
        ``responses``, ``response_rate``, ``lift``; highest rate first), indexed by the
        segment labels and named after the dimension (e.g. ``职业``).

    Examples
    --------
    >>> import pandas as pd
    >>> clients = pd.DataFrame({"job": ["student", "student", "retired", "retired"],
    ...                         "y": ["yes", "no", "no", "no"]})
    >>> segment_response(clients, "job")[["customers", "response_rate"]]
        customers  response_rate
    职业
    学生          2            0.5
    退休          2            0.0
    """
    require_columns(data, [target], what="客户数据 (customers)")
    if by is None:
        labels = pd.Series(OVERALL_ROW, index=data.index, name="")
    else:
        labels = segment_labels(data, by)
    frame = pd.DataFrame({"segment": labels.to_numpy(), target: data[target].to_numpy()})
    table = response_by(frame, "segment", target=target, positive=positive)
    table.index.name = labels.name
    return table


RESPONSE_AXIS_LABEL = "响应率（认购定期存款的比例）"
"""The axis of the response-rate charts (the static one and the widget's)."""


def response_title(dimension: str) -> str:
    """The title of a response-rate chart along one dimension.

    Examples
    --------
    >>> response_title("职业")
    '按职业分群的响应率'
    """
    return f"按{dimension}分群的响应率"


def overall_rate_label(rate: float) -> str:
    """The legend entry of the overall rate's dashed line.

    Examples
    --------
    >>> overall_rate_label(0.117)
    '整体 12%'
    """
    return f"整体 {rate:.0%}"


def response_sentence(table: pd.DataFrame, dimension: str) -> str:
    """One Chinese line on a :func:`custseg.dimensions.response_by` table: best, worst, gap.

    Parameters
    ----------
    table : pandas.DataFrame
        From :func:`segment_response` or :func:`custseg.dimensions.response_by` (highest
        rate first).
    dimension : str
        What the segments are cut along, as the reader calls it (e.g. "职业").

    Returns
    -------
    str
        HTML-marked text: the number of segments, the segments with the highest and the
        lowest rate (one decimal of a percent; on a tie the one listed first is highest and
        the one listed last lowest) and the gap in percentage points.

    Examples
    --------
    >>> import pandas as pd
    >>> clients = pd.DataFrame({"job": ["student", "student", "retired", "retired"],
    ...                         "y": ["yes", "no", "no", "no"]})
    >>> response_sentence(segment_response(clients, "job"), "职业")
    '按<b>职业</b>分成 2 群：响应率最高的是 <b>学生</b>（50.0%），最低的是 <b>退休</b>（0.0%），相差 50.0 个百分点。'
    """
    require_columns(table, ["response_rate"], what="响应率表 (response_by table)")
    if table.empty:
        raise DataError("响应率表是空的 (empty table)：没有客户群可比较")
    rates = table["response_rate"].sort_values(ascending=False, kind="stable")
    best, worst = rates.index[0], rates.index[-1]
    high, low = rates.iloc[0], rates.iloc[-1]
    return (
        f"按<b>{dimension}</b>分成 {len(table)} 群：响应率最高的是 <b>{best}</b>"
        f"（{high:.1%}），最低的是 <b>{worst}</b>（{low:.1%}），"
        f"相差 {(high - low) * 100:.1f} 个百分点。"
    )
