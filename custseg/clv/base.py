"""The base of the CLV models: one fit, one fit summary, one time unit, save and load.

Modelled on pymc-marketing's ``CLVModel``: the models of :mod:`custseg.clv` differ only in
their likelihood and predictions; everything around them is here once.

* :class:`CLVModel` (BG/NBD, Pareto/NBD, Gamma-Gamma): the scikit-learn estimator contract
  (``_parameter_constraints`` checked when ``fit`` starts, ``fit(X, y=None, *, weights=None)``
  returning ``self``, one "not fitted" message), the common fitting set-up (checked summary
  columns, weights, customers with identical rows sharing one likelihood term), the time
  unit the model was fitted in, :meth:`CLVModel.fit_summary` with standard errors, and
  :meth:`CLVModel.save` / :meth:`CLVModel.load`.
* :class:`PurchaseModel` (BG/NBD, Pareto/NBD): what the two purchase-count models share on
  a (frequency, recency, T) summary: the check that the summary can identify the
  parameters, the per-customer log-likelihood, the probability of being alive and its
  matrix.

Preparing the data (:mod:`custseg.clv.summary`) and drawing the charts
(:mod:`custseg.plotting.clv`) stay apart.
"""

from __future__ import annotations

from collections.abc import Callable
from numbers import Integral, Real
from pathlib import Path
from typing import Any, ClassVar

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator
from sklearn.utils._param_validation import Interval

from custseg.clv._alive_matrix import alive_matrix
from custseg.clv._fit_summary import log_covariance, summary_table
from custseg.clv._fitting import (
    check_identifiable,
    check_weights,
    summary_arrays,
    summary_unit,
    unique_rows,
)
from custseg.clv._persistence import read_model, write_model
from custseg.errors import ConvergenceError, DataError, ParameterError
from custseg.estimator_contract import check_fitted, validate_parameters

__all__ = ["CLVModel", "PurchaseModel"]

Objective = Callable[[np.ndarray], tuple[float, np.ndarray]]


