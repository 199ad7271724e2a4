"""Reading tables from the files marketers actually have: CSV in any Chinese encoding, Excel, parquet.

Chinese Excel and many Chinese systems export CSV in GBK / GB18030 rather than UTF-8,
sometimes with a byte-order mark. :func:`read_table` tries UTF-8 (with or without BOM)
first and GB18030 (a superset of GBK and GB2312) next. Excel workbooks are slow to
parse, so the first read of one is cached as parquet in :func:`cache_home`.
"""

from __future__ import annotations

import codecs
import os
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from custseg.errors import DataError, ParameterError

__all__ = ["CSV_ENCODINGS", "UserTable", "cache_home", "read_table", "read_user_table"]

CSV_ENCODINGS = ("utf-8-sig", "gb18030")
SEPARATORS = (",", "\t", ";", "|")
_SEPARATOR_NAMES = {",": "逗号", "\t": "制表符 (tab)", ";": "分号", "|": "竖线"}


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


@dataclass
class UserTable:
    """A user's file read as text: the table and where its rows came from.

    Attributes
    ----------
    frame : pandas.DataFrame
        Every cell as text (missing cells missing).
    first_row : int
        The line (or sheet row) number of the first data row, for messages.
    sheets : list of (name, position)
        Workbooks: each sheet read and the position of its first row in ``frame``.
    notes : list of str
        What was detected or skipped, in Chinese (encoding, separator, sheets).
    """

    frame: pd.DataFrame
    first_row: int
    sheets: list[tuple[str, int]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _open_text(path: Path):
    import gzip

    name = path.name.lower()
    if name.endswith(".gz"):
        return gzip.open(path, "rb")
    if name.endswith((".zip", ".bz2", ".xz")):
        return None
    return path.open("rb")


def _sample(path: Path, size: int = 1 << 20) -> bytes | None:
    handle = _open_text(path)
    if handle is None:
        return None
    with handle:
        return handle.read(size)


def _detect_encoding(path: Path, sample: bytes | None) -> str:
    """UTF-8 (with or without BOM), GB18030 (GBK) or Big5, judged on the file's start."""
    if sample is None:
        return "utf-8-sig"
    try:
        sample.decode("utf-8-sig")
        return "utf-8-sig"
    except UnicodeDecodeError as error:
        if error.start >= len(sample) - 4:  # a character cut at the sample's end
            return "utf-8-sig"
    candidates = []
    for encoding in ("gb18030", "big5"):
        try:
            text = sample.decode(encoding, errors="strict")
        except UnicodeDecodeError as error:
            if error.start < len(sample) - 4:
                continue
            text = sample[: error.start].decode(encoding)
        candidates.append((encoding, text))
    if not candidates:
        raise DataError(
            f"{path}: 无法识别文件的字符编码 (unknown text encoding)：既不是 UTF-8，也不是 "
            "GBK/GB18030 或 Big5。请在 Excel 中另存为 “CSV UTF-8” 格式，或用 encoding= / "
            "--encoding 指定编码后重试。"
        )
    if len(candidates) == 1:
        return candidates[0][0]

    def common_share(text: str) -> float:
        # Simplified text read as GB18030 is almost all GB2312; Big5 bytes read as
        # GB18030 give rare characters.
        chinese = [c for c in text if "\u4e00" <= c <= "\u9fff"]
        if not chinese:
            return 1.0
        common = sum(1 for c in chinese if _encodable(c, "gb2312"))
        return common / len(chinese)

    return "gb18030" if common_share(candidates[0][1]) >= 0.9 else "big5"


def _encodable(char: str, encoding: str) -> bool:
    try:
        char.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def _detect_separator(header: str) -> str:
    counts = {sep: header.count(sep) for sep in SEPARATORS}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _header_line(sample: bytes | None, encoding: str, skip_rows: int) -> str:
    if sample is None:
        return ""
    lines = sample.decode(encoding, errors="ignore").splitlines()
    return lines[skip_rows] if len(lines) > skip_rows else ""


def _read_user_csv(
    path: Path, *, skip_rows: int, sep: str | None, encoding: str | None
) -> UserTable:
    sample = _sample(path)
    notes = []
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise ParameterError(
                f"{path}: 不认识的编码 (unknown encoding) {encoding!r}；"
                "可用 utf-8、gbk、gb18030 或 big5"
            ) from None
    if encoding is None:
        encoding = _detect_encoding(path, sample)
        if encoding not in CSV_ENCODINGS:
            notes.append(f"文件编码识别为 {encoding} (text encoding detected)")
    header = _header_line(sample, encoding, skip_rows)
    if sep is None:
        sep = _detect_separator(header)
        if sep != ",":
            notes.append(f"分隔符识别为{_SEPARATOR_NAMES[sep]} (separator detected)")
    names = []
    if header:
        import csv

        names = next(csv.reader([header], delimiter=sep))
        _refuse_duplicates(path, [name.strip() for name in names])
    frame = _read_csv_fast(path, sep=sep, encoding=encoding, skip_rows=skip_rows, names=names)
    if frame is not None:
        return UserTable(frame, first_row=skip_rows + 2, notes=notes)
    try:
        frame = pd.read_csv(
            path,
            sep=sep,
            encoding=encoding,
            skiprows=skip_rows,
            dtype="string[pyarrow]",
            keep_default_na=False,
            na_values=[""],
            index_col=False,
            skipinitialspace=False,
        )
    except UnicodeDecodeError as error:
        raise DataError(
            f"{path}: 文件中有不是 {encoding} 编码的文字 (text not in {encoding})，"
            f"位置 (byte) {error.start}。请用 encoding= / --encoding 指定编码，或在 Excel 中"
            "另存为 “CSV UTF-8” 后重试。"
        ) from error
    except LookupError as error:
        raise ParameterError(f"{path}: 不认识的编码 (unknown encoding) {encoding!r}") from error
    except pd.errors.EmptyDataError as error:
        raise DataError(f"文件是空的 (empty file): {path}") from error
    except pd.errors.ParserError as error:
        raise DataError(
            f"{path}: 无法按{_SEPARATOR_NAMES.get(sep, repr(sep))}分列 (cannot split the lines)："
            f"{_parser_detail(str(error))}。请检查该行的列数是否与表头一致，或用 sep= / --sep "
            "指定分隔符、用 skip_rows= / --skip-rows 跳过表头上方的标题行。"
        ) from error
    unnamed = [c for c in frame.columns if str(c).startswith("Unnamed: ")]
    empty_unnamed = [c for c in unnamed if frame[c].isna().all()]
    if empty_unnamed:  # a trailing separator on every line
        frame = frame.drop(columns=empty_unnamed)
    return UserTable(frame, first_row=skip_rows + 2, notes=notes)


def _refuse_duplicates(path: Path, names: list[str], sheet: str | None = None) -> None:
    """Two columns with one name: say which, instead of silently using the first."""
    seen: dict[str, list[int]] = {}
    for number, name in enumerate(names, start=1):
        if name:
            seen.setdefault(name, []).append(number)
    twice = {name: numbers for name, numbers in seen.items() if len(numbers) > 1}
    if twice:
        where = f"工作表 {sheet!r} " if sheet else ""
        listed = "；".join(
            f"{name!r}（第 {'、'.join(map(str, numbers))} 列）" for name, numbers in twice.items()
        )
        raise DataError(
            f"{path}: {where}有重名的列 (duplicate column names)：{listed}。"
            "请把其中一列改名或删除后重试。"
        )


def _mangled_duplicates(frame: pd.DataFrame) -> list[str]:
    """Names pandas renamed because they were repeated ("金额" and "金额.1")."""
    import re

    columns = [str(c) for c in frame.columns]
    names = []
    for column in columns:
        found = re.fullmatch(r"(.+)\.(\d+)", column)
        names.append(found.group(1) if found and found.group(1) in columns else column)
    return names


def _read_csv_fast(
    path: Path, *, sep: str, encoding: str, skip_rows: int, names: list[str]
) -> pd.DataFrame | None:
    """Every column as text with pyarrow's reader (fast, compact), or None to read slowly.

    Anything unusual (lines with too many fields, a column the header line did not name)
    returns None: pandas then reads the file and explains what is wrong.
    """
    import pyarrow as pa
    import pyarrow.csv as pacsv

    if not names or len(set(names)) != len(names):
        return None
    arrow_encoding = (
        "utf8" if encoding.replace("-", "").lower() in ("utf8", "utf8sig") else encoding
    )
    try:
        table = pacsv.read_csv(
            path,
            read_options=pacsv.ReadOptions(
                encoding=arrow_encoding, skip_rows=skip_rows, block_size=1 << 24
            ),
            parse_options=pacsv.ParseOptions(delimiter=sep),
            convert_options=pacsv.ConvertOptions(
                column_types={name: pa.string() for name in names},
                strings_can_be_null=True,
                quoted_strings_can_be_null=True,
                null_values=[""],
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, UnicodeDecodeError, LookupError):
        return None
    if table.column_names != names or any(t != pa.string() for t in table.schema.types):
        return None
    return table.to_pandas(types_mapper={pa.string(): pd.StringDtype("pyarrow")}.get)


def _parser_detail(message: str) -> str:
    import re

    found = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", message)
    if found:
        expected, line, saw = found.groups()
        return f"第 {line} 行 (line {line}) 有 {saw} 列，表头只有 {expected} 列"
    return message


def _read_user_excel(path: Path, *, sheet_name, skip_rows: int) -> UserTable:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = pd.read_excel(
                path,
                sheet_name=None if sheet_name is None else sheet_name,
                dtype=str,
                skiprows=skip_rows,
            )
    except ImportError as error:
        raise DataError(
            f"{path}: 读取旧版 .xls 文件需要 xlrd (pip install xlrd)；或在 Excel 中另存为 .xlsx "
            f"后重试。({error})"
        ) from error
    except ValueError as error:
        if sheet_name is not None and "not found" in str(error).lower():
            names = _sheet_names(path)
            raise DataError(
                f"{path}: 没有名为 {sheet_name!r} 的工作表 (no such sheet)；"
                f"现有的工作表 (sheets): {', '.join(map(repr, names))}"
            ) from error
        raise DataError(
            f"{path}: 无法读取这个 Excel 文件 (cannot read workbook)：{error}"
        ) from error
    except IndexError as error:
        names = _sheet_names(path)
        raise DataError(
            f"{path}: 没有第 {sheet_name} 个工作表 (no such sheet)；现有的工作表 (sheets): "
            f"{', '.join(map(repr, names))}"
        ) from error
    except Exception as error:  # a corrupt or password-protected file
        raise DataError(
            f"{path}: 无法读取这个 Excel 文件 (cannot read workbook)：{type(error).__name__} {error}"
        ) from error
    first_row = skip_rows + 2
    if not isinstance(book, dict):
        _refuse_duplicates(path, _mangled_duplicates(book), sheet=str(sheet_name))
        name = sheet_name if isinstance(sheet_name, str) else _sheet_names(path)[sheet_name]
        return UserTable(
            book, first_row, sheets=[(str(name), 0)], notes=[f"读取了工作表 {name!r} (sheet read)"]
        )
    read, skipped, frames, sheets, position = [], [], [], [], 0
    header = None
    for name, frame in book.items():
        if frame.empty and len(frame.columns) == 0:
            skipped.append(f"{name!r}（空 / empty）")
            continue
        columns = [str(c) for c in frame.columns]
        _refuse_duplicates(path, _mangled_duplicates(frame), sheet=str(name))
        if header is None:
            header = columns
        if columns != header:
            skipped.append(f"{name!r}（表头不同 / different header）")
            continue
        read.append(str(name))
        sheets.append((str(name), position))
        position += len(frame)
        frames.append(frame)
    if not frames:
        raise DataError(f"{path}: 所有工作表都是空的 (every sheet is empty)")
    notes = [f"读取了工作表 (sheets read): {'、'.join(map(repr, read))}"]
    if skipped:
        notes.append(f"跳过的工作表 (sheets skipped): {'、'.join(skipped)}")
    frame = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    if len(frames) > 1:
        label = "sheet" if "sheet" not in frame.columns else "工作表"
        frame[label] = np.repeat(read, [len(f) for f in frames])
    return UserTable(frame, first_row, sheets=sheets, notes=notes)


def _sheet_names(path: Path) -> list[str]:
    try:
        return list(pd.ExcelFile(path).sheet_names)
    except Exception:  # the names only make the message better
        return []


def read_user_table(
    path: str | os.PathLike,
    *,
    sheet_name: int | str | None = None,
    skip_rows: int = 0,
    sep: str | None = None,
    encoding: str | None = None,
) -> UserTable:
    """Read a user's file as text, detecting what it does not say, never guessing silently.

    Parameters
    ----------
    path : path-like
        csv / txt / tsv (plain or ``.gz``), ``.xlsx`` / ``.xlsm`` / ``.xls``, or parquet.
    sheet_name : int or str, optional
        Workbooks: one sheet. By default every sheet whose header equals the first
        sheet's is read (a ``sheet`` column says which); others are skipped and noted.
    skip_rows : int, default 0
        Lines above the header to skip (a title line).
    sep, encoding : str, optional
        CSV: the separator (comma, tab, semicolon or ``|`` detected) and the text
        encoding (UTF-8, GB18030 or Big5 detected).

    Returns
    -------
    UserTable

    Raises
    ------
    FileNotFoundError
        When there is no such file.
    DataError
        In Chinese, naming the file: empty, unknown ending or encoding, lines with the
        wrong number of columns, a missing sheet, an unreadable workbook.
    ParameterError
        A negative ``skip_rows`` or an ``encoding`` Python does not know.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "订单.csv"
    >>> _ = path.write_text("导出时间 2024-05-01\\n客户;金额\\n0012;3,5\\n", encoding="utf-8")
    >>> table = read_user_table(path, skip_rows=1)
    >>> table.frame["客户"].tolist(), table.first_row, table.notes
    (['0012'], 3, ['分隔符识别为分号 (separator detected)'])
    """
    path = Path(path).expanduser()
    if not path.is_file():
        raise FileNotFoundError(f"找不到文件 (file not found): {path}")
    if path.stat().st_size == 0:
        raise DataError(f"文件是空的 (empty file): {path}")
    if int(skip_rows) < 0:
        raise ParameterError(f"skip_rows 不能是负数 (must be >= 0)，收到 {skip_rows!r}")
    name = path.name.lower()
    if name.endswith((".parquet", ".pq")):
        table = UserTable(pd.read_parquet(path), first_row=2)
    elif name.endswith((".xlsx", ".xlsm", ".xls")):
        table = _read_user_excel(path, sheet_name=sheet_name, skip_rows=int(skip_rows))
    elif name.endswith((".csv", ".txt", ".tsv", ".gz", ".zip", ".bz2", ".xz")):
        table = _read_user_csv(path, skip_rows=int(skip_rows), sep=sep, encoding=encoding)
    else:
        raise DataError(
            f"不支持的文件类型 (unsupported file type): {path}。"
            "请使用 csv、csv.gz、xlsx、xls 或 parquet 文件。"
        )
    if table.frame.empty:
        raise DataError(f"文件没有数据行 (empty file: no data rows): {path}")
    return table
