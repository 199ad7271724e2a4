"""Build the simulated (模拟数据) Chinese consumer-goods data set bundled in the package.

「禾悦食品」 is a **fictional** maker of snacks, drinks, nut gift boxes and light health food
that sells through its own stores (门店), online shops (电商) and distributors' outlets
(经销商). Nothing here describes a real company or a real person. The model below is drawn
with one seeded :class:`numpy.random.Generator`, so running

    python datasets/make_cn_business.py

rewrites ``custseg/data/cn_customers.csv.gz``, ``cn_orders.csv.gz`` and ``cn_promotion.csv.gz``
byte for byte (gzip header time fixed to 0). ``custseg.datasets.load_cn_customers`` /
``load_cn_orders`` / ``load_cn_promotion`` read them. What is simulated, and why, is described
in ``datasets/README.md``; in short:

1. 2,000 customers, each of one of four hidden psychographic types (价格敏感型, 健康品质型,
   尝鲜社交型, 便利忠诚型; the type is **not** in the data). The type sets the mean of five
   1-5 survey answers (see ``SURVEY_MEANS``), so clustering the answers recovers about four
   groups, and it shifts age, gender, city tier, main channel, membership, what and how much
   the customer buys, how often and how long.
2. Geography: 40 cities in 4 tiers (一线 / 新一线 / 二线 / 三线及以下, roughly after the city
   ranking of the 第一财经·新一线城市研究所; a setting of the simulation, not an authority on
   any city's tier) with their provinces. Higher tiers pay more per order and buy
   online more; lower tiers buy more through distributors.
3. Purchases follow a "buy till you die" process per customer (the one BG/NBD assumes): a
   first purchase on the acquisition day, then purchases at a gamma-distributed personal rate,
   modulated day by day by the season of the channel, and after each purchase the customer
   leaves for good with a personal beta-distributed probability. This gives many one-time
   buyers and a long tail of frequent ones.
4. Seasons: the three weeks before 春节 (gift boxes above all), a quiet 春节 week, the two weeks
   before 中秋, 618 and 双十一 (online, and much more for price-sensitive customers), 双十二,
   a summer bump for drinks and busier weekends in stores.
5. On 2025-01-01 (the day after the last order) every customer is invited to a randomised
   coupon experiment: exactly half, drawn at random, get a 20 元 coupon (实验组), the other half
   nothing (对照组). ``responded`` is a purchase in the 30 days after. Each customer has a
   response probability without the coupon (from their purchase rate, whether they are still
   active and the 春节 season) and a true uplift that depends on their RFM segment (cn8, computed
   by custseg on the orders before the start) and their hidden type (``UPLIFT`` and
   ``TYPE_UPLIFT``). :func:`simulate` returns these hidden truths with the tables.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

DATA = Path(__file__).resolve().parents[1] / "custseg" / "data"
SEED = 20250101
N_CUSTOMERS = 2000
FIRST_DAY = pd.Timestamp("2023-01-01")
LAST_DAY = pd.Timestamp("2024-12-31")
EXPERIMENT_START = pd.Timestamp("2025-01-01")
EXPERIMENT_DAYS = 30
COUPON = 20.0  # 元, 满 99 减 20

TYPES = ("价格敏感型", "健康品质型", "尝鲜社交型", "便利忠诚型")
TYPE_SHARES = (0.32, 0.22, 0.24, 0.22)
SURVEY = ("price_sensitivity", "health_focus", "brand_loyalty", "novelty_seeking", "convenience")
# Mean answer (1-5) of each type (rows, in TYPES order) to each survey item (columns).
SURVEY_MEANS = np.array(
    [
        [4.6, 2.4, 2.1, 2.6, 2.8],  # 价格敏感型: price first, little loyalty
        [2.0, 4.6, 3.4, 2.4, 2.6],  # 健康品质型: health and quality, pays for it
        [2.9, 2.5, 1.8, 4.6, 3.2],  # 尝鲜社交型: new flavours, shares online, switches brands
        [2.4, 2.8, 4.5, 1.9, 4.6],  # 便利忠诚型: the nearby store, the same brand every time
    ]
)
SURVEY_NOISE = 0.85

# (city, province, tier); tiers roughly after the ranking of 第一财经·新一线城市研究所.
CITIES = (
    ("北京", "北京", "一线"),
    ("上海", "上海", "一线"),
    ("广州", "广东", "一线"),
    ("深圳", "广东", "一线"),
    ("成都", "四川", "新一线"),
    ("重庆", "重庆", "新一线"),
    ("杭州", "浙江", "新一线"),
    ("武汉", "湖北", "新一线"),
    ("西安", "陕西", "新一线"),
    ("苏州", "江苏", "新一线"),
    ("南京", "江苏", "新一线"),
    ("长沙", "湖南", "新一线"),
    ("郑州", "河南", "新一线"),
    ("天津", "天津", "新一线"),
    ("合肥", "安徽", "新一线"),
    ("青岛", "山东", "新一线"),
    ("东莞", "广东", "新一线"),
    ("济南", "山东", "二线"),
    ("福州", "福建", "二线"),
    ("昆明", "云南", "二线"),
    ("沈阳", "辽宁", "二线"),
    ("南宁", "广西", "二线"),
    ("石家庄", "河北", "二线"),
    ("南昌", "江西", "二线"),
    ("哈尔滨", "黑龙江", "二线"),
    ("太原", "山西", "二线"),
    ("贵阳", "贵州", "二线"),
    ("厦门", "福建", "二线"),
    ("洛阳", "河南", "三线及以下"),
    ("赣州", "江西", "三线及以下"),
    ("绵阳", "四川", "三线及以下"),
    ("桂林", "广西", "三线及以下"),
    ("岳阳", "湖南", "三线及以下"),
    ("襄阳", "湖北", "三线及以下"),
    ("潍坊", "山东", "三线及以下"),
    ("遵义", "贵州", "三线及以下"),
    ("湛江", "广东", "三线及以下"),
    ("宜昌", "湖北", "三线及以下"),
    ("保定", "河北", "三线及以下"),
    ("九江", "江西", "三线及以下"),
)
TIERS = ("一线", "新一线", "二线", "三线及以下")
# P(tier | type), rows in TYPES order.
TIER_P = np.array(
    [
        [0.08, 0.22, 0.28, 0.42],
        [0.28, 0.36, 0.22, 0.14],
        [0.20, 0.38, 0.24, 0.18],
        [0.15, 0.30, 0.27, 0.28],
    ]
)
TIER_PRICE = np.array([1.20, 1.10, 1.00, 0.90])

CHANNELS = ("门店", "电商", "经销商")
CHANNEL_BY_TIER = np.array(
    [[0.35, 0.55, 0.10], [0.40, 0.47, 0.13], [0.42, 0.38, 0.20], [0.38, 0.27, 0.35]]
)
CHANNEL_BY_TYPE = np.array([[0.8, 1.3, 1.2], [1.2, 1.0, 0.7], [0.6, 1.6, 0.6], [1.6, 0.7, 1.0]])
CHANNEL_PRICE = np.array([0.90, 1.00, 2.60])  # distributors' customers buy by the case
MAIN_CHANNEL_SHARE = 0.8  # orders through the customer's main channel

CATEGORIES = ("休闲零食", "饮料冲调", "坚果礼盒", "健康轻食")
CATEGORY_PRICE = np.array([39.0, 46.0, 168.0, 72.0])  # 元 per order line, typical
CATEGORY_P = np.array(
    [
        [0.45, 0.35, 0.10, 0.10],
        [0.15, 0.20, 0.20, 0.45],
        [0.45, 0.30, 0.10, 0.15],
        [0.35, 0.40, 0.12, 0.13],
    ]
)
TYPE_PRICE = np.array([0.80, 1.25, 1.00, 1.00])

AGE = np.array([[38, 12], [41, 10], [27, 6], [35, 9]])  # mean, sd by type
FEMALE_P = np.array([0.52, 0.62, 0.58, 0.50])
MEMBER_P = np.array([0.30, 0.50, 0.35, 0.70])
# Purchases per 30 days while active (gamma mean, shape 1.5) and the chance of leaving
# after each purchase (beta mean, concentration 6), by type.
RATE_30 = np.array([1.10, 1.30, 0.90, 2.20])
DROPOUT = np.array([0.25, 0.12, 0.40, 0.08])
PROMO_BOOST = np.array([1.8, 0.6, 1.0, 0.4])  # extra reaction to 618 / 双十一 / 双十二

CNY = (pd.Timestamp("2023-01-22"), pd.Timestamp("2024-02-10"), pd.Timestamp("2025-01-29"))
MID_AUTUMN = (pd.Timestamp("2023-09-29"), pd.Timestamp("2024-09-17"))

# True uplift of the coupon (response probability, percentage points / 100) by cn8 segment,
# multiplied by the type's factor. Loyal best customers buy anyway; lapsing valuable ones
# are won back; long-lost small ones hardly react.
UPLIFT = {
    "重要价值客户": 0.015,
    "重要发展客户": 0.07,
    "重要保持客户": 0.12,
    "重要挽留客户": 0.15,
    "一般价值客户": 0.03,
    "一般发展客户": 0.06,
    "一般保持客户": 0.09,
    "一般挽留客户": 0.015,
}
TYPE_UPLIFT = np.array([1.8, 0.6, 1.0, 0.4])
COMEBACK = 0.02  # chance that a customer who has left buys again in the 30 days anyway

CUSTOMER_COLUMNS = (
    "customer_id",
    "gender",
    "age",
    "province",
    "city",
    "city_tier",
    "channel",
    "member",
    "signup_date",
    *SURVEY,
)
ORDER_COLUMNS = (
    "invoice_id",
    "customer_id",
    "invoice_date",
    "amount",
    "channel",
    "category",
    "province",
    "city_tier",
)
PROMOTION_COLUMNS = ("customer_id", "group", "coupon", "responded", "spend", "segment")
FILES = {
    "customers": "cn_customers.csv.gz",
    "orders": "cn_orders.csv.gz",
    "promotion": "cn_promotion.csv.gz",
}


@dataclass(frozen=True)
class Simulation:
    """The three tables and the hidden truths behind them.

    Attributes
    ----------
    customers, orders, promotion : pandas.DataFrame
        The tables as shipped.
    customer_type : pandas.Series
        The hidden psychographic type of each customer, indexed by ``customer_id``.
    response_without, response_with : pandas.Series
        Each invited customer's true probability of buying in the 30 days without and
        with the coupon, indexed by ``customer_id``.
    true_uplift : pandas.DataFrame
        Indexed by segment (``"全部 (all)"`` first, then the cn8 segments): ``customers``
        and ``uplift``, the mean of ``response_with - response_without`` over them.
    """

    customers: pd.DataFrame
    orders: pd.DataFrame
    promotion: pd.DataFrame
    customer_type: pd.Series
    response_without: pd.Series
    response_with: pd.Series
    true_uplift: pd.DataFrame


def _season(days: pd.DatetimeIndex) -> np.ndarray:
    """Day weights per channel (rows 门店, 电商, 经销商) and a promotion-day indicator."""
    weight = np.ones((3, len(days)))
    promo = np.zeros(len(days))
    for new_year in CNY:
        before = (days >= new_year - pd.Timedelta(days=21)) & (days < new_year)
        holiday = (days >= new_year) & (days < new_year + pd.Timedelta(days=7))
        weight[:, before] *= 2.2
        weight[:, holiday] *= 0.5
    for festival in MID_AUTUMN:
        weight[:, (days >= festival - pd.Timedelta(days=14)) & (days < festival)] *= 1.6
    month, day = days.month.to_numpy(), days.day.to_numpy()
    mid_year = (month == 6) & (day <= 18)
    singles = (month == 11) & (day <= 11)
    double_twelve = (month == 12) & (day == 12)
    weight[1, mid_year] *= 1.6
    weight[1, singles] *= 3.5
    weight[0, singles] *= 1.1
    weight[1, double_twelve] *= 2.0
    promo[mid_year | singles | double_twelve] = 1.0
    weight[:, np.isin(month, (7, 8))] *= 1.15
    weight[0, days.dayofweek.to_numpy() >= 5] *= 1.3
    return weight / weight.mean(axis=1, keepdims=True), promo


def _customers(rng: np.random.Generator) -> tuple[pd.DataFrame, np.ndarray]:
    n = N_CUSTOMERS
    kind = rng.choice(len(TYPES), size=n, p=TYPE_SHARES)
    answers = SURVEY_MEANS[kind] + rng.normal(0.0, SURVEY_NOISE, size=(n, len(SURVEY)))
    answers = np.clip(np.rint(answers), 1, 5).astype(int)
    tier = np.array([rng.choice(4, p=TIER_P[k]) for k in kind])
    cities = np.array(CITIES)
    city = np.array([rng.choice(np.flatnonzero(cities[:, 2] == TIERS[t])) for t in tier])
    channel_p = CHANNEL_BY_TIER[tier] * CHANNEL_BY_TYPE[kind]
    channel_p /= channel_p.sum(axis=1, keepdims=True)
    channel = np.array([rng.choice(3, p=p) for p in channel_p])
    age = np.clip(np.rint(rng.normal(AGE[kind, 0], AGE[kind, 1])), 18, 70).astype(int)
    female = rng.random(n) < FEMALE_P[kind]
    member = rng.random(n) < MEMBER_P[kind]
    frame = pd.DataFrame(
        {
            "customer_id": [f"C{i:05d}" for i in range(1, n + 1)],
            "gender": np.where(female, "女", "男"),
            "age": age,
            "province": cities[city, 1],
            "city": cities[city, 0],
            "city_tier": np.array(TIERS)[tier],
            "channel": np.array(CHANNELS)[channel],
            "member": member,
        }
    )
    for j, name in enumerate(SURVEY):
        frame[name] = answers[:, j]
    frame.attrs["kind"], frame.attrs["tier"], frame.attrs["channel"] = kind, tier, channel
    return frame, kind


def _purchases(rng: np.random.Generator, customers: pd.DataFrame) -> tuple[pd.DataFrame, dict]:
    """Simulate purchase days day by day; return one row per purchase and the end state."""
    kind, channel = customers.attrs["kind"], customers.attrs["channel"]
    n = len(customers)
    days = pd.date_range(FIRST_DAY, LAST_DAY, freq="D")
    weight, promo = _season(days)
    # acquisition: spread over both years, more new customers in the busy weeks
    acquisition_p = weight[1] / weight[1].sum()
    acquired = np.sort(rng.choice(len(days), size=n, p=acquisition_p))
    acquired = acquired[rng.permutation(n)]
    rate = rng.gamma(1.5, RATE_30[kind] / 1.5) / 30.0
    concentration = 6.0
    leave = rng.beta(DROPOUT[kind] * concentration, (1 - DROPOUT[kind]) * concentration)
    alive = np.ones(n, dtype=bool)
    buyers, buy_days = [], []
    for d in range(len(days)):
        today = (acquired == d) & alive
        chance = rate * weight[channel, d] * (1.0 + PROMO_BOOST[kind] * promo[d])
        repeat = (acquired < d) & alive & (rng.random(n) < chance)
        bought = np.flatnonzero(today | repeat)
        buyers.append(bought)
        buy_days.append(np.full(len(bought), d))
        alive[bought] &= rng.random(len(bought)) >= leave[bought]
    purchases = pd.DataFrame(
        {"customer": np.concatenate(buyers), "day": np.concatenate(buy_days)}
    ).sort_values(["day", "customer"], kind="stable", ignore_index=True)
    state = {"alive": alive, "rate": rate, "acquired": acquired, "weight": weight}
    return purchases, state


def _order_lines(
    rng: np.random.Generator, customers: pd.DataFrame, purchases: pd.DataFrame
) -> pd.DataFrame:
    kind, tier, main = (customers.attrs[k] for k in ("kind", "tier", "channel"))
    who, day = purchases["customer"].to_numpy(), purchases["day"].to_numpy()
    dates = FIRST_DAY + pd.to_timedelta(day, unit="D")
    other = (main[who] + rng.integers(1, 3, len(who))) % 3
    channel = np.where(rng.random(len(who)) < MAIN_CHANNEL_SHARE, main[who], other)
    lines = 1 + rng.poisson(np.where(channel == 2, 1.5, 0.6))
    lines = np.minimum(lines, len(CATEGORIES))
    festive = np.zeros(len(who), dtype=bool)
    for holiday in (*CNY, *MID_AUTUMN):
        festive |= (dates >= holiday - pd.Timedelta(days=21)) & (dates < holiday)
    rows = []
    for i in range(len(who)):
        p = CATEGORY_P[kind[who[i]]].copy()
        if festive[i]:
            p[2] *= 4.0
        p /= p.sum()
        for category in rng.choice(len(CATEGORIES), size=lines[i], replace=False, p=p):
            rows.append((i, category))
    order, category = np.array(rows).T
    c = who[order]
    price = (
        CATEGORY_PRICE[category]
        * rng.lognormal(0.0, 0.45, len(order))
        * TIER_PRICE[tier[c]]
        * CHANNEL_PRICE[channel[order]]
        * TYPE_PRICE[kind[c]]
    )
    cities = np.array(CITIES)
    province = dict(zip(cities[:, 0], cities[:, 1], strict=True))
    return pd.DataFrame(
        {
            "invoice_id": [f"SO{k + 1:06d}" for k in order],
            "customer_id": customers["customer_id"].to_numpy()[c],
            "invoice_date": dates[order],
            "amount": np.maximum(np.round(price, 2), 5.0),
            "channel": np.array(CHANNELS)[channel[order]],
            "category": np.array(CATEGORIES)[category],
            "province": [province[city] for city in customers["city"].to_numpy()[c]],
            "city_tier": np.array(TIERS)[tier[c]],
        }
    )


def _segments(orders: pd.DataFrame) -> pd.Series:
    """cn8 RFM segment of each customer on the orders before the experiment (custseg)."""
    from custseg.rfm import rfm_table, segment_customers

    rfm = rfm_table(orders[orders["invoice_date"] < EXPERIMENT_START], as_of=EXPERIMENT_START)
    return segment_customers(rfm, scheme="cn8")["segment"]


def _experiment(
    rng: np.random.Generator,
    customers: pd.DataFrame,
    orders: pd.DataFrame,
    state: dict,
) -> tuple[pd.DataFrame, pd.Series, pd.Series, pd.Series]:
    kind = customers.attrs["kind"]
    ids = customers["customer_id"].to_numpy()
    segment = _segments(orders).reindex(ids).to_numpy()
    n = len(ids)
    window = pd.date_range(EXPERIMENT_START, periods=EXPERIMENT_DAYS, freq="D")
    season = _season(pd.date_range(EXPERIMENT_START, periods=365, freq="D"))[0][
        :, :EXPERIMENT_DAYS
    ].mean(axis=1)
    expected = state["rate"] * season[customers.attrs["channel"]] * len(window)
    without = np.where(state["alive"], 1.0 - np.exp(-expected), COMEBACK)
    uplift = np.array([UPLIFT[s] for s in segment]) * TYPE_UPLIFT[kind]
    with_coupon = np.maximum(without, np.minimum(without + uplift, 0.98))
    treated = np.zeros(n, dtype=bool)
    treated[rng.permutation(n)[: n // 2]] = True
    responded = rng.random(n) < np.where(treated, with_coupon, without)
    basket = orders.groupby(["customer_id", "invoice_id"])["amount"].sum().groupby(level=0).mean()
    orders_in_window = 1 + rng.poisson(expected)
    spend = basket.reindex(ids).to_numpy() * orders_in_window * rng.lognormal(0.0, 0.35, n)
    spend = np.where(treated & (spend >= 99.0), spend - COUPON, spend)
    promotion = pd.DataFrame(
        {
            "customer_id": ids,
            "group": np.where(treated, "实验组", "对照组"),
            "coupon": np.where(treated, COUPON, 0.0),
            "responded": responded,
            "spend": np.where(responded, np.round(spend, 2), 0.0),
            "segment": segment,
        }
    )
    index = pd.Index(ids, name="customer_id")
    return (
        promotion,
        pd.Series(without, index=index, name="response_without"),
        pd.Series(with_coupon, index=index, name="response_with"),
        pd.Series(segment, index=index, name="segment"),
    )


def simulate(seed: int = SEED) -> Simulation:
    """Draw the whole data set and its hidden truths from one seeded generator."""
    rng = np.random.default_rng(seed)
    customers, kind = _customers(rng)
    purchases, state = _purchases(rng, customers)
    orders = _order_lines(rng, customers, purchases)
    first = orders.groupby("customer_id")["invoice_date"].min()
    customers["signup_date"] = customers["customer_id"].map(first)
    promotion, without, with_coupon, segment = _experiment(rng, customers, orders, state)
    gain = with_coupon - without
    table = pd.concat(
        [
            pd.DataFrame({"customers": [len(gain)], "uplift": [gain.mean()]}, index=["全部 (all)"]),
            gain.groupby(segment).agg(customers="size", uplift="mean"),
        ]
    )
    table.index.name = "segment"
    customers = customers[list(CUSTOMER_COLUMNS)]
    customers.attrs = {}
    return Simulation(
        customers=customers,
        orders=orders[list(ORDER_COLUMNS)],
        promotion=promotion[list(PROMOTION_COLUMNS)],
        customer_type=pd.Series(
            np.array(TYPES)[kind],
            index=pd.Index(customers["customer_id"], name="customer_id"),
            name="customer_type",
        ),
        response_without=without,
        response_with=with_coupon,
        true_uplift=table,
    )


def to_gzip_csv(frame: pd.DataFrame) -> bytes:
    """The bytes of ``frame`` as a UTF-8 CSV, gzipped with a fixed header time (0)."""
    text = frame.to_csv(
        index=False, lineterminator="\n", float_format="%.2f", date_format="%Y-%m-%d"
    )
    return gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0)


def write(simulation: Simulation, folder: Path = DATA) -> dict[str, Path]:
    """Write the three tables to ``folder``; return their paths."""
    paths = {}
    for name, filename in FILES.items():
        path = folder / filename
        path.write_bytes(to_gzip_csv(getattr(simulation, name)))
        paths[name] = path
    return paths


def main() -> None:
    simulation = simulate()
    for name, path in write(simulation).items():
        rows = len(getattr(simulation, name))
        print(f"{path}: {rows:,} 行, {path.stat().st_size / 1024:.0f} KB")
    print("隐藏的真实增量 (true uplift):")
    print(simulation.true_uplift.round(4).to_string())


if __name__ == "__main__":
    main()