class CLVModel(BaseEstimator):
    """Base of the CLV models: a maximum-likelihood fit on a per-customer summary.

    A model class names its estimates (``_param_names``), the summary columns it reads
    (``_columns``) and implements :meth:`_fit_log_params` (the optimisation, returning the
    objective it minimised) and :meth:`_log_likelihood_rows`; this class does the rest.

    Attributes
    ----------
    params_ : dict
        The estimates, in the time unit of the fitted summary.
    log_likelihood_ : float
        Total log-likelihood of the fitted summary (without the penalty).
    n_customers_ : int
        Number of customers fitted (the sum of the weights).
    time_unit_ : str or None
        The time unit of the fitted summary (``summary.attrs["time_unit"]``, "D" or "W");
        a summary in another unit is refused.
    log_params_covariance_ : numpy.ndarray
        Covariance of the log-estimates (inverse Hessian), behind :meth:`fit_summary`.
    """

    _param_names: ClassVar[tuple[str, ...]] = ()
    _columns: ClassVar[tuple[str, ...]] = ()
    _model_name: ClassVar[str] = ""
    _parameter_constraints: ClassVar[dict[str, list[Any]]] = {
        "penalizer_coef": [Interval(Real, 0, None, closed="left")],
        "max_iter": [Interval(Integral, 1, None, closed="left")],
        "tol": [Interval(Real, 0, None, closed="neither")],
    }

    # ------------------------------------------------------------------ fitting
    def fit(self, X: pd.DataFrame, y: None = None, *, weights: object = None) -> CLVModel:
        """Estimate the parameters from a per-customer summary by maximum likelihood.

        Parameters
        ----------
        X : pandas.DataFrame
            The summary: one row per customer, e.g. from
            :func:`custseg.clv.summary_from_transactions`, or one row per group of identical
            customers with ``weights``. BG/NBD and Pareto/NBD read ``frequency``,
            ``recency`` and ``T``; Gamma-Gamma reads ``frequency`` and ``monetary_value``
            of repeat buyers only (``summary[summary["frequency"] > 0]``). Not changed.
        y : None
            Not used (scikit-learn's convention); anything else is refused, so that
            weights passed by position are not lost.
        weights : array-like of int, optional
            The number of customers each row stands for (as in ``lifetimes``); default 1.

        Returns
        -------
        CLVModel
            The fitted model (self).

        Raises
        ------
        DataError
            Missing column, invalid value (negative, recency > T, ...), a summary that
            cannot identify the parameters.
        ParameterError
            Bad weights, ``penalizer_coef``, ``max_iter`` or ``tol``, or a ``y``.
        ConvergenceError
            When the fit does not converge, or the estimates drift to extremes.
        """
        validate_parameters(self)
        if not np.isfinite(self.penalizer_coef):
            raise ParameterError(
                f"参数 penalizer_coef 必须是有限的数 (finite number): {self.penalizer_coef!r}"
            )
        if y is not None:
            raise ParameterError(
                f"{type(self).__name__}.fit 不使用 y (y is not used); 每行代表的客户数请用 "
                "fit(summary, weights=...) 传入 (pass the counts as weights=)"
            )
        data = summary_arrays(X, self._columns)
        counts = check_weights(weights, X)
        self._check_summary(X, data, counts)
        rows, row_weights = unique_rows(*(data[c] for c in self._columns), weights=counts)
        log_params, unit, objective = self._fit_log_params(rows, row_weights)
        params = np.exp(log_params) * unit
        log_likelihood = float(np.sum(row_weights * self._log_likelihood_rows(params, rows)))
        if not np.isfinite(log_likelihood):
            raise ConvergenceError(
                f"{self._model_name} 模型的估计值趋于极端, 数据无法确定参数 (the data cannot "
                f"identify the parameters, estimates drift to extremes: "
                f"{np.round(params, 4).tolist()}); 请设置 penalizer_coef > 0 (e.g. 0.001) "
                "或使用更多客户的数据"
            )
        self.params_ = dict(zip(self._param_names, (float(p) for p in params), strict=True))
        self.log_likelihood_ = log_likelihood
        self.n_customers_ = int(row_weights.sum())
        self.time_unit_ = summary_unit(X)
        self.log_params_covariance_ = log_covariance(objective, log_params, row_weights.sum())
        self._remember_range(rows)
        return self

    def _check_summary(
        self, summary: pd.DataFrame, data: dict[str, np.ndarray], counts: np.ndarray | None
    ) -> None:
        """Model-specific checks of the summary before the fit (none by default)."""

    def _remember_range(self, rows: list[np.ndarray]) -> None:
        """Model-specific facts of the fitted rows to keep (none by default)."""

    def _fit_log_params(
        self, rows: list[np.ndarray], weights: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray, Objective]:
        """Optimise; return the log-estimates, the unit factors and the objective minimised.

        The estimates in the summary's unit are ``exp(log_params) * unit``; ``objective``
        (the penalised negative mean log-likelihood and its gradient in the log-parameters
        the optimiser worked on) gives the Hessian of :meth:`fit_summary`.
        """
        raise NotImplementedError

    def _log_likelihood_rows(self, params: np.ndarray, rows: list[np.ndarray]) -> np.ndarray:
        """Per-row log-likelihood at ``params`` (in the summary's unit)."""
        raise NotImplementedError

    # ------------------------------------------------------------ fitted state
    def _fitted_params(self, summary: pd.DataFrame | None = None) -> tuple[float, ...]:
        """The estimates in ``_param_names`` order, after checking the model is fitted and,
        when a summary is given, that it is in the time unit the model was fitted in."""
        check_fitted(self, "params_")
        if summary is not None:
            self._check_unit(summary)
        return tuple(self.params_[name] for name in self._param_names)

    def _check_unit(self, summary: pd.DataFrame) -> None:
        """A DataError when ``summary`` is in another time unit than the fitted one.

        Units unknown on either side (a hand-made summary) are not compared.
        """
        fitted_unit = getattr(self, "time_unit_", None)
        unit = summary_unit(summary)
        if fitted_unit is not None and unit is not None and unit != fitted_unit:
            raise DataError(
                f"汇总表的时间单位是 {unit!r}, 模型按 {fitted_unit!r} 拟合 (the summary is in unit "
                f"{unit!r} but the model was fitted in {fitted_unit!r}); 请用同一个 unit 重新汇总"
            )

    def fit_summary(self) -> pd.DataFrame:
        """The estimates with their standard errors and 95 % intervals, one row per parameter.

        The standard errors come from the inverse Hessian of the negative log-likelihood at
        the optimum (the observed information), computed on the log-parameters the fit
        works on and mapped to the parameters with the delta method,
        ``se(theta) = theta * se(ln theta)`` (Casella & Berger 2002, *Statistical
        Inference*, sec. 5.5.4 and 10.1), as ``lifetimes``' ``summary`` does. The 95 %
        interval is ``theta * exp(+-1.96 se(ln theta))``: taken on the log scale, it is
        never negative (``lifetimes`` gives ``theta +- 1.96 se``). With ``penalizer_coef``
        > 0 the Hessian includes the penalty. A parameter the data do not determine, or
        one held at a bound (``q_constraint``), gets NaN or a too narrow error.

        Returns
        -------
        pandas.DataFrame
            Index 参数 (parameter), the names of ``params_``; columns
            ``估计值 (estimate)``, ``标准误 (standard error)``, ``95% 区间下限 (lower 95%)``
            and ``95% 区间上限 (upper 95%)``, in the time unit of the fitted summary.

        Raises
        ------
        sklearn.exceptions.NotFittedError
            Before ``fit``.
        DataError
            For a model read from a file of the first save format, or with hand-set
            ``params_``: there is no Hessian to compute errors from.

        Examples
        --------
        >>> import pandas as pd
        >>> from custseg.clv import BetaGeoModel
        >>> summary = pd.DataFrame({
        ...     "frequency": [0, 1, 2, 0, 5, 3, 0, 1],
        ...     "recency": [0.0, 10.0, 30.0, 0.0, 35.0, 12.0, 0.0, 3.0],
        ...     "T": [38.0, 38.0, 36.0, 30.0, 37.0, 39.0, 20.0, 25.0],
        ... })
        >>> table = BetaGeoModel(penalizer_coef=0.01).fit(summary).fit_summary()
        >>> list(table.index), list(table.columns[:2])
        (['r', 'alpha', 'a', 'b'], ['估计值 (estimate)', '标准误 (standard error)'])
        >>> bool((table["95% 区间下限 (lower 95%)"] < table["估计值 (estimate)"]).all())
        True
        """
        check_fitted(self, "params_")
        covariance = getattr(self, "log_params_covariance_", None)
        if covariance is None:
            raise DataError(
                f"{type(self).__name__} 没有计算标准误所需的信息 (no information for standard "
                "errors): 模型读自旧版本保存的文件或参数是手工设定的, 请用 fit(...) 重新拟合 "
                "(read from a first-format file or set by hand: fit it again)"
            )
        return summary_table(self.params_, self._param_names, covariance)

    # ------------------------------------------------------------- save / load
    def save(self, path: str | Path) -> Path:
        """Write the fitted model to a JSON file (UTF-8) and return its path.

        Parameters
        ----------
        path : str or pathlib.Path
            The file to write, e.g. ``"模型/bgnbd.json"``; its folder must exist.

        Returns
        -------
        pathlib.Path
            The path written.

        Raises
        ------
        sklearn.exceptions.NotFittedError
            When the model has not been fitted.

        Examples
        --------
        >>> import tempfile, pathlib
        >>> import pandas as pd
        >>> from custseg.clv import BetaGeoModel
        >>> summary = pd.DataFrame({
        ...     "frequency": [0, 1, 2, 0, 5, 3, 0, 1],
        ...     "recency": [0.0, 10.0, 30.0, 0.0, 35.0, 12.0, 0.0, 3.0],
        ...     "T": [38.0, 38.0, 36.0, 30.0, 37.0, 39.0, 20.0, 25.0],
        ... })
        >>> model = BetaGeoModel().fit(summary)
        >>> path = model.save(pathlib.Path(tempfile.mkdtemp()) / "bgnbd.json")
        >>> BetaGeoModel.load(path).params_ == model.params_
        True
        """
        check_fitted(self, "params_")
        return write_model(self, path)

    @classmethod
    def load(cls, path: str | Path) -> Any:
        """Read a model written by :meth:`save` (by this or an earlier version of custseg).

        Parameters
        ----------
        path : str or pathlib.Path
            A JSON file written by ``save``.

        Returns
        -------
        CLVModel
            The fitted model (of the class ``load`` is called on), ready to predict.

        Raises
        ------
        DataError
            A missing file, a file that is not JSON or not a custseg CLV model, a newer
            format version, another model class, or a missing / invalid estimate.
        """
        return read_model(cls, path)


