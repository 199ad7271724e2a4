"""Practice for module 11 (customer-information classification and privacy)."""

from __future__ import annotations

from custseg.exercises.problem import Problem, bind

__all__ = ["q1", "q2", "q3"]


def _rows_at_risk_10y() -> int:
    from custseg.datasets import load_sample
    from custseg.privacy import generalise_ages, suppress_small_groups

    clients = load_sample("bank_marketing")
    banded = clients.assign(age=generalise_ages(clients["age"], 10))
    kept = suppress_small_groups(banded, ["age", "job", "marital"], k_min=5)
    return len(banded) - len(kept)


def _sensitive_articles() -> str:
    from custseg.privacy import pipl_checklist

    return str(pipl_checklist().set_index("要求").loc["敏感个人信息", "条款"])


q1 = bind(
    Problem(
        name="sensitive_columns",
        prompt=(
            "在示例客户表 `customers` 中，哪几列属于**敏感个人信息**？"
            "写成列名的集合，如 {'姓名', '手机'}。"
        ),
        expected=lambda: {"身份证号", "银行卡号"},
        hints=[
            "`columns = classify_columns(customers)` 的 `personal` 列写着每一列的级别。",
            "`set(columns.index[columns['personal'] == '敏感个人信息'])`。",
        ],
        solution=("sensitive_columns = set(columns.index[columns['personal'] == '敏感个人信息'])"),
        explanation=(
            "身份证件号码和金融账户属于敏感个人信息（个人信息保护法第 28 条）："
            "一旦泄露，容易造成人身、财产损害，处理前要单独同意，一般不应进入分群表。"
        ),
    )
)

q2 = bind(
    Problem(
        name="rows_at_risk_10y",
        prompt=(
            "银行示例数据：把年龄泛化为 10 岁一段（`generalise_ages(clients['age'], 10)`），"
            "准标识符取 年龄段、职业（job）、婚姻（marital）。有多少行所在的组合少于 5 行？"
        ),
        expected=_rows_at_risk_10y,
        hints=[
            "`suppress_small_groups(表, 准标识符, k_min=5)` 会删掉这些行；删掉了多少行？",
            "`len(banded) - len(suppress_small_groups(banded, ['age', 'job', 'marital'], k_min=5))`，"
            "其中 `banded = clients.assign(age=generalise_ages(clients['age'], 10))`。",
        ],
        solution=(
            "banded = clients.assign(age=generalise_ages(clients['age'], 10))\n"
            "rows_at_risk_10y = len(banded) - len(\n"
            "    suppress_small_groups(banded, ['age', 'job', 'marital'], k_min=5))"
        ),
        explanation="和精确年龄相比，10 岁一段让有风险的行少了九成：泛化是最常用的保护手段。",
    )
)

q3 = bind(
    Problem(
        name="sensitive_articles",
        prompt=(
            "查 `pipl_checklist()`：个人信息保护法中关于“敏感个人信息”的是哪几条？"
            "照表中“条款”一栏原样写出（文字）。"
        ),
        expected=_sensitive_articles,
        hints=[
            "`checklist.set_index('要求')` 让“要求”成为行名。",
            "`checklist.set_index('要求').loc['敏感个人信息', '条款']`。",
        ],
        solution="sensitive_articles = checklist.set_index('要求').loc['敏感个人信息', '条款']",
    )
)
