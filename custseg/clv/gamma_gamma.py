"""Gamma-Gamma model of spend per purchase, and the discounted customer lifetime value.

Fader, P. S., Hardie, B. G. S. & Lee, K. L. (2005). RFM and CLV: using iso-value curves for
customer base analysis. *Journal of Marketing Research* 42(4), 415-430.
Fader, P. S. & Hardie, B. G. S. (2013). The Gamma-Gamma model of monetary value.
http://brucehardie.com/notes/025/

The value of each purchase of a customer is Gamma(p, nu); across customers
nu ~ Gamma(q, v). The mean of a customer's x repeat purchases, m_x, is all the model needs.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import special

from custseg.clv._fitting import (
    first_bad_row,
    maximize_log_likelihood,
    summary_arrays,
    summary_unit,
)
from custseg.clv.base import CLVModel, Objective, PurchaseModel
from custseg.errors import DataError, ParameterError

__all__ = ["GammaGammaModel"]

_PERIODS_PER_MONTH = {"D": 30.0, "W": 4.345, "M": 1.0}


def _common_unit(freq: str | None, summary: pd.DataFrame, *models: object) -> str:
    """The one time unit of ``freq``, the summary and the models, or a DataError."""
    if freq is not None and freq not in _PERIODS_PER_MONTH:
        raise ParameterError(f"参数 freq 只能是 'D', 'W' 或 'M', 收到 (got): {freq!r}")
    known = {
        "参数 freq": freq,
        "汇总表 summary": summary_unit(summary),
        **{f"模型 {type(m).__name__}": getattr(m, "time_unit_", None) for m in models},
    }
    units = {name: unit for name, unit in known.items() if unit is not None}
    if len(set(units.values())) > 1:
        listed = ", ".join(f"{name} = {unit!r}" for name, unit in units.items())
        raise DataError(
            f"时间单位不一致 (time units differ): {listed}。按周汇总的数据当成按天计算, 终身价值会"
            "被放大好几倍 (a weekly summary read as days inflates the CLV); "
            "请用同一个 unit 汇总和拟合, freq 与之相同"
        )
    return next(iter(units.values()), "D")


def _log_likelihood_terms(
    params: np.ndarray, x: np.ndarray, m: np.ndarray, *, gradient: bool
) -> tuple[np.ndarray, np.ndarray | None]:
    """Per-customer log-likelihood of the mean spend (Fader & Hardie 2013, eq. 4).

    ``ln f(m_x | p, q, v, x) = ln Gamma(px+q) - ln Gamma(px) - ln Gamma(q) + q ln v
    + (px-1) ln m_x + px ln x - (px+q) ln(v + x m_x)``
    """
    p, q, v = params
    px = p * x
    log_m = np.log(m)
    log_x = np.log(x)
    log_total = np.log(v + x * m)
    terms = (
        special.gammaln(px + q)
        - special.gammaln(px)
        - special.gammaln(q)
        + q * np.log(v)
        + (px - 1.0) * log_m
        + px * log_x
        - (px + q) * log_total
    )
    if not gradient:
        return terms, None
    psi = special.digamma(px + q)
    d_p = x * (psi - special.digamma(px) + log_m + log_x - log_total)
    d_q = psi - special.digamma(q) + np.log(v) - log_total
    d_v = q / v - (px + q) / (v + x * m)
    return terms, np.stack([d_p * p, d_q * q, d_v * v])


class GammaGammaModel(CLVModel):
    """Gamma-Gamma model of the mean spend per purchase, fitted by maximum likelihood.

    Fit it on **repeat buyers only** (``frequency > 0``), whose ``monetary_value`` is the
    mean value of their repeat purchases. The model assumes spend is independent of the
    number of purchases: check ``summary[["frequency", "monetary_value"]].corr()`` first.

    Parameters
    ----------
    penalizer_coef : float, default 0.0
        L2 penalty on p, q, v added to the negative mean log-likelihood.
    max_iter : int, default 1000
        Maximum number of optimiser iterations.
    tol : float, default 1e-7
        Gradient tolerance of the optimiser (BFGS with the analytic gradient).
    q_constraint : bool, default False
        Keep ``q >= 1`` (``lifetimes``' ``q_constraint``): with ``q <= 1`` the population
        mean spend ``p v / (q - 1)`` does not exist and no CLV can be computed. When the
        estimate sits on the bound (q = 1), the data alone would put q lower.

    Attributes
    ----------
    params_ : dict
        The estimates ``{"p", "q", "v"}`` (v in the currency of ``monetary_value``).
    log_likelihood_, n_customers_, time_unit_, log_params_covariance_
        As every CLV model (:class:`~custseg.clv.base.CLVModel`): the log-likelihood, the
        number of customers, the time unit (a summary in another unit is refused) and
        the covariance behind :meth:`fit_summary`.

    Examples
    --------
    >>> import pandas as pd
    >>> repeat = pd.DataFrame({
    ...     "frequency": [1, 2, 5, 3, 1, 4, 2, 6],
    ...     "monetary_value": [20.0, 35.5, 18.0, 42.0, 25.0, 30.0, 55.0, 22.0],
    ... })
    >>> model = GammaGammaModel().fit(repeat)
    >>> sorted(model.params_)
    ['p', 'q', 'v']
    >>> bool((model.expected_average_value(repeat) > 0).all())
    True
    """

    _param_names = ("p", "q", "v")
    _columns = ("frequency", "monetary_value")
    _model_name = "Gamma-Gamma"
    _parameter_constraints = {**CLVModel._parameter_constraints, "q_constraint": ["boolean"]}

    def __init__(
        self,
        penalizer_coef: float = 0.0,
        *,
        max_iter: int = 1000,
        tol: float = 1e-7,
        q_constraint: bool = False,
    ):
        self.penalizer_coef = penalizer_coef
        self.max_iter = max_iter
        self.tol = tol
        self.q_constraint = q_constraint

    def _check_summary(
        self, summary: pd.DataFrame, data: dict[str, np.ndarray], counts: np.ndarray | None
    ) -> None:
        """Repeat buyers only, with a positive mean spend."""
        x, m = data["frequency"], data["monetary_value"]
        one_timers = x == 0
        if one_timers.any():
            row = first_bad_row(summary, one_timers)
            raise DataError(
                f"Gamma-Gamma 模型只用回头客 (repeat buyers only): 行 (row) {row} 的 'frequency' "
                "为 0。请先筛选 summary[summary['frequency'] > 0]"
            )
        free = m <= 0
        if free.any():
            row = first_bad_row(summary, free)
            raise DataError(
                f"列 'monetary_value' 必须大于 0 (positive spend), 行 (row) {row} 的值是 "
                f"{m[free][0]!r}"
            )

    def _fit_log_params(
        self, rows: list[np.ndarray], weights: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, Objective]:
        x, m = rows
        total = weights.sum()
        penalizer = float(self.penalizer_coef)

        def objective(log_params: np.ndarray) -> tuple[float, np.ndarray]:
            params = np.exp(log_params)
            terms, grad = _log_likelihood_terms(params, x, m, gradient=True)
            value = -(np.sum(weights * terms)) / total + penalizer * np.sum(params * params)
            jac = -np.sum(grad * weights, axis=1) / total + 2.0 * penalizer * params * params
            return float(value), jac

        params = maximize_log_likelihood(
            objective,
            3,
            jac=True,
            model=self._model_name,
            max_iter=self.max_iter,
            tol=self.tol,
            # ln q >= 0, the bound of lifetimes' q_constraint
            bounds=[(None, None), (0.0, None), (None, None)] if self.q_constraint else None,
        )
        return np.log(params), np.ones(3), objective

    def _log_likelihood_rows(self, params: np.ndarray, rows: list[np.ndarray]) -> np.ndarray:
        terms, _ = _log_likelihood_terms(params, *rows, gradient=False)
        return terms

    def expected_average_value(self, summary: pd.DataFrame) -> pd.Series:
        """Expected mean spend per future purchase of each customer (FHL 2005, eq. 5).

        ``E[M | p, q, v, x, m_x] = p (v + x m_x) / (p x + q - 1)``: a weighted average of the
        population mean ``p v / (q - 1)`` and the customer's own mean ``m_x``. Customers with
        ``frequency`` 0 get the population mean.

        Returns
        -------
        pandas.Series
            Indexed like ``summary``.

        Raises
        ------
        DataError
            When the fitted q is below 1 (the population mean spend is then infinite), or
            is 1 (the bound of ``q_constraint``) and a customer has ``frequency`` 0.
        """
        p, q, v = self._fitted_params(summary)
        if q < 1:
            raise DataError(
                f"拟合得到 q = {q:.3f} < 1, 平均消费的期望不存在 (expected spend is infinite); "
                "可试 GammaGammaModel(q_constraint=True) 或更多回头客的数据"
            )
        data = summary_arrays(summary, self._columns)
        x, m = data["frequency"], data["monetary_value"]
        if q == 1 and (x == 0).any():
            row = first_bad_row(summary, x == 0)
            raise DataError(
                "q = 1 (q_constraint 的下限 bound): 没有回头购买的客户 (frequency 0) 的期望消费"
                f"不存在 (infinite), 例如行 (row) {row}; 请只对回头客计算 "
                "summary[summary['frequency'] > 0]"
            )
        value = p * (v + x * m) / (p * x + q - 1.0)
        return pd.Series(value, index=summary.index, name="expected_average_value")

    def customer_lifetime_value(
        self,
        transaction_model: PurchaseModel,
        summary: pd.DataFrame,
        time: int = 12,
        discount_rate: float = 0.01,
        freq: str | None = None,
    ) -> pd.Series:
        """Discounted expected spend of each customer over the next ``time`` months.

        For each month k = 1..time, the purchases expected in that month (from the fitted
        BG/NBD or Pareto/NBD ``transaction_model``) times :meth:`expected_average_value`,
        discounted by ``(1 + discount_rate) ** k``: the CLV of Fader, Hardie & Lee (2005)
        on a monthly grid, as in the ``lifetimes`` package.

        Parameters
        ----------
        transaction_model : BetaGeoModel or ParetoNBDModel
            Fitted on the same summary.
        summary : pandas.DataFrame
            Columns frequency, recency, T, monetary_value.
        time : int, default 12
            Horizon in months.
        discount_rate : float, default 0.01
            Monthly discount rate.
        freq : {"D", "W", "M"}, optional
            Time unit of the summary (a month counts 30 days or 4.345 weeks). Default: the
            unit the summary and the models carry (``summary.attrs["time_unit"]``), else "D".

        Returns
        -------
        pandas.Series
            CLV in the currency of ``monetary_value``, indexed like ``summary``.

        Raises
        ------
        DataError
            When ``freq``, the summary and the two models do not all share one time unit: a
            weekly summary read as days would give several times the CLV.
        """
        freq = _common_unit(freq, summary, transaction_model, self)
        if int(time) != time or time < 1:
            raise ParameterError(
                f"参数 time (月数 months) 必须是正整数 (positive integer): {time!r}"
            )
        if not np.isfinite(discount_rate) or discount_rate <= -1:
            raise ParameterError(
                f"参数 discount_rate (折现率) 必须大于 -1 (must be > -1): {discount_rate!r}"
            )
        spend = self.expected_average_value(summary).to_numpy()
        per_month = _PERIODS_PER_MONTH[freq]
        clv = np.zeros(len(summary))
        previous = np.zeros(len(summary))
        for month in range(1, int(time) + 1):
            cumulative = transaction_model.predict_purchases(month * per_month, summary).to_numpy()
            clv += spend * (cumulative - previous) / (1.0 + discount_rate) ** month
            previous = cumulative
        return pd.Series(clv, index=summary.index, name="clv")
