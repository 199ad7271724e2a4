"""Writing a fitted CLV model to JSON and reading it back (``model.save``, ``Model.load``).

The file holds a format name and version, the model's class, its settings (``get_params()``),
the estimates and what the fit learned (time unit, log-likelihood, number of customers, the
covariance of the log-parameters behind ``fit_summary()``). A file from a newer version,
another model or another program is refused with a message that says which.

Format versions: 1 had no covariance (a model read from it has no standard errors);
2 adds ``log_params_covariance_`` (NaN written as ``null``).
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np

from custseg.errors import DataError

__all__ = ["FORMAT", "FORMAT_VERSION", "read_model", "write_model"]

FORMAT = "custseg.clv"
FORMAT_VERSION = 2
_UNITS = (None, "D", "W")
# learned attributes besides params_, and the check each value must pass
_FITTED: dict[str, Any] = {
    "log_likelihood_": lambda v: isinstance(v, (int, float)) and math.isfinite(v),
    "n_customers_": lambda v: isinstance(v, int) and not isinstance(v, bool) and v > 0,
    "time_unit_": lambda v: v in _UNITS,
    "max_frequency_": lambda v: isinstance(v, (int, float)) and math.isfinite(v) and v >= 0,
    "max_T_": lambda v: isinstance(v, (int, float)) and math.isfinite(v) and v >= 0,
}


_COVARIANCE = "log_params_covariance_"


def write_model(model: Any, path: str | Path) -> Path:
    """Write a fitted model (``params_`` named ``model._param_names``) to ``path`` as JSON."""
    fitted = {name: getattr(model, name) for name in _FITTED if hasattr(model, name)}
    if hasattr(model, _COVARIANCE):
        fitted[_COVARIANCE] = [
            [float(v) if math.isfinite(v) else None for v in row]
            for row in np.asarray(getattr(model, _COVARIANCE), dtype=np.float64).tolist()
        ]
    document = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "model": type(model).__name__,
        "settings": model.get_params(),
        "params": {name: float(model.params_[name]) for name in model._param_names},
        "fitted": fitted,
    }
    target = Path(path)
    target.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    return target


def read_model(cls: Any, path: str | Path) -> Any:
    """A model of class ``cls`` read from a file of :func:`write_model` (any format version)."""
    source = Path(path)
    document = _read_document(source)
    version = document.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise DataError(f"文件 {source} 的格式版本 format_version 无效 (invalid): {version!r}")
    if version > FORMAT_VERSION:
        raise DataError(
            f"文件 {source} 的格式版本是 {version}, 比本程序支持的 {FORMAT_VERSION} 新 "
            "(written by a newer custseg): 请升级 custseg 后再读取"
        )
    if version < 1:
        raise DataError(f"文件 {source} 的格式版本 {version} 未知 (unknown format version)")
    kind = document.get("model")
    if kind != cls.__name__:
        raise DataError(
            f"文件 {source} 保存的是 {kind}, 不是 {cls.__name__}: 请用 {kind}.load(...) 读取 (the file holds another model)"
        )
    settings = document.get("settings", {})
    known = cls().get_params()
    if not isinstance(settings, dict) or not set(settings) <= set(known):
        raise DataError(f"文件 {source} 的模型设置 settings 无效 (invalid): {settings!r}")
    model = cls(**settings)
    model.params_ = _estimates(document.get("params"), cls._param_names, source)
    fitted = document.get("fitted", {})
    if not isinstance(fitted, dict):
        raise DataError(f"文件 {source} 的 fitted 部分无效 (invalid): {fitted!r}")
    for name, value in fitted.items():
        if name == _COVARIANCE and version >= 2:
            setattr(model, name, _covariance(value, len(cls._param_names), source))
            continue
        check = _FITTED.get(name)
        if check is None or not check(value):
            raise DataError(f"文件 {source} 中 {name} 的值无效 (invalid value): {value!r}")
        setattr(model, name, value)
    return model


def _read_document(source: Path) -> dict[str, Any]:
    try:
        document = json.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise DataError(f"找不到模型文件 (file not found): {source}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError(
            f"文件 {source} 不是 JSON 格式的模型文件 (not a JSON model file): {exc}"
        ) from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise DataError(
            f"文件 {source} 不是 custseg 保存的客户终身价值模型 (not a custseg CLV model file)"
        )
    return document


def _estimates(params: object, names: tuple[str, ...], source: Path) -> dict[str, float]:
    if not isinstance(params, dict) or set(params) != set(names):
        raise DataError(
            f"文件 {source} 的参数应是 {list(names)} (expected these estimates), "
            f"收到 (got): {params!r}"
        )
    for name, value in params.items():
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not (math.isfinite(value) and value > 0)
        ):
            raise DataError(f"文件 {source} 的参数 {name} 必须是正数 (positive number): {value!r}")
    return {name: float(params[name]) for name in names}


def _covariance(value: object, size: int, source: Path) -> np.ndarray:
    """A size x size matrix of numbers (``null`` for NaN), else a DataError."""

    def number(v: object) -> bool:
        return v is None or (
            isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)
        )

    if not (
        isinstance(value, list)
        and len(value) == size
        and all(isinstance(row, list) and len(row) == size for row in value)
        and all(number(v) for row in value for v in row)
    ):
        raise DataError(f"文件 {source} 中 {_COVARIANCE} 的值无效 (invalid value): {value!r}")
    return np.array([[np.nan if v is None else v for v in row] for row in value], dtype=float)
