"""Standard errors of a maximum-likelihood fit: the inverse Hessian and the delta method.

The CLV models estimate positive parameters theta on the log scale. At the optimum, the
inverse of the Hessian of the negative log-likelihood (in log-parameters) estimates the
covariance of ``ln theta`` (the observed Fisher information; Cramér-Rao, see e.g.
Casella & Berger 2002, *Statistical Inference*, sec. 10.1). The delta method
(Casella & Berger 2002, sec. 5.5.4) turns it into the standard error of theta itself:
``se(theta) = theta * se(ln theta)``, as the ``lifetimes`` package reports (its
``summary``). The 95 % interval is taken on the log scale and mapped back,
``theta * exp(+-1.96 se(ln theta))``, so it never contains a negative value.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

__all__ = ["ESTIMATE", "LOWER", "STANDARD_ERROR", "UPPER", "log_covariance", "summary_table"]

ESTIMATE = "估计值 (estimate)"
STANDARD_ERROR = "标准误 (standard error)"
LOWER = "95% 区间下限 (lower 95%)"
UPPER = "95% 区间上限 (upper 95%)"
_Z95 = 1.959963984540054  # the 97.5 % quantile of the standard normal distribution
_STEP = 1e-5  # finite-difference step on the log scale


def log_covariance(
    objective: Callable[[np.ndarray], tuple[float, np.ndarray]],
    log_params: np.ndarray,
    n_customers: float,
) -> np.ndarray:
    """Covariance of the log-parameters: the inverse Hessian of the total negative log-likelihood.

    ``objective`` is what the fit minimised: the negative *mean* log-likelihood (plus the
    penalty) and its exact gradient in log-parameters. Its Hessian comes from forward
    differences of that gradient (one evaluation per parameter), symmetrised, and times
    ``n_customers`` is the Hessian of the total. Where it cannot be inverted, or a variance
    comes out non-positive (the data do not determine that parameter), the entries are NaN.

    Examples
    --------
    >>> import numpy as np
    >>> # the mean negative log-likelihood of 100 draws from N(mu, 1), in log mu: a normal mean
    >>> def objective(log_mu):
    ...     mu = np.exp(log_mu[0])
    ...     return 0.5 * (mu - 3.0) ** 2, np.array([(mu - 3.0) * mu])
    >>> round(float(np.sqrt(log_covariance(objective, np.log([3.0]), 100)[0, 0]) * 3.0), 4)
    0.1
    """
    point = np.asarray(log_params, dtype=np.float64)
    _, gradient = objective(point)
    columns = []
    for i in range(len(point)):
        shifted = point.copy()
        shifted[i] += _STEP
        columns.append((np.asarray(objective(shifted)[1]) - gradient) / _STEP)
    hessian = np.array(columns)
    hessian = (hessian + hessian.T) / 2.0 * n_customers
    size = len(point)
    if not np.all(np.isfinite(hessian)):
        return np.full((size, size), np.nan)
    try:
        covariance = np.linalg.inv(hessian)
    except np.linalg.LinAlgError:
        return np.full((size, size), np.nan)
    unknown = ~(np.diag(covariance) > 0)
    covariance[unknown, :] = np.nan
    covariance[:, unknown] = np.nan
    return covariance


def summary_table(
    params: dict[str, float], names: Sequence[str], covariance: np.ndarray
) -> pd.DataFrame:
    """One row per parameter: estimate, standard error (delta method), 95 % interval.

    Examples
    --------
    >>> import numpy as np
    >>> table = summary_table({"r": 2.0}, ["r"], np.array([[0.01]]))
    >>> table.round(3).iloc[0].tolist()  # se(ln r) = 0.1: se(r) = 2 x 0.1, 2 exp(-+1.96 x 0.1)
    [2.0, 0.2, 1.644, 2.433]
    """
    estimate = np.array([params[name] for name in names], dtype=np.float64)
    log_error = np.sqrt(np.diag(np.asarray(covariance, dtype=np.float64)))
    with np.errstate(over="ignore"):  # an undetermined parameter's upper limit is infinite
        lower = estimate * np.exp(-_Z95 * log_error)
        upper = estimate * np.exp(_Z95 * log_error)
    table = pd.DataFrame(
        {
            ESTIMATE: estimate,
            STANDARD_ERROR: estimate * log_error,
            LOWER: lower,
            UPPER: upper,
        },
        index=pd.Index(list(names), name="参数 (parameter)"),
    )
    return table
