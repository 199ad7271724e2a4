"""Plain-Chinese explanations for the common beginner errors, raised for real."""

from __future__ import annotations

import pandas as pd
import pytest

from custseg.exercises.friendly_errors import enable, explain

ORDERS = pd.DataFrame(
    {"customer_id": [1, 2], "invoice_date": ["2024-01-01", "2024-13-45"], "amount": ["9.5", "免费"]}
)


def _raised(action):
    with pytest.raises(Exception) as info:
        action()
    return info.value


def test_misspelt_column_suggests_the_right_one():
    error = _raised(lambda: ORDERS["Amount"])
    assert "'amount'" in explain(error, {"orders": ORDERS})


def test_unknown_column_without_a_close_match_points_to_columns():
    error = _raised(lambda: ORDERS["xyz"])
    assert "列名" in explain(error, {"orders": ORDERS})


def test_bad_date_is_explained():
    error = _raised(lambda: pd.to_datetime(ORDERS["invoice_date"]))
    assert "日期" in explain(error)


def test_text_where_a_number_is_needed():
    assert "数字" in explain(_raised(lambda: ORDERS["amount"].astype(float)))
    assert "文字" in explain(_raised(lambda: ORDERS["amount"] + 1))
    assert "定义" in explain(_raised(lambda: undefined_name))  # noqa: F821


def test_other_errors_are_left_alone():
    assert explain(ZeroDivisionError("division by zero")) is None


def test_enable_outside_a_notebook_does_nothing():
    assert enable() is False


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("x = （1）", "中文标点 （，应该写成英文的 ("),
        ("segment = “重要价值客户”", "中文标点 “"),
        ("x = count_rows(table=rfm，recency_at_most=30)", "英文的 ,"),
        ('x = "重要价值客户', "引号没有配对"),
        ("ex.q1.check(", "括号没有配对"),
    ],
)
def test_chinese_punctuation_and_unpaired_marks_in_code_are_explained(code, words):
    error = _raised(lambda: compile(code, "<cell>", "exec"))
    assert words in explain(error)


def test_bare_hint_says_to_name_the_question():
    error = _raised(lambda: hint())  # noqa: F821
    assert "ex.q1.hint()" in explain(error)


def test_in_ipython_errors_get_their_explanation_once(monkeypatch):
    import IPython.display
    from IPython.core.interactiveshell import InteractiveShell

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda markdown: shown.append(markdown.data))
    shell = InteractiveShell.instance()
    try:
        assert enable() is True
        assert enable() is True  # enabling twice explains once
        shell.run_cell("x = （1）")
        shell.run_cell("hint()")
    finally:
        InteractiveShell.clear_instance()
    assert len(shown) == 2
    assert "中文标点 （" in shown[0] and "ex.q1.hint()" in shown[1]
