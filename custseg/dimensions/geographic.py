"""Geographic segments (地理): each customer's country and its region."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from custseg.errors import DataError, ParameterError, require_columns
from custseg.frames import canonical_columns, columns_as_given

# ----------------------------------------------------------------------------- geographic

COUNTRIES: dict[str, tuple[str, str]] = {
    "Australia": ("澳大利亚", "大洋洲"),
    "Austria": ("奥地利", "欧洲"),
    "Bahrain": ("巴林", "亚洲"),
    "Belgium": ("比利时", "欧洲"),
    "Bermuda": ("百慕大", "北美洲"),
    "Brazil": ("巴西", "南美洲"),
    "Canada": ("加拿大", "北美洲"),
    "Channel Islands": ("海峡群岛", "欧洲"),
    "China": ("中国", "亚洲"),
    "Cyprus": ("塞浦路斯", "欧洲"),
    "Czech Republic": ("捷克", "欧洲"),
    "Denmark": ("丹麦", "欧洲"),
    "EIRE": ("爱尔兰", "欧洲"),
    "European Community": ("欧洲（未细分）", "欧洲"),
    "Finland": ("芬兰", "欧洲"),
    "France": ("法国", "欧洲"),
    "Germany": ("德国", "欧洲"),
    "Greece": ("希腊", "欧洲"),
    "Hong Kong": ("中国香港", "亚洲"),
    "Iceland": ("冰岛", "欧洲"),
    "Israel": ("以色列", "亚洲"),
    "Italy": ("意大利", "欧洲"),
    "Japan": ("日本", "亚洲"),
    "Korea": ("韩国", "亚洲"),
    "Lebanon": ("黎巴嫩", "亚洲"),
    "Lithuania": ("立陶宛", "欧洲"),
    "Malta": ("马耳他", "欧洲"),
    "Netherlands": ("荷兰", "欧洲"),
    "Nigeria": ("尼日利亚", "非洲"),
    "Norway": ("挪威", "欧洲"),
    "Poland": ("波兰", "欧洲"),
    "Portugal": ("葡萄牙", "欧洲"),
    "RSA": ("南非", "非洲"),
    "Saudi Arabia": ("沙特阿拉伯", "亚洲"),
    "Singapore": ("新加坡", "亚洲"),
    "Spain": ("西班牙", "欧洲"),
    "Sweden": ("瑞典", "欧洲"),
    "Switzerland": ("瑞士", "欧洲"),
    "Thailand": ("泰国", "亚洲"),
    "USA": ("美国", "北美洲"),
    "United Arab Emirates": ("阿联酋", "亚洲"),
    "United Kingdom": ("英国", "欧洲"),
    "West Indies": ("西印度群岛", "北美洲"),
}
"""Country names of Online Retail (I and II) -> (Chinese name, continent in Chinese).

"Unspecified" and missing countries are read as 未知 (unknown).
"""

_UNKNOWN_COUNTRY = {"Unspecified", "unspecified", "Unknown", "unknown", ""}


def customer_countries(
    transactions: pd.DataFrame,
    *,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
) -> pd.Series:
    """Each customer's country: the one on most of the customer's order lines.

    Ties go to the country first in alphabetical order; customers without a country are
    left out.

    Parameters
    ----------
    transactions : pandas.DataFrame
        Order lines with the customer id and ``country``. Not modified.
    customer_col, date_col, amount_col : str
        Column names of the customer id, the purchase date and the amount (defaults: the
        canonical names); only the customer id is read, the other two are accepted so that
        one set of column keywords works for every function.

    Returns
    -------
    pandas.Series
        Indexed by ``customer_id``: the customer's country.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": [1, 1, 1, 2],
    ...                    "country": ["France", "EIRE", "France", "Japan"]})
    >>> customer_countries(tx).to_dict()
    {1: 'France', 2: 'Japan'}
    """
    what = "交易明细 (transactions)"
    columns = {"customer_col": customer_col, "date_col": date_col, "amount_col": amount_col}
    transactions = canonical_columns(transactions, **columns, needed=("customer",), what=what)
    with columns_as_given(**columns):
        require_columns(transactions, ["customer_id", "country"], what=what)
    lines = pd.DataFrame(
        {"customer_id": transactions["customer_id"], "country": transactions["country"]}
    ).dropna()
    counts = lines.groupby(["customer_id", "country"], observed=True).size().reset_index(name="n")
    counts = counts.sort_values(
        ["customer_id", "n", "country"], ascending=[True, False, True], kind="stable"
    )
    first = counts.drop_duplicates("customer_id").set_index("customer_id")["country"]
    return first.rename("country")


def country_regions(
    countries: pd.Series,
    *,
    level: str = "region",
    home: str = "United Kingdom",
    extra: Mapping[str, tuple[str, str]] | None = None,
) -> pd.Series:
    """Group country names into geographic segments, labeled in Chinese.

    Parameters
    ----------
    countries : pandas.Series
        English country names as in Online Retail (see :data:`COUNTRIES`).
    level : {"region", "continent", "country"}, default "region"
        ``"region"``: the home market, 欧洲其他 (the rest of Europe), 其他地区 and 未知;
        ``"continent"``: 欧洲 / 亚洲 / 北美洲 / 南美洲 / 大洋洲 / 非洲 / 未知;
        ``"country"``: the Chinese name of each country.
    home : str, default "United Kingdom"
        The home market (for ``level="region"``).
    extra : mapping, optional
        More countries, ``{"Hungary": ("匈牙利", "欧洲")}``.

    Returns
    -------
    pandas.Series
        Same index; for ``"region"`` an ordered categorical (home market first).

    Raises
    ------
    DataError
        For a country name not in :data:`COUNTRIES` nor ``extra``, naming it.

    Examples
    --------
    >>> import pandas as pd
    >>> names = pd.Series(["United Kingdom", "EIRE", "Japan", "Unspecified"])
    >>> country_regions(names).tolist()
    ['英国', '欧洲其他', '其他地区', '未知']
    >>> country_regions(names, level="continent").tolist()
    ['欧洲', '欧洲', '亚洲', '未知']
    >>> country_regions(names, level="country").tolist()
    ['英国', '爱尔兰', '日本', '未知']
    """
    if level not in ("region", "continent", "country"):
        raise ParameterError(
            f"level 须为 'region'、'continent' 或 'country'：收到 {level!r} (unknown level)"
        )
    table = {**COUNTRIES, **(extra or {})}
    if home not in table:
        raise ParameterError(f"本国市场 (home) {home!r} 不在国家表中 (unknown country)")
    names = pd.Series(countries).astype(object)
    known = names.isna() | names.isin(_UNKNOWN_COUNTRY) | names.isin(list(table))
    if not known.all():
        unknown = sorted(map(str, names[~known].unique()))
        raise DataError(
            f"不认识的国家名 (unknown country): {unknown[:5]}；请用 extra={{名称: (中文名, 洲)}} 补充"
        )
    missing = names.isna() | names.isin(_UNKNOWN_COUNTRY)
    if level == "country":
        return names.map(lambda n: table[n][0] if n in table else "未知").rename(names.name)
    continents = names.map(lambda n: table[n][1] if n in table else "未知")
    if level == "continent":
        return continents.rename(names.name)
    home_label = table[home][0]
    region = np.where(
        names == home,
        home_label,
        np.where(continents == "欧洲", "欧洲其他", np.where(missing, "未知", "其他地区")),
    )
    categories = [home_label, "欧洲其他", "其他地区", "未知"]
    return pd.Series(
        pd.Categorical(region, categories=categories, ordered=True),
        index=names.index,
        name=names.name,
    )
