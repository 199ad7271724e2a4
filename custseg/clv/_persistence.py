"""Saving a fitted CLV model to JSON and loading it back: ``model.save(path)``, ``Model.load(path)``.

The file holds a format name and version, the model's class, its settings (``get_params()``),
the estimates and what the fit learned (time unit, log-likelihood, number of customers).
A file from a newer version, another model or another program is refused with a message
that says which.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any, ClassVar

from sklearn.exceptions import NotFittedError

from custseg.errors import DataError

__all__ = ["FORMAT", "FORMAT_VERSION", "SavableModel"]

FORMAT = "custseg.clv"
FORMAT_VERSION = 1
_UNITS = (None, "D", "W")
# learned attributes besides params_, and the check each value must pass
_FITTED: dict[str, Any] = {
    "log_likelihood_": lambda v: isinstance(v, (int, float)) and math.isfinite(v),
    "n_customers_": lambda v: isinstance(v, int) and not isinstance(v, bool) and v > 0,
    "time_unit_": lambda v: v in _UNITS,
    "max_frequency_": lambda v: isinstance(v, (int, float)) and math.isfinite(v) and v >= 0,
    "max_T_": lambda v: isinstance(v, (int, float)) and math.isfinite(v) and v >= 0,
}


class SavableModel:
    """``save(path)`` and ``load(path)`` for a fitted model with ``params_`` named ``_param_names``."""

    _param_names: ClassVar[tuple[str, ...]] = ()

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
        if not hasattr(self, "params_"):
            raise NotFittedError(
                f"{type(self).__name__} 还没有拟合 (not fitted), 无法保存: 请先调用 fit(summary)"
            )
        document = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "model": type(self).__name__,
            "settings": self.get_params(),  # type: ignore[attr-defined]
            "params": {name: float(self.params_[name]) for name in self._param_names},  # type: ignore[attr-defined]
            "fitted": {name: getattr(self, name) for name in _FITTED if hasattr(self, name)},
        }
        target = Path(path)
        target.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
        return target

    @classmethod
    def load(cls, path: str | Path) -> Any:
        """Read a model written by :meth:`save`.

        Parameters
        ----------
        path : str or pathlib.Path
            A JSON file written by ``save``.

        Returns
        -------
        The fitted model, ready to predict.

        Raises
        ------
        DataError
            A missing file, a file that is not JSON or not a custseg CLV model, a newer
            format version, another model class, or a missing / invalid estimate.
        """
        source = Path(path)
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
                f"文件 {source} 保存的是 {kind}, 不是 {cls.__name__}: 请用 {kind}.load(...) 读取"
            )
        settings = document.get("settings", {})
        known = cls().get_params()  # type: ignore[attr-defined]
        if not isinstance(settings, dict) or not set(settings) <= set(known):
            raise DataError(f"文件 {source} 的模型设置 settings 无效 (invalid): {settings!r}")
        model = cls(**settings)
        params = document.get("params")
        if not isinstance(params, dict) or set(params) != set(cls._param_names):
            raise DataError(
                f"文件 {source} 的参数应是 {list(cls._param_names)} (expected these estimates), "
                f"收到 (got): {params!r}"
            )
        for name, value in params.items():
            if (
                isinstance(value, bool)
                or not isinstance(value, (int, float))
                or not (math.isfinite(value) and value > 0)
            ):
                raise DataError(
                    f"文件 {source} 的参数 {name} 必须是正数 (positive number): {value!r}"
                )
        model.params_ = {name: float(params[name]) for name in cls._param_names}
        fitted = document.get("fitted", {})
        if not isinstance(fitted, dict):
            raise DataError(f"文件 {source} 的 fitted 部分无效 (invalid): {fitted!r}")
        for name, value in fitted.items():
            check = _FITTED.get(name)
            if check is None or not check(value):
                raise DataError(f"文件 {source} 中 {name} 的值无效 (invalid value): {value!r}")
            setattr(model, name, value)
        return model
