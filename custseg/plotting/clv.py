"""Plots for the CLV models: model fit check and frequency / recency heatmaps."""

from __future__ import annotations

from typing import Any

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from custseg.clv._fitting import summary_arrays
from custseg.clv.base import PurchaseModel
from custseg.errors import ParameterError
from custseg.estimator_contract import check_fitted
from custseg.plotting import palette
from custseg.plotting.style import chinese_font_context, pin_chinese_font

__all__ = [
    "period_transaction_counts",
    "plot_alive_chances",
    "plot_purchase_fit",
    "plot_frequency_recency_matrix",
    "plot_period_transactions",
    "plot_probability_alive_matrix",
]

_UNIT_NAMES = {"D": "天", "W": "周"}


def _unit_name(unit: str) -> str:
    if unit not in _UNIT_NAMES:
        raise ParameterError(
            f"参数 unit 只能是 'D' (天 days) 或 'W' (周 weeks), 收到 (got): {unit!r}"
        )
    return _UNIT_NAMES[unit]


def period_transaction_counts(
    model: PurchaseModel, summary: pd.DataFrame, max_frequency: int = 7
) -> pd.DataFrame:
    """Observed and expected numbers of customers by number of repeat purchases.

    The expected count for n repeat purchases is ``sum_i P(X(T_i) = n)`` over the
    customers of ``summary`` (each observed for its own ``T``); the last class gathers
    ``max_frequency`` and more.

    Returns
    -------
    pandas.DataFrame
        Index ``0 .. max_frequency`` (labels ``"0"``, ..., ``"7+"``), columns
        ``observed`` and ``model``.

    Examples
    --------
    >>> import pandas as pd
    >>> from custseg.clv import BetaGeoModel
    >>> summary = pd.DataFrame({
    ...     "frequency": [0, 1, 2, 0, 5, 3, 0, 1],
    ...     "recency": [0.0, 10.0, 30.0, 0.0, 35.0, 12.0, 0.0, 3.0],
    ...     "T": [38.0, 38.0, 36.0, 30.0, 37.0, 39.0, 20.0, 25.0],
    ... })
    >>> counts = period_transaction_counts(BetaGeoModel().fit(summary), summary, 3)
    >>> counts["observed"].tolist()
    [3.0, 2.0, 1.0, 2.0]
    >>> round(float(counts["model"].sum()), 6)
    8.0
    """
    check_fitted(model)
    if int(max_frequency) != max_frequency or max_frequency < 1:
        raise ParameterError(
            f"参数 max_frequency 必须是正整数 (positive integer): {max_frequency!r}"
        )
    max_frequency = int(max_frequency)
    data = summary_arrays(summary, ("frequency", "T"))
    frequency = np.minimum(data["frequency"], max_frequency).astype(np.int64)
    observed = np.bincount(frequency, minlength=max_frequency + 1).astype(np.float64)
    ages, counts = np.unique(data["T"], return_counts=True)
    n = np.arange(max_frequency, dtype=np.float64)
    expected = np.zeros(max_frequency + 1)
    for age, count in zip(ages, counts, strict=True):
        probabilities = np.asarray(model.probability_of_n_purchases(float(age), n))
        expected[:max_frequency] += count * probabilities
        expected[max_frequency] += count * (1.0 - probabilities.sum())
    labels = [str(k) for k in range(max_frequency)] + [f"{max_frequency}+"]
    return pd.DataFrame(
        {"observed": observed, "model": expected}, index=pd.Index(labels, name="frequency")
    )


