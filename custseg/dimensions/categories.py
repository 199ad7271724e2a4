"""Product categories from product descriptions, and each customer's spend per category.

A gift-shop catalogue such as Online Retail has no category column; keywords of the
description give one (:data:`PRODUCT_KEYWORDS`), and :func:`category_spend` gives the
spending mix that :func:`custseg.dimensions.spending_mix` turns into lifestyle segments
(the P&G case of the course: segment by what people buy, then a product line per segment).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import numpy as np
import pandas as pd

from custseg.errors import DataError, ParameterError, require_columns
from custseg.frames import canonical_columns

__all__ = ["OTHER_CATEGORY", "PRODUCT_KEYWORDS", "category_spend", "product_categories"]

PRODUCT_KEYWORDS: dict[str, tuple[str, ...]] = {
    "节日派对": (
        "CHRISTMAS", "XMAS", "PARTY", "BUNTING", "EASTER", "BIRTHDAY", "CARD", "WRAP", "GIFT",
        "BALLOON", "PAPER CHAIN", "ADVENT", "SNOWFLAKE", "REINDEER", "SANTA", "TREE",
    ),
    "个人用品": (
        "LIP GLOSS", "HOT WATER BOTTLE", "PLASTERS", "UMBRELLA", "PARASOL", "FAN", "NECKLACE",
        "BRACELET", "EARRINGS", "HAIR", "SEWING", "MIRROR", "PURSE", "WALLET", "SCARF",
    ),
    "儿童玩具文具": (
        "TOY", "GAME", "DOLL", "PENCIL", "NOTEBOOK", "CHALK", "CRAYON", "SNAP CARDS", "KNITTING",
        "CHILD", "SPACEBOY", "STICKER", "JIGSAW", "PAINT", "RUBBER", "CIRCUS", "TEDDY",
        "PLAYHOUSE", "SKIPPING", "SPINNING TOP", "CLAY", "SKITTLES", "RULER", "BUILDING BLOCK",
        "BINGO", "FELTCRAFT", "COLOURING", "STATIONERY", "SNAKES", "ROUNDERS",
    ),
    "厨房餐具": (
        "CAKE", "TEA", "MUG", "CUP", "PLATE", "BOWL", "JAM", "BAKING", "KITCHEN", "SPOON",
        "NAPKIN", "PANTRY", "CUTLERY", "JUG", "BOTTLE", "LUNCH BOX", "TRAY", "APRON", "COFFEE",
        "GLASS", "BEAKER", "STRAW", "EGG", "OVEN", "RECIPE", "TIN", "BREAD", "COOKIE", "CUTTER",
    ),
    "包袋收纳": (
        "BAG", "BOX", "STORAGE", "BASKET", "CASE", "SHOPPER", "HOLDER", "DRAWER", "CABINET",
        "JAR", "TOTE",
    ),
    "家居园艺": (
        "HEART", "T-LIGHT", "CANDLE", "FRAME", "LANTERN", "CLOCK", "SIGN", "DOORMAT", "CUSHION",
        "WICKER", "ORNAMENT", "HOOK", "VASE", "LIGHT", "DECORATION", "GARLAND", "WREATH",
        "CHALKBOARD", "PLAQUE", "BIRD", "HANGING", "LAMP", "FLOWER", "DOOR", "PEGS", "RIBBON",
        "COAT RACK", "HERB MARKER", "GARDEN", "BLACK BOARD",
    ),
}  # fmt: skip
"""Product categories of a gift-shop catalogue (Online Retail) and the keywords that mark them.

