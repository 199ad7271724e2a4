"""Segmentation by dimension (分类维度): demographic, geographic, psychographic, behavioural.

Plain helpers that turn raw attributes into segments, profile segments side by side and
compare them on a target, such as the answer to a campaign ("did the client subscribe?").

* 人口统计 (demographic): :func:`age_bands`, :func:`income_bands`, :func:`label_values`
  with :data:`BANK_LABELS` (Chinese names for Bank Marketing's jobs, marital status and
  education), :func:`combine_segments`;
* 地理 (geographic): :func:`customer_countries`, :func:`country_regions`
  (英国 / 欧洲其他 / 其他地区, or continents, or Chinese country names);
* 心理 (psychographic): lifestyle read from the spending mix, :func:`spending_mix` then
  :func:`dominant_segments` (rules) or :func:`cluster_mix` (k-means);
* 行为 (behavioural): :func:`purchase_styles` (忠诚型 / 冲动型 / 理性型 from transactions),
  and :func:`dominant_segments` on purchase counts per channel;
* comparing segments: :func:`profile_segments` (size, share, means and modes side by side),
  :func:`profile_index` (each mean against the average, 100 = average) and
  :func:`response_by` (response rate and lift).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from custseg.errors import DataError, require_columns

__all__ = [
    "AGE_EDGES",
    "BANK_LABELS",
    "COUNTRIES",
    "IFOOD_CHANNELS",
    "IFOOD_SPENDING",
    "INCOME_LABELS",
    "OVERALL",
    "PURCHASE_STYLES",
    "age_bands",
    "cluster_mix",
    "combine_segments",
    "country_regions",
    "customer_countries",
    "dominant_segments",
    "income_bands",
    "label_values",
    "profile_index",
    "profile_segments",
    "purchase_styles",
    "response_by",
    "spending_mix",
]

AGE_EDGES = (0, 25, 35, 45, 55, 65, 200)
"""Default age band edges: under 25, 25-34, 35-44, 45-54, 55-64, 65 and over."""


def age_bands(ages: pd.Series, edges: Sequence[float] = AGE_EDGES) -> pd.Series:
    """Cut ages into ordered bands labelled in Chinese ("25-34岁").

    Examples
    --------
    >>> import pandas as pd
    >>> age_bands(pd.Series([19, 25, 34, 70])).tolist()
    ['25岁以下', '25-34岁', '25-34岁', '65岁及以上']
    """
    edges = list(edges)
    if sorted(edges) != edges or len(set(edges)) != len(edges):
        raise DataError(f"年龄分段的边界必须严格递增 (edges must increase): {edges}")
    labels = []
    for low, high in zip(edges[:-1], edges[1:], strict=True):
        if low <= 0:
            labels.append(f"{high}岁以下")
        elif high >= 120:
            labels.append(f"{low}岁及以上")
        else:
            labels.append(f"{low}-{high - 1}岁")
    values = pd.to_numeric(ages, errors="coerce")
    if values.isna().any():
        row = values.index[values.isna()][0]
        raise DataError(f"年龄 (age) 不是数字：索引 (index) {row!r}，值 (value) {ages.loc[row]!r}")
    return pd.cut(values, edges, right=False, labels=labels)


def response_by(
    frame: pd.DataFrame, by: str, *, target: str = "y", positive: object = "yes"
) -> pd.DataFrame:
    """Compare segments on a yes / no target: size, share and response rate per segment.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per customer.
    by : str
        The column that defines the segments (e.g. ``"job"``).
    target : str, default "y"
        The outcome column.
    positive : default "yes"
        The value of ``target`` that counts as a response.

    Returns
    -------
    pandas.DataFrame
        Indexed by segment: ``customers``, ``share`` (of all customers),
        ``responses``, ``response_rate`` and ``lift`` (rate / overall rate), sorted by
        response rate, highest first.

    Examples
    --------
    >>> import pandas as pd
    >>> clients = pd.DataFrame({"job": ["学生", "学生", "工人", "工人"],
    ...                         "y": ["yes", "no", "no", "no"]})
    >>> response_by(clients, "job")
        customers  share  responses  response_rate  lift
    job
    学生          2    0.5          1            0.5   2.0
    工人          2    0.5          0            0.0   0.0
    """
    require_columns(frame, [by, target], what="客户数据 (customers)")
    hit = (frame[target] == positive).to_numpy()
    if not hit.any():
        values = sorted(map(str, frame[target].dropna().unique()))[:5]
        raise DataError(
            f"列 {target!r} 中没有值 {positive!r} (no positive outcome)；现有的值: {values}"
        )
    grouped = pd.DataFrame({by: frame[by].to_numpy(), "hit": hit}).groupby(by, observed=True)["hit"]
    table = pd.DataFrame({"customers": grouped.size(), "responses": grouped.sum()})
    table.insert(1, "share", table["customers"] / len(frame))
    table["response_rate"] = table["responses"] / table["customers"]
    table["lift"] = table["response_rate"] / np.mean(hit)
    return table.sort_values("response_rate", ascending=False, kind="stable")


def _plain(value: object) -> object:
    """A numpy scalar as the Python value it holds, so messages read 141, not np.int64(141)."""
    return value.item() if isinstance(value, np.generic) else value


OVERALL = "全部客户"
"""Label of the all-customers row that :func:`profile_segments` appends."""

# ----------------------------------------------------------------------------- demographic

INCOME_LABELS = ("低收入", "中低收入", "中高收入", "高收入")
"""Default income band labels: the four quartiles of the data."""

BANK_LABELS: dict[str, dict[str, str]] = {
    "job": {
        "admin.": "行政文员",
        "blue-collar": "蓝领工人",
        "entrepreneur": "企业主",
        "housemaid": "家政服务",
        "management": "管理人员",
        "retired": "退休",
        "self-employed": "自雇",
        "services": "服务业",
        "student": "学生",
        "technician": "技术人员",
        "unemployed": "失业",
        "unknown": "未知",
    },
    "marital": {"married": "已婚", "single": "单身", "divorced": "离异或丧偶", "unknown": "未知"},
    "education": {
        "primary": "小学",
        "secondary": "中学",
        "tertiary": "大学及以上",
        "unknown": "未知",
    },
    "y": {"yes": "认购", "no": "未认购"},
}
"""Chinese names for the values of Bank Marketing's categorical columns (for :func:`label_values`).

