"""custseg.privacy on Bank Marketing, Online Retail and small hand-made tables."""

from __future__ import annotations

import hashlib
import hmac

import duckdb
import numpy as np
import pandas as pd
import pytest

from custseg.errors import DataError, ParameterError
from custseg.privacy import (
    INFO_CLASSES,
    PIPL_SUMMARY,
    check_k_anonymity,
    classify_columns,
    deidentify,
    example_customers,
    group_size_classes,
    group_sizes,
    id_card_is_valid,
    k_anonymity,
    k_anonymity_summary,
    k_risk,
    k_risk_title,
    mask_email,
    mask_name,
    mask_phone,
    personal_information_table,
    pipl_checklist,
    pseudonymize,
    suppress_small_groups,
    with_age_bands,
)

QUASI = ["age", "job", "marital", "education"]
SALT = "custseg-test-salt"


def _with_check_digit(first17: str) -> str:
    """An ID number for the test, check digit by the MOD 11-2 formula written out."""
    weights = [2 ** (17 - i) % 11 for i in range(17)]  # 7, 9, 10, 5, ... by definition
    remainder = (12 - sum(int(d) * w for d, w in zip(first17, weights, strict=True)) % 11) % 11
    return first17 + ("X" if remainder == 10 else str(remainder))


def test_check_digit_matches_the_standard():
    assert _with_check_digit("11010519491231002") == "11010519491231002X"
    rng = np.random.default_rng(0)
    for _ in range(200):
        body = "".join(map(str, rng.integers(0, 10, 17)))
        good = _with_check_digit(body)
        assert id_card_is_valid(good)
        wrong = "0123456789X".replace(good[-1], "")[int(rng.integers(0, 10))]
        assert not id_card_is_valid(body + wrong)
    assert not id_card_is_valid("1101051949123100")  # too short
    assert not id_card_is_valid(None)


def test_classify_bank_marketing(bank):
    table = classify_columns(bank)
    assert table.index.tolist() == bank.columns.tolist()
    assert set(table["info_class"]) <= {*INFO_CLASSES, "未分类"}
    basic = ["age", "job", "marital", "education"]
    assert (table.loc[basic, "info_class"] == "基本信息").all()
    assert (table.loc[basic, "personal"] == "个人信息").all()
    # balances, loans and credit default are financial information: sensitive under the PIPL
    assert (table.loc[["balance", "loan", "default"], "personal"] == "敏感个人信息").all()
    campaign = ["contact", "duration", "campaign", "pdays", "previous", "poutcome", "y"]
    assert (table.loc[campaign, "info_class"] == "行为").all()
    # the rows are people who age, job and marital status can single out (PIPL art. 4)
    assert (table.loc[campaign, "personal"] == "个人信息").all()
    assert table.loc[campaign, "reason"].str.contains("第 4 条").all()
    assert (table["is_personal"] == (table["personal"] != "非个人信息")).all()
    alone = classify_columns(bank[campaign])
    assert (alone["personal"] == "非个人信息").all()  # no column that could identify anyone


def test_classify_online_retail(online_retail_clean):
    table = classify_columns(online_retail_clean.head(2_000))
    assert table.loc["customer_id", "personal"] == "个人信息"
    assert table.loc["country", "info_class"] == "基本信息"
    for column in ["invoice_id", "stock_code", "quantity", "amount"]:
        assert table.loc[column, "info_class"] == "行为", column


