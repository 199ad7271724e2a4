"""One test of the scikit-learn estimator contract, run on every estimator custseg has.

The estimators are found by walking the package (not listed by hand): every class that
subclasses ``sklearn.base.BaseEstimator`` and whose name does not start with ``_``, in every
module except ``custseg.grading``, ``custseg.widgets`` and ``custseg.exercises``. Each needs
an entry in :data:`CASES` (how to build a small valid ``X`` from real data, one bad parameter
value, the methods that need a fitted estimator), or in :data:`BASE_CLASSES` when it is only
a base of other estimators; a class with neither fails, so a new estimator cannot slip past.

The contract is custseg.estimator_contract's (scikit-learn's, with messages in Chinese):
``__init__`` only stores its arguments; every parameter has a constraint, checked when
``fit`` starts; ``fit(X, y=None)`` returns ``self`` and leaves ``X`` as it was; what fit learns
ends in ``_``; a method that needs the fitted state refuses before ``fit`` with one message;
transformers inherit ``TransformerMixin``, clusterers ``ClusterMixin``.
"""

from __future__ import annotations

import copy
import dataclasses
import importlib
import inspect
import pkgutil
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pandas as pd
import pytest
from scipy import sparse
from sklearn.base import BaseEstimator, ClusterMixin, TransformerMixin, clone
from sklearn.exceptions import NotFittedError

import custseg
from custseg.errors import ParameterError
from custseg.estimator_contract import check_fitted

SKIPPED_PACKAGES = ("custseg.grading", "custseg.widgets", "custseg.exercises")


# ----------------------------------------------------------------------------- discovery


def _modules(package: ModuleType) -> list[ModuleType]:
    """Every module of ``package``, imported, except the skipped packages.

    ``pkgutil.walk_packages`` would import a skipped package's ``__init__`` to look inside
    it; iter_modules level by level skips it before any import.
    """
    found = []
    for info in pkgutil.iter_modules(package.__path__, package.__name__ + "."):
        if info.name in SKIPPED_PACKAGES:
            continue
        with warnings.catch_warnings():  # an old module name kept as an alias warns
            warnings.simplefilter("ignore", DeprecationWarning)
            module = importlib.import_module(info.name)
        found.append(module)
        if info.ispkg:
            found.extend(_modules(module))
    return found


def _estimator_classes() -> dict[str, list[type]]:
    """Public estimator classes defined in custseg, by class name."""
    by_name: dict[str, list[type]] = {}
    for module in [custseg, *_modules(custseg)]:
        for value in vars(module).values():
            if (
                inspect.isclass(value)
                and issubclass(value, BaseEstimator)
                and value.__module__.split(".")[0] == "custseg"
                and not value.__name__.startswith("_")
                and value not in by_name.get(value.__name__, [])
            ):
                by_name.setdefault(value.__name__, []).append(value)
    return by_name


ESTIMATORS = _estimator_classes()


# ----------------------------------------------------------------------------- real data


@cache
def _orders() -> pd.DataFrame:
    """The Online Retail sample shipped with custseg (150 customers), cleaned."""
    from custseg.datasets import load_sample
    from custseg.transactions import clean_transactions

    clean, _ = clean_transactions(load_sample("online_retail"))
    return clean


@cache
def _rfm() -> pd.DataFrame:
    from custseg.rfm import rfm_table

    return rfm_table(_orders())


def _scored_rfm(request: pytest.FixtureRequest) -> pd.DataFrame:
    from custseg.rfm import RFMScorer

    return RFMScorer().fit_transform(_rfm())


def _cdnow(request: pytest.FixtureRequest) -> pd.DataFrame:
    """200 CDNOW customers (frequency, recency, T in weeks, monetary value)."""
    summary = request.getfixturevalue("cdnow_summary")
    return summary.set_index("customer_id").head(200)


def _cdnow_repeat_buyers(request: pytest.FixtureRequest) -> pd.DataFrame:
    summary = request.getfixturevalue("cdnow_summary")
    return summary.set_index("customer_id").query("frequency > 0").head(200)


def _bank_clients(request: pytest.FixtureRequest) -> pd.DataFrame:
    from custseg.datasets import load_sample

    return load_sample("bank_marketing")[["age", "balance", "job", "marital"]].head(200)


def _accounts(request: pytest.FixtureRequest) -> pd.DataFrame:
    # No real account ratings are public: the package's own seeded example accounts.
    from custseg.customer_groups import example_accounts

    return example_accounts()


def _criteria(request: pytest.FixtureRequest) -> pd.DataFrame:
    from custseg.selection import selection_criteria

    return selection_criteria(_orders())


