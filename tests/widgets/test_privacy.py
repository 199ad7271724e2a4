"""The k-anonymity widget: its k and rows at risk agree with a DuckDB count on Bank Marketing."""

from __future__ import annotations

import re

import duckdb
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib.colors import to_hex

from custseg.errors import DataError, ParameterError
from custseg.plotting import palette
from custseg.plotting.privacy import plot_group_sizes
from custseg.privacy import generalize_ages, k_risk
from custseg.widgets.privacy import k_anonymity_explorer

CANDIDATES = {"年龄": "age", "职业": "job", "婚姻": "marital", "学历": "education"}


def _cell(html: str, name: str) -> str:
    return re.search(rf"<th>{re.escape(name)}</th><td>([^<]*)</td>", html).group(1)


def _sql_risk(bank: pd.DataFrame, columns: list[str], width: int, k_min: int) -> dict:
    """k, groups and rows at risk counted by DuckDB, ages cut into ``width``-year bands."""
    keys = [f"floor(age / {width})" if c == "age" else c for c in columns]
    sizes = duckdb.sql(  # noqa: F841 (read by the next query)
        f"SELECT count(*) AS n FROM bank GROUP BY {', '.join(keys)}"
    )
    row = duckdb.sql(
        f"SELECT min(n), count(*), sum(CASE WHEN n < {k_min} THEN n ELSE 0 END) FROM sizes"
    ).fetchone()
    return {"k": int(row[0]), "groups": int(row[1]), "rows_at_risk": int(row[2])}


def _shown(html: str, k_min: int) -> dict:
    return {
        "k": int(_cell(html, "k（最小组合的行数）").replace(",", "")),
        "groups": int(_cell(html, "不同组合数").replace(",", "")),
        "rows_at_risk": int(_cell(html, f"少于 {k_min} 行的组合中的行数").replace(",", "")),
    }


def test_checkboxes_and_sliders_give_the_sql_counts(bank):
    before = bank.copy()
    box = k_anonymity_explorer(bank, CANDIDATES, checked=["年龄", "职业", "婚姻"])
    (age, job, marital, education), (width, k_slider) = (
        box.children[0].children,
        box.children[1].children,
    )
    summary = box.children[2]
    exact = _sql_risk(bank, ["age", "job", "marital"], 1, 5)
    assert _shown(summary.value, 5) == exact and exact["k"] == 1
    width.value = 10
    banded = _sql_risk(bank, ["age", "job", "marital"], 10, 5)
    assert _shown(summary.value, 5) == banded
    assert banded["rows_at_risk"] < exact["rows_at_risk"]
    education.value = True
    k_slider.value = 10
    wider = _sql_risk(bank, ["age", "job", "marital", "education"], 10, 10)
    assert _shown(summary.value, 10) == wider
    assert _cell(summary.value, "占全部行") == f"{wider['rows_at_risk'] / len(bank):.1%}"
    age.value = job.value = education.value = False
    marital_only = _sql_risk(bank, ["marital"], 1, 10)
    assert _shown(summary.value, 10) == marital_only and marital_only["rows_at_risk"] == 0
    assert _cell(summary.value, "结论") == "可以交给团队"
    marital.value = False
    assert "至少勾选" in summary.value
    pd.testing.assert_frame_equal(bank, before)