A description gets the first category, in this order, one of whose keywords it contains
(upper case, plain substring): "CHRISTMAS CAKE TIN" is 节日派对, "JUMBO BAG" 包袋收纳."""

_WHAT = "交易明细 (transactions)"

OTHER_CATEGORY = "其他"
"""The category of descriptions that match no keyword (and of missing descriptions)."""


def product_categories(
    descriptions: pd.Series, keywords: Mapping[str, tuple[str, ...]] | None = None
) -> pd.Series:
    """The category of each product description, by keywords (first category that matches).

    Parameters
    ----------
    descriptions : pandas.Series
        Product descriptions; matching ignores case.
    keywords : mapping of str to tuple of str, optional
        Category -> keywords, tried in order; default :data:`PRODUCT_KEYWORDS`.

    Returns
    -------
    pandas.Series
        Same index, named ``category``; :data:`OTHER_CATEGORY` when nothing matches.

    Examples
    --------
    >>> import pandas as pd
    >>> product_categories(pd.Series(["Jumbo Bag Red", "CHRISTMAS CAKE TIN", "CLOCK", None])).tolist()
    ['包袋收纳', '节日派对', '家居园艺', '其他']
    """
    keywords = PRODUCT_KEYWORDS if keywords is None else keywords
    if not keywords:
        raise ParameterError("至少需要一个品类 (no category given)")
    series = pd.Series(descriptions)
    text = series.astype("string").fillna("").str.upper()
    distinct = pd.Index(text.unique())  # a catalogue repeats its descriptions: match each once
    found = np.zeros(len(distinct), dtype=bool)
    labels = np.full(len(distinct), OTHER_CATEGORY, dtype=object)
    for name, words in keywords.items():
        if not words:
            raise ParameterError(f"品类 {name!r} 没有关键词 (no keyword)")
        pattern = "|".join(re.escape(str(word).upper()) for word in words)
        hit = distinct.str.contains(pattern, regex=True).to_numpy(dtype=bool) & ~found
        labels[hit] = name
        found |= hit
    codes = distinct.get_indexer(text)
    return pd.Series(labels[codes], index=series.index, name="category")


def category_spend(
    transactions: pd.DataFrame,
    keywords: Mapping[str, tuple[str, ...]] | None = None,
    *,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
) -> pd.DataFrame:
    """Each customer's spend per product category: one row per customer, one column per category.

    Parameters
    ----------
    transactions : pandas.DataFrame
        Cleaned transactions with ``customer_id``, ``description`` and ``amount``; drop
        postage and fees first (e.g. ``custseg.recommend.ONLINE_RETAIL_NON_PRODUCTS``).
    keywords : mapping, optional
        As in :func:`product_categories`.
    customer_col, date_col, amount_col : str
        Column names of the customer id and the amount (defaults: the canonical names);
        ``date_col`` is not read (it is accepted so that one set of column keywords
        serves every function).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``customer_id``; columns in the order of the keywords, then
        :data:`OTHER_CATEGORY`; 0 where a customer bought nothing of a category.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"customer_id": [1, 1, 2], "amount": [10.0, 30.0, 5.0],
    ...                    "description": ["TEA CUP", "JUMBO BAG", "TEA CUP"]})
    >>> category_spend(tx)[["厨房餐具", "包袋收纳"]]
                 厨房餐具  包袋收纳
    customer_id
    1            10.0  30.0
    2             5.0   0.0
    >>> category_spend(tx.rename(columns={"customer_id": "会员号", "amount": "实付金额"}),
    ...                customer_col="会员号", amount_col="实付金额").equals(category_spend(tx))
    True
    """
    transactions = canonical_columns(
        transactions,
        customer_col=customer_col,
        date_col=date_col,
        amount_col=amount_col,
        needed=("customer", "amount"),
        what=_WHAT,
    )
    require_columns(transactions, ["description"], what=_WHAT)
    keywords = PRODUCT_KEYWORDS if keywords is None else keywords
    amount = pd.to_numeric(transactions["amount"], errors="coerce")
    if amount.isna().any():
        row = amount.index[amount.isna().to_numpy()][0]
        raise DataError(
            f"{_WHAT} 的列 {amount_col!r} 缺失或不是数字 (missing or not a number)："
            f"索引 (row) {row!r}，值 (value) {transactions.loc[row, 'amount']!r}"
        )
    lines = pd.DataFrame(
        {
            "customer_id": transactions["customer_id"].to_numpy(),
            "category": product_categories(transactions["description"], keywords).to_numpy(),
            "amount": amount.to_numpy(dtype=float),
        }
    )
    table = lines.pivot_table(
        index="customer_id", columns="category", values="amount", aggfunc="sum", fill_value=0.0
    )
    table = table.reindex(columns=[*keywords, OTHER_CATEGORY], fill_value=0.0)
    table.columns.name = None
    return table