In this data set "divorced" also covers widowed clients.
"""


def income_bands(
    incomes: pd.Series,
    *,
    edges: Sequence[float] | None = None,
    labels: Sequence[str] = INCOME_LABELS,
) -> pd.Series:
    """Cut incomes into ordered bands: the data's quartiles by default, or given edges.

    Parameters
    ----------
    incomes : pandas.Series
        Numbers; missing values stay missing.
    edges : sequence of float, optional
        Band edges (left-closed, ``[low, high)``); by default the quantiles that split
        the incomes into ``len(labels)`` groups of (nearly) equal size.
    labels : sequence of str, default ("低收入", "中低收入", "中高收入", "高收入")
        One label per band.

    Returns
    -------
    pandas.Series
        Ordered categorical, same index.

    Examples
    --------
    >>> import pandas as pd
    >>> income_bands(pd.Series([1000, 2000, 3000, 4000, None])).tolist()
    ['低收入', '中低收入', '中高收入', '高收入', nan]
    >>> income_bands(pd.Series([3000, 12000]), edges=[0, 5000, 1e9], labels=["低", "高"]).tolist()
    ['低', '高']
    """
    values = pd.to_numeric(incomes, errors="coerce")
    wrong = values.isna() & pd.Series(incomes).notna()
    if wrong.any():
        row = values.index[wrong][0]
        raise DataError(
            f"收入 (income) 不是数字：索引 (index) {_plain(row)!r}，值 (value) {_plain(incomes.loc[row])!r}"
        )
    labels = list(labels)
    if edges is None:
        if values.nunique() < len(labels):
            raise DataError(
                f"收入只有 {values.nunique()} 个不同的值，分不出 {len(labels)} 档 (too few values)"
            )
        return pd.qcut(values, len(labels), labels=labels)
    edges = list(edges)
    if sorted(edges) != edges or len(set(edges)) != len(edges) or len(edges) != len(labels) + 1:
        raise DataError(
            f"收入分档边界 (edges) 须严格递增且比标签多一个：edges={edges}, labels={labels}"
        )
    return pd.cut(values, edges, right=False, labels=labels)


def label_values(frame: pd.DataFrame, labels: Mapping[str, Mapping[object, str]]) -> pd.DataFrame:
    """A copy of ``frame`` with the values of some columns replaced by Chinese labels.

    Values without a label are kept as they are.

    Examples
    --------
    >>> import pandas as pd
    >>> clients = pd.DataFrame({"job": ["student", "retired", "pilot"], "age": [20, 70, 40]})
    >>> label_values(clients, BANK_LABELS)["job"].tolist()
    ['学生', '退休', 'pilot']
    """
    result = frame.copy()
    for column, mapping in labels.items():
        if column in result.columns:
            result[column] = result[column].map(lambda value, m=mapping: m.get(value, value))
    return result


def combine_segments(frame: pd.DataFrame, columns: Sequence[str], *, sep: str = "·") -> pd.Series:
    """One segment label from several dimensions, e.g. ``"35-44岁·已婚·大学及以上"``.

    Missing values read ``"未知"``.

    Examples
    --------
    >>> import pandas as pd
    >>> clients = pd.DataFrame({"年龄段": ["25-34岁", "35-44岁"], "婚姻": ["单身", None]})
    >>> combine_segments(clients, ["年龄段", "婚姻"]).tolist()
    ['25-34岁·单身', '35-44岁·未知']
    """
    columns = list(columns)
    if not columns:
        raise DataError("至少需要一个维度列 (no column given)")
    require_columns(frame, columns, what="客户数据 (customers)")
    parts = [frame[c].astype(object).where(frame[c].notna(), "未知").astype(str) for c in columns]
    combined = parts[0]
    for part in parts[1:]:
        combined = combined + sep + part
    return combined.rename("segment")


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


def customer_countries(transactions: pd.DataFrame) -> pd.Series:
    """Each customer's country: the one on most of the customer's order lines.

    Ties go to the country first in alphabetical order; customers without a country are
    left out.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": [1, 1, 1, 2],
    ...                    "country": ["France", "EIRE", "France", "Japan"]})
    >>> customer_countries(tx).to_dict()
    {1: 'France', 2: 'Japan'}
    """
    require_columns(transactions, ["customer_id", "country"], what="交易明细 (transactions)")
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
    """Group country names into geographic segments, labelled in Chinese.

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
        raise DataError(f"level 须为 'region'、'continent' 或 'country'：收到 {level!r}")
    table = {**COUNTRIES, **(extra or {})}
    if home not in table:
        raise DataError(f"本国市场 (home) {home!r} 不在国家表中 (unknown country)")
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


