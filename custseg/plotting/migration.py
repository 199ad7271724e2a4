"""A heatmap of segment migration: who moved from which segment to which."""

from __future__ import annotations

from typing import Any

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes

from custseg.migration import migration_table
from custseg.plotting import palette
from custseg.plotting.style import chinese_font_context, pin_chinese_font

__all__ = ["plot_migration"]


def plot_migration(
    transactions: Any,
    *,
    start: Any,
    end: Any,
    scheme: str = "cn8",
    ax: Axes | None = None,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
    invoice_col: str = "invoice_id",
) -> Axes:
    """Heatmap of :func:`custseg.migration.migration_table`: darker cells hold more customers.

    Parameters
    ----------
    transactions, start, end, scheme
        As in :func:`custseg.migration.migration_table`.
    customer_col, date_col, amount_col, invoice_col : str
        Column names, passed to :func:`custseg.migration.migration_table`.
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.

    Returns
    -------
    matplotlib.axes.Axes
        The counts as an image (``ax.images[0]``), each non-empty cell labelled with its
        number; rows the segments on ``start``, columns those on ``end``.

    Examples
    --------
    >>> from custseg.datasets import load_cn_orders
    >>> ax = plot_migration(load_cn_orders(), start="2024-06-30", end="2024-12-31")
    >>> ax.get_ylabel(), ax.get_xlabel()
    ('2024-06-30 的客户群', '2024-12-31 的客户群')
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    table = migration_table(
        transactions,
        start=start,
        end=end,
        scheme=scheme,
        customer_col=customer_col,
        date_col=date_col,
        amount_col=amount_col,
        invoice_col=invoice_col,
    )
    counts = table.drop(columns=["合计", "留在原群"])
    values = counts.to_numpy(dtype=float)
    with chinese_font_context():
        if ax is None:
            _, ax = plt.subplots(figsize=(9, 6))
        ax.imshow(values, cmap=palette.COUNT_CMAP, aspect="auto")
        ax.set_xticks(np.arange(counts.shape[1]), counts.columns, rotation=45, ha="right")
        ax.set_yticks(np.arange(counts.shape[0]), counts.index)
        top = values.max() if values.size else 0
        for (row, column), count in np.ndenumerate(values):
            if count:
                color = "white" if count > top / 2 else "black"
                ax.text(column, row, f"{int(count)}", ha="center", va="center", color=color)
        ax.set_ylabel(counts.index.name)
        ax.set_xlabel(counts.columns.name)
        ax.set_title("客户群迁移：对角线上的客户没有换群")
        pin_chinese_font(ax)
    return ax