def test_classify_by_values_and_names():
    rng = np.random.default_rng(1)
    n = 40
    ids = [_with_check_digit("".join(map(str, rng.integers(0, 10, 17)))) for _ in range(n)]
    phones = [f"1{rng.integers(3, 10)}{rng.integers(0, 10**9):09d}" for _ in range(n)]
    frame = pd.DataFrame(
        {
            "a": ids,
            "b": phones,
            "c": [f"user{i}@example.com" for i in range(n)],
            "d": ["张伟", "王芳", "李娜", "欧阳明", "刘洋"] * 8,
            "城市": ["成都", "武汉", "长沙", "北京", "上海"] * 8,  # 成 / 武 are surnames too
            "备注": ["满意", "一般", "不满意", "满意"] * 10,
            "购买意向": ["高", "低"] * 20,
            "Monthly Income": rng.integers(3_000, 20_000, n),
            "满意度评分": rng.integers(1, 6, n),
            "纬度": rng.uniform(20, 45, n),
            "xyz": rng.normal(size=n),
        }
    )
    before = frame.copy()
    table = classify_columns(frame)
    pd.testing.assert_frame_equal(frame, before)
    expected = {
        "a": ("基本信息", "敏感个人信息"),
        "b": ("基本信息", "个人信息"),
        "c": ("基本信息", "个人信息"),
        "d": ("基本信息", "个人信息"),
        "城市": ("基本信息", "个人信息"),
        "备注": ("满意度", "个人信息"),
        "购买意向": ("需求", "个人信息"),
        "Monthly Income": ("基本信息", "个人信息"),
        "满意度评分": ("满意度", "个人信息"),
        "纬度": ("行为", "敏感个人信息"),
        "xyz": ("未分类", "个人信息"),
    }
    for column, (info_class, personal) in expected.items():
        assert tuple(table.loc[column, ["info_class", "personal"]]) == (info_class, personal), (
            column
        )
    assert "身份证" in table.loc["a", "reason"]
    assert "姓名" in table.loc["d", "reason"]
    # without the identifying columns, the same behaviour, need and satisfaction columns
    alone = classify_columns(frame[["备注", "购买意向", "满意度评分", "xyz"]])
    assert alone["info_class"].tolist() == ["满意度", "需求", "满意度", "未分类"]
    assert (alone["personal"] == "非个人信息").all()


def test_example_table_levels_follow_articles_4_and_28():
    table = personal_information_table(example_customers()).set_index("列名")
    assert list(table.columns) == ["信息类别", "个人信息级别", "判断依据"]
    levels = table["个人信息级别"]
    assert set(levels[levels == "敏感个人信息"].index) == {"身份证号", "银行卡号"}
    assert (levels.drop(["身份证号", "银行卡号"]) == "个人信息").all()
    assert "第 28 条" in table.loc["银行卡号", "判断依据"]
    assert "GB/T 35273" in table.loc["身份证号", "判断依据"]


def test_deidentify_drops_sensitive_columns_masks_and_pseudonymizes():
    customers = example_customers()
    before = customers.copy()
    handed = deidentify(customers, salt=SALT)
    pd.testing.assert_frame_equal(customers, before)
    assert "身份证号" not in handed.columns and "银行卡号" not in handed.columns
    assert len(handed) == len(customers)
    assert handed["客户编号"].tolist() == pseudonymize(customers["客户编号"], SALT).tolist()
    assert handed["姓名"].tolist() == [mask_name(n) for n in customers["姓名"]]
    assert handed["手机"].str.fullmatch(r"138\*{4}\d{4}").all()
    assert handed["邮箱"].str.contains(r"\*").all()
    kept = ["年龄", "城市", "购买次数", "消费金额", "需求偏好", "满意度"]
    pd.testing.assert_frame_equal(handed[kept], customers[kept])


def test_k_anonymity_summary_matches_k_risk_on_age_bands(bank):
    quasi = ["age", "job", "marital"]
    banded = with_age_bands(bank, column="age", width=10)
    assert banded["age"].str.endswith("岁").all() and bank["age"].dtype.kind in "if"
    summary = k_anonymity_summary(banded, quasi, k_min=5).iloc[0]
    sizes = banded.groupby(quasi).size()
    assert summary["k（最小组合的行数）"] == sizes.min()
    assert summary["不同组合数"] == len(sizes)
    assert summary["少于 5 行的组合中的行数"] == sizes[sizes < 5].sum()
    assert summary["结论"] == "有被认出的风险"
    safe = suppress_small_groups(banded, quasi, k_min=5)
    assert k_anonymity_summary(safe, quasi, k_min=5).iloc[0]["结论"] == "可以交给团队"


def test_value_rules_need_most_values_to_match():
    phones = pd.DataFrame({"b": ["13812345678", "n/a", "unknown", "13987654321"]})
    assert classify_columns(phones).loc["b", "info_class"] == "未分类"
    assert classify_columns(phones, threshold=0.5).loc["b", "personal"] == "个人信息"
    with pytest.raises(ParameterError, match="threshold"):
        classify_columns(phones, threshold=0)
    with pytest.raises(DataError, match="list"):
        classify_columns([1, 2])


