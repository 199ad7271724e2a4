"""The CLV models keep one estimator contract through their base class."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from custseg.clv import BetaGeoModel, GammaGammaModel, ParetoNBDModel
from custseg.clv.base import CLVModel, PurchaseModel
from custseg.errors import ParameterError

MODELS = [BetaGeoModel, ParetoNBDModel, GammaGammaModel]


@pytest.fixture(scope="module")
def cdnow(cdnow_summary):
    return cdnow_summary.set_index("customer_id")


def _data(model_class, cdnow):
    if model_class is GammaGammaModel:
        return cdnow.loc[cdnow["frequency"] > 0, ["frequency", "monetary_value"]]
    return cdnow[["frequency", "recency", "T"]]


@pytest.mark.parametrize("model_class", MODELS)
def test_one_base_class_and_constraints_for_every_parameter(model_class):
    model = model_class()
    assert isinstance(model, CLVModel)
    assert isinstance(model, PurchaseModel) == (model_class is not GammaGammaModel)
    assert set(model.get_params()) == set(model_class._parameter_constraints)
    assert repr(model_class(penalizer_coef=0.01)) == f"{model_class.__name__}(penalizer_coef=0.01)"
    assert clone(model_class(max_iter=50)).get_params() == model_class(max_iter=50).get_params()


@pytest.mark.parametrize("model_class", MODELS)
def test_weights_given_by_position_are_refused_not_lost(model_class, cdnow):
    data = _data(model_class, cdnow)
    with pytest.raises(ParameterError, match="weights="):
        model_class().fit(data, np.ones(len(data)))


@pytest.mark.parametrize(
    ("settings", "name"),
    [
        ({"penalizer_coef": float("inf")}, "penalizer_coef"),
        ({"penalizer_coef": "0.1"}, "penalizer_coef"),
        ({"max_iter": 1.5}, "max_iter"),
        ({"tol": 0}, "tol"),
    ],
)
@pytest.mark.parametrize("model_class", MODELS)
def test_bad_settings_are_refused_when_fit_starts(model_class, settings, name, cdnow):
    model = model_class(**settings)  # storing is not checking
    assert model.get_params()[name] == settings[name]
    with pytest.raises(ParameterError, match=name):
        model.fit(_data(model_class, cdnow))


@pytest.mark.parametrize("model_class", MODELS)
def test_one_not_fitted_message(model_class, cdnow, tmp_path):
    for use in (lambda m: m.fit_summary(), lambda m: m.save(tmp_path / "m.json")):
        with pytest.raises(NotFittedError, match=r"还没有拟合：请先调用 fit\(...\)"):
            use(model_class())


@pytest.mark.parametrize("model_class", MODELS)
def test_fit_returns_self_and_leaves_the_summary_alone(model_class, cdnow):
    data = _data(model_class, cdnow)
    before = data.copy()
    model = model_class()
    assert model.fit(data) is model
    assert list(data.columns) == list(before.columns) and data.equals(before)
