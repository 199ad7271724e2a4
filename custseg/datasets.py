"""Data sets for the course: real public ones (downloaded once, checked, cached) and a
simulated Chinese business (模拟数据) bundled with the package.

Each loader returns a pandas DataFrame. With ``path=None`` the official file is
downloaded (through :mod:`pooch`), its sha256 is checked and the file is kept in the
cache folder: ``$CUSTSEG_DATA_HOME`` if set, else the user cache (``~/.cache/custseg``
on Linux). With ``path=`` a local copy is read instead (csv, csv.gz, xlsx or parquet).
Without network and without a cached copy, :class:`DatasetUnavailableError` says which
file is needed, its URL and where to put it.

Excel workbooks are slow to parse, so the first read of one is cached as parquet in the
same folder and later reads take a fraction of a second.

Sources and licences
--------------------
- Online Retail (UCI id 352) and Online Retail II (UCI id 502): Daqing Chen, CC BY 4.0.
- CDNOW (Fader & Hardie): the copies in the ``Lifetimes`` 0.11.3 wheel on PyPI (MIT).
- Bank Marketing (UCI id 222): Moro, Cortez & Rita (2014), CC BY 4.0.
- 禾悦食品 (:func:`load_cn_customers`, :func:`load_cn_orders`, :func:`load_cn_promotion`):
  模拟数据 (simulated data) of a fictional Chinese consumer-goods company, drawn by the
  seeded generator ``datasets/make_cn_business.py`` of the project's repository.
"""

from __future__ import annotations

import hashlib
import io
import os
import zipfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pandas as pd

from custseg.errors import DataError, ParameterError
from custseg.files import cache_home, read_table
from custseg.transactions import UCI_CONVENTIONS, declare_conventions, to_canonical

__all__ = [
    "DatasetUnavailableError",
    "data_home",
    "load_bank_marketing",
    "load_cdnow",
    "load_cn_customers",
    "load_cn_orders",
    "load_cn_promotion",
    "load_online_retail",
    "load_sample",
]

_LIFETIMES_WHEEL = (
    "https://files.pythonhosted.org/packages/c5/1f/"
    "ee6a471dcb5cb2f4dbc219023e07991f3b917875f9c8a5f5d77c00ddabca/"
    "Lifetimes-0.11.3-py3-none-any.whl"
)


@dataclass(frozen=True)
class _Remote:
    """One downloadable archive and the member of it a loader reads."""

    url: str
    sha256: str | None
    filename: str
    member: str
    page: str
    inner_member: str | None = None
    inner_sha256: str | None = None


_REMOTES = {
    "online_retail": _Remote(
        url="https://archive.ics.uci.edu/static/public/352/online+retail.zip",
        sha256="f5385cbb54bbebf7196389109c6b0621faab0c304e3702548165e71c84aede8b",
        filename="online_retail.zip",
        member="Online Retail.xlsx",
        page="https://archive.ics.uci.edu/dataset/352/online+retail",
    ),
    "online_retail_ii": _Remote(
        url="https://archive.ics.uci.edu/static/public/502/online+retail+ii.zip",
        sha256=None,  # no published digest; the row count is checked after reading instead
        filename="online_retail_ii.zip",
        member="online_retail_II.xlsx",
        page="https://archive.ics.uci.edu/dataset/502/online+retail+ii",
    ),
    "bank_marketing": _Remote(
        url="https://archive.ics.uci.edu/static/public/222/bank+marketing.zip",
        sha256="e0bf5f5de5b846e2f18e9d90606637267d46dfa260e0f17bb12e605db5efbeb4",
        filename="bank_marketing.zip",
        member="bank.zip",
        inner_member="bank-full.csv",
        inner_sha256="d1513ec63b385506f7cfce9f2c5caa9fe99e7ba4e8c3fa264b3aaf0f849ed32d",
        page="https://archive.ics.uci.edu/dataset/222/bank+marketing",
    ),
}
for _kind, _member in {
    "master": "CDNOW_master.txt",
    "sample": "CDNOW_sample.txt",
    "summary": "cdnow_customers_summary_with_transactions.csv",
}.items():
    _REMOTES[f"cdnow_{_kind}"] = _Remote(
        url=_LIFETIMES_WHEEL,
        sha256="261e3dc89977c2b60767ca6728aaa29d429de0c814635070a749c36555895da8",
        filename="Lifetimes-0.11.3-py3-none-any.whl",
        member=f"lifetimes/datasets/{_member}",
        page="https://www.brucehardie.com/datasets/",
    )