def plot_period_transactions(
    model: PurchaseModel, summary: pd.DataFrame, *, max_frequency: int = 7, ax: Axes | None = None
) -> Axes:
    """Bar chart of customers by number of repeat purchases: observed vs. fitted model.

    The standard check of a BG/NBD or Pareto/NBD fit (Fader, Hardie & Lee 2005, figure 2):
    if the model is right, the two bars of every class are close.

    Parameters
    ----------
    model : BetaGeoModel or ParetoNBDModel
        A fitted model.
    summary : pandas.DataFrame
        The summary it was fitted on (columns frequency, T).
    max_frequency : int, default 7
        The last class gathers this many repeat purchases and more.
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.

    Returns
    -------
    matplotlib.axes.Axes
        The first container holds the observed bars, the second the model bars.

    Examples
    --------
    >>> import pandas as pd
    >>> from custseg.clv import BetaGeoModel
    >>> summary = pd.DataFrame({
    ...     "frequency": [0, 1, 2, 0, 5, 3, 0, 1],
    ...     "recency": [0.0, 10.0, 30.0, 0.0, 35.0, 12.0, 0.0, 3.0],
    ...     "T": [38.0, 38.0, 36.0, 30.0, 37.0, 39.0, 20.0, 25.0],
    ... })
    >>> ax = plot_period_transactions(BetaGeoModel().fit(summary), summary, max_frequency=3)
    >>> [float(bar.get_height()) for bar in ax.containers[0]]
    [3.0, 2.0, 1.0, 2.0]
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    counts = period_transaction_counts(model, summary, max_frequency)
    positions = np.arange(len(counts))
    width = 0.4
    with chinese_font_context():
        if ax is None:
            _, ax = plt.subplots(figsize=(8, 4.5))
        ax.bar(
            positions - width / 2, counts["observed"], width, label="实际客户数", color=palette.MAIN
        )
        ax.bar(
            positions + width / 2, counts["model"], width, label="模型预测", color=palette.COMPARE
        )
        ax.set_xticks(positions, counts.index.tolist())
        ax.set_xlabel("复购次数（首购之后又买的次数）")
        ax.set_ylabel("客户数")
        ax.set_title("复购次数分布：实际 vs 模型")
        ax.legend()
        pin_chinese_font(ax)
    return ax


def _grid(summary: pd.DataFrame) -> tuple[pd.DataFrame, int, int, float]:
    """All (frequency, recency) pairs up to the summary's maxima, observed for the largest T."""
    data = summary_arrays(summary, ("frequency", "recency", "T"))
    max_frequency = int(data["frequency"].max())
    age = float(data["T"].max())
    max_recency = int(np.floor(age))
    frequency, recency = np.meshgrid(
        np.arange(max_frequency + 1, dtype=np.float64),
        np.arange(max_recency + 1, dtype=np.float64),
        indexing="ij",
    )
    grid = pd.DataFrame({"frequency": frequency.ravel(), "recency": recency.ravel(), "T": age})
    # a customer without a repeat purchase has recency 0: the other cells stay empty
    grid = grid[(grid["frequency"] > 0) | (grid["recency"] == 0)]
    return grid, max_frequency, max_recency, age


def _draw_matrix(
    values: pd.Series,
    grid: pd.DataFrame,
    shape: tuple[int, int],
    *,
    title: str,
    colorbar_label: str,
    unit: str,
    ax: Axes | None,
    vmax: float | None = None,
) -> Axes:
    matrix = np.full(shape, np.nan)
    matrix[grid["frequency"].to_numpy(int), grid["recency"].to_numpy(int)] = values.to_numpy()
    unit_name = _unit_name(unit)
    with chinese_font_context():
        if ax is None:
            _, ax = plt.subplots(figsize=(7, 5.5))
        image = ax.imshow(
            np.ma.masked_invalid(matrix),
            origin="lower",
            aspect="auto",
            cmap=palette.PROBABILITY_CMAP,
            vmin=0.0,
            vmax=vmax,
            interpolation="nearest",
        )
        colorbar = ax.figure.colorbar(image, ax=ax)
        colorbar.set_label(colorbar_label)
        ax.set_xlabel(f"复购跨度：首购到最后一次购买（{unit_name}）")
        ax.set_ylabel("复购次数（首购之后又买的次数）")
        ax.set_title(title)
        pin_chinese_font(ax)
    return ax