def test_pseudonymize_online_retail_ids(online_retail_clean):
    ids = online_retail_clean["customer_id"].drop_duplicates()
    before = ids.copy()
    codes = pseudonymize(ids, SALT)
    pd.testing.assert_series_equal(ids, before)
    assert codes.index.equals(ids.index) and codes.name == "customer_id"
    assert codes.nunique() == ids.nunique() == 4_338  # no collision
    assert codes.str.fullmatch(r"[0-9a-f]{16}").all()
    for value, code in list(zip(ids, codes, strict=True))[:50]:
        expected = hmac.new(SALT.encode(), str(int(value)).encode(), hashlib.sha256).hexdigest()
        assert code == expected[:16]
    assert pseudonymize(ids, SALT).equals(codes)  # stable
    assert not (pseudonymize(ids, SALT + "x") == codes).any()  # the salt matters
    assert not codes.isin(ids.astype(str)).any()


def test_pseudonymize_types_missing_values_and_bad_salt():
    as_float = pseudonymize(pd.Series([17850.0, np.nan]), SALT)
    as_int = pseudonymize(pd.Series([17850, None], dtype="Int64"), SALT)
    as_text = pseudonymize(pd.Series(["17850", None]), SALT)
    assert as_float[0] == as_int[0] == as_text[0]
    assert as_float.isna()[1] and as_int.isna()[1] and as_text.isna()[1]
    assert len(pseudonymize(pd.Series(["a"]), SALT, length=64)[0]) == 64
    for salt in ["", "short", None]:
        with pytest.raises(ParameterError, match="salt"):
            pseudonymize(pd.Series(["a"]), salt)
    with pytest.raises(ParameterError, match="length"):
        pseudonymize(pd.Series(["a"]), SALT, length=4)


def test_masks():
    names = pd.Series(["张三丰", "李四", "诸葛亮", "Mary Ann Lee", None])
    assert names.map(mask_name).tolist()[:4] == ["张**", "李*", "诸葛*", "M*** A** L**"]
    assert names.map(mask_name).isna()[4]
    assert mask_name("欧阳") == "欧*"  # a two-character name keeps only one character
    assert mask_phone("13812345678") == "138****5678"
    assert mask_phone(13812345678) == "138****5678"
    assert mask_phone("+86 138 1234 5678") == "138****5678"
    assert mask_phone("8613812345678") == "138****5678"
    assert mask_phone("0755-88889999") == "********9999"  # 12 digits
    assert pd.isna(mask_phone(np.nan))
    assert mask_email("li.si@example.com.cn") == "l****@example.com.cn"
    with pytest.raises(DataError, match="'123'"):
        mask_phone("123")
    with pytest.raises(DataError, match="'foo'"):
        mask_email("foo")
    with pytest.raises(DataError, match="42"):
        mask_name(42)


def _sizes_sql(bank: pd.DataFrame, group_by: str) -> pd.DataFrame:
    return duckdb.sql(
        f"SELECT {group_by}, count(*) AS n FROM bank GROUP BY ALL ORDER BY n, {group_by}"
    ).df()


def test_k_anonymity_on_bank_marketing(bank):
    sizes = _sizes_sql(bank, "age, job, marital, education")
    result = k_anonymity(bank, QUASI, show=10)
    assert result.k == sizes["n"].min()
    assert result.groups == len(sizes)
    assert result.quasi_identifiers == tuple(QUASI)
    assert result.smallest["rows"].tolist() == sizes["n"].head(10).tolist()
    for _, row in result.smallest.iterrows():
        match = (bank[QUASI] == row[QUASI]).all(axis=1)
        assert match.sum() == row["rows"]
    assert str(result).startswith(f"k = {result.k}")


def test_generalizing_age_raises_k(bank):
    banded = bank.assign(age=pd.cut(bank["age"], [0, 35, 50, 200], right=False).astype(str))
    sizes = _sizes_sql(banded, "age, job, marital")
    result = k_anonymity(banded, ["age", "job", "marital"])
    assert result.k == sizes["n"].min()
    assert result.k > k_anonymity(bank, ["age", "job", "marital"]).k
    assert result.groups < k_anonymity(bank, ["age", "job", "marital"]).groups


def test_check_and_suppress(bank):
    with pytest.raises(DataError, match=r"k = 1 < 5") as error:
        check_k_anonymity(bank, QUASI, k_min=5)
    smallest = k_anonymity(bank, QUASI).smallest.iloc[0]
    assert f"job={smallest['job']!r}" in str(error.value)
    assert f"age={int(smallest['age'])}," in str(error.value)
    sizes = bank.groupby(QUASI).size()
    at_risk = int(sizes[sizes < 5].sum())
    assert f"{at_risk} 行" in str(error.value)

    assert check_k_anonymity(bank, QUASI, k_min=5, raise_error=False).k == 1
    assert check_k_anonymity(bank, ["marital"], k_min=5).k == (bank["marital"].value_counts().min())

    before = bank.copy()
    kept = suppress_small_groups(bank, QUASI, k_min=5)
    pd.testing.assert_frame_equal(bank, before)
    assert len(kept) == len(bank) - at_risk
    assert check_k_anonymity(kept, QUASI, k_min=5).k >= 5