# Row counts of the official files, checked after every read of a download.
_ROWS = {"online_retail": 541_909, "online_retail_ii": 1_067_371, "bank_marketing": 45_211}


class DatasetUnavailableError(OSError):
    """A data set is neither cached nor downloadable (no network, or a bad checksum)."""


def data_home() -> Path:
    """The folder where downloads and parsed copies are cached.

    ``$CUSTSEG_DATA_HOME`` if set, else the user's cache folder (see
    :func:`custseg.files.cache_home`).
    """
    return cache_home()


def _download(name: str) -> Path:
    """Return the cached archive of ``name``, downloading and checking it if needed."""
    import pooch

    remote = _REMOTES[name]
    home = data_home()
    target = home / remote.filename
    known_hash = f"sha256:{remote.sha256}" if remote.sha256 else None
    try:
        return Path(
            pooch.retrieve(
                remote.url,
                known_hash=known_hash,
                fname=remote.filename,
                path=home,
                progressbar=False,
            )
        )
    except ValueError as error:  # pooch's checksum mismatch
        raise DatasetUnavailableError(
            f"下载的文件校验失败 (checksum mismatch): {target}。{error} "
            f"请删除该文件后重试，或从 {remote.page} 手动下载。"
        ) from error
    except Exception as error:  # no network, DNS failure, HTTP error
        raise DatasetUnavailableError(
            f"无法下载数据文件 (download failed) {remote.filename}: {error}。\n"
            f"  下载地址 (URL): {remote.url}\n"
            f"  说明页 (page): {remote.page}\n"
            f"  离线使用 (offline): 在有网络的电脑上下载该文件，放到 {target} "
            f"（或设置环境变量 CUSTSEG_DATA_HOME 指向存放它的文件夹），"
            f"或者用 path= 参数直接读取本地副本。"
        ) from error


def _member_bytes(name: str) -> bytes:
    """Download (or reuse) the archive of ``name`` and return the bytes of its data file."""
    remote = _REMOTES[name]
    archive = _download(name)
    with zipfile.ZipFile(archive) as outer:
        data = outer.read(remote.member)
    if remote.inner_member:
        with zipfile.ZipFile(io.BytesIO(data)) as inner:
            data = inner.read(remote.inner_member)
    expected = remote.inner_sha256
    if expected and hashlib.sha256(data).hexdigest() != expected:
        raise DatasetUnavailableError(
            f"{archive} 中的 {remote.inner_member} 校验失败 (checksum mismatch)，请删除后重新下载。"
        )
    return data


def _check_rows(frame: pd.DataFrame, name: str, source: object) -> pd.DataFrame:
    expected = _ROWS[name]
    if len(frame) != expected:
        raise DataError(
            f"{source} 有 {len(frame):,} 行，官方文件应有 {expected:,} 行 "
            f"(row count mismatch: got {len(frame):,}, expected {expected:,})。文件可能不完整。"
        )
    return frame


_RETAIL_COLUMNS = {
    "InvoiceNo": "invoice_id",
    "Invoice": "invoice_id",
    "StockCode": "stock_code",
    "Description": "description",
    "Quantity": "quantity",
    "InvoiceDate": "invoice_date",
    "UnitPrice": "unit_price",
    "Price": "unit_price",
    "CustomerID": "customer_id",
    "Customer ID": "customer_id",
    "Country": "country",
}