def plot_frequency_recency_matrix(
    model: PurchaseModel,
    summary: pd.DataFrame,
    *,
    t: float = 1.0,
    unit: str = "D",
    ax: Axes | None = None,
) -> Axes:
    """Heatmap of the purchases expected in the next ``t`` periods, by frequency and recency.

    Each cell is a customer with that many repeat purchases and that recency, observed for
    the largest ``T`` of ``summary``. The best customers bought often and recently (top
    right); those who bought often but long ago are probably gone.

    Parameters
    ----------
    model : BetaGeoModel or ParetoNBDModel
        A fitted model.
    summary : pandas.DataFrame
        Columns frequency, recency, T: sets the ranges of the axes.
    t : float, default 1
        Length of the future period, in the unit of the summary.
    unit : {"D", "W"}, default "D"
        The unit of the summary, for the axis label.
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.

    Returns
    -------
    matplotlib.axes.Axes
        Its image (``ax.images[0]``) holds the matrix, frequency by row, recency by column.

    Examples
    --------
    >>> import pandas as pd
    >>> from custseg.clv import BetaGeoModel
    >>> summary = pd.DataFrame({
    ...     "frequency": [0, 1, 2, 0, 5, 3, 0, 1],
    ...     "recency": [0.0, 10.0, 30.0, 0.0, 35.0, 12.0, 0.0, 3.0],
    ...     "T": [38.0, 38.0, 36.0, 30.0, 37.0, 39.0, 20.0, 25.0],
    ... })
    >>> ax = plot_frequency_recency_matrix(BetaGeoModel().fit(summary), summary, t=4, unit="W")
    >>> ax.get_title()
    '未来 4 周的预期购买次数'
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    check_fitted(model)
    grid, max_frequency, max_recency, _ = _grid(summary)
    values = model.predict_purchases(t, grid)
    unit_name = _unit_name(unit)
    return _draw_matrix(
        values,
        grid,
        (max_frequency + 1, max_recency + 1),
        title=f"未来 {t:g} {unit_name}的预期购买次数",
        colorbar_label="预期购买次数",
        unit=unit,
        ax=ax,
    )


def plot_probability_alive_matrix(
    model: PurchaseModel,
    summary: pd.DataFrame | None = None,
    *,
    unit: str | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Heatmap of the probability of still being an active customer, by frequency and recency.

    Parameters
    ----------
    model : BetaGeoModel or ParetoNBDModel
        A fitted model.
    summary : pandas.DataFrame, optional
        Columns frequency, recency, T: sets the ranges of the axes (customers observed for
        the largest T). Without it, the model's own :meth:`probability_alive_matrix` is
        drawn (the ranges of the fitted data, T = the largest whole T), as ``lifetimes``.
    unit : {"D", "W"}, optional
        The unit of the summary, for the axis label; default the unit the model was fitted
        in (else the summary's, else days).
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.

    Returns
    -------
    matplotlib.axes.Axes
        Its image (``ax.images[0]``) holds the matrix, frequency by row, recency by column.

    Examples
    --------
    >>> import pandas as pd
    >>> from custseg.clv import BetaGeoModel
    >>> summary = pd.DataFrame({
    ...     "frequency": [0, 1, 2, 0, 5, 3, 0, 1],
    ...     "recency": [0.0, 10.0, 30.0, 0.0, 35.0, 12.0, 0.0, 3.0],
    ...     "T": [38.0, 38.0, 36.0, 30.0, 37.0, 39.0, 20.0, 25.0],
    ... })
    >>> model = BetaGeoModel().fit(summary)
    >>> plot_probability_alive_matrix(model, summary, unit="W").images[0].get_array().shape
    (6, 40)
    >>> ax = plot_probability_alive_matrix(model)
    >>> ax.get_title(), ax.images[0].get_array().shape
    ('仍是活跃客户的概率', (6, 40))
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    check_fitted(model)
    if unit is None:
        unit = getattr(model, "time_unit_", None) or (
            summary.attrs.get("time_unit") if isinstance(summary, pd.DataFrame) else None
        )
    unit = unit or "D"
    _unit_name(unit)
    if summary is None:
        matrix = model.probability_alive_matrix()
        stacked = matrix.stack().rename("probability_alive").reset_index()
        grid = stacked[["frequency", "recency"]]
        values = stacked["probability_alive"]
        shape = matrix.shape
    else:
        grid, max_frequency, max_recency, _ = _grid(summary)
        values = model.probability_alive(grid)
        shape = (max_frequency + 1, max_recency + 1)
    return _draw_matrix(
        values,
        grid,
        shape,
        title="仍是活跃客户的概率",
        colorbar_label="活跃概率",
        unit=unit,
        ax=ax,
        vmax=1.0,
    )


def plot_purchase_fit(
    transactions: Any,
    *,
    ax: Axes | None = None,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
) -> Axes:
    """Fit BG/NBD to the transactions and compare its predicted repeat purchases with the real ones.

    The one-call version of :func:`plot_period_transactions` (weeks, purchases per day);
    ``customer_col``, ``date_col`` and ``amount_col`` name the transactions' columns.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b", "b", "b", "c"],
    ...     "invoice_date": pd.to_datetime(["2024-01-01", "2024-03-01", "2024-01-10",
    ...                                     "2024-02-01", "2024-04-01", "2024-02-15"]),
    ...     "amount": [10.0, 20.0, 5.0, 8.0, 9.0, 30.0]})
    >>> plot_purchase_fit(tx).get_xlabel()
    '复购次数（首购之后又买的次数）'
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    from custseg.clv_tables import fit_clv_models

    models = fit_clv_models(
        transactions, customer_col=customer_col, date_col=date_col, amount_col=amount_col
    )
    return plot_period_transactions(models.purchases, models.summary, ax=ax)


def plot_alive_chances(
    transactions: Any,
    *,
    ax: Axes | None = None,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
) -> Axes:
    """Fit BG/NBD to the transactions and draw each customer's chance of still being active.

    The one-call version of :func:`plot_probability_alive_matrix` (weeks): rows are repeat
    purchases, columns the time from the first to the last purchase (复购跨度);
    ``customer_col``, ``date_col`` and ``amount_col`` name the transactions' columns.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": ["a", "a", "b", "b", "b", "c"],
    ...     "invoice_date": pd.to_datetime(["2024-01-01", "2024-03-01", "2024-01-10",
    ...                                     "2024-02-01", "2024-04-01", "2024-02-15"]),
    ...     "amount": [10.0, 20.0, 5.0, 8.0, 9.0, 30.0]})
    >>> plot_alive_chances(tx).get_title()
    '仍是活跃客户的概率'
    >>> import matplotlib.pyplot as plt; plt.close("all")
    """
    from custseg.clv_tables import fit_clv_models

    models = fit_clv_models(
        transactions, customer_col=customer_col, date_col=date_col, amount_col=amount_col
    )
    return plot_probability_alive_matrix(models.purchases, models.summary, unit="W", ax=ax)
