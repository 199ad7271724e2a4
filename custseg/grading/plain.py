"""Answers as plain data: what leaves the learner's kernel and what the checks receive.

A learner's answer is judged outside the learner's process, so it has to travel as data,
never as a live object: an object can claim to equal anything, a patched library can lie.
:func:`encode` (run in the learner's kernel, in the sandbox) turns a value into JSON made
of numbers, text, booleans, lists and tagged records for tuples, dicts, numpy scalars and
arrays, pandas Series, Index, DataFrame and timestamps. Only these exact types are plain;
anything else (an always-equal object, a subclass of ``int`` or ``pd.Series``, a function,
a file) raises :class:`NotPlain`. :func:`decode` (run by the grader, outside) checks the
JSON strictly and rebuilds the same pandas and numpy objects, so a check can be written as
ordinary pandas code. Sizes are capped on both sides.

Examples
--------
>>> import pandas as pd
>>> data = encode(pd.Series([3.5, 1.0], index=["UK", "FR"], name="amount"))
>>> back = decode(data)
>>> type(back).__name__, back.to_dict(), back.name
('Series', {'UK': 3.5, 'FR': 1.0}, 'amount')
>>> decode(encode((1, "客户", None, [True]))) == (1, "客户", None, [True])
True
>>> class AlwaysEqual:
...     def __eq__(self, other):
...         return True
>>> encode(AlwaysEqual())
Traceback (most recent call last):
...
custseg.grading.plain.NotPlain: AlwaysEqual
"""

from __future__ import annotations

import datetime as dt
import math
import re

__all__ = ["MAX_ITEMS", "MAX_TEXT", "NotPlain", "decode", "encode"]

MAX_ITEMS = 1_000_000  # numbers and texts in one value, all nested levels together
MAX_TEXT = 100_000  # characters in one text
MAX_DEPTH = 20
_DTYPE = re.compile(
    r"(u?int(8|16|32|64)|U?Int(8|16|32|64)|float(32|64)|Float(32|64)|bool|boolean|object"
    r"|string|str|category|datetime64\[ns\])"
)


class NotPlain(ValueError):
    """A value that is not plain data; the message names its type."""


class _Budget:
    def __init__(self) -> None:
        self.items = 0

    def take(self, count: int = 1) -> None:
        self.items += count
        if self.items > MAX_ITEMS:
            raise NotPlain(f"超过 {MAX_ITEMS} 个数值 (too large)")


def _scalar(value, budget: _Budget):
    kind = type(value)
    budget.take()
    if value is None or kind is bool or kind is int:
        return value
    if kind is float:
        return value
    if kind is str:
        if len(value) > MAX_TEXT:
            raise NotPlain(f"文字超过 {MAX_TEXT} 个字符 (text too long)")
        return value
    raise NotPlain(kind.__name__)


def _column(values, dtype: str, budget: _Budget) -> list:
    """The cells of a pandas column as JSON scalars (timestamps as ISO text)."""
    budget.take(len(values))
    out = []
    for item in values.tolist() if hasattr(values, "tolist") else list(values):
        if item is None or (type(item) is float and math.isnan(item)):
            out.append(None)
        elif dtype.startswith("datetime64"):
            out.append(item.isoformat() if hasattr(item, "isoformat") else None)
        elif type(item) in (bool, int, float, str):
            if type(item) is str and len(item) > MAX_TEXT:
                raise NotPlain("文字过长 (text too long)")
            out.append(item)
        elif type(item).__name__ in ("NAType", "NaTType"):
            out.append(None)
        else:
            raise NotPlain(type(item).__name__)
    return out


def _values(obj) -> list:
    """The values of a pandas object as Python scalars, missing values as None."""
    import pandas as pd

    if str(obj.dtype).startswith("datetime64"):
        return [None if pd.isna(v) else v for v in obj]
    return [None if _missing(v) else v for v in obj.astype(object).tolist()]


def _missing(value) -> bool:
    try:
        return value is None or bool(value != value) or type(value).__name__ == "NAType"
    except (TypeError, ValueError):
        return type(value).__name__ in ("NAType", "NaTType")


def _dtype(obj) -> str:
    name = str(obj.dtype)
    if name.startswith("datetime64"):
        return "datetime64[ns]"
    return name if _DTYPE.fullmatch(name) else "object"