def _distributors(request: pytest.FixtureRequest) -> pd.DataFrame:
    # The shipped distributor table (synthetic: no real one is public), first period.
    from custseg.datasets import load_sample

    table = load_sample("distributors")
    return table[table["period"] == "2024-H1"].reset_index(drop=True)


def _raw_orders(request: pytest.FixtureRequest) -> pd.DataFrame:
    from custseg.datasets import load_sample

    return load_sample("online_retail")


def _fitted_bgnbd(summary: pd.DataFrame) -> Any:
    from custseg.clv import BetaGeoModel

    return BetaGeoModel().fit(summary)


def _first_item(X: pd.DataFrame) -> list:
    return [X["stock_code"].iloc[0]]


# ----------------------------------------------------------------------------- the cases

Method = Callable[[Any, Any, Path], Any]
"""How a method is called on the estimator, its X and a temporary folder."""


@dataclass(frozen=True)
class Case:
    """How to exercise one estimator class.

    data : builds a small valid ``X`` from real data (gets pytest's ``request`` for fixtures).
    bad : one parameter with a value its ``_parameter_constraints`` refuse.
    methods : every public method that needs the fitted state, and how to call it.
    params : parameters every fit in the test uses (to keep a fit under about a second).
    unfitted : public methods that need no fitted state (``load`` and the like).
    xfail : set while the class's owner is still converting it; the reason.
    """

    data: Callable[[pytest.FixtureRequest], Any]
    bad: dict[str, Any]
    methods: dict[str, Method]
    params: dict[str, Any] = field(default_factory=dict)
    unfitted: tuple[str, ...] = ()
    xfail: str | None = None


_RECOMMENDER_METHODS: dict[str, Method] = {
    "recommend": lambda est, X, tmp: est.recommend(_first_item(X)),
    "recommend_many": lambda est, X, tmp: est.recommend_many([_first_item(X)]),
    "popular_items": lambda est, X, tmp: est.popular_items(3),
}

_PURCHASE_MODEL_METHODS: dict[str, Method] = {
    "log_likelihood": lambda est, X, tmp: est.log_likelihood(X),
    "probability_alive": lambda est, X, tmp: est.probability_alive(X),
    "probability_alive_matrix": lambda est, X, tmp: est.probability_alive_matrix(5, 10),
    "predict_purchases": lambda est, X, tmp: est.predict_purchases(10, X),
    "expected_purchases": lambda est, X, tmp: est.expected_purchases(10),
    "probability_of_n_purchases": lambda est, X, tmp: est.probability_of_n_purchases(10, 1),
    "fit_summary": lambda est, X, tmp: est.fit_summary(),
    "save": lambda est, X, tmp: est.save(tmp / "model.json"),
}

