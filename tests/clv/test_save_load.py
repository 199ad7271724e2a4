"""Saving fitted CLV models to JSON and loading them back; refused files say why."""

from __future__ import annotations

import json

import numpy as np
import pytest
from sklearn.exceptions import NotFittedError

from custseg.clv import BetaGeoModel, GammaGammaModel, ParetoNBDModel, summary_from_transactions
from custseg.clv._persistence import FORMAT_VERSION
from custseg.errors import DataError


@pytest.fixture(scope="module")
def weekly(cdnow_sample):
    return summary_from_transactions(cdnow_sample, unit="W")


@pytest.fixture(scope="module")
def models(weekly):
    repeat = weekly[weekly["frequency"] > 0]
    return {
        "bg": BetaGeoModel().fit(weekly),
        "pareto": ParetoNBDModel().fit(weekly),
        "spend": GammaGammaModel(penalizer_coef=0.0001).fit(repeat),
    }


@pytest.mark.parametrize("name", ["bg", "pareto", "spend"])
def test_a_loaded_model_predicts_exactly_like_the_saved_one(models, weekly, tmp_path, name):
    model = models[name]
    path = model.save(tmp_path / "模型.json")
    loaded = type(model).load(path)
    assert loaded.params_ == model.params_
    assert loaded.get_params() == model.get_params()
    for attribute in ("log_likelihood_", "n_customers_", "time_unit_"):
        assert getattr(loaded, attribute) == getattr(model, attribute)
    assert loaded.time_unit_ == "W"
    document = json.loads(path.read_text(encoding="utf-8"))
    assert (
        document["format_version"] == FORMAT_VERSION and document["model"] == type(model).__name__
    )
    if name == "spend":
        np.testing.assert_array_equal(
            loaded.expected_average_value(weekly), model.expected_average_value(weekly)
        )
    else:
        np.testing.assert_array_equal(
            loaded.predict_purchases(10, weekly), model.predict_purchases(10, weekly)
        )
        # the unit travels with the file: a daily summary is still refused
        with pytest.raises(DataError, match="unit"):
            loaded.probability_alive(weekly.assign(T=weekly["T"] * 7).pipe(_daily))
        assert loaded.probability_alive_matrix().equals(model.probability_alive_matrix())


def _daily(frame):
    frame.attrs["time_unit"] = "D"
    return frame


def test_clv_from_loaded_models_is_the_same(models, weekly, tmp_path):
    bg = BetaGeoModel.load(models["bg"].save(tmp_path / "bg.json"))
    spend = GammaGammaModel.load(models["spend"].save(tmp_path / "gg.json"))
    np.testing.assert_array_equal(
        spend.customer_lifetime_value(bg, weekly),
        models["spend"].customer_lifetime_value(models["bg"], weekly),
    )


def _rewrite(path, change):
    document = json.loads(path.read_text(encoding="utf-8"))
    change(document)
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d.update(format_version=FORMAT_VERSION + 1),
            f"比本程序支持的 {FORMAT_VERSION} 新",
        ),
        (lambda d: d.update(format_version="1"), "format_version"),
        (lambda d: d.update(model="ParetoNBDModel"), r"ParetoNBDModel\.load"),
        (lambda d: d.update(format="something else"), "不是 custseg"),
        (lambda d: d["params"].pop("b"), "参数应是"),
        (lambda d: d["params"].update(r=-1.0), "参数 r 必须是正数"),
        (lambda d: d["params"].update(r="0.2"), "参数 r"),
        (lambda d: d["settings"].update(evil="__import__('os')"), "settings"),
        (lambda d: d["fitted"].update(time_unit_="Y"), "time_unit_"),
    ],
)
def test_a_wrong_file_is_refused_with_the_reason(models, tmp_path, change, message):
    path = _rewrite(models["bg"].save(tmp_path / "bg.json"), change)
    with pytest.raises(DataError, match=message):
        BetaGeoModel.load(path)


def test_unreadable_files(tmp_path):
    with pytest.raises(DataError, match="找不到"):
        BetaGeoModel.load(tmp_path / "missing.json")
    garbage = tmp_path / "garbage.json"
    garbage.write_text("{not json", encoding="utf-8")
    with pytest.raises(DataError, match="JSON"):
        BetaGeoModel.load(garbage)
    listing = tmp_path / "list.json"
    listing.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(DataError, match="不是 custseg"):
        BetaGeoModel.load(listing)


def test_an_unfitted_model_cannot_be_saved(tmp_path):
    with pytest.raises(NotFittedError, match="fit"):
        GammaGammaModel().save(tmp_path / "gg.json")