def _index(index, budget: _Budget) -> dict:
    import pandas as pd

    if type(index) is pd.RangeIndex:
        budget.take()
        return {"$type": "range", "start": index.start, "stop": index.stop, "step": index.step}
    if type(index) not in (pd.Index, pd.DatetimeIndex, pd.CategoricalIndex):
        raise NotPlain(type(index).__name__)
    dtype = _dtype(index)
    return {
        "$type": "index",
        "name": _scalar(index.name, budget) if type(index.name) is not tuple else None,
        "dtype": dtype,
        "values": _column(_values(index), dtype, budget),
    }


def _encode(value, budget: _Budget, depth: int):
    if depth > MAX_DEPTH:
        raise NotPlain("嵌套过深 (nested too deeply)")
    kind = type(value)
    if value is None or kind in (bool, int, float, str):
        return _scalar(value, budget)
    if kind is list:
        budget.take()
        return [_encode(item, budget, depth + 1) for item in value]
    if kind is tuple:
        budget.take()
        return {"$type": "tuple", "items": [_encode(item, budget, depth + 1) for item in value]}
    if kind is dict:
        budget.take()
        items = [
            [_encode(k, budget, depth + 1), _encode(v, budget, depth + 1)] for k, v in value.items()
        ]
        return {"$type": "dict", "items": items}
    if kind in (dt.datetime, dt.date):
        budget.take()
        return {"$type": "timestamp", "value": value.isoformat()}
    module = getattr(kind, "__module__", "")
    if module == "numpy" or module.startswith("numpy."):
        return _encode_numpy(value, budget)
    if module.startswith("pandas."):
        return _encode_pandas(value, budget, depth)
    raise NotPlain(kind.__name__)


def _encode_numpy(value, budget: _Budget):
    import numpy as np

    if type(value) is np.ndarray:
        dtype = str(value.dtype)
        if not _DTYPE.fullmatch(dtype) or dtype in ("object", "category"):
            raise NotPlain(f"ndarray[{dtype}]")
        budget.take(value.size)
        return {"$type": "array", "dtype": dtype, "items": value.tolist()}
    if isinstance(value, np.generic) and _DTYPE.fullmatch(str(value.dtype)):
        if str(value.dtype) in ("object", "category"):
            raise NotPlain(type(value).__name__)
        budget.take()
        item = value.item()
        return {"$type": "numpy", "dtype": str(value.dtype), "value": item}
    raise NotPlain(type(value).__name__)


def _encode_pandas(value, budget: _Budget, depth: int):
    import pandas as pd

    kind = type(value)
    if kind is pd.Timestamp:
        budget.take()
        return {"$type": "timestamp", "value": value.isoformat()}
    if kind is pd.Series:
        dtype = _dtype(value)
        name = value.name if type(value.name) in (str, int, float, bool) else None
        return {
            "$type": "series",
            "name": name,
            "dtype": dtype,
            "index": _index(value.index, budget),
            "values": _column(_values(value), dtype, budget),
        }
    if kind is pd.DataFrame:
        columns = []
        for position in range(value.shape[1]):
            column = value.iloc[:, position]
            label = value.columns[position]
            if type(label) not in (str, int, float, bool):
                raise NotPlain(f"列名 {type(label).__name__}")
            dtype = _dtype(column)
            columns.append(
                {"name": label, "dtype": dtype, "values": _column(_values(column), dtype, budget)}
            )
        return {"$type": "frame", "index": _index(value.index, budget), "columns": columns}
    if kind in (pd.Index, pd.RangeIndex, pd.DatetimeIndex):
        return _index(value, budget)
    raise NotPlain(kind.__name__)


def encode(value):
    """``value`` as JSON-ready plain data.

    Raises
    ------
    NotPlain
        When ``value`` (or anything inside it) is not of an exact plain type, or too large.
    """
    return _encode(value, _Budget(), 0)


def _check_scalar(value, budget: _Budget):
    budget.take()
    if value is None or type(value) in (bool, int, float):
        return value
    if type(value) is str:
        if len(value) > MAX_TEXT:
            raise NotPlain("文字过长 (text too long)")
        return value
    raise NotPlain(f"不是数值或文字 ({type(value).__name__})")


