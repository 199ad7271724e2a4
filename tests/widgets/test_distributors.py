"""The distributor weights widget: grades and ranking follow the sliders, recomputed independently."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from custseg.datasets import load_sample
from custseg.plotting.distributors import plot_distributor_grades
from custseg.widgets.distributors import distributor_weight_explorer, ranked_distributors

COVERAGE = {"全国": 100.0, "区域": 70.0, "地方": 40.0}


@pytest.fixture(scope="module")
def h1() -> pd.DataFrame:
    data = load_sample("distributors")
    return data[data["period"] == "2024-H1"].reset_index(drop=True)


def _independent(frame: pd.DataFrame, weights: dict[str, float]) -> pd.DataFrame:
    """Scores by ranks (share of distributors with a value at most this one) and grades."""
    sales = (
        frame["sales"].rank(method="max") / len(frame)
        + frame["target_attainment"].rank(method="max") / len(frame)
    ) * 50
    scores = pd.DataFrame(
        {
            "coverage": frame["coverage"].map(COVERAGE),
            "sales": sales,
            "cooperation": (frame["cooperation"] - 1) / 4 * 100,
        }
    )
    total = sum(scores[name] * weight for name, weight in weights.items()) / sum(weights.values())
    total = total.round(10)
    grade = np.select([total >= 75, total >= 60, total >= 45], ["A", "B", "C"], default="D")
    return pd.DataFrame(
        {"id": frame["distributor_id"], "total": total, "grade": grade, "order": range(len(frame))}
    )


def _counts(html: str) -> dict[str, int]:
    return {grade: int(n) for grade, n in re.findall(r"([ABCD]) \S+ (\d+) 家", html)}


def _ranked_ids(html: str) -> list[str]:
    return re.findall(r"<th>(D\d{3})</th>", html)


def _expected_top(expected: pd.DataFrame, top: int = 10) -> list[str]:
    ordered = expected.sort_values(["total", "order"], ascending=[False, True])
    return ordered["id"].head(top).tolist()


def test_sliders_change_grades_and_ranking(h1):
    before = h1.copy()
    box = distributor_weight_explorer(h1)
    sliders, summary, ranking, figure = box.children
    coverage, sales, cooperation = sliders.children
    expected = _independent(h1, {"coverage": 0.3, "sales": 0.4, "cooperation": 0.3})
    _assert_grade_map(figure, h1, expected)
    assert _counts(summary.value) == expected["grade"].value_counts().to_dict()
    assert _ranked_ids(ranking.value) == _expected_top(expected)

    coverage.value, sales.value, cooperation.value = 0.0, 0.9, 0.1
    expected = _independent(h1, {"coverage": 0.0, "sales": 0.9, "cooperation": 0.1})
    _assert_grade_map(figure, h1, expected)
    counts = _counts(summary.value)
    assert counts == {g: int((expected["grade"] == g).sum()) for g in "ABCD"}
    assert _ranked_ids(ranking.value) == _expected_top(expected)
    assert "销售能力 90%" in summary.value
    pd.testing.assert_frame_equal(h1, before)


def _assert_grade_map(figure, frame: pd.DataFrame, expected: pd.DataFrame) -> None:
    """A point per distributor at (sales score, cooperation score) in its grade's mark."""
    scores = _independent(frame, {"sales": 1.0}).set_index("id")["total"]
    cooperation = _independent(frame, {"cooperation": 1.0}).set_index("id")["total"]
    sizes = frame.set_index("distributor_id")["coverage"].map({"全国": 140, "区域": 70, "地方": 30})
    vertical, horizontal, *grades = figure.marks
    assert list(vertical.x) == [50, 50] and list(horizontal.y) == [50, 50]
    for grade, mark in zip("ABCD", grades, strict=True):
        ids = expected.loc[expected["grade"] == grade, "id"].tolist()
        assert list(mark.names) == ids
        np.testing.assert_allclose(mark.x, scores[ids], atol=1e-9)
        np.testing.assert_allclose(mark.y, cooperation[ids], atol=1e-9)
        np.testing.assert_array_equal(mark.size, sizes[ids])
        assert mark.labels[0].startswith(grade) and f"（{len(ids)} 家）" in mark.labels[0]
    assert sum(len(mark.x) for mark in grades) == len(frame)


def test_all_weights_zero_is_refused(h1):
    box = distributor_weight_explorer(h1, weights={"coverage": 0, "sales": 0, "cooperation": 1})
    sliders, summary, ranking, _ = box.children
    assert _counts(summary.value)["A"] == int(
        (_independent(h1, {"cooperation": 1.0})["grade"] == "A").sum()
    )
    sliders.children[2].value = 0.0
    assert "不能全为 0" in summary.value and ranking.value == ""


def test_ranked_distributors_scores_are_the_weighted_sums(h1):
    weights = {"coverage": 0.5, "sales": 0.25, "cooperation": 0.25}
    table = ranked_distributors(h1, weights, top=15)
    expected = _independent(h1, weights).set_index("id")
    assert table.index.tolist() == _expected_top(expected.reset_index(), 15)
    np.testing.assert_allclose(table["总分"], expected.loc[table.index, "total"].round(1))
    assert table["排名"].tolist() == list(range(1, 16))


def test_grade_map_draws_every_distributor(h1):
    from custseg.distributors import DistributorEvaluator

    evaluation = DistributorEvaluator().fit(h1).evaluate(h1)
    ax = plot_distributor_grades(evaluation)
    assert sum(len(c.get_offsets()) for c in ax.collections) == len(h1)


def test_the_widget_module_loads_no_static_plotting_library():
    import json
    import subprocess
    import sys

    code = (
        "import json, sys\n"
        "import custseg.widgets.distributors\n"
        "print(json.dumps([m for m in ('matplotlib', 'seaborn') if m in sys.modules]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True
    )
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
    # the static chart and the widget size their points alike
    from custseg import distributors
    from custseg.plotting import distributors as static

    assert static.COVERAGE_SIZES is distributors.COVERAGE_SIZES
    assert static.OTHER_COVERAGE_SIZE == distributors.OTHER_COVERAGE_SIZE
