"""Customer-information classification and privacy (客户信息分类与隐私).

Customer information falls into four classes:

* 基本信息 (basic): who the customer is: name, contact, address, age, job (the customer file);
* 行为 (behavior): what the customer did: purchases, browsing, enquiries, campaign contacts;
* 需求 (needs): what the customer wants, from surveys and interviews;
* 满意度 (satisfaction): how the customer feels: 满意 / 一般 / 不满意, ratings, complaints.

Collecting and classifying it must follow the law. In China that is the 个人信息保护法
(PIPL, in force since 2021-11-01); :func:`pipl_checklist` states in plain words what it
asks of segmentation work. The helpers here flag personal information in a table
(:func:`classify_columns`), replace ids by stable pseudonyms (:func:`pseudonymize`), mask
names, phone numbers and e-mail addresses, and check that a segment table handed to a team
does not single anyone out (:func:`k_anonymity`, :func:`check_k_anonymity`).

Pseudonymized data (去标识化) is still personal information under the PIPL: whoever holds
the salt can link it back. Only data that can no longer identify anyone and cannot be
restored (匿名化) falls outside the law. k-anonymity is one check towards that, not a proof.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from custseg.deprecation import renamed_function
from custseg.errors import DataError, ParameterError, require_columns
from custseg.text_table import WholeTextTable

__all__ = [
    "deidentify",
    "example_customers",
    "generalize_ages",
    "k_anonymity_summary",
    "personal_information_table",
    "with_age_bands",
    "group_size_classes",
    "group_sizes",
    "k_risk_title",
    "k_risk",
    "INFO_CLASSES",
    "PIPL_SUMMARY",
    "KAnonymity",
    "check_k_anonymity",
    "classify_columns",
    "id_card_is_valid",
    "k_anonymity",
    "mask_email",
    "mask_name",
    "mask_phone",
    "pipl_checklist",
    "pseudonymize",
    "suppress_small_groups",
]

INFO_CLASSES = ("基本信息", "行为", "需求", "满意度")
"""The four classes of customer information, in the order a customer file lists them."""

UNCLASSIFIED = "未分类"
SENSITIVE = "敏感个人信息"
PERSONAL = "个人信息"
NOT_PERSONAL = "非个人信息"

# (pattern on the column name, information class, personal level, reason). The first match wins,
# so the narrow, sensitive patterns come before the broad ones.
_NAME_RULES: tuple[tuple[str, str, str, str], ...] = (
    (
        r"身份证|id_?card|id_?number|identity|passport|护照|证件",
        "基本信息",
        SENSITIVE,
        "身份证件号码（GB/T 35273 附录 B）",
    ),
    (
        r"银行卡|账户|账号|card_?no|card_?number|account|iban|credit|信用|征信|贷款|loan|housing|default|balance|余额|存款",
        "基本信息",
        SENSITIVE,
        "金融账户 / 财产信息（第 28 条）",
    ),
    (
        r"经度|纬度|latitude|longitude|\blat\b|\blon\b|\blng\b|gps|定位|轨迹|行踪|location",
        "行为",
        SENSITIVE,
        "精确位置 / 行踪轨迹（第 28 条）",
    ),
    (
        r"health|medical|病|医疗|健康|religion|宗教|biometric|指纹|人脸|face",
        "基本信息",
        SENSITIVE,
        "健康 / 宗教 / 生物识别（第 28 条）",
    ),
    (
        r"满意|satisf|rating|评分|评价|review|feedback|反馈|投诉|complain|nps",
        "满意度",
        NOT_PERSONAL,
        "满意度反馈",
    ),
    (
        r"需求|偏好|兴趣|期望|意向|问卷|survey|need|prefer|interest|wish|intent",
        "需求",
        NOT_PERSONAL,
        "需求 / 偏好",
    ),
    (
        r"姓名|名字|客户名|联系人|^name$|_name$|^name_|first_?name|last_?name|full_?name",
        "基本信息",
        PERSONAL,
        "姓名",
    ),
    (r"手机|电话|phone|mobile|^tel|telephone", "基本信息", PERSONAL, "联系电话"),
    (r"邮箱|e-?mail", "基本信息", PERSONAL, "电子邮箱"),
    (r"地址|address|street|zip|postcode|邮编", "基本信息", PERSONAL, "地址"),
    (
        r"客户编号|客户id|会员|customer|client|member|user_?id|^id$",
        "基本信息",
        PERSONAL,
        "客户标识",
    ),
    (r"生日|出生|birth|年龄|(^|_)age($|_)", "基本信息", PERSONAL, "年龄 / 出生日期"),
    (r"性别|gender|^sex$", "基本信息", PERSONAL, "性别"),
    (r"收入|income|salary|工资", "基本信息", PERSONAL, "收入"),
    (
        r"学历|教育|education|职业|工作|job|occupation|婚姻|marital|kid|teen|子女|家庭",
        "基本信息",
        PERSONAL,
        "人口特征",
    ),
    (r"国家|省|城市|地区|country|region|city|province", "基本信息", PERSONAL, "地理区域"),
    (
        r"订单|发票|invoice|order|购买|purchase|消费|金额|amount|spend|mnt|quantity|数量|单价|price",
        "行为",
        NOT_PERSONAL,
        "购买记录",
    ),
    (
        r"商品|产品|product|stock|item|sku|description|品类|category",
        "行为",
        NOT_PERSONAL,
        "购买记录",
    ),
    (
        r"浏览|访问|点击|browse|visit|click|session|page|咨询|enquir|inquir",
        "行为",
        NOT_PERSONAL,
        "浏览 / 咨询",
    ),
    (
        r"营销|活动|campaign|contact|call|duration|pdays|previous|poutcome|accepted|cmp|response|^y$|渠道|channel|deal",
        "行为",
        NOT_PERSONAL,
        "营销接触与回应",
    ),
    (
        r"日期|时间|date|time|day|month|year|recency|frequency|monetary|tenure",
        "行为",
        NOT_PERSONAL,
        "时间 / 频次",
    ),
)

_PHONE = re.compile(r"^(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}$")
_EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$")
_ID_CARD = re.compile(r"^\d{17}[\dXx]$")
_SATISFACTION = {"满意", "一般", "不满意", "非常满意", "非常不满意", "比较满意", "不太满意"}
# Common single-character surnames and the compound ones, enough to tell a name column.
_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏"
    "吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱"
    "严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁"
    "尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时"
    "穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾"
    "隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
_COMPOUND_SURNAMES = (
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
    "夏侯", "轩辕", "令狐", "端木", "南宫", "独孤", "呼延", "西门",
)  # fmt: skip
_CHINESE_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}$")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"


def id_card_is_valid(number: object) -> bool:
    """Whether ``number`` is an 18-character Chinese resident ID number with a correct check digit.

    The check digit (GB 11643-1999, ISO 7064 MOD 11-2) is ``"10X98765432"[s % 11]`` where
    ``s`` is the sum of the first 17 digits times the weights 7, 9, 10, 5, 8, 4, 2, 1, 6, 3,
    7, 9, 10, 5, 8, 4, 2.

    Examples
    --------
    >>> id_card_is_valid("11010519491231002X")  # the example number of the standard
    True
    >>> id_card_is_valid("110105194912310021")
    False
    """
    text = str(number).strip()
    if not _ID_CARD.match(text):
        return False
    total = sum(int(digit) * weight for digit, weight in zip(text[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == text[17].upper()


def _is_chinese_name(text: str) -> bool:
    if not _CHINESE_NAME.match(text):
        return False
    return text[0] in _SURNAMES or text.startswith(_COMPOUND_SURNAMES)


def _is_phone(text: str) -> bool:
    return bool(_PHONE.match(text))


def _is_email(text: str) -> bool:
    return bool(_EMAIL.match(text))


def _is_satisfaction(text: str) -> bool:
    return text in _SATISFACTION


# Value patterns that decide before the column name (they are hard to match by chance) ...
_STRONG_VALUE_RULES = (
    (id_card_is_valid, "基本信息", SENSITIVE, "值像身份证号码"),
    (_is_phone, "基本信息", PERSONAL, "值像手机号码"),
    (_is_email, "基本信息", PERSONAL, "值像电子邮箱"),
)
# ... and those used only when the name says nothing (city names can look like people's names).
_WEAK_VALUE_RULES = (
    (_is_chinese_name, "基本信息", PERSONAL, "值像中文姓名"),
    (_is_satisfaction, "满意度", NOT_PERSONAL, "值为 满意 / 一般 / 不满意"),
)


def _classify_values(values: pd.Series, rules, threshold: float) -> tuple[str, str, str] | None:
    texts = values.dropna().astype(str).str.strip()
    texts = texts[texts != ""]
    if texts.empty:
        return None
    for test, info_class, level, reason in rules:
        share = float(np.mean([test(text) for text in texts]))
        if share >= threshold:
            return info_class, level, f"{reason} ({share:.0%})"
    return None


def classify_columns(
    frame: pd.DataFrame, *, sample: int = 500, threshold: float = 0.8
) -> pd.DataFrame:
    """Classify each column of a customer table and flag personal information.

    Three steps, the first that matches decides (a value pattern matches when at least
    ``threshold`` of the first ``sample`` non-empty values match it):

    1. values that look like ID card numbers (18 characters with a valid check digit,
       :func:`id_card_is_valid`), Chinese mobile numbers (``1[3-9]`` and 9 more digits,
       optional ``+86``) or e-mail addresses;
    2. the column name, against Chinese and English patterns (``手机`` / ``phone``,
       ``收入`` / ``income``, ``订单`` / ``invoice``, ``满意`` / ``rating``...);
    3. values that look like Chinese names (2 to 4 Han characters starting with a common
       surname) or satisfaction answers (满意 / 一般 / 不满意).

    Personal information (个人信息, PIPL art. 4) is any information, recorded electronically
    or otherwise, relating to an identified or identifiable natural person, except
    anonymized information. So the level of a column depends on its table: when the table
    holds a column that identifies a person or helps to (a name, phone, customer id, or
    traits such as age, job or city that, combined, can single a person out), every column
    of it is information about that person, and behavior, need and satisfaction columns
    are 个人信息 too. Only in a table with no such column are they flagged 非个人信息 (they
    become personal information again the moment they are joined to a customer id).

    Sensitive personal information (敏感个人信息) is defined in PIPL art. 28: information
    whose leak or unlawful use can easily harm a person's dignity or the safety of person
    or property, "including" biometrics, religious belief, specific identity (特定身份),
    medical health, financial accounts, whereabouts (行踪轨迹), and all personal
    information of minors under fourteen. Financial accounts and balances, precise
    location and health data fall under that list; ID card numbers are not named in it,
    but the national standard GB/T 35273-2020 (信息安全技术 个人信息安全规范, Annex B)
    lists identity document numbers as sensitive, and their leak exposes people to fraud,
    so they are flagged sensitive here.

    Parameters
    ----------
    frame : pandas.DataFrame
        Any table, one column per attribute.
    sample : int, default 500
        How many non-empty values per column are checked (the first ones).
    threshold : float, default 0.8
        Share of sampled values that must match a value pattern.

    Returns
    -------
    pandas.DataFrame
        Indexed by column name: ``info_class`` (基本信息 / 行为 / 需求 / 满意度, or 未分类),
        ``personal`` (敏感个人信息 / 个人信息 / 非个人信息), ``is_personal`` (bool) and
        ``reason`` (the rule that decided, in Chinese).

    Examples
    --------
    >>> import pandas as pd
    >>> customers = pd.DataFrame({
    ...     "客户": ["张三丰", "李四"], "联系方式": ["13812345678", "13987654321"],
    ...     "income": [5000, 8000], "订单数": [3, 1], "评价": ["满意", "一般"]})
    >>> classify_columns(customers)[["info_class", "personal"]]
         info_class personal
    客户         基本信息     个人信息
    联系方式       基本信息     个人信息
    income     基本信息     个人信息
    订单数          行为     个人信息
    评价          满意度     个人信息

    Without any column that could identify a person, the same columns are not personal:

    >>> classify_columns(customers[["订单数", "评价"]])["personal"].tolist()
    ['非个人信息', '非个人信息']
    """
    if not isinstance(frame, pd.DataFrame):
        raise DataError(f"需要 pandas.DataFrame (a table)，收到 {type(frame).__name__}")
    if sample < 1 or not 0 < threshold <= 1:
        raise ParameterError(
            f"参数无效 (invalid): sample={sample!r} 须 >= 1，threshold={threshold!r} 须在 (0, 1]"
        )
    rows = []
    for column in frame.columns:
        values = frame[column].dropna().head(sample)
        name = str(column).strip().lower()
        found = (
            _classify_values(values, _STRONG_VALUE_RULES, threshold)
            or next((rule[1:] for rule in _NAME_RULES if re.search(rule[0], name)), None)
            or _classify_values(values, _WEAK_VALUE_RULES, threshold)
            or (UNCLASSIFIED, NOT_PERSONAL, "列名和值都不匹配任何规则 (no rule matched)")
        )
        rows.append((column, *found))
    identifying = [column for column, _, level, _ in rows if level != NOT_PERSONAL]
    if identifying:
        shown = "、".join(map(str, identifying[:2])) + ("等" if len(identifying) > 2 else "")
        about = f"和{shown}在同一行，是可识别的个人的信息（第 4 条）"
        rows = [
            (column, info_class, PERSONAL, f"{reason}；{about}")
            if level == NOT_PERSONAL
            else (column, info_class, level, reason)
            for column, info_class, level, reason in rows
        ]
    rows = [(column, c, level, level != NOT_PERSONAL, why) for column, c, level, why in rows]
    table = pd.DataFrame(
        rows, columns=["column", "info_class", "personal", "is_personal", "reason"]
    )
    return table.set_index("column").rename_axis(None)


def pseudonymize(values: pd.Series, salt: str, *, length: int = 16) -> pd.Series:
    """Replace ids by salted SHA-256 pseudonyms (去标识化): stable, not reversible without the salt.

    Each value becomes the first ``length`` hex digits of HMAC-SHA-256(key=salt, message=
    the value as text). The same id always gets the same pseudonym under the same salt, so
    tables can still be joined; without the salt nobody can rebuild the table of pseudonyms
    by hashing every possible id. Keep the salt secret and apart from the data. Integer-like
    floats (``17850.0``) hash like the integer (``17850``); missing values stay missing.

    Parameters
    ----------
    values : pandas.Series
        The ids (customer numbers, phone numbers...).
    salt : str
        A secret of at least 8 characters.
    length : int, default 16
        Hex digits kept (8 to 64); 16 digits make a collision among a million ids
        improbable (about 3e-8).

    Returns
    -------
    pandas.Series
        Same index and name, string dtype.

    Examples
    --------
    >>> import pandas as pd
    >>> ids = pd.Series([17850, 13047, 17850], name="customer_id")
    >>> pseudonymize(ids, salt="门店-2024-秘钥").tolist()
    ['a924d734be18612e', 'de14e261fda880d7', 'a924d734be18612e']
    >>> pseudonymize(ids, salt="")
    Traceback (most recent call last):
    ...
    custseg.errors.ParameterError: 盐 (salt) 不能为空，且至少 8 个字符：收到 ''
    """
    if not isinstance(salt, str) or len(salt) < 8:
        raise ParameterError(f"盐 (salt) 不能为空，且至少 8 个字符：收到 {salt!r}")
    if not 8 <= int(length) <= 64:
        raise ParameterError(f"长度 (length) 须在 8 到 64 之间：收到 {length!r}")
    series = pd.Series(values)
    key = salt.encode("utf-8")

    def digest(value: object) -> object:
        if pd.isna(value):
            return pd.NA
        if isinstance(value, float | np.floating) and float(value).is_integer():
            value = int(value)
        message = str(value).encode("utf-8")
        return hmac.new(key, message, hashlib.sha256).hexdigest()[: int(length)]

    return series.map(digest).astype("string")


def mask_name(name: object) -> object:
    """Keep the surname, mask the rest: ``"张三丰" -> "张**"``.

    Compound surnames (欧阳, 司马, 诸葛...) are kept whole. Latin names keep the first
    letter of each word. Missing values are returned unchanged.

    Examples
    --------
    >>> mask_name("张三丰"), mask_name("欧阳修"), mask_name("John Smith")
    ('张**', '欧阳*', 'J*** S****')
    """
    if not isinstance(name, str):
        if pd.isna(name):
            return name
        raise DataError(f"姓名 (name) 须为文字：收到 {name!r}")
    text = name.strip()
    if not text:
        return text
    if " " in text:
        return " ".join(word[0] + "*" * (len(word) - 1) for word in text.split())
    kept = 2 if text.startswith(_COMPOUND_SURNAMES) and len(text) > 2 else 1
    return text[:kept] + "*" * (len(text) - kept)


def mask_phone(phone: object) -> object:
    """Mask the middle of a phone number: ``"13812345678" -> "138****5678"``.

    Spaces, dashes and a leading ``+86`` are dropped. An 11-digit mobile number keeps its
    first 3 and last 4 digits; other numbers of 7 digits or more keep only the last 4.

    Examples
    --------
    >>> mask_phone("13812345678"), mask_phone("+86 139-8765-4321"), mask_phone("010-6552 9988")
    ('138****5678', '139****4321', '*******9988')
    >>> mask_phone("12-34")
    Traceback (most recent call last):
    ...
    custseg.errors.DataError: 不像电话号码 (not a phone number)：'12-34'
    """
    if phone is None or (not isinstance(phone, str) and pd.isna(phone)):
        return phone
    digits = re.sub(r"\D", "", str(phone))
    if str(phone).strip().startswith("+86") or (len(digits) == 13 and digits.startswith("86")):
        digits = digits[2:]
    if len(digits) < 7:
        raise DataError(f"不像电话号码 (not a phone number)：{phone!r}")
    if len(digits) == 11 and digits.startswith("1"):
        return digits[:3] + "****" + digits[-4:]
    return "*" * (len(digits) - 4) + digits[-4:]


def mask_email(email: object) -> object:
    """Keep the first letter and the domain of an e-mail address: ``"z***@example.com"``.

    Examples
    --------
    >>> mask_email("zhangsan@example.com")
    'z*******@example.com'
    """
    if email is None or (not isinstance(email, str) and pd.isna(email)):
        return email
    text = str(email).strip()
    if not _EMAIL.match(text):
        raise DataError(f"不像电子邮箱 (not an e-mail address)：{email!r}")
    user, domain = text.split("@", 1)
    return user[0] + "*" * (len(user) - 1) + "@" + domain


@dataclass(frozen=True)
class KAnonymity:
    """The result of :func:`k_anonymity`.

    Attributes
    ----------
    k : int
        The size of the smallest group of rows sharing the same quasi-identifier values:
        every row looks like at least ``k - 1`` others.
    groups : int
        Number of distinct combinations of quasi-identifier values.
    smallest : pandas.DataFrame
        The smallest groups: their quasi-identifier values and ``rows``, smallest first.
    quasi_identifiers : tuple of str
        The columns used.
    """

    k: int
    groups: int
    smallest: pd.DataFrame
    quasi_identifiers: tuple[str, ...]

    def __str__(self) -> str:
        names = "、".join(self.quasi_identifiers)
        return f"k = {self.k}（准标识符 {names}；{self.groups} 个组合）"


def _plain(value: object) -> object:
    """A numpy scalar as the Python value it holds, so messages read 20, not np.int64(20)."""
    return value.item() if isinstance(value, np.generic) else value


def group_sizes(frame: pd.DataFrame, quasi_identifiers: Sequence[str]) -> pd.DataFrame:
    """Every combination of the quasi-identifiers' values and how many rows share it.

    Missing values count as a value of their own, so no row is left out: the ``rows``
    add up to the rows of ``frame``.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per person. Not modified.
    quasi_identifiers : str or sequence of str
        The columns an outsider could know.

    Returns
    -------
    pandas.DataFrame
        One row per combination (in the order of the values): the quasi-identifier
        columns, then ``rows``.

    Raises
    ------
    ParameterError
        No column given.
    DataError
        A column is missing (named) or the table is empty.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"城市": ["北京", "拉萨", "北京", None], "性别": ["女"] * 4})
    >>> group_sizes(table, ["城市", "性别"])
        城市 性别  rows
    0   北京  女     2
    1   拉萨  女     1
    2  NaN  女     1
    """
    if isinstance(quasi_identifiers, str):
        quasi_identifiers = [quasi_identifiers]
    columns = list(quasi_identifiers)
    if not columns:
        raise ParameterError("至少需要一个准标识符列 (quasi-identifier column)")
    require_columns(frame, columns, what="数据表 (table)")
    if frame.empty:
        raise DataError("数据表是空的 (empty table)：无法计算 k")
    sizes = frame.groupby(columns, dropna=False, observed=True).size()
    return sizes.rename("rows").reset_index()


def k_anonymity(
    frame: pd.DataFrame, quasi_identifiers: Sequence[str], *, show: int = 5
) -> KAnonymity:
    """k-anonymity of a table on its quasi-identifiers (准标识符).

    Quasi-identifiers are columns that identify no one alone but can single a person out
    together (age, job, marital status, postcode...). A table is k-anonymous when every
    combination of their values is shared by at least k rows; with k = 1 someone who
    knows a neighbor's age, job and education may find the neighbor's row. Missing
    values count as a value of their own.

    Parameters
    ----------
    frame : pandas.DataFrame
        The table to hand over, one row per person.
    quasi_identifiers : sequence of str
        The columns an outsider could know.
    show : int, default 5
        How many of the smallest groups to return.

    Returns
    -------
    KAnonymity
        ``k``, the number of ``groups`` and the ``smallest`` groups.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"年龄段": ["25-34岁"] * 3 + ["35-44岁"] * 2,
    ...                       "职业": ["教师", "教师", "教师", "医生", "教师"]})
    >>> result = k_anonymity(table, ["年龄段", "职业"])
    >>> result.k, result.groups
    (1, 3)
    >>> result.smallest
           年龄段  职业  rows
    0  35-44岁  医生     1
    1  35-44岁  教师     1
    2  25-34岁  教师     3
    """
    sizes = group_sizes(frame, quasi_identifiers)
    ordered = sizes.sort_values("rows", kind="stable").reset_index(drop=True)
    names = (quasi_identifiers,) if isinstance(quasi_identifiers, str) else quasi_identifiers
    return KAnonymity(
        k=int(ordered["rows"].iloc[0]),
        groups=len(ordered),
        smallest=ordered.head(show),
        quasi_identifiers=tuple(names),
    )


def check_k_anonymity(
    frame: pd.DataFrame,
    quasi_identifiers: Sequence[str],
    *,
    k_min: int = 5,
    raise_error: bool = True,
) -> KAnonymity:
    """Check that a table is at least ``k_min``-anonymous before it is handed over.

    Parameters
    ----------
    frame, quasi_identifiers
        As in :func:`k_anonymity`.
    k_min : int, default 5
        The smallest group size accepted.
    raise_error : bool, default True
        Raise :class:`~custseg.errors.DataError` when k < k_min; with False, return the
        result and let the caller decide (``result.k < k_min``).

    Returns
    -------
    KAnonymity

    Raises
    ------
    DataError
        When k < k_min, naming the smallest group and how many rows sit in groups that
        are too small.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"城市": ["北京"] * 5 + ["拉萨"], "性别": ["女"] * 6})
    >>> check_k_anonymity(table, ["城市", "性别"], k_min=5)
    Traceback (most recent call last):
    ...
    custseg.errors.DataError: k = 1 < 5：1 行所在的组合少于 5 行，可能识别到个人 (re-identification risk)。最小的组合：城市='拉萨', 性别='女'（1 行）。请合并取值（如年龄分段、地区归并）或删除这些行。
    """
    if int(k_min) < 1:
        raise ParameterError(f"k_min 须 >= 1：收到 {k_min!r} (k_min must be >= 1)")
    result = k_anonymity(frame, quasi_identifiers)
    if result.k >= k_min or not raise_error:
        return result
    sizes = group_sizes(frame, quasi_identifiers)
    at_risk = int(sizes.loc[sizes["rows"] < k_min, "rows"].sum())
    first = result.smallest.iloc[0]
    where = ", ".join(f"{name}={_plain(first[name])!r}" for name in result.quasi_identifiers)
    raise DataError(
        f"k = {result.k} < {k_min}：{at_risk} 行所在的组合少于 {k_min} 行，"
        f"可能识别到个人 (re-identification risk)。最小的组合：{where}（{first['rows']} 行）。"
        "请合并取值（如年龄分段、地区归并）或删除这些行。"
    )


def suppress_small_groups(
    frame: pd.DataFrame, quasi_identifiers: Sequence[str], *, k_min: int = 5
) -> pd.DataFrame:
    """Drop the rows whose quasi-identifier combination has fewer than ``k_min`` rows.

    The result is ``k_min``-anonymous on ``quasi_identifiers`` (or empty). Generalize first
    (age bands, regions) so that few rows are lost; the input is not changed.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"城市": ["北京"] * 5 + ["拉萨"], "消费": range(6)})
    >>> suppress_small_groups(table, ["城市"], k_min=5)["城市"].unique().tolist()
    ['北京']
    """
    if int(k_min) < 1:
        raise ParameterError(f"k_min 须 >= 1：收到 {k_min!r} (k_min must be >= 1)")
    columns = [quasi_identifiers] if isinstance(quasi_identifiers, str) else list(quasi_identifiers)
    group_sizes(frame, columns)  # validates the columns
    sizes = frame.groupby(columns, dropna=False, observed=True)[columns[0]].transform("size")
    return frame.loc[sizes.to_numpy() >= k_min].copy()


_PIPL_ROWS = (
    (
        "个人信息的定义",
        "第4条",
        "个人信息是以电子或者其他方式记录的、与已识别或者可识别的自然人有关的各种信息，不包括匿名化处理后的信息。"
        "一张表里只要有姓名、客户编号等能认出人的列，同一行的购买、需求、满意度记录也都是个人信息。",
        "客户表的每一列（包括消费、偏好、满意度）都按个人信息保护；只有匿名化后的汇总数字才不是。",
    ),
    (
        "合法依据与同意",
        "第13、14条",
        "处理个人信息要有法定依据，最常见的是个人的同意；同意须在充分知情的前提下自愿、明确作出。"
        "为订立、履行合同所必需等情形可不取得同意。目的或方式变了，要重新取得同意。",
        "确认客户数据当初是在什么依据下收集的；用于营销分析是否在告知的目的之内。",
    ),
    (
        "告知",
        "第7、17条",
        "处理前以显著方式、清晰易懂的语言告知：处理者是谁、目的、方式、信息种类、保存期限、个人如何行使权利。",
        "隐私政策里写明会做客户分析与个性化推荐。",
    ),
    (
        "目的限制与最小必要",
        "第5、6、19条",
        "目的要明确、合理，与处理直接相关；只收集实现目的所需的最少信息；保存期限为实现目的所必要的最短时间。",
        "分群只取需要的列（如 R / F / M），不带姓名、电话；用完按期删除。",
    ),
    (
        "敏感个人信息",
        "第28条（定义）、第29-32条（处理规则）",
        "第28条：敏感个人信息是一旦泄露或者非法使用，容易导致自然人的人格尊严受到侵害或者人身、财产安全受到危害的个人信息，"
        "包括生物识别、宗教信仰、特定身份、医疗健康、金融账户、行踪轨迹等信息，以及不满十四周岁未成年人的个人信息。"
        "只有在特定目的和充分必要、并采取严格保护措施时才可处理，须取得单独同意（第29条），并告知必要性和对个人的影响（第30条）；"
        "处理不满十四周岁未成年人的信息要取得父母或者其他监护人的同意（第31条）。",
        "银行卡号、账户余额、精确位置一般不进入分群表；身份证号不在第28条的列举中，但国家标准 GB/T 35273-2020 附录 B 把它列为"
        "个人敏感信息，泄露后容易被冒用，按敏感个人信息对待；确需使用要单独同意。",
    ),
    (
        "去标识化与匿名化",
        "第73条（定义）、第4条、第51条",
        "第73条：去标识化是个人信息经过处理，使其在不借助额外信息的情况下无法识别特定自然人的过程（如加盐哈希的编号）——"
        "仍是个人信息，要保护好盐和对照表；匿名化是个人信息经过处理无法识别特定自然人且不能复原的过程——"
        "匿名化处理后的信息不再属于个人信息（第4条）。第51条把去标识化列为处理者应当采取的安全措施之一。",
        "交给团队的表用假名编号、遮蔽姓名电话，并检查 k-匿名（k 足够大）。",
    ),
    (
        "自动化决策与个性化推荐",
        "第24条",
        "利用个人信息进行自动化决策要透明、结果公平公正，不得在交易价格等条件上实行不合理的差别待遇；"
        "个性化推送、商业营销要同时提供不针对个人特征的选项，或便捷的拒绝方式。",
        "推荐与定向营销提供“不感兴趣 / 关闭个性化推荐”的选项；不按客户分群区别定价。",
    ),
    (
        "向他人提供与委托处理",
        "第21、23条",
        "委托外部公司处理要签约约定目的、期限、方式和保护措施并监督；向其他处理者提供个人信息要告知并取得单独同意。",
        "把客户数据交给外部分析公司前先确认合同与同意。",
    ),
    (
        "个人的权利",
        "第15、44-48条",
        "个人有知情权、决定权，可限制或拒绝处理，可查阅、复制、更正、补充、删除，可要求解释处理规则，可撤回同意。",
        "能按客户要求查出、删除其记录，并退出营销名单。",
    ),
    (
        "安全措施与影响评估",
        "第51、55、56条",
        "要对个人信息分类管理、加密、去标识化、控制访问权限、培训员工；处理敏感个人信息、自动化决策、"
        "向他人提供或出境等情形，事前要做个人信息保护影响评估并留存记录。",
        "按 基本信息 / 行为 / 需求 / 满意度 分类并标出个人信息，限定谁能看哪些列。",
    ),
    (
        "跨境提供",
        "第38-40条",
        "向境外提供个人信息要满足条件之一：通过国家网信部门的安全评估、经专业机构认证、或按标准合同与境外方订约等；"
        "并告知个人、取得单独同意。关键信息基础设施运营者和处理量达到规定数量的处理者原则上境内存储。",
        "总部或云服务在境外时，先问合规部门再传数据。",
    ),
)

PIPL_SUMMARY = (
    "《中华人民共和国个人信息保护法》（2021年11月1日起施行）对客户分类工作的主要要求（概要，非法律意见）：\n"
    + "\n".join(
        f"{number}. {topic}（{article}）：{text}"
        for number, (topic, article, text, _) in enumerate(_PIPL_ROWS, start=1)
    )
    + "\n以上为通俗概括，条文和配套规定会更新，具体问题请以法律原文为准并咨询法务或合规部门。"
)
"""Plain-Chinese summary of what the PIPL asks of customer-segmentation work. Not legal advice."""


def pipl_checklist() -> pd.DataFrame:
    """What China's 个人信息保护法 (PIPL) asks of segmentation work, as a checklist.

    A plain-language summary, not legal advice: check the law text and ask the company's
    legal or compliance staff for any real case.

    Returns
    -------
    pandas.DataFrame
        One row per requirement: ``要求`` (topic), ``条款`` (articles of the PIPL),
        ``说明`` (what the law asks) and ``在客户分类中`` (what it means for this work).

    Examples
    --------
    >>> checklist = pipl_checklist()
    >>> checklist["要求"].tolist()[:3]
    ['个人信息的定义', '合法依据与同意', '告知']
    >>> "单独同意" in checklist.set_index("要求").loc["敏感个人信息", "说明"]
    True
    """
    return WholeTextTable(list(_PIPL_ROWS), columns=["要求", "条款", "说明", "在客户分类中"])


def generalize_ages(ages: pd.Series, width: int) -> pd.Series:
    """Ages cut into bands ``width`` years wide, starting at multiples of ``width``.

    With ``width=1`` the exact ages are kept (as text, ``"37岁"``); otherwise a band reads
    ``"30-39岁"`` (width 10) or ``"35-39岁"`` (width 5).

    Parameters
    ----------
    ages : pandas.Series
        Whole or fractional ages; missing values stay missing.
    width : int
        Band width in years, 1 to 100.

    Returns
    -------
    pandas.Series
        Same index and name, text labels.

    Examples
    --------
    >>> import pandas as pd
    >>> generalize_ages(pd.Series([37, 30, 44.5, None]), 10).tolist()
    ['30-39岁', '30-39岁', '40-49岁', nan]
    >>> generalize_ages(pd.Series([37]), 1).tolist()
    ['37岁']
    """
    if isinstance(width, bool) or not isinstance(width, int | np.integer) or not 1 <= width <= 100:
        raise ParameterError(f"年龄段宽度 (width) 须为 1 到 100 的整数：收到 {width!r}")
    values = pd.to_numeric(ages, errors="coerce")
    wrong = values.isna() & pd.Series(ages).notna()
    if wrong.any():
        row = values.index[wrong.to_numpy()][0]
        raise DataError(f"年龄 (age) 不是数字：索引 (index) {row!r}，值 (value) {ages.loc[row]!r}")
    low = (np.floor(values / width) * width).astype("Int64")
    if width == 1:
        labels = low.astype("string") + "岁"
    else:
        labels = low.astype("string") + "-" + (low + width - 1).astype("string") + "岁"
    return labels.astype(object).where(values.notna(), np.nan).rename(pd.Series(ages).name)


_SIZE_EDGES = (1, 2, 3, 5, 10, 50)


def group_size_classes(sizes: Sequence[int], k_min: int) -> pd.DataFrame:
    """How many rows sit in groups of size 1, 2, 3-4, 5-9, 10-49 and ≥50 (split at ``k_min``).

    Parameters
    ----------
    sizes : sequence of int
        The number of rows of each quasi-identifier combination, e.g.
        ``frame.groupby(columns).size()``.
    k_min : int
        The smallest acceptable group; the classes below it are at risk.

    Returns
    -------
    pandas.DataFrame
        One row per size class, smallest first, indexed by its label: ``rows`` (rows in
        groups of that size) and ``at_risk`` (the class is below ``k_min``).

    Examples
    --------
    >>> group_size_classes([6, 1, 1], k_min=5)
            rows  at_risk
    1          2     True
    2          0     True
    3-4        0     True
    5-9        6    False
    10-49      0    False
    ≥50        0    False
    """
    k_min = int(k_min)
    if k_min < 1:
        raise ParameterError(f"k_min 须 >= 1：收到 {k_min!r} (k_min must be >= 1)")
    sizes = np.asarray(sizes)
    edges = sorted({*_SIZE_EDGES, k_min})
    labels, rows, at_risk = [], [], []
    for low, end in zip(edges, [*edges[1:], np.inf], strict=True):
        high = end - 1
        labels.append(f"≥{low}" if end == np.inf else f"{low}" if low == high else f"{low}-{high}")
        rows.append(int(sizes[(sizes >= low) & (sizes < end)].sum()))
        at_risk.append(bool(high < k_min))
    return pd.DataFrame({"rows": rows, "at_risk": at_risk}, index=pd.Index(labels))


def k_risk(frame: pd.DataFrame, quasi_identifiers: Sequence[str], *, k_min: int = 5) -> dict:
    """k, number of combinations and rows in combinations smaller than ``k_min``.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per person.
    quasi_identifiers : sequence of str
        The columns an outsider could know.
    k_min : int, default 5
        The smallest group size accepted.

    Returns
    -------
    dict
        ``k``, ``groups``, ``rows_at_risk`` (rows whose combination has fewer than ``k_min``
        rows) and ``share_at_risk`` (of all rows).

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"城市": ["北京"] * 5 + ["拉萨"], "性别": ["女"] * 6})
    >>> k_risk(table, ["城市", "性别"], k_min=5)
    {'k': 1, 'groups': 2, 'rows_at_risk': 1, 'share_at_risk': 0.16666666666666666}
    """
    if isinstance(k_min, bool) or not isinstance(k_min, int | np.integer) or k_min < 1:
        raise ParameterError(f"k_min 须为正整数：收到 {k_min!r} (k_min must be a positive integer)")
    sizes = group_sizes(frame, list(quasi_identifiers))["rows"]
    at_risk = int(sizes[sizes < k_min].sum())
    return {
        "k": int(sizes.min()),
        "groups": len(sizes),
        "rows_at_risk": at_risk,
        "share_at_risk": at_risk / len(frame),
    }


def k_risk_title(risk: dict, k_min: int) -> str:
    """A chart title from :func:`k_risk`: k and the rows in combinations below ``k_min``.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"城市": ["北京"] * 5 + ["拉萨"]})
    >>> k_risk_title(k_risk(table, ["城市"], k_min=5), 5)
    'k-匿名检查 (k-anonymity)：k = 1，1 行 (16.7%) 在少于 5 行的组合中'
    """
    return (
        f"k-匿名检查 (k-anonymity)：k = {risk['k']}，{risk['rows_at_risk']:,} 行 "
        f"({risk['share_at_risk']:.1%}) 在少于 {k_min} 行的组合中"
    )


def example_customers() -> pd.DataFrame:
    """A made-up customer table holding all four classes of information (six customers).

    Names are placeholders (张三, 李四...), phone numbers start with 1380000, e-mail
    addresses are at example.com, and the ID and bank card numbers are already masked:
    nothing in it belongs to a real person.

    Examples
    --------
    >>> table = example_customers()
    >>> table.shape
    (6, 14)
    >>> table.columns.tolist()[:4]
    ['客户编号', '姓名', '手机', '邮箱']
    """
    return pd.DataFrame(
        {
            "客户编号": ["C0001", "C0002", "C0003", "C0004", "C0005", "C0006"],
            "姓名": ["张三", "李四", "王五", "赵六", "欧阳小明", "孙七"],
            "手机": [f"1380000000{i}" for i in range(1, 7)],
            "邮箱": [
                f"{user}@example.com"
                for user in ("zhangsan", "lisi", "wangwu", "zhaoliu", "xiaoming", "sunqi")
            ],
            "身份证号": [
                f"{area}**********00{i}{i}"
                for i, area in enumerate(("1101", "3101", "4401", "5101", "3301", "4201"), start=1)
            ],
            "银行卡号": [f"6222 **** **** 000{i}" for i in range(1, 7)],
            "年龄": [28, 35, 42, 35, 23, 51],
            "城市": ["北京", "上海", "广州", "成都", "杭州", "武汉"],
            "最近购买日期": pd.to_datetime(
                ["2024-05-02", "2024-04-18", "2024-01-09", "2024-05-20", "2023-11-30", "2024-03-15"]
            ),
            "购买次数": [12, 5, 2, 8, 1, 6],
            "消费金额": [5600.0, 1800.0, 450.0, 3200.0, 99.0, 2100.0],
            "浏览次数": [40, 22, 5, 31, 3, 18],
            "需求偏好": ["性价比", "品质", "性价比", "新品", "品质", "服务"],
            "满意度": ["满意", "一般", "不满意", "满意", "一般", "满意"],
        }
    )


def personal_information_table(frame: pd.DataFrame) -> pd.DataFrame:
    """:func:`classify_columns` as a table to read: one row per column, Chinese headers.

    Returns
    -------
    pandas.DataFrame
        Columns ``列名``, ``信息类别``, ``个人信息级别`` and ``判断依据``.

    Examples
    --------
    >>> table = personal_information_table(example_customers())
    >>> table.columns.tolist()
    ['列名', '信息类别', '个人信息级别', '判断依据']
    >>> table.set_index("列名").loc[["银行卡号", "满意度"], "个人信息级别"].tolist()
    ['敏感个人信息', '个人信息']
    """
    classes = classify_columns(frame)
    return pd.DataFrame(
        {
            "列名": [str(name) for name in classes.index],
            "信息类别": classes["info_class"].to_numpy(),
            "个人信息级别": classes["personal"].to_numpy(),
            "判断依据": classes["reason"].to_numpy(),
        }
    )


_MASKS = (
    (("姓名", "值像中文姓名"), mask_name, "遮蔽姓名"),
    (("联系电话", "值像手机号码"), mask_phone, "遮蔽电话"),
    (("电子邮箱", "值像电子邮箱"), mask_email, "遮蔽邮箱"),
)


def deidentify(frame: pd.DataFrame, *, salt: str) -> pd.DataFrame:
    """The table to hand to an analysis team (去标识化): what :func:`classify_columns` finds.

    Sensitive columns (ID and bank card numbers, precise location, health...) are dropped;
    customer ids become salted pseudonyms (:func:`pseudonymize`); names, phone numbers
    and e-mail addresses are masked (:func:`mask_name`, :func:`mask_phone`,
    :func:`mask_email`). Every other column is kept as it is. The result is still
    personal information (PIPL art. 73 and 4): keep the salt apart from the data.

    Parameters
    ----------
    frame : pandas.DataFrame
        One row per customer.
    salt : str
        The secret for the pseudonyms, at least 8 characters.

    Returns
    -------
    pandas.DataFrame
        A new table, same rows; ``frame`` is not changed.

    Examples
    --------
    >>> table = deidentify(example_customers(), salt="示例门店-保密盐-2024")
    >>> table.columns.tolist()[:5]
    ['客户编号', '姓名', '手机', '邮箱', '年龄']
    >>> table.loc[0, ["姓名", "手机"]].tolist()
    ['张*', '138****0001']
    """
    classes = classify_columns(frame)
    result = frame.copy()
    for column in frame.columns:
        level, reason = classes.loc[column, "personal"], str(classes.loc[column, "reason"])
        if level == SENSITIVE:
            result = result.drop(columns=column)
        elif reason.startswith("客户标识"):
            result[column] = pseudonymize(frame[column], salt)
        else:
            for starts, mask, _ in _MASKS:
                if reason.startswith(starts):
                    result[column] = frame[column].map(mask)
    return result


def with_age_bands(frame: pd.DataFrame, *, column: str = "age", width: int = 10) -> pd.DataFrame:
    """A copy of ``frame`` whose age column is cut into bands (:func:`generalize_ages`).

    Examples
    --------
    >>> import pandas as pd
    >>> with_age_bands(pd.DataFrame({"age": [37, 52]}), width=10)["age"].tolist()
    ['30-39岁', '50-59岁']
    """
    require_columns(frame, [column], what="数据表 (table)")
    result = frame.copy()
    result[column] = generalize_ages(frame[column], width)
    return result


def k_anonymity_summary(
    frame: pd.DataFrame, quasi_identifiers: Sequence[str], *, k_min: int = 5
) -> pd.DataFrame:
    """One row to read: k, the combinations, the rows at risk and the verdict.

    Parameters
    ----------
    frame, quasi_identifiers
        As in :func:`k_anonymity`.
    k_min : int, default 5
        The smallest group size accepted.

    Returns
    -------
    pandas.DataFrame
        Columns ``准标识符``, ``k（最小组合的行数）``, ``不同组合数``,
        ``少于 k_min 行的组合中的行数`` (with the number), ``占全部行`` (as "12.3%") and
        ``结论`` (可以交给团队 / 有被认出的风险).

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"城市": ["北京"] * 5 + ["拉萨"], "性别": ["女"] * 6})
    >>> summary = k_anonymity_summary(table, ["城市", "性别"], k_min=5)
    >>> summary.columns.tolist()[1:4]
    ['k（最小组合的行数）', '不同组合数', '少于 5 行的组合中的行数']
    >>> summary.iloc[0, 1:].astype(str).tolist()
    ['1', '2', '1', '16.7%', '有被认出的风险']
    """
    columns = [quasi_identifiers] if isinstance(quasi_identifiers, str) else list(quasi_identifiers)
    risk = k_risk(frame, columns, k_min=k_min)
    return pd.DataFrame(
        {
            "准标识符": ["、".join(map(str, columns))],
            "k（最小组合的行数）": [risk["k"]],
            "不同组合数": [risk["groups"]],
            f"少于 {k_min} 行的组合中的行数": [risk["rows_at_risk"]],
            "占全部行": [f"{risk['share_at_risk']:.1%}"],
            "结论": ["可以交给团队" if risk["k"] >= k_min else "有被认出的风险"],
        }
    )


# Old spellings, kept for released notebooks and learners' code (not in __all__).
pseudonymise = renamed_function(pseudonymize, "pseudonymise")
generalise_ages = renamed_function(generalize_ages, "generalise_ages")