class PurchaseModel(CLVModel):
    """Base of the purchase-count models (BG/NBD, Pareto/NBD) on frequency, recency and T.

    A subclass implements :meth:`_alive` (the probability of being alive of every row) and
    ``_log_likelihood_rows``; this class adds the checks of the summary and the
    predictions the two models share.

    Attributes
    ----------
    max_frequency_, max_T_ : float
        The largest frequency and T of the fitted summary: the default size of
        :meth:`probability_alive_matrix`.
    """

    _columns = ("frequency", "recency", "T")

    def _check_summary(
        self, summary: pd.DataFrame, data: dict[str, np.ndarray], counts: np.ndarray | None
    ) -> None:
        check_identifiable(
            data["frequency"],
            data["T"],
            model=self._model_name,
            n_customers=None if counts is None else counts.sum(),
        )

    def _remember_range(self, rows: list[np.ndarray]) -> None:
        frequency, _, T = rows
        self.max_frequency_ = float(frequency.max())
        self.max_T_ = float(T.max())

    def _alive(self, x: np.ndarray, t_x: np.ndarray, T: np.ndarray) -> np.ndarray:
        """P(alive) of every (frequency, recency, T) row under the fitted parameters."""
        raise NotImplementedError

    def _summary_rows(self, summary: pd.DataFrame) -> list[np.ndarray]:
        data = summary_arrays(summary, self._columns)
        return [data[c] for c in self._columns]

    def log_likelihood(self, summary: pd.DataFrame) -> pd.Series:
        """Log-likelihood of every customer of ``summary`` under the fitted parameters.

        Returns
        -------
        pandas.Series
            Indexed like ``summary``; its sum is ``log_likelihood_`` on the fitted summary.
        """
        params = np.array(self._fitted_params(summary))
        terms = self._log_likelihood_rows(params, self._summary_rows(summary))
        return pd.Series(terms, index=summary.index, name="log_likelihood")

    def probability_alive(self, summary: pd.DataFrame) -> pd.Series:
        """Probability that each customer is still active at the end of the period (at T).

        The formula of each model is in its ``Notes``; it is computed on the log scale so it
        stays finite for customers with hundreds of purchases.

        Returns
        -------
        pandas.Series
            Values in [0, 1], indexed like ``summary``.
        """
        self._fitted_params(summary)
        alive = self._alive(*self._summary_rows(summary))
        return pd.Series(alive, index=summary.index, name="probability_alive")

    def probability_alive_matrix(
        self, max_frequency: int | None = None, max_recency: int | None = None
    ) -> pd.DataFrame:
        """P(alive) on a grid of frequency (rows) by recency (columns), as ``lifetimes``.

        Every cell is a customer observed for ``T = max_recency`` periods.

        Parameters
        ----------
        max_frequency : int, optional
            Largest frequency; default the largest of the fitted summary.
        max_recency : int, optional
            Largest recency, also the customers' T; default the largest T fitted (whole
            periods).

        Returns
        -------
        pandas.DataFrame
            Index ``frequency`` 0..max_frequency, columns ``recency`` 0..max_recency; row 0
            has a value at recency 0 only (no repeat purchase, no recency), NaN elsewhere.

        Examples
        --------
        >>> import pandas as pd
        >>> from custseg.clv import BetaGeoModel, ParetoNBDModel
        >>> summary = pd.DataFrame({
        ...     "frequency": [0, 1, 2, 0, 5, 3, 0, 1],
        ...     "recency": [0.0, 10.0, 30.0, 0.0, 35.0, 12.0, 0.0, 3.0],
        ...     "T": [38.0, 38.0, 36.0, 30.0, 37.0, 39.0, 20.0, 25.0],
        ... })
        >>> matrix = BetaGeoModel().fit(summary).probability_alive_matrix()
        >>> matrix.shape
        (6, 40)
        >>> bool(matrix.loc[5, 39] > matrix.loc[5, 2])  # bought lately: more likely active
        True
        >>> model = ParetoNBDModel(penalizer_coef=0.001).fit(summary)
        >>> model.probability_alive_matrix(max_frequency=3, max_recency=10).shape
        (4, 11)
        """
        self._fitted_params()
        return alive_matrix(self, self._alive, max_frequency, max_recency)