CASES: dict[str, Case] = {
    "RFMScorer": Case(
        data=lambda request: _rfm(),
        bad={"bins": 12},
        methods={
            "transform": lambda est, X, tmp: est.transform(X),
            "get_feature_names_out": lambda est, X, tmp: est.get_feature_names_out(),
        },
    ),
    "RFMSegmenter": Case(
        data=_scored_rfm,
        bad={"scheme": "cn9"},
        methods={
            "transform": lambda est, X, tmp: est.transform(X),
            "get_feature_names_out": lambda est, X, tmp: est.get_feature_names_out(),
        },
    ),
    "CustomerClusterer": Case(
        data=lambda request: _rfm(),
        bad={"n_clusters": 0},
        methods={
            "predict": lambda est, X, tmp: est.predict(X),
            "transform_features": lambda est, X, tmp: est.transform_features(X),
        },
    ),
    "MixedClusterer": Case(
        data=_bank_clients,
        bad={"n_init": 0},
        params={"n_clusters": 3, "n_init": 1, "max_iter": 10},
        methods={"predict": lambda est, X, tmp: est.predict(X)},
    ),
    "MostPopular": Case(
        data=lambda request: _orders(), bad={"top_n": 0}, methods=_RECOMMENDER_METHODS
    ),
    "ItemToItemRecommender": Case(
        data=lambda request: _orders(),
        bad={"similarity": "jaccard"},
        methods=_RECOMMENDER_METHODS,
    ),
    "CustomerGroupClassifier": Case(
        data=_accounts,
        bad={"default_group": 3},
        methods={
            "explain": lambda est, X, tmp: est.explain(X),
            "predict": lambda est, X, tmp: est.predict(X),
        },
    ),
    "CustomerScorecard": Case(
        data=_criteria,
        bad={"weights": "equal"},
        methods={
            "transform": lambda est, X, tmp: est.transform(X),
            "get_feature_names_out": lambda est, X, tmp: est.get_feature_names_out(),
            "evaluate": lambda est, X, tmp: est.evaluate(X),
            "predict": lambda est, X, tmp: est.predict(X),
            "shortlist": lambda est, X, tmp: est.shortlist(X, top=5),
        },
    ),
    "DistributorEvaluator": Case(
        data=_distributors,
        bad={"weights": "equal"},
        methods={
            "transform": lambda est, X, tmp: est.transform(X),
            "get_feature_names_out": lambda est, X, tmp: est.get_feature_names_out(),
            "evaluate": lambda est, X, tmp: est.evaluate(X),
            "predict": lambda est, X, tmp: est.predict(X),
            "reevaluate": lambda est, X, tmp: est.reevaluate(X, X),
        },
    ),
    "BetaGeoModel": Case(
        data=_cdnow,
        bad={"penalizer_coef": -1.0},
        methods=_PURCHASE_MODEL_METHODS,
        unfitted=("load",),
    ),
    "ParetoNBDModel": Case(
        data=_cdnow,
        bad={"penalizer_coef": -1.0},
        methods={
            **_PURCHASE_MODEL_METHODS,
            "conditional_probability_of_n_purchases": (
                lambda est, X, tmp: est.conditional_probability_of_n_purchases(10, 1, X)
            ),
        },
        unfitted=("load",),
    ),
    "GammaGammaModel": Case(
        data=_cdnow_repeat_buyers,
        bad={"penalizer_coef": -1.0},
        methods={
            "expected_average_value": lambda est, X, tmp: est.expected_average_value(X),
            "customer_lifetime_value": (
                lambda est, X, tmp: est.customer_lifetime_value(_fitted_bgnbd(X), X)
            ),
            "fit_summary": lambda est, X, tmp: est.fit_summary(),
            "save": lambda est, X, tmp: est.save(tmp / "model.json"),
        },
        unfitted=("load",),
    ),
    "SegmentationProcess": Case(
        data=_raw_orders,
        bad={"bins": 12},
        methods={
            "evaluate": lambda est, X, tmp: est.evaluate(X),
            "segment_table": lambda est, X, tmp: est.segment_table(),
            "to_html": lambda est, X, tmp: est.to_html(),
            "write_report": lambda est, X, tmp: est.write_report(tmp / "report"),
        },
    ),
}

BASE_CLASSES: dict[str, str] = {
    "CLVModel": "the base of the CLV models: fitted through BetaGeoModel, ParetoNBDModel, ...",
    "PurchaseModel": "the base of BetaGeoModel and ParetoNBDModel",
}
"""Classes that are only bases of estimators with a case; each must have such a subclass."""


# ----------------------------------------------------------------------------- comparisons


def _assert_same(a: Any, b: Any, where: str = "", depth: int = 0) -> None:
    """``a`` and ``b`` hold the same values (frames, arrays, sparse, mappings, objects)."""
    assert depth < 12, f"{where}: nested too deep to compare"
    if isinstance(a, pd.DataFrame):
        pd.testing.assert_frame_equal(a, b, obj=where or "DataFrame")
    elif isinstance(a, pd.Series):
        pd.testing.assert_series_equal(a, b, obj=where or "Series")
    elif isinstance(a, pd.Index):
        pd.testing.assert_index_equal(a, b, obj=where or "Index")
    elif sparse.issparse(a):
        assert sparse.issparse(b) and a.shape == b.shape and (a != b).nnz == 0, where
    elif isinstance(a, np.ndarray):
        np.testing.assert_array_equal(a, b, err_msg=where)
    elif isinstance(a, Mapping):
        assert isinstance(b, Mapping) and list(a) == list(b), where
        for key in a:
            _assert_same(a[key], b[key], f"{where}[{key!r}]", depth + 1)
    elif isinstance(a, list | tuple):
        assert type(a) is type(b) and len(a) == len(b), where
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _assert_same(x, y, f"{where}[{i}]", depth + 1)
    elif isinstance(a, float | np.floating):
        assert a == b or (np.isnan(a) and np.isnan(b)), f"{where}: {a!r} != {b!r}"
    elif inspect.isroutine(a) or inspect.isclass(a) or inspect.ismodule(a):
        assert a is b, where
    elif dataclasses.is_dataclass(a) or (
        hasattr(a, "__dict__") and type(a).__eq__ is object.__eq__
    ):  # compared field by field (a dataclass's own == cannot compare frames)
        assert type(a) is type(b), where
        _assert_same(vars(a), vars(b), f"{where}.", depth + 1)
    else:
        assert bool(a == b), f"{where}: {a!r} != {b!r}"


