"""Personalised recommendations (个性化推荐): "customers who bought this also bought".

Amazon recommends from what each customer browsed, bought and rated. Its best-known method
is item-to-item collaborative filtering: two products are similar when the same baskets
contain both, and a customer is shown the products most similar to what is already in the
basket or the purchase history (Linden, Smith & York 2003, "Amazon.com recommendations:
item-to-item collaborative filtering", IEEE Internet Computing 7(1)). Platforms report that
such recommendations raise conversion; whether they do for a given shop is measured on
held-out data, which :func:`evaluate_hit_rate` does against a most-popular baseline.

Transactions are order lines in the canonical schema (:mod:`custseg.transactions`): a basket
is an ``invoice_id``; without that column, each distinct (``customer_id``, ``invoice_date``)
is one basket. Quantities are ignored: an item is in a basket or not.

Under the 个人信息保护法 (art. 24), personalised recommendations must come with an option
not based on personal characteristics, or an easy way to refuse them; the most-popular list
(:class:`MostPopular`) is such an option.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from numbers import Integral

import numpy as np
import pandas as pd
from scipy import sparse
from sklearn.base import BaseEstimator, clone
from sklearn.utils._param_validation import Interval, StrOptions

from custseg.deprecation import renamed_keywords
from custseg.errors import DataError, ParameterError, require_columns
from custseg.estimator_contract import check_fitted, validate_parameters

__all__ = [
    "HIT_RATE_MODELS",
    "ONLINE_RETAIL_NON_PRODUCTS",
    "ItemToItemRecommender",
    "MostPopular",
    "also_bought_table",
    "basket_item_matrix",
    "compare_hit_rates",
    "evaluate_hit_rate",
    "fit_recommender",
    "hit_rate_table",
    "product_rows",
]

ONLINE_RETAIL_NON_PRODUCTS = ("POST", "DOT", "M", "C2", "BANK CHARGES", "PADS", "AMAZONFEE", "CRUK")
"""Online Retail stock codes that are postage, fees or manual entries, not products."""

_CELLS = 2_000_000  # query rows x items scored at once: 16 MB of float64


def _baskets(
    transactions: pd.DataFrame,
    invoice_col: str,
    item_col: str,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
) -> pd.DataFrame:
    """Distinct (basket, item) pairs; baskets from customer and date when there is no invoice."""
    if not isinstance(transactions, pd.DataFrame):
        raise DataError(
            f"需要交易明细表 pandas.DataFrame，收到 {type(transactions).__name__} "
            "(transactions must be a pandas DataFrame)"
        )
    if invoice_col in transactions.columns:
        require_columns(transactions, [item_col], what="交易明细 (transactions)")
        pairs = pd.DataFrame(
            {"basket": transactions[invoice_col].to_numpy(), "item": transactions[item_col]}
        )
    else:
        require_columns(
            transactions,
            [item_col, customer_col, date_col],
            what=f"交易明细 (transactions, 没有 {invoice_col!r} 时按客户和日期分单)",
        )
        customers = transactions[customer_col].astype(str)
        dates = transactions[date_col].astype(str)
        pairs = pd.DataFrame({"basket": (customers + "|" + dates).to_numpy()})
        pairs["item"] = transactions[item_col].to_numpy()
    pairs = pairs.dropna().drop_duplicates()
    if pairs.empty:
        raise DataError(f"交易明细中没有可用的 {invoice_col!r} / {item_col!r} (no baskets)")
    return pairs


@renamed_keywords(basket_col="invoice_col")
def basket_item_matrix(
    transactions: pd.DataFrame,
    *,
    invoice_col: str = "invoice_id",
    item_col: str = "stock_code",
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
) -> tuple[sparse.csr_matrix, pd.Index, pd.Index]:
    """The 0 / 1 basket-by-item matrix of a transactions table, as a sparse matrix.

    Parameters
    ----------
    transactions : pandas.DataFrame
        Order lines. A basket is an invoice; without the invoice column, each distinct
        (customer, date) is one basket.
    invoice_col, item_col : str
        Column names of the invoice number and the item code.
    customer_col, date_col, amount_col : str
        Column names of the customer id and the purchase date (read only without the
        invoice column), as in :func:`custseg.rfm.rfm_table`. ``amount_col`` is not read
        (quantities and amounts are ignored); it is accepted so that one set of column
        keywords serves every function.

    Returns
    -------
    matrix : scipy.sparse.csr_matrix
        ``matrix[b, i] = 1`` when basket ``b`` contains item ``i``.
    baskets, items : pandas.Index
        Row and column labels, sorted.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"invoice_id": ["A", "A", "A", "B"],
    ...                    "stock_code": ["茶杯", "茶壶", "茶杯", "茶杯"]})
    >>> matrix, baskets, items = basket_item_matrix(tx)
    >>> matrix.toarray().tolist(), baskets.tolist(), items.tolist()
    ([[1, 1], [0, 1]], ['A', 'B'], ['茶壶', '茶杯'])
    """
    pairs = _baskets(transactions, invoice_col, item_col, customer_col, date_col)
    rows, baskets = pd.factorize(pairs["basket"], sort=True)
    cols, items = pd.factorize(pairs["item"], sort=True)
    data = np.ones(len(pairs), dtype=np.int64)
    matrix = sparse.csr_matrix((data, (rows, cols)), shape=(len(baskets), len(items)))
    return matrix, pd.Index(baskets), pd.Index(items)


def _descriptions(transactions: pd.DataFrame, item_col: str, items: pd.Index) -> pd.Series:
    """The most frequent description of each item (empty text when there is none)."""
    if "description" not in transactions.columns:
        return pd.Series("", index=items, dtype="string")
    pairs = pd.DataFrame(
        {"item": transactions[item_col].to_numpy(), "text": transactions["description"].to_numpy()}
    ).dropna()
    counts = pairs.value_counts(sort=False).reset_index(name="n")
    counts = counts.sort_values(["n", "text"], ascending=[False, True], kind="stable")
    first = counts.drop_duplicates("item").set_index("item")["text"]
    return first.reindex(items).fillna("").astype("string")


class _BasketModel(BaseEstimator):
    """What both recommenders share: the catalogue, popularity order and batch ranking."""

    _parameter_constraints: dict = {
        "top_n": [Interval(Integral, 1, None, closed="left")],
        "invoice_col": [str],
        "item_col": [str],
        "customer_col": [str],
        "date_col": [str],
        "amount_col": [str],
        "exclude": ["array-like", None],
    }

    def _fit_catalogue(self, transactions: pd.DataFrame) -> sparse.csr_matrix:
        exclude = set() if self.exclude is None else set(self.exclude)
        if exclude:
            require_columns(transactions, [self.item_col], what="交易明细 (transactions)")
            transactions = transactions.loc[~transactions[self.item_col].isin(exclude)]
        matrix, _, items = basket_item_matrix(
            transactions,
            invoice_col=self.invoice_col,
            item_col=self.item_col,
            customer_col=self.customer_col,
            date_col=self.date_col,
        )
        counts = np.asarray(matrix.sum(axis=0)).ravel()
        self.items_ = items
        self.item_baskets_ = pd.Series(counts, index=items, name="baskets")
        self.n_baskets_ = matrix.shape[0]
        # popularity order, ties by item label: the ranking of every zero-score candidate
        self.popularity_order_ = np.lexsort((np.arange(len(items)), -counts))
        self.descriptions_ = _descriptions(transactions, self.item_col, items)
        self.customers_ = pd.Index([])
        self.customer_items_ = sparse.csr_matrix((0, len(items)))
        if self.customer_col in transactions.columns:
            known = transactions[self.customer_col].notna().to_numpy()
            rows, customers = pd.factorize(transactions[self.customer_col].to_numpy()[known])
            cols = items.get_indexer(transactions[self.item_col].to_numpy()[known])
            rows, cols = rows[cols >= 0], cols[cols >= 0]
            ones = np.ones(len(rows), dtype=np.int64)
            shape = (len(customers), len(items))
            self.customers_ = pd.Index(customers)
            self.customer_items_ = sparse.csr_matrix((ones, (rows, cols)), shape=shape)
        return matrix

    def _query_matrix(self, baskets: Sequence[Iterable[Hashable]]) -> sparse.csr_matrix:
        baskets = [list(basket) for basket in baskets]
        rows = np.repeat(np.arange(len(baskets)), [len(basket) for basket in baskets])
        flat = [item for basket in baskets for item in basket]
        cols = self.items_.get_indexer(pd.Index(flat, dtype=object)) if flat else rows
        known = cols >= 0
        data = np.ones(int(known.sum()))
        shape = (len(baskets), len(self.items_))
        queries = sparse.csr_matrix((data, (rows[known], cols[known])), shape=shape)
        queries.data[:] = 1.0  # an item listed twice counts once
        return queries

    def _scores(self, queries: sparse.csr_matrix) -> np.ndarray:
        """Dense scores of every item for each query row (a baseline scores nothing)."""
        return np.zeros(queries.shape)

    def _rank(self, baskets: Sequence[Iterable[Hashable]], n: int) -> tuple[np.ndarray, np.ndarray]:
        """Top ``n`` item positions and their scores per basket, basket items left out."""
        queries = self._query_matrix(baskets)
        order = self.popularity_order_
        top_codes, top_scores = [], []
        rows = max(1, _CELLS // max(1, len(self.items_)))
        for start in range(0, queries.shape[0], rows):
            chunk = queries[start : start + rows]
            scores = self._scores(chunk)[:, order]
            owned = chunk[:, order].toarray() > 0
            scores[owned] = -np.inf
            # a stable sort on columns in popularity order: equal scores go to the popular item
            best = np.argsort(-scores, axis=1, kind="stable")[:, :n]
            top_codes.append(order[best])
            top_scores.append(np.take_along_axis(scores, best, axis=1))
        return np.vstack(top_codes), np.vstack(top_scores)

    def recommend_many(
        self, baskets: Sequence[Iterable[Hashable]], n: int | None = None
    ) -> list[list[Hashable]]:
        """Top ``n`` items for each of many baskets (items already in a basket excluded).

        Parameters
        ----------
        baskets : sequence of iterables of item codes
            Items not in the training data are ignored.
        n : int, optional
            How many items per basket; ``top_n`` by default.

        Returns
        -------
        list of lists of item codes, best first.
        """
        check_fitted(self)
        n = self._n(n)
        if len(baskets) == 0:
            return []
        codes, scores = self._rank(list(baskets), n)
        return [
            self.items_[row[np.isfinite(score)]].tolist()
            for row, score in zip(codes, scores, strict=True)
        ]

    def recommend(
        self,
        basket: Iterable[Hashable] | None = None,
        *,
        customer: Hashable | None = None,
        n: int | None = None,
    ) -> pd.DataFrame:
        """Recommendations for one basket, or for one customer's purchase history.

        Parameters
        ----------
        basket : iterable of item codes, optional
            What is in the basket now (or was just viewed).
        customer : customer id, optional
            Use everything this customer bought in the training data instead. An unknown
            customer (新客户) gets the most popular items.
        n : int, optional
            How many items; ``top_n`` by default.

        Returns
        -------
        pandas.DataFrame
            One row per recommended item, best first: the item code (named like
            ``item_col``), ``description``, ``score`` and ``reason`` (in Chinese).
        """
        check_fitted(self)
        n = self._n(n)
        if (basket is None) == (customer is None):
            raise ParameterError(
                "请给出购物篮 (basket) 或客户 (customer) 二者之一 (give basket or customer)"
            )
        if customer is not None:
            row = self.customers_.get_indexer([customer])[0]
            owned = self.customer_items_[row].indices if row >= 0 else np.array([], dtype=int)
            basket = self.items_[np.sort(owned)].tolist()
        elif isinstance(basket, str):
            basket = [basket]
        basket = list(basket)
        codes, scores = self._rank([basket], n)
        codes, scores = codes[0], scores[0]
        keep = np.isfinite(scores)
        codes, scores = codes[keep], scores[keep]
        items = self.items_[codes]
        table = pd.DataFrame(
            {
                self.item_col: items,
                "description": self.descriptions_.to_numpy()[codes],
                "score": scores,
                "reason": self._reasons(basket, codes, scores),
            }
        )
        return table

    def popular_items(self, n: int | None = None) -> pd.DataFrame:
        """The ``n`` items found in the most baskets, with their descriptions.

        Ties go to the item that comes first in the catalogue (``items_``), as in the
        recommendations' popularity fill.

        Parameters
        ----------
        n : int, optional
            How many items; ``top_n`` by default (fewer when the catalogue is smaller).

        Returns
        -------
        pandas.DataFrame
            One row per item, most popular first: the item code (named like ``item_col``),
            ``description`` and ``baskets`` (the number of baskets containing it).

        Examples
        --------
        >>> import pandas as pd
        >>> tx = pd.DataFrame({
        ...     "invoice_id": [1, 1, 2, 2, 3],
        ...     "stock_code": ["茶杯", "茶壶", "茶杯", "茶叶", "茶杯"],
        ...     "description": ["青瓷茶杯", "紫砂壶", "青瓷茶杯", "龙井", "青瓷茶杯"]})
        >>> MostPopular().fit(tx).popular_items(2)
          stock_code description  baskets
        0         茶杯        青瓷茶杯        3
        1         茶叶          龙井        1
        """
        check_fitted(self)
        codes = self.popularity_order_[: self._n(n)]
        return pd.DataFrame(
            {
                self.item_col: self.items_[codes],
                "description": self.descriptions_.to_numpy()[codes],
                "baskets": self.item_baskets_.to_numpy()[codes],
            }
        )

    def _reasons(self, basket: list[Hashable], codes: np.ndarray, scores: np.ndarray) -> list[str]:
        share = self.item_baskets_.to_numpy()[codes] / self.n_baskets_
        return [f"热门商品：{s:.1%} 的订单包含它 (popular)" for s in share]

    def _n(self, n: int | None) -> int:
        n = self.top_n if n is None else n
        if not isinstance(n, int | np.integer) or n < 1:
            raise ParameterError(f"推荐数量 n 须为正整数 (positive integer)：收到 {n!r}")
        return int(n)


class MostPopular(_BasketModel):
    """Baseline: recommend the items found in the most baskets, the same for everyone.

    Parameters
    ----------
    top_n : int, default 10
        How many items to recommend.
    invoice_col, item_col : str
        Column names of the invoice number (one invoice is one basket) and the item code.
    customer_col, date_col : str, default "customer_id", "invoice_date"
        Column names of the customer id (for ``customer=``) and the purchase date; without
        the invoice column, each distinct (customer, date) is one basket.
    amount_col : str, default "amount"
        Not read (an item is in a basket or not); accepted so that one set of column
        keywords serves every function and estimator.
    exclude : iterable of item codes, optional
        Codes that are not products (postage, fees), e.g. ``ONLINE_RETAIL_NON_PRODUCTS``.

    Attributes
    ----------
    items_ : pandas.Index
        The catalogue seen in training.
    item_baskets_ : pandas.Series
        Number of baskets containing each item.

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({"invoice_id": [1, 1, 2, 2, 3],
    ...                    "stock_code": ["茶杯", "茶壶", "茶杯", "茶叶", "茶杯"]})
    >>> MostPopular(top_n=2).fit(tx).recommend(["茶叶"])[["stock_code", "score"]]
      stock_code     score
    0         茶杯  1.000000
    1         茶壶  0.333333
    """

    @renamed_keywords(basket_col="invoice_col")
    def __init__(
        self,
        *,
        top_n: int = 10,
        invoice_col: str = "invoice_id",
        item_col: str = "stock_code",
        customer_col: str = "customer_id",
        date_col: str = "invoice_date",
        amount_col: str = "amount",
        exclude: Iterable[Hashable] | None = None,
    ) -> None:
        self.top_n = top_n
        self.invoice_col = invoice_col
        self.item_col = item_col
        self.customer_col = customer_col
        self.date_col = date_col
        self.amount_col = amount_col
        self.exclude = exclude

    def fit(self, X: pd.DataFrame, y: None = None) -> MostPopular:
        """Count the baskets containing each item.

        Parameters
        ----------
        X : pandas.DataFrame
            Order lines (transactions) with the item column, and the invoice column or the
            customer and date columns; not modified.
        y : None
            Ignored.

        Returns
        -------
        MostPopular
            ``self``.
        """
        validate_parameters(self)
        self._fit_catalogue(X)
        return self

    def _scores(self, queries: sparse.csr_matrix) -> np.ndarray:
        share = self.item_baskets_.to_numpy() / self.n_baskets_
        return np.tile(share, (queries.shape[0], 1))


class ItemToItemRecommender(_BasketModel):
    """Item-to-item collaborative filtering: "customers who bought this also bought".

    Fitting counts, for every pair of items, the baskets that contain both (the
    co-occurrence matrix ``C = BᵀB`` of the 0 / 1 basket-by-item matrix ``B``). Pairs seen
    together in fewer than ``min_support`` baskets are dropped. The similarity of item
    ``j`` to item ``i`` is then

    * ``"cosine"``: ``C[i, j] / sqrt(n_i * n_j)``, where ``n_i`` counts the baskets
      containing ``i`` (symmetric; does not favour items found everywhere);
    * ``"conditional"``: ``C[i, j] / n_i``, the share of baskets with ``i`` that also
      contain ``j`` (the confidence of the rule i → j).

    A basket is scored by adding, for each candidate item, its similarities to the items in
    the basket; items already in the basket are left out. When fewer than ``n`` items have a
    positive score the list is filled with the most popular items (score 0).

    Parameters
    ----------
    similarity : {"cosine", "conditional"}, default "cosine"
    min_support : int, default 2
        Least number of baskets a pair must share to count as similar.
    top_n : int, default 10
        How many items to recommend.
    invoice_col, item_col : str
        Column names of the invoice number (one invoice is one basket) and the item code.
    customer_col, date_col : str, default "customer_id", "invoice_date"
        Column names of the customer id (for ``customer=``) and the purchase date; without
        the invoice column, each distinct (customer, date) is one basket.
    amount_col : str, default "amount"
        Not read (an item is in a basket or not); accepted so that one set of column
        keywords serves every function and estimator.
    exclude : iterable of item codes, optional
        Codes that are not products (postage, fees), e.g. ``ONLINE_RETAIL_NON_PRODUCTS``.

    Attributes
    ----------
    similarity_ : scipy.sparse.csr_matrix
        Item-by-item similarities, rows and columns in the order of ``items_``.
    cooccurrence_ : scipy.sparse.csr_matrix
        Baskets shared by each pair of items (zero diagonal, pairs below ``min_support``
        dropped).
    items_ : pandas.Index
        The catalogue seen in training.
    item_baskets_ : pandas.Series
        Number of baskets containing each item.
    descriptions_ : pandas.Series
        The most frequent description of each item.
    customers_, customer_items_ : pandas.Index, scipy.sparse.csr_matrix
        The customers seen in training and the items each bought (for ``customer=``).

    Examples
    --------
    >>> import pandas as pd
    >>> tx = pd.DataFrame({
    ...     "invoice_id": [1, 1, 2, 2, 3, 3, 4],
    ...     "stock_code": ["茶杯", "茶壶", "茶杯", "茶壶", "茶杯", "茶叶", "咖啡"],
    ...     "description": ["青瓷茶杯", "紫砂壶", "青瓷茶杯", "紫砂壶", "青瓷茶杯", "龙井", "咖啡豆"]})
    >>> model = ItemToItemRecommender(top_n=2, min_support=1).fit(tx)
    >>> model.recommend(["茶杯"])
      stock_code description     score               reason
    0         茶壶         紫砂壶  0.816497  常与「青瓷茶杯」一起购买 (2 单)
    1         茶叶          龙井  0.577350  常与「青瓷茶杯」一起购买 (1 单)
    """

    @renamed_keywords(basket_col="invoice_col")
    def __init__(
        self,
        *,
        similarity: str = "cosine",
        min_support: int = 2,
        top_n: int = 10,
        invoice_col: str = "invoice_id",
        item_col: str = "stock_code",
        customer_col: str = "customer_id",
        date_col: str = "invoice_date",
        amount_col: str = "amount",
        exclude: Iterable[Hashable] | None = None,
    ) -> None:
        self.similarity = similarity
        self.min_support = min_support
        self.top_n = top_n
        self.invoice_col = invoice_col
        self.item_col = item_col
        self.customer_col = customer_col
        self.date_col = date_col
        self.amount_col = amount_col
        self.exclude = exclude

    _parameter_constraints: dict = {
        **_BasketModel._parameter_constraints,
        "similarity": [StrOptions({"cosine", "conditional"})],
        "min_support": [Interval(Integral, 1, None, closed="left")],
    }

    def fit(self, X: pd.DataFrame, y: None = None) -> ItemToItemRecommender:
        """Learn item-to-item similarities from the baskets of the order lines ``X``.

        Parameters
        ----------
        X : pandas.DataFrame
            Order lines (transactions) with the item column, and the invoice column or the
            customer and date columns; not modified.
        y : None
            Ignored.

        Returns
        -------
        ItemToItemRecommender
            ``self``.
        """
        validate_parameters(self)
        matrix = self._fit_catalogue(X)
        together = (matrix.T @ matrix).tocsr()
        together.setdiag(0)
        together.data[together.data < self.min_support] = 0
        together.eliminate_zeros()
        counts = self.item_baskets_.to_numpy().astype(float)
        if self.similarity == "cosine":
            norm = 1.0 / np.sqrt(counts)
            similar = sparse.diags(norm) @ together @ sparse.diags(norm)
        else:
            similar = sparse.diags(1.0 / counts) @ together
        self.cooccurrence_ = together
        self.similarity_ = sparse.csr_matrix(similar)
        return self

    def _scores(self, queries: sparse.csr_matrix) -> np.ndarray:
        return (queries @ self.similarity_).toarray()

    def _reasons(self, basket: list[Hashable], codes: np.ndarray, scores: np.ndarray) -> list[str]:
        popular = super()._reasons(basket, codes, scores)
        owned = self.items_.get_indexer(pd.Index(basket).unique())
        owned = owned[owned >= 0]
        if len(owned) == 0:
            return popular
        similar = self.similarity_[owned][:, codes].toarray()
        together = self.cooccurrence_[owned][:, codes].toarray()
        reasons = []
        for column, (score, fallback) in enumerate(zip(scores, popular, strict=True)):
            if score <= 0:
                reasons.append(fallback)
                continue
            row = int(np.argmax(similar[:, column]))
            source = owned[row]
            name = self.descriptions_.iloc[source] or str(self.items_[source])
            reasons.append(f"常与「{name}」一起购买 ({int(together[row, column])} 单)")
        return reasons


def _held_out(
    test: pd.DataFrame,
    catalogue: pd.Index,
    model: BaseEstimator,
    max_baskets: int | None,
    random_state: int | None,
) -> tuple[list[list[Hashable]], list[Hashable]]:
    """Leave-one-out queries: one random item of each sampled test basket is hidden."""
    pairs = _baskets(test, model.invoice_col, model.item_col, model.customer_col, model.date_col)
    pairs = pairs[pairs["item"].isin(catalogue)]
    pairs = pairs.sort_values(["basket", "item"], kind="stable")
    labels = pairs["basket"].to_numpy()
    starts = np.flatnonzero(labels[1:] != labels[:-1]) + 1
    grouped = [items for items in np.split(pairs["item"].to_numpy(), starts) if len(items) >= 2]
    if not grouped:
        raise DataError(
            "测试数据中没有含 2 件以上已知商品的订单 (no test basket with 2+ known items)"
        )
    rng = np.random.default_rng(random_state)
    if max_baskets is not None and len(grouped) > max_baskets:
        chosen = np.sort(rng.choice(len(grouped), max_baskets, replace=False))
        grouped = [grouped[i] for i in chosen]
    queries, hidden = [], []
    for items in grouped:
        items = items.tolist()
        drop = int(rng.integers(len(items)))
        hidden.append(items[drop])
        queries.append(items[:drop] + items[drop + 1 :])
    return queries, hidden


def compare_hit_rates(
    models: Mapping[str, BaseEstimator],
    train: pd.DataFrame,
    test: pd.DataFrame,
    *,
    n: int = 10,
    max_baskets: int | None = 2_000,
    random_state: int | None = 0,
) -> pd.DataFrame:
    """Leave-one-out hit rate of several recommenders on the same held-out baskets.

    Each model is copied (:func:`sklearn.base.clone`) and fitted on ``train``. The test
    baskets are restricted to items known in ``train`` (no model can recommend an item it
    has never seen) and to baskets with at least 2 such items. From each of up to
    ``max_baskets`` of them (sampled with ``random_state``) one item is hidden at random;
    the model sees the rest of the basket and scores a hit when the hidden item is among
    its top ``n``. Every model is asked the same questions. The catalogue and the column
    names are those of the first model, so pass models with the same ``exclude`` and
    column names.

    Returns
    -------
    pandas.DataFrame
        Indexed by model name: ``hit_rate``, ``hits``, ``baskets``, ``top_n``.

    Examples
    --------
    >>> import pandas as pd
    >>> train = pd.DataFrame({"invoice_id": [1, 1, 2, 2, 3, 3, 4, 4, 5],
    ...     "stock_code": ["杯", "壶", "杯", "壶", "笔", "墨", "笔", "墨", "杯"]})
    >>> test = pd.DataFrame({"invoice_id": [7, 7, 8, 8],
    ...                      "stock_code": ["笔", "墨", "杯", "壶"]})
    >>> compare_hit_rates({"同购": ItemToItemRecommender(min_support=1),
    ...                    "热门": MostPopular()}, train, test, n=1)
        hit_rate  hits  baskets  top_n
    同购       1.0     2        2      1
    热门       0.5     1        2      1
    """
    if not models:
        raise ParameterError("至少需要一个模型 (no model given)")
    if max_baskets is not None and max_baskets < 1:
        raise ParameterError(f"max_baskets 须 >= 1 (at least 1)：收到 (got) {max_baskets!r}")
    fitted = {name: clone(model).fit(train) for name, model in models.items()}
    first = next(iter(fitted.values()))
    queries, hidden = _held_out(test, first.items_, first, max_baskets, random_state)
    rows = {}
    for name, model in fitted.items():
        lists = model.recommend_many(queries, n)
        hits = sum(item in top for item, top in zip(hidden, lists, strict=True))
        rows[name] = {"hit_rate": hits / len(hidden), "hits": hits, "baskets": len(hidden)}
    table = pd.DataFrame.from_dict(rows, orient="index")
    table["top_n"] = n
    return table


def evaluate_hit_rate(
    model: BaseEstimator,
    train: pd.DataFrame,
    test: pd.DataFrame,
    *,
    n: int = 10,
    max_baskets: int | None = 2_000,
    random_state: int | None = 0,
) -> float:
    """Leave-one-out hit rate at ``n`` of one recommender; see :func:`compare_hit_rates`.

    Examples
    --------
    >>> import pandas as pd
    >>> train = pd.DataFrame({"invoice_id": [1, 1, 2, 2, 3],
    ...                       "stock_code": ["杯", "壶", "杯", "壶", "笔"]})
    >>> test = pd.DataFrame({"invoice_id": [9, 9], "stock_code": ["杯", "壶"]})
    >>> evaluate_hit_rate(ItemToItemRecommender(min_support=1), train, test, n=1)
    1.0
    """
    table = compare_hit_rates(
        {"model": model},
        train,
        test,
        n=n,
        max_baskets=max_baskets,
        random_state=random_state,
    )
    return float(table.loc["model", "hit_rate"])


# ----------------------------------------------------------------------------- course tables

HIT_RATE_MODELS = ("同购推荐", "热门推荐")
"""The two recommenders :func:`hit_rate_table` compares."""


def product_rows(
    transactions: pd.DataFrame,
    *,
    exclude: Iterable[Hashable] = ONLINE_RETAIL_NON_PRODUCTS,
    item_col: str = "stock_code",
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
    invoice_col: str = "invoice_id",
) -> pd.DataFrame:
    """The order lines of real products: lines whose item is in ``exclude`` (postage, fees) go.

    Parameters
    ----------
    transactions : pandas.DataFrame
        Order lines. Not modified.
    exclude : iterable of item codes
        Codes that are not products.
    item_col : str, default "stock_code"
        Column name of the item code.
    customer_col, date_col, amount_col, invoice_col : str
        Not read (only the item column is); accepted so that one set of column keywords
        serves every function.

    Examples
    --------
    >>> import pandas as pd
    >>> lines = pd.DataFrame({"invoice_id": [1, 1, 2], "stock_code": ["22423", "POST", "22697"]})
    >>> product_rows(lines)["stock_code"].tolist()
    ['22423', '22697']
    """
    require_columns(transactions, [item_col], what="交易数据 (transactions)")
    return transactions.loc[~transactions[item_col].isin(set(exclude))]


def fit_recommender(
    transactions: pd.DataFrame,
    *,
    exclude: Iterable[Hashable] = ONLINE_RETAIL_NON_PRODUCTS,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
    invoice_col: str = "invoice_id",
    item_col: str = "stock_code",
) -> ItemToItemRecommender:
    """An "also bought" recommender learnt from all the order lines (non-products excluded).

    Parameters
    ----------
    transactions : pandas.DataFrame
        Order lines.
    exclude : iterable of item codes
        Codes that are not products.
    customer_col, date_col, amount_col, invoice_col, item_col : str
        Column names, as in :func:`basket_item_matrix`.

    Examples
    --------
    >>> import pandas as pd
    >>> lines = pd.DataFrame({"invoice_id": [1, 1, 2, 2],
    ...                       "stock_code": ["杯", "壶", "杯", "壶"]})
    >>> fit_recommender(lines).recommend(["杯"], n=1)["stock_code"].tolist()
    ['壶']
    """
    columns = {
        "customer_col": customer_col,
        "date_col": date_col,
        "amount_col": amount_col,
        "invoice_col": invoice_col,
        "item_col": item_col,
    }
    return ItemToItemRecommender(exclude=exclude, **columns).fit(transactions)


def also_bought_table(recommender: BaseEstimator, *, item: Hashable, n: int = 6) -> pd.DataFrame:
    """What a customer who put ``item`` in the basket is recommended, in Chinese.

    Returns
    -------
    pandas.DataFrame
        Index 排名 (1 = best); columns 商品编码, 商品名称 (when known), 相似度 (3 decimals),
        推荐理由.

    Examples
    --------
    >>> import pandas as pd
    >>> lines = pd.DataFrame({"invoice_id": [1, 1, 2, 2, 3, 3],
    ...                       "stock_code": ["杯", "壶", "杯", "壶", "杯", "碟"]})
    >>> also_bought_table(fit_recommender(lines), item="杯", n=2)["商品编码"].tolist()
    ['壶', '碟']
    """
    shown = recommender.recommend([item], n=n)
    table = pd.DataFrame({"商品编码": shown[recommender.item_col].to_numpy()})
    if "description" in shown.columns:
        table["商品名称"] = shown["description"].to_numpy()
    table["相似度"] = shown["score"].round(3).to_numpy()
    if "reason" in shown.columns:
        table["推荐理由"] = shown["reason"].to_numpy()
    table.index = pd.RangeIndex(1, len(table) + 1, name="排名")
    return table


def hit_rate_table(
    transactions: pd.DataFrame,
    *,
    split_date: str,
    n: int = 10,
    exclude: Iterable[Hashable] = ONLINE_RETAIL_NON_PRODUCTS,
    customer_col: str = "customer_id",
    date_col: str = "invoice_date",
    amount_col: str = "amount",
    invoice_col: str = "invoice_id",
    item_col: str = "stock_code",
) -> pd.DataFrame:
    """Test before launch: "also bought" against "most popular" on the orders after a date.

    Both recommenders learn from the orders before ``split_date``; each test order on or after
    it hides one product, and a recommender scores a hit when the hidden product is in its
    top ``n`` (:func:`compare_hit_rates`).

    Parameters
    ----------
    transactions : pandas.DataFrame
        Order lines with the purchase date.
    split_date : date-like
        Orders before this day train, the others test.
    n : int, default 10
        Length of each recommendation list.
    exclude : iterable of item codes
        Codes that are not products.
    customer_col, date_col, amount_col, invoice_col, item_col : str
        Column names, as in :func:`basket_item_matrix`; ``date_col`` must be present.

    Returns
    -------
    pandas.DataFrame
        Index 推荐方案 (同购推荐, 热门推荐); columns 测试订单数, 命中数, 命中率（%）.

    Examples
    --------
    >>> import pandas as pd
    >>> lines = pd.DataFrame({
    ...     "invoice_id": [1, 1, 2, 2, 3, 3, 4, 4, 5, 6, 6, 7, 7],
    ...     "stock_code": ["杯", "壶", "杯", "壶", "笔", "墨", "笔", "墨", "杯",
    ...                    "笔", "墨", "杯", "壶"],
    ...     "invoice_date": pd.to_datetime(["2024-01-01"] * 9 + ["2024-03-01"] * 4)})
    >>> hit_rate_table(lines, split_date="2024-02-01", n=1)
           测试订单数  命中数  命中率（%）
    推荐方案
    同购推荐      2    2   100.0
    热门推荐      2    1    50.0
    """
    require_columns(transactions, [date_col], what="交易数据 (transactions)")
    try:
        cut = pd.Timestamp(split_date)
    except (TypeError, ValueError):
        raise ParameterError(
            f"split_date {split_date!r} 不是日期，请写成 '2011-09-01' (not a date)"
        ) from None
    dates = pd.to_datetime(transactions[date_col])
    train, test = transactions.loc[dates < cut], transactions.loc[dates >= cut]
    columns = {
        "customer_col": customer_col,
        "date_col": date_col,
        "amount_col": amount_col,
        "invoice_col": invoice_col,
        "item_col": item_col,
    }
    if train.empty or test.empty:
        raise DataError(
            f"按 split_date={split_date!r} 切分后，学习用或测试用的订单为空：请换一个日期 "
            "(no training or no test orders: choose another date)"
        )
    table = compare_hit_rates(
        {
            HIT_RATE_MODELS[0]: ItemToItemRecommender(exclude=exclude, **columns),
            HIT_RATE_MODELS[1]: MostPopular(exclude=exclude, **columns),
        },
        train,
        test,
        n=n,
    )
    out = pd.DataFrame(
        {
            "测试订单数": table["baskets"].astype(int),
            "命中数": table["hits"].astype(int),
            "命中率（%）": (100 * table["hit_rate"]).round(1),
        }
    )
    out.index.name = "推荐方案"
    return out