def _decode_values(values, dtype: str, budget: _Budget):
    import pandas as pd

    if type(values) is not list:
        raise NotPlain("values 不是列表")
    cells = [_check_scalar(v, budget) for v in values]
    if not _DTYPE.fullmatch(str(dtype)):
        dtype = "object"
    if dtype.startswith("datetime64"):
        return pd.to_datetime(pd.Series(cells, dtype=object), errors="coerce")
    try:
        return pd.Series(cells, dtype=dtype)
    except (TypeError, ValueError):
        return pd.Series(cells, dtype=object)


def _decode_index(data, budget: _Budget):
    import pandas as pd

    if type(data) is not dict:
        raise NotPlain("index 格式不对")
    if data.get("$type") == "range":
        budget.take()
        numbers = [data.get(k) for k in ("start", "stop", "step")]
        if not all(type(n) is int for n in numbers) or numbers[2] == 0:
            raise NotPlain("range 格式不对")
        if abs((numbers[1] - numbers[0]) // numbers[2]) > MAX_ITEMS:
            raise NotPlain("range 过长")
        return pd.RangeIndex(*numbers)
    if data.get("$type") != "index":
        raise NotPlain("index 格式不对")
    values = _decode_values(data.get("values"), data.get("dtype", "object"), budget)
    return pd.Index(values, name=_check_scalar(data.get("name"), budget))


def _decode(data, budget: _Budget, depth: int):
    import numpy as np
    import pandas as pd

    if depth > MAX_DEPTH:
        raise NotPlain("嵌套过深 (nested too deeply)")
    if type(data) is list:
        budget.take()
        return [_decode(item, budget, depth + 1) for item in data]
    if type(data) is not dict:
        return _check_scalar(data, budget)
    kind = data.get("$type")
    budget.take()
    if kind == "tuple" and type(data.get("items")) is list:
        return tuple(_decode(item, budget, depth + 1) for item in data["items"])
    if kind == "dict" and type(data.get("items")) is list:
        pairs = data["items"]
        if not all(type(p) is list and len(p) == 2 for p in pairs):
            raise NotPlain("dict 格式不对")
        out = {}
        for key, item in pairs:
            key = _decode(key, budget, depth + 1)
            if isinstance(key, (list, dict, pd.Series, pd.DataFrame)):
                raise NotPlain("dict 的键不是普通值")
            out[key] = _decode(item, budget, depth + 1)
        return out
    if kind == "timestamp" and type(data.get("value")) is str:
        return pd.Timestamp(data["value"][:64])
    if kind == "numpy" and _DTYPE.fullmatch(str(data.get("dtype"))):
        return np.array(_check_scalar(data.get("value"), budget), dtype=data["dtype"])[()]
    if kind == "array" and _DTYPE.fullmatch(str(data.get("dtype"))):
        items = _decode(data.get("items"), budget, depth + 1)
        return np.array(items, dtype=data["dtype"])
    if kind == "series":
        values = _decode_values(data.get("values"), data.get("dtype", "object"), budget)
        index = _decode_index(data.get("index"), budget)
        if len(index) != len(values):
            raise NotPlain("Series 的索引和值长度不同")
        values.index = index
        values.name = _check_scalar(data.get("name"), budget)
        return values
    if kind == "frame":
        index = _decode_index(data.get("index"), budget)
        columns = data.get("columns")
        if type(columns) is not list:
            raise NotPlain("frame 格式不对")
        frame = pd.DataFrame(index=index)
        for column in columns:
            if type(column) is not dict:
                raise NotPlain("frame 格式不对")
            values = _decode_values(column.get("values"), column.get("dtype", "object"), budget)
            if len(values) != len(index):
                raise NotPlain("表格各列长度不同")
            values.index = index
            frame[_check_scalar(column.get("name"), budget)] = values
        return frame
    if kind == "index" or kind == "range":
        return _decode_index(data, budget)
    raise NotPlain("未知的数据格式 (unknown record)")


def decode(data):
    """Rebuild a value from :func:`encode`'s plain data, checking every part of it.

    Raises
    ------
    NotPlain
        When ``data`` is not what :func:`encode` makes (a record of unknown kind, a dict
        without a type, text too long, too many items).
    """
    return _decode(data, _Budget(), 0)