def _assert_unchanged(X: Any, before: Any, when: str) -> None:
    """``X`` has the values, dtypes, labels and attrs it had before ``when``."""
    if isinstance(X, pd.DataFrame):
        assert X.equals(before), f"X changed by {when}"
        assert X.dtypes.equals(before.dtypes), f"dtypes of X changed by {when}"
        assert X.columns.equals(before.columns) and X.index.equals(before.index), when
        assert X.index.names == before.index.names, f"index names of X changed by {when}"
        _assert_same(X.attrs, before.attrs, f"X.attrs after {when}")
    else:
        _assert_same(X, before, f"X after {when}")


def _fitted_state(estimator: BaseEstimator) -> dict[str, Any]:
    """A copy of every attribute that is not a parameter."""
    params = estimator.get_params(deep=False)
    return {
        name: copy.deepcopy(value) for name, value in vars(estimator).items() if name not in params
    }


def _not_fitted_message(cls: type) -> str:
    """The one not-fitted message every custseg estimator gives (estimator_contract's)."""
    with pytest.raises(NotFittedError) as caught:
        check_fitted(cls())
    return str(caught.value)


def _public_methods(cls: type) -> set[str]:
    """Public methods defined by custseg itself (not inherited from scikit-learn), except fits."""
    names = set()
    for klass in cls.__mro__:
        if klass.__module__.split(".")[0] != "custseg":
            continue
        for name, value in vars(klass).items():
            if name.startswith("_") or name in ("fit", "fit_transform", "fit_predict"):
                continue
            if callable(value) or isinstance(value, classmethod | staticmethod):
                names.add(name)
    return names


_SKLEARN_NAMES = {name for klass in BaseEstimator.__mro__[:-1] for name in vars(klass)}
_MAY_OVERRIDE = {
    "__init__",
    "__module__",
    "__doc__",
    "__dict__",
    "__weakref__",
    "__annotations__",
    "__firstlineno__",
    "__static_attributes__",
    "__qualname__",
    "__sklearn_tags__",  # scikit-learn's way of declaring tags: same meaning
}


# ----------------------------------------------------------------------------- the test


def _params() -> list:
    names = sorted(set(ESTIMATORS) | set(CASES) | set(BASE_CLASSES))
    params = []
    for name in names:
        case = CASES.get(name)
        marks = []
        if case is not None and case.xfail:
            marks = [pytest.mark.xfail(strict=True, reason=case.xfail)]
        params.append(pytest.param(name, id=name, marks=marks))
    return params


def _check_init(cls: type, case: Case) -> None:
    """``__init__`` only stores its arguments (as given, nothing else); clone and repr work."""
    parameters = list(inspect.signature(cls.__init__).parameters.values())[1:]
    assert all(p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in parameters)
    defaults = {p.name: p.default for p in parameters}
    plain = cls()
    assert plain.get_params(deep=False).keys() == defaults.keys()
    for parameter, default in defaults.items():
        assert getattr(plain, parameter) is default, f"__init__ changed {parameter}"
    assert set(vars(plain)) == set(defaults), "__init__ stores more than its arguments"
    assert not [a for a in vars(plain) if a.endswith("_")], "fitted attribute before fit"
    assert repr(plain) == f"{cls.__name__}()", "repr shows parameters left at their defaults"
    estimator = cls(**case.params)
    for parameter, value in case.params.items():
        assert getattr(estimator, parameter) is value, f"__init__ changed {parameter}"
    _assert_same(clone(estimator).get_params(deep=False), estimator.get_params(deep=False))
    constraints = cls._parameter_constraints
    assert set(constraints) == set(defaults), (
        f"_parameter_constraints {sorted(constraints)} != parameters {sorted(defaults)}"
    )


def _check_interface(cls: type) -> None:
    """``fit(self, X, y=None, *, extras)``; nothing of BaseEstimator overridden."""
    for klass in cls.__mro__:
        if klass.__module__.split(".")[0] == "custseg":
            clashes = (set(vars(klass)) & _SKLEARN_NAMES) - _MAY_OVERRIDE
            assert not clashes, f"{klass.__name__} overrides scikit-learn's {sorted(clashes)}"
    fit_parameters = list(inspect.signature(cls.fit).parameters.values())
    assert [p.name for p in fit_parameters[:3]] == ["self", "X", "y"], "fit(self, X, y=None)"
    assert fit_parameters[2].default is None
    assert all(p.kind == p.KEYWORD_ONLY for p in fit_parameters[3:]), "extras of fit: keywords"


