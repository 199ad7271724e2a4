"""The scikit-learn contract every custseg estimator keeps, with messages in Chinese.

Every estimator (RFM scoring, segment rules, clustering, recommenders, scorecards, the CLV
models, the five-step process) follows the same rules as scikit-learn's:

- ``__init__`` only stores its arguments; ``_parameter_constraints`` (scikit-learn's format)
  says what each may be, and :func:`validate_parameters` checks them when ``fit`` starts;
- ``fit(X, y=None)`` returns ``self`` and never changes ``X``;
- what ``fit`` learns ends with ``_``; :func:`check_fitted` refuses a method that needs it
  before ``fit`` has run, with one message for every estimator.

The constraints are scikit-learn's own objects (``Interval``, ``StrOptions``, ...), so
``sklearn.base.clone`` and scikit-learn's tools read them as usual; only the message differs:
a :class:`~custseg.errors.ParameterError` that names the estimator, the parameter and the
value, Chinese first.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from sklearn.exceptions import NotFittedError
from sklearn.utils._param_validation import (
    InvalidParameterError,
    make_constraint,
    validate_parameter_constraints,
)

from custseg.errors import ParameterError

__all__ = [
    "check_fitted",
    "describe_constraint",
    "input_and_added_names",
    "record_input_columns",
    "validate_parameters",
]


def describe_constraint(constraint: Any) -> str:
    """Say in Chinese (English after) what one scikit-learn constraint allows.

    Parameters
    ----------
    constraint : object
        One entry of a ``_parameter_constraints`` list: ``Interval``, ``StrOptions``,
        ``None``, ``"boolean"``, a type, ...

    Returns
    -------
    str

    Examples
    --------
    >>> from numbers import Integral, Real
    >>> from sklearn.utils._param_validation import Interval, StrOptions
    >>> describe_constraint(Interval(Integral, 2, 9, closed="both"))
    '2 到 9 之间的整数 (an integer in [2, 9])'
    >>> describe_constraint(Interval(Real, 0, None, closed="neither"))
    '大于 0 的数 (a number in (0, inf))'
    >>> describe_constraint(StrOptions({"quantiles", "thresholds"}))
    "'quantiles'、'thresholds' 之一 (one of 'quantiles', 'thresholds')"
    >>> describe_constraint(None), describe_constraint("boolean")
    ('None', 'True 或 False (a boolean)')
    """
    made = make_constraint(constraint)
    kind = type(made).__name__
    if kind == "Interval":
        noun = "整数" if made.type is not None and made.type.__name__ == "Integral" else "数"
        english = "an integer" if noun == "整数" else "a number"
        return f"{_interval_words(made)}的{noun} ({english} in {_interval_text(made)})"
    if kind in ("StrOptions", "Options"):
        options = sorted(repr(option) for option in made.options)
        return f"{'、'.join(options)} 之一 (one of {', '.join(options)})"
    if kind == "_NoneConstraint":
        return "None"
    if kind == "_Booleans":
        return "True 或 False (a boolean)"
    if kind == "_InstancesOf":
        return f"{made.type.__name__} 类型的值 (an instance of {made.type.__name__})"
    if kind == "_Callables":
        return "一个函数 (a callable)"
    if kind == "_ArrayLikes":
        return "一列值 (an array-like)"
    if kind == "_RandomStates":
        return "整数、RandomState 或 None (an int, a RandomState or None)"
    return str(made)


def _interval_words(interval: Any) -> str:
    left, right = interval.left, interval.right
    low = "" if left is None else f"{left}"
    high = "" if right is None else f"{right}"
    if left is not None and right is not None:
        if interval.closed == "both":
            return f"{low} 到 {high} 之间"
        return f"{low} 到 {high} 之间（{_open_ends(interval)}）"
    if left is not None:
        return f"不小于 {low} " if interval.closed in ("left", "both") else f"大于 {low} "
    if right is not None:
        return f"不大于 {high} " if interval.closed in ("right", "both") else f"小于 {high} "
    return "任意"


def _open_ends(interval: Any) -> str:
    return {"left": "不含右端", "right": "不含左端", "neither": "不含两端"}[interval.closed]


def _interval_text(interval: Any) -> str:
    left = "-inf" if interval.left is None else interval.left
    right = "inf" if interval.right is None else interval.right
    opening = "[" if interval.closed in ("left", "both") else "("
    closing = "]" if interval.closed in ("right", "both") else ")"
    return f"{opening}{left}, {right}{closing}"


def validate_parameters(estimator: Any) -> None:
    """Check ``estimator``'s parameters against its ``_parameter_constraints``.

    Called at the start of ``fit`` (never in ``__init__``), as scikit-learn does.

    Parameters
    ----------
    estimator : sklearn.base.BaseEstimator
        Any custseg estimator; every parameter must have an entry in
        ``type(estimator)._parameter_constraints``.

    Raises
    ------
    custseg.errors.ParameterError
        Naming the estimator, the parameter, the value and what is allowed.

    Examples
    --------
    >>> from numbers import Integral
    >>> from sklearn.base import BaseEstimator
    >>> from sklearn.utils._param_validation import Interval
    >>> class Scorer(BaseEstimator):
    ...     _parameter_constraints = {"bins": [Interval(Integral, 2, 9, closed="both")]}
    ...     def __init__(self, bins=5):
    ...         self.bins = bins
    >>> validate_parameters(Scorer(bins=3))
    >>> validate_parameters(Scorer(bins=12))
    Traceback (most recent call last):
    ...
    custseg.errors.ParameterError: Scorer 的参数 bins 必须是 2 到 9 之间的整数 (an integer in [2, 9])，收到 (got) 12
    """
    constraints = type(estimator)._parameter_constraints
    params = estimator.get_params(deep=False)
    missing = sorted(set(params) - set(constraints))
    if missing:  # a programming error in custseg itself, not the caller's
        raise TypeError(f"{type(estimator).__name__}._parameter_constraints lacks {missing}")
    for name, value in params.items():
        if constraints[name] == "no_validation":
            continue
        try:
            validate_parameter_constraints(
                {name: constraints[name]}, {name: value}, caller_name=type(estimator).__name__
            )
        except InvalidParameterError:
            allowed = "，或 ".join(describe_constraint(c) for c in constraints[name])
            raise ParameterError(
                f"{type(estimator).__name__} 的参数 {name} 必须是 {allowed}，收到 (got) {value!r}"
            ) from None


def check_fitted(estimator: Any, attributes: str | list[str] | None = None) -> None:
    """Refuse to go on unless ``estimator.fit`` has run: one message for every estimator.

    Parameters
    ----------
    estimator : sklearn.base.BaseEstimator
    attributes : str or list of str, optional
        Fitted attributes that must exist; by default any attribute ending in ``_``
        (scikit-learn's rule).

    Raises
    ------
    sklearn.exceptions.NotFittedError
        A :class:`ValueError` and :class:`AttributeError`, as in scikit-learn.

    Examples
    --------
    >>> from custseg.rfm import RFMScorer
    >>> check_fitted(RFMScorer())
    Traceback (most recent call last):
    ...
    sklearn.exceptions.NotFittedError: RFMScorer 还没有拟合：请先调用 fit(...) (not fitted yet: call fit first)
    """
    if attributes is None:
        fitted = [
            name for name in vars(estimator) if name.endswith("_") and not name.startswith("__")
        ]
    else:
        wanted = [attributes] if isinstance(attributes, str) else list(attributes)
        fitted = [name for name in wanted if hasattr(estimator, name)]
        fitted = fitted if len(fitted) == len(wanted) else []
    if not fitted:
        raise NotFittedError(
            f"{type(estimator).__name__} 还没有拟合：请先调用 fit(...) (not fitted yet: call fit first)"
        )


def record_input_columns(estimator: Any, X: Any) -> None:
    """Store ``feature_names_in_`` and ``n_features_in_`` from the columns of ``X``, as scikit-learn does.

    Examples
    --------
    >>> import pandas as pd
    >>> from custseg.rfm import RFMScorer
    >>> scorer = RFMScorer()
    >>> record_input_columns(scorer, pd.DataFrame({"recency": [1], "frequency": [2]}))
    >>> scorer.feature_names_in_.tolist(), scorer.n_features_in_
    (['recency', 'frequency'], 2)
    """
    estimator.feature_names_in_ = np.asarray([str(c) for c in X.columns], dtype=object)
    estimator.n_features_in_ = len(estimator.feature_names_in_)


def input_and_added_names(
    estimator: Any, input_features: Sequence[str] | None, added: Sequence[str]
) -> np.ndarray:
    """Output names of a transformer that keeps its input's columns and adds ``added`` after them.

    The body of ``get_feature_names_out`` for such transformers: ``input_features``, or the
    names seen by ``fit``, then each added name not already among them.

    Examples
    --------
    >>> import pandas as pd
    >>> from custseg.rfm import RFMScorer
    >>> scorer = RFMScorer()
    >>> record_input_columns(scorer, pd.DataFrame({"recency": [1], "r_score": [2]}))
    >>> input_and_added_names(scorer, None, ["r_score", "f_score"]).tolist()
    ['recency', 'r_score', 'f_score']
    """
    check_fitted(estimator)
    names = list(estimator.feature_names_in_ if input_features is None else input_features)
    return np.asarray(names + [c for c in added if c not in names], dtype=object)