def load_online_retail(version: int = 1, path: str | os.PathLike | None = None) -> pd.DataFrame:
    """UCI Online Retail transactions in custseg's canonical schema, uncleaned.

    Parameters
    ----------
    version : {1, 2}, default 1
        1: Online Retail (UCI id 352), 541,909 lines, 2010-12-01 to 2011-12-09.
        2: Online Retail II (UCI id 502), both sheets of the workbook, 1,067,371 lines,
        2009-12-01 to 2011-12-09.
    path : path-like, optional
        A local copy (the official xlsx, or a csv / csv.gz / parquet with the original
        column names). Default: download the official file once and cache it.

    Returns
    -------
    pandas.DataFrame
        Columns ``customer_id`` (nullable integer), ``invoice_id``, ``invoice_date``,
        ``stock_code``, ``description``, ``quantity``, ``unit_price``, ``amount``,
        ``country``. Use :func:`custseg.transactions.clean_transactions` next.

    Notes
    -----
    Data by Daqing Chen, UCI Machine Learning Repository, CC BY 4.0:
    https://doi.org/10.24432/C5BW33 (version 1), https://doi.org/10.24432/C5CG6D (version 2).
    """
    if version not in (1, 2):
        raise ParameterError(f"version 只能是 1 或 2 (version must be 1 or 2)，收到 {version!r}")
    name = "online_retail" if version == 1 else "online_retail_ii"
    if path is None:
        remote = _REMOTES[name]
        archive = _download(name)
        workbook = archive.parent / f"{archive.stem}.xlsx"
        if not workbook.exists():
            with zipfile.ZipFile(archive) as zipped:
                workbook.write_bytes(zipped.read(remote.member))
        raw = read_table(workbook, sheet_name=0 if version == 1 else [0, 1])
        _check_rows(raw, name, workbook)
    else:
        text_columns = {"InvoiceNo": str, "Invoice": str, "StockCode": str}
        if str(path).lower().endswith((".xlsx", ".xls", ".xlsm", ".parquet")):
            raw = read_table(path, sheet_name=0 if version == 1 else [0, 1])
        else:
            raw = read_table(path, dtype=text_columns)
    unknown = [c for c in raw.columns if c not in _RETAIL_COLUMNS]
    if unknown:
        raise DataError(
            f"{path or name} 不像 Online Retail 文件：未知的列 (unexpected columns) "
            f"{', '.join(map(repr, unknown))}"
        )
    frame = to_canonical(raw.rename(columns=_RETAIL_COLUMNS), source=str(path or name))
    return declare_conventions(frame, **UCI_CONVENTIONS)


def _read_cdnow_lines(source) -> pd.DataFrame:
    return pd.read_csv(source, sep=r"\s+", header=None, dtype=str, engine="python")


