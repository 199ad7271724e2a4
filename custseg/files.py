"""Reading tables from the files marketers actually have: CSV in any Chinese encoding, Excel, parquet.

Chinese Excel and many Chinese systems export CSV in GBK / GB18030 rather than UTF-8,
sometimes with a byte-order mark. :func:`read_table` tries UTF-8 (with or without BOM)
first and GB18030 (a superset of GBK and GB2312) next. Excel workbooks are slow to
parse, so the first read of one is cached as parquet in :func:`cache_home`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from custseg.errors import DataError

__all__ = ["CSV_ENCODINGS", "cache_home", "read_table"]

CSV_ENCODINGS = ("utf-8-sig", "gb18030")


def cache_home() -> Path:
    """The folder for downloads and parsed copies: ``$CUSTSEG_DATA_HOME`` or the user cache.

    Examples
    --------
    >>> import os
    >>> os.environ["CUSTSEG_DATA_HOME"] = "/tmp/custseg-data"
    >>> str(cache_home())
    '/tmp/custseg-data'
    >>> del os.environ["CUSTSEG_DATA_HOME"]
    """
    env = os.environ.get("CUSTSEG_DATA_HOME")
    if env:
        return Path(env).expanduser()
    import pooch

    return Path(pooch.os_cache("custseg"))


def _excel_cache_path(path: Path, sheets: object) -> Path:
    stat = path.stat()
    tag = "-".join(map(str, sheets)) if isinstance(sheets, list) else str(sheets)
    name = f"{path.stem}-{tag}-{stat.st_size}-{stat.st_mtime_ns}.parquet"
    return cache_home() / "parsed" / name


def _read_excel(path: Path, sheets: int | str | list[int | str], dtype) -> pd.DataFrame:
    """Read one sheet, or several concatenated, caching the result as parquet."""
    cache = _excel_cache_path(path, sheets)
    if dtype is None and cache.exists():
        return pd.read_parquet(cache)
    frames = pd.read_excel(path, sheet_name=sheets, dtype=dtype)
    frame = pd.concat(frames.values(), ignore_index=True) if isinstance(frames, dict) else frames
    if dtype is None:
        # Mixed columns (invoice numbers such as 536365 and "C536379") become strings,
        # keeping missing values missing, so that parquet can store them.
        mixed = [c for c in frame.columns if frame[c].dtype == object]
        frame = frame.astype({c: "string" for c in mixed})
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            frame.to_parquet(cache)
        except OSError:  # a read-only cache folder only costs speed
            pass
    return frame


def _read_csv(path: Path, **options) -> pd.DataFrame:
    for encoding in CSV_ENCODINGS:
        try:
            return pd.read_csv(path, encoding=encoding, **options)
        except UnicodeDecodeError:
            continue
    raise DataError(
        f"无法识别文件的字符编码 (unknown text encoding): {path}。"
        "请在 Excel 中另存为 “CSV UTF-8” 格式后重试。"
    )


def read_table(
    path: str | os.PathLike,
    *,
    sheet_name: int | str | list[int | str] = 0,
    dtype=None,
    **csv_options,
) -> pd.DataFrame:
    """Read a csv (plain or compressed), Excel or parquet file into a DataFrame.

    Parameters
    ----------
    path : path-like
        The file. Its ending says how to read it: ``.csv``, ``.csv.gz``, ``.txt``,
        ``.xlsx`` / ``.xls``, ``.parquet``.
    sheet_name : int, str or list, default 0
        Excel only: the sheet, or a list of sheets to concatenate.
    dtype : optional
        Passed to pandas (``str`` reads every cell as text).
    **csv_options
        Passed to :func:`pandas.read_csv` (``sep``, ``header``, ...).

    Raises
    ------
    FileNotFoundError
        When there is no such file.
    DataError
        For an empty file, an unknown ending or an unknown text encoding.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "订单.csv").write_bytes("客户,金额\\n张三,10\\n".encode("gbk"))
    >>> read_table(folder / "订单.csv")
       客户  金额
    0  张三  10
    """
    path = Path(path).expanduser()
    if not path.is_file():
        raise FileNotFoundError(f"找不到文件 (file not found): {path}")
    if path.stat().st_size == 0:
        raise DataError(f"文件是空的 (empty file): {path}")
    name = path.name.lower()
    if name.endswith((".parquet", ".pq")):
        frame = pd.read_parquet(path)
    elif name.endswith((".xlsx", ".xlsm", ".xls")):
        frame = _read_excel(path, sheet_name, dtype)
    elif name.endswith((".csv", ".txt", ".tsv")) or name.endswith((".gz", ".zip", ".bz2", ".xz")):
        try:
            frame = _read_csv(path, dtype=dtype, **csv_options)
        except pd.errors.EmptyDataError as error:
            raise DataError(f"文件是空的 (empty file): {path}") from error
    else:
        raise DataError(
            f"不支持的文件类型 (unsupported file type): {path}。"
            "请使用 csv、csv.gz、xlsx 或 parquet 文件。"
        )
    if frame.empty:
        raise DataError(f"文件没有数据行 (empty file: no data rows): {path}")
    return frame
