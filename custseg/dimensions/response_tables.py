"""Response rates per segment as a readable table: the course's way to compare segments on a campaign."""

from __future__ import annotations

import pandas as pd

from custseg.dimensions.profiles import response_by
from custseg.dimensions.segment_labels import segment_labels
from custseg.errors import require_columns

__all__ = ["OVERALL_ROW", "response_table"]

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
        see :func:`custseg.dimensions.segment_labels.segment_labels`). Without it, one
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
    require_columns(data, [target], what="客户数据 (customers)")
    if by is None:
        labels = pd.Series(OVERALL_ROW, index=data.index, name="")
    else:
        labels = segment_labels(data, by)
    frame = pd.DataFrame({"segment": labels.to_numpy(), target: data[target].to_numpy()})
    table = response_by(frame, "segment", target=target, positive=positive)
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
    result.index.name = labels.name or None
    return result