def _check_chart(figure, bank: pd.DataFrame, columns: list[str], width: int, k_min: int):
    """The widget's bars, numbers, colours and title are those of the static chart."""
    table = bank[columns]
    if "age" in columns:
        table = table.assign(age=generalize_ages(bank["age"], width))
    ax = plot_group_sizes(table, columns, k_min=k_min)
    classes = [label.get_text() for label in ax.get_xticklabels()]
    rows = [int(bar.get_height()) for bar in ax.patches]
    colors = [to_hex(bar.get_facecolor()) for bar in ax.patches]
    title = ax.get_title()
    plt.close(ax.figure)
    bars, numbers = figure.marks[:2]
    assert list(bars.x) == classes and list(figure.marks[0].scales["x"].domain) == classes
    np.testing.assert_array_equal(bars.y, rows)
    assert [c.lower() for c in bars.colors] == colors
    assert list(numbers.x) == classes
    np.testing.assert_array_equal(numbers.y, rows)
    assert list(numbers.text) == [f"{n:,}" if n else "" for n in rows]
    assert figure.title == title
    assert figure.axes[1].scale.max > max(rows)
    risk = k_risk(table, columns, k_min=k_min)
    assert (
        sum(r for r, c in zip(rows, colors, strict=True) if c == palette.HIGHLIGHT.lower())
        == risk["rows_at_risk"]
    )
    assert figure.layout.display is None


def test_chart_follows_every_control(bank):
    box = k_anonymity_explorer(bank, CANDIDATES, checked=["年龄", "职业", "婚姻"])
    (age, job, marital, education), (width, k_slider) = (
        box.children[0].children,
        box.children[1].children,
    )
    summary, figure = box.children[2:]
    _check_chart(figure, bank, ["age", "job", "marital"], 1, 5)
    width.value = 10
    _check_chart(figure, bank, ["age", "job", "marital"], 10, 5)
    k_slider.value = 4  # groups of 4 rows are safe
    _check_chart(figure, bank, ["age", "job", "marital"], 10, 4)
    k_slider.value = 7  # a class edge of its own: 5-6 (red) and 7-9
    _check_chart(figure, bank, ["age", "job", "marital"], 10, 7)
    assert "5-6" in figure.marks[0].x and "7-9" in figure.marks[0].x
    education.value = True
    _check_chart(figure, bank, ["age", "job", "marital", "education"], 10, 7)
    age.value = False
    _check_chart(figure, bank, ["job", "marital", "education"], 10, 7)
    width.value = 3  # ages are not ticked: nothing changes
    _check_chart(figure, bank, ["job", "marital", "education"], 3, 7)
    job.value = education.value = False
    marital.value = False
    assert "至少勾选" in summary.value and figure.layout.display == "none"
    age.value = True
    _check_chart(figure, bank, ["age"], 3, 7)
    expected = k_risk(bank[["age"]].assign(age=generalize_ages(bank["age"], 3)), ["age"], k_min=7)
    assert _shown(summary.value, 7) == {k: expected[k] for k in ("k", "groups", "rows_at_risk")}


def test_generalized_ages_are_the_sql_bands(bank):
    bands = generalize_ages(bank["age"], 5)
    lows = duckdb.sql("SELECT CAST(floor(age / 5) * 5 AS INTEGER) AS low FROM bank").df()["low"]
    assert bands.tolist() == [f"{low}-{low + 4}岁" for low in lows]
    assert generalize_ages(bank["age"].head(3), 1).tolist() == [f"{a}岁" for a in bank["age"][:3]]


def test_k_risk_counts_rows_not_groups():
    table = pd.DataFrame({"城市": ["北京"] * 6 + ["拉萨"] * 2 + ["林芝"]})
    assert k_risk(table, ["城市"], k_min=5) == {
        "k": 1,
        "groups": 3,
        "rows_at_risk": 3,
        "share_at_risk": pytest.approx(3 / 9),
    }


@pytest.mark.parametrize("width", [0, 2.5, 101])
def test_bad_width_is_refused_by_name(width):
    with pytest.raises(ParameterError, match="width"):
        generalize_ages(pd.Series([30, 40]), width)


def test_unknown_ticked_label_and_missing_column_are_named(bank):
    with pytest.raises(DataError, match="空"):
        k_anonymity_explorer(bank.head(0), CANDIDATES)
    with pytest.raises(DataError, match=r"收入.*不在候选列.*\(not a candidate column\)"):
        k_anonymity_explorer(bank, CANDIDATES, checked=["收入"])
    with pytest.raises(DataError, match="zip"):
        k_anonymity_explorer(bank, {**CANDIDATES, "邮编": "zip"})