def load_cdnow(kind: str = "master", path: str | os.PathLike | None = None) -> pd.DataFrame:
    """The CDNOW data of Fader & Hardie, the standard test bed of CLV models.

    Parameters
    ----------
    kind : {"master", "sample", "summary"}
        ``"master"``: the transaction log of the 23,570 customers who first bought in
        Q1 1997, purchases to June 1998 (69,659 lines). ``"sample"``: the 2,357-customer
        sample (1/10 of them) as transactions (6,919 lines). ``"summary"``: that sample
        summarized over its 39-week calibration period, in weeks.
    path : path-like, optional
        A local copy of the file (plain or gzipped). Default: the copy inside the
        ``Lifetimes`` 0.11.3 wheel on PyPI, downloaded once and checked by sha256.

    Returns
    -------
    pandas.DataFrame
        For "master" and "sample", the canonical transaction columns the data has:
        ``customer_id``, ``invoice_id`` (one invoice per line), ``invoice_date``,
        ``quantity`` (CDs) and ``amount`` (dollars); the sample also keeps
        ``master_customer_id``, and its ``customer_id`` is the sample id 1..2357.
        For "summary": ``customer_id``, ``frequency`` (repeat purchases),
        ``recency``, ``T`` (weeks) and ``monetary_value`` (mean repeat spend, 0 when
        there is none) when the file has it.
    """
    if kind not in ("master", "sample", "summary"):
        raise ParameterError(
            f"kind 只能是 'master'、'sample' 或 'summary' (unknown kind) ，收到 {kind!r}"
        )
    source = io.BytesIO(_member_bytes(f"cdnow_{kind}")) if path is None else Path(path)
    label = str(path or f"CDNOW {kind}")
    if kind == "summary":
        raw = pd.read_csv(source)
        raw = raw.rename(
            columns={
                "ID": "customer_id",
                "x": "frequency",
                "t_x": "recency",
                "zbar": "monetary_value",
            }
        )
        required = ["customer_id", "frequency", "recency", "T"]
        from custseg.errors import require_columns

        require_columns(raw, required, what=label)
        return raw
    raw = _read_cdnow_lines(source)
    if kind == "master":
        if not raw.empty and not raw.iloc[0, 0].isdigit():  # the header line
            raw = raw.iloc[1:]
        columns = ["customer_id", "invoice_date", "quantity", "amount"]
    else:
        columns = ["master_customer_id", "customer_id", "invoice_date", "quantity", "amount"]
    if raw.shape[1] != len(columns):
        raise DataError(
            f"{label} 应有 {len(columns)} 列 (expected {len(columns)} columns: "
            f"{', '.join(columns)})，实际 {raw.shape[1]} 列"
        )
    raw.columns = columns
    raw = raw.reset_index(drop=True)
    raw["customer_id"] = raw["customer_id"].astype("int64")
    raw["invoice_id"] = [f"{c}-{i}" for c, i in zip(raw["customer_id"], raw.index, strict=True)]
    raw["invoice_date"] = pd.to_datetime(raw["invoice_date"], format="%Y%m%d")
    if kind == "sample":
        raw["master_customer_id"] = raw["master_customer_id"].astype("int64")
    return to_canonical(raw, source=label)


def load_bank_marketing(path: str | os.PathLike | None = None) -> pd.DataFrame:
    """UCI Bank Marketing (bank-full): client demographics and a campaign's outcome.

    45,211 clients of a Portuguese bank contacted by telephone in 2008-2010; ``y`` says
    whether the client subscribed a term deposit. Missing values are the text
    ``"unknown"``; ``pdays == -1`` means not contacted before.

    Parameters
    ----------
    path : path-like, optional
        A local copy of ``bank-full.csv`` (``;``-separated, plain or gzipped).

    Returns
    -------
    pandas.DataFrame
        The 17 original columns.

    Notes
    -----
    S. Moro, P. Cortez and P. Rita (2014), A Data-Driven Approach to Predict the Success
    of Bank Telemarketing, Decision Support Systems 62:22-31. CC BY 4.0.
    """
    source = io.BytesIO(_member_bytes("bank_marketing")) if path is None else path
    frame = pd.read_csv(source, sep=";")
    return _check_rows(frame, "bank_marketing", path or "bank-full.csv")


_SAMPLES = {
    "online_retail": "online_retail_sample.csv.gz",
    "bank_marketing": "bank_marketing_sample.csv.gz",
    "distributors": "distributors.csv",
    "online_retail_ii": "online_retail_ii_sample.csv.gz",
}