def _check_before_fit(cls: type, case: Case, X: Any, tmp_path: Path) -> None:
    """A bad parameter passes ``__init__`` and stops ``fit``; fitted-state methods refuse."""
    ((parameter, value),) = case.bad.items()
    bad = cls(**{**case.params, parameter: value})
    with pytest.raises(ParameterError, match=f"{cls.__name__} 的参数 {parameter} "):
        bad.fit(X)
    message = _not_fitted_message(cls)
    for method, call in case.methods.items():
        with pytest.raises(NotFittedError) as caught:
            call(cls(**case.params), X, tmp_path)
        assert str(caught.value) == message, method
    missing = _public_methods(cls) - set(case.methods) - set(case.unfitted)
    assert not missing, f"public methods without an entry in the case: {sorted(missing)}"


def _check_fit(estimator: BaseEstimator, X: Any, before: Any) -> dict[str, Any]:
    """fit returns self, leaves X and the parameters alone, learns the same twice."""
    params = estimator.get_params(deep=False)
    assert estimator.fit(X) is estimator
    _assert_unchanged(X, before, "fit")
    for parameter, value in params.items():
        assert getattr(estimator, parameter) is value, f"fit changed the parameter {parameter}"
    first = _fitted_state(estimator)
    assert first, "fit learned nothing"
    assert all(a.endswith("_") for a in first), f"fitted attributes not ending in _: {first}"
    assert not [a for a in vars(clone(estimator)) if a.endswith("_")], "clone kept fitted state"
    assert estimator.fit(X, None) is estimator
    _assert_same(first, _fitted_state(estimator), "fitted state after fitting twice")
    _assert_unchanged(X, before, "the second fit")
    return first


def _check_mixins(estimator: BaseEstimator, X: Any, before: Any, fitted: dict) -> None:
    """Transformers inherit TransformerMixin, clusterers ClusterMixin, and agree with fit."""
    cls = type(estimator)
    if hasattr(cls, "transform"):
        assert issubclass(cls, TransformerMixin), "an estimator with transform: TransformerMixin"
        _assert_same(
            clone(estimator).fit_transform(X),
            clone(estimator).fit(X).transform(X),
            "fit_transform(X) against fit(X).transform(X)",
        )
        _assert_unchanged(X, before, "fit_transform")
        # scikit-learn's pandas output works: the names agree with what transform gives
        fitted_copy = clone(estimator).fit(X)
        plain = fitted_copy.transform(X)
        names = list(fitted_copy.get_feature_names_out())
        assert names == [str(c) for c in plain.columns], (
            "get_feature_names_out: transform's columns"
        )
        assert fitted_copy.n_features_in_ == len(fitted_copy.feature_names_in_) == X.shape[1]
        as_pandas = clone(estimator).set_output(transform="pandas").fit(X).transform(X)
        _assert_same(as_pandas, plain, 'set_output(transform="pandas")')
        _assert_unchanged(X, before, "set_output")
    if "labels_" in fitted:
        assert issubclass(cls, ClusterMixin), "a clusterer (with labels_): ClusterMixin"
        _assert_same(clone(estimator).fit_predict(X), fitted["labels_"], "fit_predict(X)")
        _assert_unchanged(X, before, "fit_predict")


@pytest.mark.parametrize("name", _params())
def test_estimator_keeps_the_contract(name, request, tmp_path):
    classes = ESTIMATORS.get(name, [])
    assert classes, f"{name} has a case here but is no longer an estimator in custseg: drop it"
    assert len(classes) == 1, f"two estimators are called {name}: {classes}"
    (cls,) = classes
    if name in BASE_CLASSES:
        assert name not in CASES, f"{name} is both a base class and an estimator with a case"
        with_cases = [c for n in CASES for c in ESTIMATORS.get(n, [])]
        assert any(issubclass(other, cls) for other in with_cases), (
            f"{name} is listed as a base class, but no estimator with a case subclasses it"
        )
        return
    case = CASES.get(name)
    assert case is not None, (
        f"{cls.__module__}.{name} is a scikit-learn estimator without a case in "
        "tests/test_estimators.py: add one to CASES (data, bad parameter, fitted methods)"
    )
    _check_init(cls, case)
    _check_interface(cls)
    X = copy.deepcopy(case.data(request))
    before = copy.deepcopy(X)
    _check_before_fit(cls, case, X, tmp_path)
    _assert_unchanged(X, before, "the calls before fit")
    estimator = cls(**case.params)
    fitted = _check_fit(estimator, X, before)
    for method, call in case.methods.items():
        call(estimator, X, tmp_path)
        _assert_unchanged(X, before, f"{method}()")
    _check_mixins(estimator, X, before, fitted)