def test_k_anonymity_counts_missing_values_and_names_bad_columns():
    table = pd.DataFrame({"城市": ["北京", None, None, "上海"], "性别": ["女", "男", "男", "女"]})
    result = k_anonymity(table, ["城市", "性别"])
    assert result.k == 1 and result.groups == 3
    assert result.smallest["rows"].tolist() == [1, 1, 2]
    assert k_anonymity(table, "性别").k == 2
    with pytest.raises(DataError, match="'邮编'"):
        k_anonymity(table, ["城市", "邮编"])
    with pytest.raises(DataError, match="empty"):
        k_anonymity(table.iloc[:0], ["城市"])
    with pytest.raises(ParameterError, match="quasi-identifier"):
        k_anonymity(table, [])
    with pytest.raises(ParameterError, match="k_min"):
        check_k_anonymity(table, ["城市"], k_min=0)


def test_pipl_checklist_covers_the_main_duties():
    checklist = pipl_checklist()
    assert list(checklist.columns) == ["要求", "条款", "说明", "在客户分类中"]
    text = " ".join(checklist["说明"])
    for phrase in [
        "同意",
        "最少",
        "目的",
        "告知",
        "单独同意",
        "去标识化",
        "匿名化",
        "删除",
        "境外",
        "金融账户",
        "行踪轨迹",
    ]:
        assert phrase in text, phrase
    assert checklist["条款"].str.startswith("第").all()
    articles = checklist.set_index("要求")["条款"]
    assert articles["个人信息的定义"] == "第4条"
    assert articles["敏感个人信息"].startswith("第28条")
    assert articles["去标识化与匿名化"].startswith("第73条")
    assert "不满十四周岁" in checklist.set_index("要求").loc["敏感个人信息", "说明"]
    assert "非法律意见" in PIPL_SUMMARY
    assert all(topic in PIPL_SUMMARY for topic in checklist["要求"])


@pytest.mark.parametrize("k_min", [2, 4, 7, 60])
def test_group_size_classes_split_at_k_min_and_count_every_row(bank, k_min):
    sizes = bank.groupby(QUASI, observed=True).size()
    classes = group_size_classes(sizes, k_min)
    assert classes["rows"].sum() == len(bank)
    below = classes.index[classes["at_risk"]]
    assert classes.loc[below, "rows"].sum() == sizes[sizes < k_min].sum()
    # the first class that is not at risk starts exactly at k_min
    assert classes.index[~classes["at_risk"]][0].split("-")[0].lstrip("≥") == str(k_min)
    with pytest.raises(ParameterError, match="k_min"):
        group_size_classes(sizes, 0)


def test_group_sizes_are_the_sql_counts_and_keep_every_row(bank):
    people = bank[["job", "education"]].copy()
    people.loc[people.index[:7], "education"] = None  # missing is a value of its own
    before = people.copy()
    sizes = group_sizes(people, ["job", "education"])
    assert sizes.columns.tolist() == ["job", "education", "rows"]
    assert sizes["rows"].sum() == len(people)
    expected = duckdb.sql(
        "SELECT job, education, count(*) AS rows FROM people GROUP BY job, education"
    ).df()
    keys = ["job", "education"]
    pd.testing.assert_frame_equal(
        sizes.fillna({"education": "缺失"}).sort_values(keys).reset_index(drop=True),
        expected.fillna({"education": "缺失"}).sort_values(keys).reset_index(drop=True),
        check_dtype=False,
    )
    assert sizes.loc[sizes["education"].isna(), "rows"].sum() == 7
    pd.testing.assert_frame_equal(people, before)
    with pytest.raises(DataError, match="income"):
        group_sizes(people, ["job", "income"])
    with pytest.raises(ParameterError, match="准标识符"):
        group_sizes(people, [])


def test_k_risk_title_reads_the_numbers_of_k_risk(bank):
    risk = k_risk(bank, ["age", "job"], k_min=5)
    title = k_risk_title(risk, 5)
    assert f"k = {risk['k']}，" in title
    assert f"{risk['rows_at_risk']:,} 行 ({risk['share_at_risk']:.1%})" in title
    assert title.endswith("在少于 5 行的组合中")