# ----------------------------------------------------------------------------- psychographic

IFOOD_SPENDING = {
    "MntWines": "葡萄酒",
    "MntFruits": "水果",
    "MntMeatProducts": "肉类",
    "MntFishProducts": "鱼类",
    "MntSweetProducts": "甜食",
    "MntGoldProds": "黄金饰品",
}
"""Spending columns of the Customer Personality Analysis (iFood) file and their Chinese names."""

IFOOD_CHANNELS = {
    "NumWebPurchases": "网店",
    "NumCatalogPurchases": "目录邮购",
    "NumStorePurchases": "门店",
}
"""Purchase-count columns per channel of the same file and their Chinese names."""


def _row_shares(values: pd.DataFrame) -> pd.DataFrame:
    numbers = values.apply(pd.to_numeric, errors="coerce")
    bad = numbers.isna() & values.notna()
    if bad.any().any():
        column = bad.any().idxmax()
        row = bad.index[bad[column]][0]
        raise DataError(
            f"列 {column!r} 不是数字 (non-numeric)：索引 {_plain(row)!r}，值 {_plain(values.loc[row, column])!r}"
        )
    negative = numbers < 0
    if negative.any().any():
        column = negative.any().idxmax()
        row = negative.index[negative[column]][0]
        raise DataError(
            f"列 {column!r} 有负数 (negative)：索引 {_plain(row)!r}，值 {_plain(values.loc[row, column])!r}"
        )
    totals = numbers.sum(axis=1)
    return numbers.div(totals.where(totals > 0), axis=0)


