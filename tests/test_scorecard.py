"""custseg.scorecard: the checks and scores both weighted scorecards share."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from custseg.errors import DataError, ParameterError
from custseg.scorecard import (
    decreasing_cuts,
    level_of,
    numeric_column,
    percentile_scores,
    scorecard_weights,
)


def test_weights_are_checked_and_rescaled():
    assert scorecard_weights({"a": 1, "b": 3}, ["b", "a"]).tolist() == [0.75, 0.25]
    default = {"a": 0.2, "b": 0.8}
    assert scorecard_weights(None, ["a", "b"], default=default).tolist() == [0.2, 0.8]
    assert scorecard_weights(None, ["a", "c"], default=default).tolist() == [0.5, 0.5]
    for bad in ({"a": "heavy", "b": 1}, {"a": np.inf, "b": 1}, {"a": np.nan, "b": 1}):
        with pytest.raises(ParameterError, match="非负的数"):
            scorecard_weights(bad, ["a", "b"])
    with pytest.raises(ParameterError, match="不能全为 0"):
        scorecard_weights({"a": 0, "b": 0.0}, ["a", "b"])
    with pytest.raises(ParameterError, match=r"\['b'\]"):
        scorecard_weights({"a": 1}, ["a", "b"])


def test_cuts_must_decrease_and_count_the_levels():
    assert decreasing_cuts([75, 60, 45], levels=4, name="grade_cuts") == [75.0, 60.0, 45.0]
    for bad in ([75, 60], [60, 75, 45], ["high", 60, 45]):
        with pytest.raises(ParameterError, match="grade_cuts 需要 3 个"):
            decreasing_cuts(bad, levels=4, name="grade_cuts")
    assert level_of([75.0, 74.9, 45.0, 0.0], [75, 60, 45], "ABCD").tolist() == list("ABCD")


def test_numeric_column_refuses_missing_text_and_infinite_values():
    frame = pd.DataFrame(
        {"ok": [1, 2, 3], "flag": [True, False, True], "inf": [1.0, np.inf, 2.0]},
        index=["x", "y", "z"],
    )
    np.testing.assert_array_equal(numeric_column(frame, "flag"), [1.0, 0.0, 1.0])
    with pytest.raises(DataError, match="'inf'.*'y'.*inf"):
        numeric_column(frame, "inf")
    ids = pd.Series(["D1", "D2", "D3"])
    with pytest.raises(DataError, match="经销商 'D2'"):
        numeric_column(frame.reset_index(drop=True), "inf", row_ids=ids, row_word="经销商")


def test_percentile_scores_are_the_cumulative_share():
    rng = np.random.default_rng(4)
    values = rng.integers(0, 20, 500).astype(float)
    reference = np.sort(values)
    expected = 100 * (values[None, :] <= values[:, None]).mean(axis=1)
    np.testing.assert_allclose(percentile_scores(reference, values), expected)
    reversed_ = 100 * (values[None, :] >= values[:, None]).mean(axis=1)
    np.testing.assert_allclose(
        percentile_scores(reference, values, lower_is_better=True), reversed_
    )
