"""Prime bank clients (优质客户): a high balance, no default on record, no personal loan.

The bank case of module 08: a bank that finds its prime clients can tailor credit products
to them, with lower default and higher satisfaction. On the Bank Marketing sample the rule
is: balance in the top ``balance_top_share`` of clients, ``default == "no"`` and
``loan == "no"``; :func:`quality_client_table` compares these clients with the others on
the term-deposit campaign (``y``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from custseg.errors import ParameterError, require_columns

__all__ = ["QUALITY_LABELS", "is_quality_client", "quality_client_table"]

QUALITY_LABELS = ("优质客户", "其他客户")
"""The two tiers."""


def is_quality_client(clients: pd.DataFrame, *, balance_top_share: float = 0.25) -> pd.Series:
    """True for the prime clients: top balance share, no default, no personal loan.

    Examples
    --------
    >>> import pandas as pd
    >>> clients = pd.DataFrame({"balance": [100, 5000, 6000, 7000],
    ...                         "default": ["no", "no", "yes", "no"],
    ...                         "loan": ["no", "no", "no", "yes"]})
    >>> is_quality_client(clients, balance_top_share=0.75).tolist()
    [False, True, False, False]
    """
    require_columns(clients, ["balance", "default", "loan"], what="银行客户数据 (clients)")
    if isinstance(balance_top_share, bool) or not 0 < balance_top_share <= 1:
        raise ParameterError(
            f"balance_top_share 是 0 到 1 之间的比例（0.25 表示余额前 25%），收到 {balance_top_share!r} (balance_top_share: a share in [0, 1])"
        )
    cut = clients["balance"].quantile(1 - balance_top_share)
    rich = clients["balance"] >= cut
    return (rich & (clients["default"] == "no") & (clients["loan"] == "no")).rename("quality")


def quality_client_table(
    clients: pd.DataFrame,
    *,
    balance_top_share: float = 0.25,
    target: str = "y",
    positive: object = "yes",
) -> pd.DataFrame:
    """Prime clients against the others: size, age, balance and response rate, in Chinese.

    Returns
    -------
    pandas.DataFrame
        Rows 优质客户, 其他客户, 全部客户; columns 客户数, 占比（%）, 平均年龄,
        平均存款余额, 认购率（%） (share with ``target == positive``, 1 decimal).

    Examples
    --------
    >>> import pandas as pd
    >>> clients = pd.DataFrame({"age": [30, 40, 50, 60], "balance": [100, 5000, 6000, 7000],
    ...                         "default": ["no", "no", "yes", "no"],
    ...                         "loan": ["no", "no", "no", "no"],
    ...                         "y": ["no", "yes", "no", "yes"]})
    >>> quality_client_table(clients, balance_top_share=0.5)["认购率（%）"].tolist()
    [100.0, 33.3, 50.0]
    """
    require_columns(clients, ["age", target], what="银行客户数据 (clients)")
    quality = is_quality_client(clients, balance_top_share=balance_top_share).to_numpy()
    responded = (clients[target] == positive).to_numpy()
    rows = {}
    for label, members in (
        (QUALITY_LABELS[0], quality),
        (QUALITY_LABELS[1], ~quality),
        ("全部客户", np.ones(len(clients), dtype=bool)),
    ):
        count = int(members.sum())
        rows[label] = {
            "客户数": count,
            "占比（%）": round(100 * count / len(clients), 1),
            "平均年龄": round(float(clients["age"].to_numpy()[members].mean()), 1)
            if count
            else 0.0,
            "平均存款余额": round(float(clients["balance"].to_numpy()[members].mean()))
            if count
            else 0,
            "认购率（%）": round(100 * float(responded[members].mean()), 1) if count else 0.0,
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.name = "客户层级"
    return table