def spending_mix(
    frame: pd.DataFrame,
    columns: Sequence[str] | Mapping[str, str],
) -> pd.DataFrame:
    """Each customer's share of spend per category (rows sum to 1): the spending mix.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per customer, one column of spend per category.
    columns : sequence of str, or mapping
        The spending columns; a mapping also renames them (e.g. :data:`IFOOD_SPENDING`).

    Returns
    -------
    pandas.DataFrame
        Same index; customers who spent nothing get NaN shares.

    Examples
    --------
    >>> import pandas as pd
    >>> spend = pd.DataFrame({"MntWines": [80, 0], "MntFruits": [20, 0]})
    >>> spending_mix(spend, {"MntWines": "葡萄酒", "MntFruits": "水果"})
       葡萄酒   水果
    0  0.8  0.2
    1  NaN  NaN
    """
    names = dict(columns) if isinstance(columns, Mapping) else {c: c for c in columns}
    if not names:
        raise DataError("至少需要一个消费列 (no spending column given)")
    require_columns(frame, list(names), what="客户数据 (customers)")
    return _row_shares(frame[list(names)]).rename(columns=names)


def dominant_segments(
    values: pd.DataFrame,
    *,
    dominance: float = 0.5,
    suffix: str = "偏好型",
    mixed: str = "均衡型",
) -> pd.Series:
    """Rule-based segments from a mix: the category holding at least ``dominance`` of a row.

    Works for spend per category (lifestyle: 葡萄酒偏好型 / 均衡型) and for purchases per
    channel (``suffix="为主", mixed="多渠道"``: 门店为主 / 多渠道). Rows are turned into
    shares first, so amounts or counts can be passed as they are.

    Parameters
    ----------
    values : pandas.DataFrame
        One row per customer, one non-negative column per category.
    dominance : float, default 0.5
        The share the largest category must reach, in (0, 1].
    suffix : str, default "偏好型"
        Added to the category name.
    mixed : str, default "均衡型"
        The label when no category reaches ``dominance``.

    Returns
    -------
    pandas.Series
        Named ``segment``; rows with nothing at all read ``"无记录"``.

    Examples
    --------
    >>> import pandas as pd
    >>> spend = pd.DataFrame({"葡萄酒": [80, 30, 0], "肉类": [20, 40, 0], "水果": [0, 30, 0]})
    >>> dominant_segments(spend).tolist()
    ['葡萄酒偏好型', '均衡型', '无记录']
    """
    if not 0 < dominance <= 1:
        raise DataError(f"dominance 须在 (0, 1] 之间：收到 {dominance!r}")
    if values.shape[1] == 0:
        raise DataError("至少需要一个类别列 (no column given)")
    shares = _row_shares(values)
    empty = shares.isna().all(axis=1)
    top = shares.fillna(-1).to_numpy().argmax(axis=1)
    largest = shares.fillna(-1).to_numpy().max(axis=1)
    names = np.array([f"{column}{suffix}" for column in shares.columns], dtype=object)
    # shares passed in again sum to 1 only up to rounding: 0.5 must still reach 0.5
    labels = np.where(largest >= dominance - 1e-9, names[top], mixed)
    labels = np.where(empty.to_numpy(), "无记录", labels)
    return pd.Series(labels, index=values.index, name="segment")