def load_sample(name: str = "online_retail") -> pd.DataFrame:
    """A small offline sample bundled with the package: the course's default data.

    Parameters
    ----------
    name : {"online_retail", "bank_marketing", "distributors", "online_retail_ii"}
        ``"online_retail"`` (default): all the order lines of 150 customers drawn at
        random from Online Retail, plus 300 lines without a customer id so that
        cleaning has real work to do; canonical transactions, uncleaned.
        ``"bank_marketing"``: 3,000 clients drawn at random from Bank Marketing
        (bank-full), the 17 original columns.
        Both are built by ``datasets/build_sample.py`` in the project's repository.
        ``"online_retail_ii"``: the same recipe on Online Retail II (2009-12 to
        2010-12), customers the course has not shown: the final project's data.
        ``"distributors"``: a seeded **synthetic** table of 120 distributors (经销商)
        evaluated in two periods (no real one is public), built by
        ``datasets/build_distributors.py``; see ``datasets/distributors.md``.

    Returns
    -------
    pandas.DataFrame

    Notes
    -----
    Cut from UCI data sets under CC BY 4.0: Online Retail by Daqing Chen,
    https://doi.org/10.24432/C5BW33; Bank Marketing by S. Moro, P. Cortez and P. Rita,
    https://doi.org/10.24432/C5K306.

    Examples
    --------
    >>> sample = load_sample()
    >>> sample["invoice_date"].dt.year.unique().tolist()
    [2010, 2011]
    >>> int(sample["customer_id"].isna().sum()) > 0
    True
    >>> load_sample("bank_marketing").shape
    (3000, 17)
    >>> load_sample("distributors")["period"].unique().tolist()
    ['2024-H1', '2024-H2']
    """
    if name not in _SAMPLES:
        raise ParameterError(
            f"没有名为 {name!r} 的示例数据 (unknown sample)；可选: {', '.join(map(repr, _SAMPLES))}"
        )
    data = resources.files("custseg").joinpath("data", _SAMPLES[name])
    with resources.as_file(data) as path:
        if name == "bank_marketing":
            return pd.read_csv(path, sep=";")
        if name == "distributors":
            return pd.read_csv(path)
        raw = pd.read_csv(path, dtype={"InvoiceNo": str, "Invoice": str, "StockCode": str})
    frame = to_canonical(raw.rename(columns=_RETAIL_COLUMNS), source=_SAMPLES[name])
    return declare_conventions(frame, **UCI_CONVENTIONS)


_CN_FILES = {
    "customers": "cn_customers.csv.gz",
    "orders": "cn_orders.csv.gz",
    "promotion": "cn_promotion.csv.gz",
}


def _read_cn(name: str, dates: tuple[str, ...] = ()) -> pd.DataFrame:
    """Read one bundled table of the simulated 禾悦食品 data: ids as text, dates as datetime64."""
    data = resources.files("custseg").joinpath("data", _CN_FILES[name])
    with resources.as_file(data) as path:
        frame = pd.read_csv(path, dtype={"customer_id": str, "invoice_id": str})
    for column in dates:
        frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d")
    frame.attrs["source"] = "模拟数据 (simulated data)：禾悦食品"
    return frame


def load_cn_customers() -> pd.DataFrame:
    """The customers of 「禾悦食品」, a fictional Chinese snack and drink maker (模拟数据).

    **模拟数据 (simulated data)**: drawn by a seeded generator, not real people. 2,000
    customers, each with a hidden psychographic type that shaped their survey answers and
    their purchases (the type is not in the table; clustering the survey finds it).

    Returns
    -------
    pandas.DataFrame
        One row per customer: ``customer_id`` (text ``"C00001"`` ...), ``gender`` (男/女),
        ``age`` (int), ``province``, ``city``, ``city_tier`` (一线 / 新一线 / 二线 / 三线及以下),
        ``channel`` (main channel: 门店 / 电商 / 经销商), ``member`` (bool), ``signup_date``
        (datetime64, the day of the first order), and five survey answers, each an int
        1 (完全不同意) .. 5 (完全同意): ``price_sensitivity`` (价格敏感),
        ``health_focus`` (注重健康), ``brand_loyalty`` (品牌忠诚), ``novelty_seeking``
        (喜欢尝新), ``convenience`` (追求便利).

    Notes
    -----
    How the data is simulated: ``datasets/README.md`` and ``datasets/make_cn_business.py``
    in the project's repository.

    Examples
    --------
    >>> customers = load_cn_customers()
    >>> customers.shape
    (2000, 14)
    >>> customers.columns.tolist()[:9]
    ['customer_id', 'gender', 'age', 'province', 'city', 'city_tier', 'channel', 'member', 'signup_date']
    >>> sorted(customers["city_tier"].unique())
    ['一线', '三线及以下', '二线', '新一线']
    >>> int(customers["price_sensitivity"].min()), int(customers["price_sensitivity"].max())
    (1, 5)
    """
    return _read_cn("customers", dates=("signup_date",))