def cluster_mix(
    mix: pd.DataFrame, n_clusters: int = 4, *, standout: float = 1.2, random_state: int = 0
) -> pd.Series:
    """Lifestyle segments by k-means on the spending mix, named by their stand-out categories.

    Rows are turned into shares (as in :func:`spending_mix`) and clustered with
    :class:`sklearn.cluster.KMeans` (``n_init=10``). For each cluster, the index of a
    category is its mean share in the cluster divided by its mean share over all
    customers. The cluster is named after the (at most two) categories with an index of
    at least ``standout``, highest first (``"鱼类、水果偏好型"``), or ``"均衡型"`` when no
    category stands out; a name used twice gets a number.

    Parameters
    ----------
    mix : pandas.DataFrame
        One row per customer, spend per category (amounts or shares).
    n_clusters : int, default 4
    standout : float, default 1.2
        The index (1 = average) a category needs to name a cluster.
    random_state : int, default 0

    Returns
    -------
    pandas.Series
        Ordered categorical named ``segment``, largest cluster first; NaN for customers
        with no spend.

    Examples
    --------
    >>> import pandas as pd
    >>> spend = pd.DataFrame({"葡萄酒": [90, 80, 85, 10, 5], "肉类": [10, 20, 15, 90, 95]})
    >>> cluster_mix(spend, 2).tolist()
    ['葡萄酒偏好型', '葡萄酒偏好型', '葡萄酒偏好型', '肉类偏好型', '肉类偏好型']
    """
    from sklearn.cluster import KMeans
    from threadpoolctl import threadpool_limits

    if not standout > 0:
        raise DataError(f"standout 须为正数：收到 {standout!r}")
    shares = _row_shares(mix)
    usable = shares.dropna()
    if not isinstance(n_clusters, int | np.integer) or not 2 <= n_clusters <= len(usable):
        raise DataError(
            f"n_clusters 须为 2 到 {len(usable)}（有消费的客户数）之间的整数：收到 {n_clusters!r}"
        )
    model = KMeans(n_clusters=int(n_clusters), n_init=10, random_state=random_state)
    # one thread: on a few thousand rows, starting OpenMP threads costs more than it saves
    with threadpool_limits(limits=1, user_api="openmp"):
        raw = pd.Series(model.fit_predict(usable.to_numpy()), index=usable.index)
    sizes = raw.value_counts(sort=False)
    order = sorted(sizes.index, key=lambda c: (-sizes[c], c))
    index = usable.groupby(raw).mean().div(usable.mean())
    names: dict[int, str] = {}
    used: dict[str, int] = {}
    for cluster in order:
        stand_out = index.loc[cluster]
        stand_out = stand_out[stand_out >= standout].sort_values(ascending=False, kind="stable")
        base = "、".join(stand_out.index[:2].astype(str)) + "偏好型" if len(stand_out) else "均衡型"
        used[base] = used.get(base, 0) + 1
        names[cluster] = base if used[base] == 1 else f"{base}{used[base]}"
    labels = raw.map(names).reindex(shares.index)
    categories = [names[c] for c in order]
    return pd.Series(
        pd.Categorical(labels, categories=categories, ordered=True),
        index=shares.index,
        name="segment",
    )


# ----------------------------------------------------------------------------- behavioural

PURCHASE_STYLES = {
    "忠诚型": "多次复购、购买跨度长；建议：会员积分、专属服务、提前告知新品",
    "冲动型": "集中在促销季购买，或一次大单占了大部分消费；建议：限时优惠、搭配推荐、节日活动",
    "理性型": "按需购买、单笔金额适中、不依赖促销；建议：清楚的价格与规格、比较信息、口碑评价",
}
"""The three purchase styles of :func:`purchase_styles`, what marks them and how to serve them."""


def purchase_styles(
    transactions: pd.DataFrame,
    *,
    loyal_min_orders: int = 5,
    loyal_min_days: int = 180,
    promo_months: Sequence[int] = (11, 12),
    impulsive_promo_share: float = 0.6,
    big_order_ratio: float = 3.0,
    impulsive_concentration: float = 0.5,
) -> pd.DataFrame:
    """Behavioural purchase styles from transactions: 忠诚型 / 冲动型 / 理性型.

    Per customer: ``orders`` (distinct invoices; without ``invoice_id``, distinct
    purchase dates), ``span_days`` (calendar days from the first to the last purchase),
    ``total`` spend, ``largest_order`` (value of the biggest order),
    ``concentration`` (largest order / total), ``largest_vs_median`` (largest order /
    the median order value of all customers) and ``promo_share`` (share of spend made in
    the months ``promo_months``, by default November and December: 双十一, 双十二 and the
    Christmas season). The rules, applied in this order:

    1. 忠诚型 (loyal): ``orders >= loyal_min_orders`` and ``span_days >= loyal_min_days``;
    2. 冲动型 (impulsive): ``promo_share >= impulsive_promo_share``, or a big single
       basket: ``largest_vs_median >= big_order_ratio`` and
       ``concentration >= impulsive_concentration``;
    3. 理性型 (rational): everyone else.

    Parameters
    ----------
    transactions : pandas.DataFrame
        Canonical transactions (``customer_id``, ``invoice_date``, ``amount``, and
        ``invoice_id`` if there is one), cleaned: every amount positive.
    loyal_min_orders, loyal_min_days, promo_months, impulsive_promo_share, big_order_ratio,
    impulsive_concentration
        The thresholds of the rules above.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``customer_id``: the measures above and ``style``.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({
    ...     "customer_id": ["甲"] * 5 + ["乙", "丙", "丙"],
    ...     "invoice_date": pd.to_datetime(["2011-01-05", "2011-03-01", "2011-05-02",
    ...         "2011-07-04", "2011-09-01", "2011-11-11", "2011-02-01", "2011-06-01"]),
    ...     "amount": [50.0, 60, 40, 55, 45, 300, 50, 60]})
    >>> purchase_styles(tx)[["orders", "span_days", "promo_share", "style"]]
                 orders  span_days  promo_share style
    customer_id
    丙                 2        120          0.0   理性型
    乙                 1          0          1.0   冲动型
    甲                 5        239          0.0   忠诚型
    """
    require_columns(
        transactions, ["customer_id", "invoice_date", "amount"], what="交易明细 (transactions)"
    )
    months = sorted({int(m) for m in promo_months})
    if any(not 1 <= m <= 12 for m in months):
        raise DataError(f"promo_months 须为 1 到 12 的月份：收到 {list(promo_months)!r}")
    for name, value in [
        ("impulsive_promo_share", impulsive_promo_share),
        ("impulsive_concentration", impulsive_concentration),
    ]:
        if not 0 < value <= 1:
            raise DataError(f"{name} 须在 (0, 1] 之间：收到 {value!r}")
    if loyal_min_orders < 1 or loyal_min_days < 0 or big_order_ratio <= 0:
        raise DataError(
            "阈值无效 (invalid threshold): "
            f"loyal_min_orders={loyal_min_orders!r}, loyal_min_days={loyal_min_days!r}, "
            f"big_order_ratio={big_order_ratio!r}"
        )
    amount = pd.to_numeric(transactions["amount"], errors="coerce")
    bad = ~(amount > 0)
    if bad.any():
        row = amount.index[bad.to_numpy()][0]
        raise DataError(
            f"金额 (amount) 须为正数，请先用 clean_transactions 清洗：索引 {_plain(row)!r}，"
            f"值 {_plain(transactions.loc[row, 'amount'])!r}"
        )
    dates = pd.to_datetime(transactions["invoice_date"])
    has_invoice = "invoice_id" in transactions.columns
    lines = pd.DataFrame(
        {
            "customer_id": transactions["customer_id"].to_numpy(),
            "order": (
                transactions["invoice_id"] if has_invoice else dates.dt.normalize()
            ).to_numpy(),
            "date": dates.to_numpy(),
            "amount": amount.to_numpy(),
            "promo": dates.dt.month.isin(months).to_numpy(),
        }
    )
    if lines["customer_id"].isna().any():
        row = transactions.index[lines["customer_id"].isna().to_numpy()][0]
        raise DataError(f"缺少客户编号 (missing customer_id)：索引 {_plain(row)!r}")
    lines["promo_amount"] = lines["amount"].where(lines["promo"], 0.0)
    orders = lines.groupby(["customer_id", "order"], sort=False).agg(
        value=("amount", "sum"), date=("date", "min")
    )
    by_customer = lines.groupby("customer_id")
    table = pd.DataFrame(
        {
            "orders": orders.groupby(level="customer_id").size(),
            "span_days": (
                by_customer["date"].max().dt.normalize() - by_customer["date"].min().dt.normalize()
            ).dt.days,
            "total": by_customer["amount"].sum(),
            "largest_order": orders["value"].groupby(level="customer_id").max(),
        }
    )
    table["concentration"] = table["largest_order"] / table["total"]
    table["largest_vs_median"] = table["largest_order"] / orders["value"].median()
    table["promo_share"] = by_customer["promo_amount"].sum() / table["total"]
    loyal = (table["orders"] >= loyal_min_orders) & (table["span_days"] >= loyal_min_days)
    impulsive = (table["promo_share"] >= impulsive_promo_share) | (
        (table["largest_vs_median"] >= big_order_ratio)
        & (table["concentration"] >= impulsive_concentration)
    )
    table["style"] = np.where(loyal, "忠诚型", np.where(impulsive, "冲动型", "理性型"))
    return table


# ----------------------------------------------------------------------------- profiles