def load_cn_orders() -> pd.DataFrame:
    """The order lines of 「禾悦食品」 in 2023-2024, amounts in 元 (模拟数据).

    **模拟数据 (simulated data)**, already clean: every line has a customer, a date and a
    positive amount, so it goes straight into :func:`custseg.rfm.rfm_table`,
    :mod:`custseg.abc_analysis`, :func:`custseg.lifecycle.lifecycle_stages` and
    :func:`custseg.clv.summary_from_transactions`. Sales peak before 春节 and 中秋, at 618
    and 双十一; many customers bought only once.

    Returns
    -------
    pandas.DataFrame
        One row per order line: ``invoice_id`` (text, one id per order), ``customer_id``
        (text), ``invoice_date`` (datetime64, 2023-01-01 .. 2024-12-31), ``amount``
        (float 元, rounded to 0.01), ``channel`` (门店 / 电商 / 经销商, the order's own
        channel), ``category`` (休闲零食 / 饮料冲调 / 坚果礼盒 / 健康轻食), ``province`` and
        ``city_tier`` (the customer's).

    Examples
    --------
    >>> orders = load_cn_orders()
    >>> orders.columns.tolist()
    ['invoice_id', 'customer_id', 'invoice_date', 'amount', 'channel', 'category', 'province', 'city_tier']
    >>> len(orders), orders["customer_id"].nunique()
    (24336, 2000)
    >>> str(orders["invoice_date"].min().date()), str(orders["invoice_date"].max().date())
    ('2023-01-01', '2024-12-31')
    >>> from custseg.rfm import rfm_table
    >>> rfm_table(orders).shape
    (2000, 3)
    """
    return _read_cn("orders", dates=("invoice_date",))


def load_cn_promotion() -> pd.DataFrame:
    """A randomized coupon experiment of 「禾悦食品」 with a control group (模拟数据).

    **模拟数据 (simulated data)**. On 2025-01-01, the day after the last order of
    :func:`load_cn_orders`, all 2,000 customers were invited; exactly half, drawn at
    random, got a 20 元 coupon (满 99 减 20), the other half nothing. Because the groups were
    assigned at random, the difference in response between them is the coupon's causal
    effect. The true effect is positive but small and differs by segment.

    Returns
    -------
    pandas.DataFrame
        One row per invited customer: ``customer_id`` (text), ``group`` (``"实验组"``
        treatment / ``"对照组"`` control), ``coupon`` (元: 20 or 0), ``responded`` (bool: bought
        within the 30 days after the start), ``spend`` (元 paid in those 30 days, 0 without
        a purchase), ``segment`` (the customer's cn8 RFM segment from the orders before the
        start: :func:`custseg.rfm.segment_customers` on :func:`custseg.rfm.rfm_table`).

    Examples
    --------
    >>> promotion = load_cn_promotion()
    >>> promotion.columns.tolist()
    ['customer_id', 'group', 'coupon', 'responded', 'spend', 'segment']
    >>> promotion["group"].value_counts().to_dict()
    {'实验组': 1000, '对照组': 1000}
    >>> from custseg.promotion import evaluate_campaign
    >>> result = evaluate_campaign(promotion, group_col="group", treatment="实验组",
    ...     control="对照组", outcome_col="responded", positive=True, segment_col="segment")
    >>> len(result)
    9
    """
    return _read_cn("promotion")