def profile_segments(
    frame: pd.DataFrame,
    by: str,
    columns: Sequence[str] | None = None,
    *,
    overall: bool = True,
) -> pd.DataFrame:
    """Profile segments side by side: size, share, and the mean or the mode of each column.

    Numeric and true / false columns get their mean (for true / false: the share that is
    true); other columns get their most frequent value (ties: the first in sorted order).
    Missing values are left out of means and modes.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per customer.
    by : str
        The column holding the segment.
    columns : sequence of str, optional
        The columns to profile; by default all other columns.
    overall : bool, default True
        Add a last row, :data:`OVERALL` (全部客户), for comparison.

    Returns
    -------
    pandas.DataFrame
        Indexed by segment (in category order for a categorical column, otherwise
        largest first): ``customers``, ``share``, then one column per profiled column.

    Examples
    --------
    >>> import pandas as pd
    >>> clients = pd.DataFrame({"群": ["甲", "甲", "乙"], "年龄": [30, 40, 50],
    ...                         "职业": ["教师", "教师", "医生"], "认购": [True, False, True]})
    >>> profile_segments(clients, "群")
          customers     share    年龄  职业        认购
    群
    甲             2  0.666667  35.0  教师  0.500000
    乙             1  0.333333  50.0  医生  1.000000
    全部客户         3  1.000000  40.0  教师  0.666667
    """
    require_columns(frame, [by], what="客户数据 (customers)")
    if columns is None:
        columns = [c for c in frame.columns if c != by]
    columns = list(columns)
    require_columns(frame, columns, what="客户数据 (customers)")
    if by in columns:
        raise DataError(f"分群列 {by!r} 不能同时作为画像列 (profiled column)")
    if frame[by].notna().sum() == 0:
        raise DataError(f"分群列 {by!r} 全是空值 (no segment)")
    segments = frame[by]
    groups = frame.groupby(
        segments, observed=True, sort=isinstance(segments.dtype, pd.CategoricalDtype)
    )
    table = pd.DataFrame({"customers": groups.size()})
    if not isinstance(segments.dtype, pd.CategoricalDtype):
        table = table.sort_values("customers", ascending=False, kind="stable")
    total = int(segments.notna().sum())
    table["share"] = table["customers"] / total

    def mode(values: pd.Series) -> object:
        modes = values.dropna().mode()
        return modes.iloc[0] if len(modes) else np.nan

    summaries = {}
    for column in columns:
        values = frame[column]
        if pd.api.types.is_bool_dtype(values) or pd.api.types.is_numeric_dtype(values):
            numbers = values.astype("float64")
            summaries[column] = (
                numbers.groupby(segments, observed=True).mean(),
                numbers[segments.notna()].mean(),
            )
        else:
            summaries[column] = (
                values.groupby(segments, observed=True).agg(mode),
                mode(values[segments.notna()]),
            )
    for column, (per_segment, _) in summaries.items():
        table[column] = per_segment.reindex(table.index)
    if overall:
        row = {"customers": total, "share": 1.0}
        row.update({column: whole for column, (_, whole) in summaries.items()})
        extra = pd.DataFrame([row], index=pd.Index([OVERALL], name=by))
        table.index = table.index.astype(object)
        table = pd.concat([table, extra.astype(table.dtypes.to_dict())])
    table.index.name = by
    return table


def profile_index(profile: pd.DataFrame, columns: Sequence[str] | None = None) -> pd.DataFrame:
    """Each segment's mean divided by the all-customers mean, times 100 (100 = average).

    Parameters
    ----------
    profile : pandas.DataFrame
        From :func:`profile_segments` with ``overall=True``.
    columns : sequence of str, optional
        Numeric columns; by default all numeric columns but ``customers`` and ``share``.

    Returns
    -------
    pandas.DataFrame
        One row per segment (the overall row dropped), one column per profiled column.

    Examples
    --------
    >>> import pandas as pd
    >>> clients = pd.DataFrame({"群": ["甲", "甲", "乙"], "年龄": [30, 30, 60]})
    >>> profile_index(profile_segments(clients, "群"))
          年龄
    群
    甲   75.0
    乙  150.0
    """
    if OVERALL not in profile.index:
        raise DataError(
            f"画像表缺少 {OVERALL!r} 行 (overall row)：请用 profile_segments(..., overall=True)"
        )
    if columns is None:
        columns = [
            c
            for c in profile.columns
            if c not in ("customers", "share") and pd.api.types.is_numeric_dtype(profile[c])
        ]
    columns = list(columns)
    require_columns(profile, columns, what="画像表 (profile)")
    if not columns:
        raise DataError("画像表中没有数值列 (no numeric column) 可画")
    values = profile[columns].astype("float64")
    base = values.loc[OVERALL]
    zero = base.index[(base == 0) | base.isna()].tolist()
    if zero:
        raise DataError(f"全部客户的均值为 0 或空，无法计算指数 (index)：{zero}")
    return values.drop(index=OVERALL) / base * 100
