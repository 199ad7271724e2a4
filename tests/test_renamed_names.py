"""Old British spellings of public names still work, warn, and give the new names' results.

Released notebooks and learners' code call ``pseudonymise``, ``generalise_ages``,
``labelled_rows``, ``normalised_gain``, ``example_travellers``, ``randomised=``,
``travellers=`` and import ``custseg.dimensions.behavioural``; each alias must do exactly what the new name does and
say, in Chinese and English, what the new name is.
"""

from __future__ import annotations

import importlib
import inspect
import re
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import custseg.dimensions
import custseg.grading.gain
import custseg.privacy
import custseg.travel_packages
from custseg.datasets import load_cn_orders, load_cn_promotion
from custseg.dimensions import labeled_rows
from custseg.dimensions.behavioral import purchase_style_table, purchase_styles
from custseg.errors import ParameterError
from custseg.experiment import evidence_statement
from custseg.grading.gain import normalized_gain
from custseg.privacy import generalize_ages, pseudonymize
from custseg.promotion import evaluate_campaign, summarize_campaign
from custseg.travel_packages import example_travelers, travel_group_table, travel_groups

SALT = "门店-2024-秘钥"


def _message(old: str, new: str) -> str:
    return f"{old} 已改名为 {new} \\(renamed to {new}\\)"


def test_pseudonymise_warns_and_gives_the_same_codes(online_retail_clean):
    from custseg.privacy import pseudonymise

    ids = online_retail_clean["customer_id"].drop_duplicates().head(500)
    with pytest.deprecated_call(match=_message("pseudonymise", "pseudonymize")):
        old = pseudonymise(ids, SALT, length=20)
    pd.testing.assert_series_equal(old, pseudonymize(ids, SALT, length=20))
    with pytest.deprecated_call(), pytest.raises(ParameterError, match="salt"):
        pseudonymise(ids, "短")


def test_generalise_ages_warns_and_gives_the_same_bands(bank):
    from custseg.privacy import generalise_ages

    with pytest.deprecated_call(match=_message("generalise_ages", "generalize_ages")):
        old = generalise_ages(bank["age"], 5)
    pd.testing.assert_series_equal(old, generalize_ages(bank["age"], 5))
    assert old.nunique() > 5


def test_labelled_rows_warns_and_gives_the_same_table(bank):
    from custseg.dimensions import labelled_rows

    with pytest.deprecated_call(match=_message("labelled_rows", "labeled_rows")):
        old = labelled_rows(bank, rows=7)
    pd.testing.assert_frame_equal(old, labeled_rows(bank, rows=7))
    assert "职业" in old.columns


def test_normalised_gain_warns_and_gives_the_same_gain():
    from custseg.grading.gain import normalised_gain

    for pre, post in [(20.0, 80.0), (60.0, 40.0), (100.0, 100.0), (float("nan"), 50.0)]:
        with pytest.deprecated_call(match=_message("normalised_gain", "normalized_gain")):
            old = normalised_gain(pre, post)
        np.testing.assert_equal(old, normalized_gain(pre, post))


@pytest.mark.parametrize("randomized", [True, False])
def test_summarize_campaign_still_takes_randomised(randomized):
    result = evaluate_campaign(
        load_cn_promotion(),
        group_col="group",
        treatment="实验组",
        control="对照组",
        outcome_col="responded",
        positive=True,
        revenue_per_response=100,
        cost_per_contact=5,
        segment_col="segment",
    )
    with pytest.deprecated_call(match=_message("randomised=", "randomized=")):
        old = summarize_campaign(result, randomised=randomized)
    assert old == summarize_campaign(result, randomized=randomized)
    assert len(old) >= 2


def test_evidence_statement_still_takes_randomised():
    for randomized in (True, False):
        for significant in (True, False):
            for difference in (0.05, -0.05):
                with pytest.deprecated_call(match=_message("randomised=", "randomized=")):
                    old = evidence_statement(
                        randomised=randomized, significant=significant, difference=difference
                    )
                new = evidence_statement(
                    randomized=randomized, significant=significant, difference=difference
                )
                assert old == new


def test_example_travellers_warns_and_gives_the_same_travelers():
    from custseg.travel_packages import example_travellers

    with pytest.deprecated_call(match=_message("example_travellers", "example_travelers")):
        old = example_travellers(n=120, seed=3)
    pd.testing.assert_frame_equal(old, example_travelers(n=120, seed=3))
    assert old.index.name == "traveler_id"
    with pytest.deprecated_call(), pytest.raises(ParameterError, match="n 应为"):
        example_travellers(n=0)


def test_travel_groups_and_table_still_take_travellers():
    travelers = example_travelers()
    with pytest.deprecated_call(match=_message("travellers=", "travelers=")):
        old_groups = travel_groups(travellers=travelers)
    pd.testing.assert_series_equal(old_groups, travel_groups(travelers=travelers))
    assert old_groups.nunique() == 5
    with pytest.deprecated_call(match=_message("travellers=", "travelers=")):
        old_table = travel_group_table(travellers=travelers)
    pd.testing.assert_frame_equal(old_table, travel_group_table(travelers))
    assert int(old_table["人数"].sum()) == len(travelers)


def test_old_and_new_keyword_together_are_refused():
    with pytest.raises(ParameterError, match="randomised= 已改名为 randomized=，只能给一个"):
        evidence_statement(randomized=True, randomised=True, significant=True, difference=0.1)


def test_a_renamed_keyword_is_shown_under_its_new_name():
    assert "randomized" in inspect.signature(summarize_campaign).parameters
    assert "randomized" in inspect.signature(evidence_statement).parameters
    assert "travelers" in inspect.signature(travel_groups).parameters
    assert "travelers" in inspect.signature(travel_group_table).parameters


def test_the_old_behavioural_module_warns_and_gives_the_same_styles():
    orders = load_cn_orders()
    sys.modules.pop("custseg.dimensions.behavioural", None)
    message = _message("custseg.dimensions.behavioural", "custseg.dimensions.behavioral")
    with pytest.deprecated_call(match=message):
        old = importlib.import_module("custseg.dimensions.behavioural")
    assert old.purchase_styles is purchase_styles
    assert old.purchase_style_table is purchase_style_table
    styles = old.purchase_styles(orders)
    pd.testing.assert_frame_equal(styles, purchase_styles(orders))
    assert set(styles["style"]) == {"忠诚型", "冲动型", "理性型"}


def test_the_warning_points_at_the_caller_s_line():
    from custseg.privacy import pseudonymise

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        pseudonymise(pd.Series(["17850"]), SALT)
        evidence_statement(randomised=True, significant=True, difference=0.1)
    assert [w.category for w in caught] == [DeprecationWarning, DeprecationWarning]
    assert {w.filename for w in caught} == {__file__}


@pytest.mark.parametrize(
    ("module", "old", "new"),
    [
        (custseg.privacy, "pseudonymise", "pseudonymize"),
        (custseg.privacy, "generalise_ages", "generalize_ages"),
        (custseg.dimensions, "labelled_rows", "labeled_rows"),
        (custseg.grading.gain, "normalised_gain", "normalized_gain"),
        (custseg.travel_packages, "example_travellers", "example_travelers"),
    ],
)
def test_only_the_new_names_are_public(module, old, new):
    assert new in module.__all__
    assert old not in module.__all__
    assert getattr(module, old).__wrapped__ is getattr(module, new)
    assert new in getattr(module, old).__doc__


def test_the_course_and_the_assignments_use_the_new_names():
    root = Path(__file__).parents[1]
    sources = sorted((root / "course" / "src").glob("*.py"))
    sources += sorted((root / "grading" / "assignments").glob("*.py"))
    old = re.compile(
        r"\b(pseudonymise|generalise_ages|labelled_rows|normalised_gain|dimensions\.behavioural"
        r"|example_travellers|traveller_id)\b"
        r"|\b(randomised|travellers)\s*="
    )
    assert len(sources) > 20
    found = [
        f"{path.relative_to(root)}:{number}: {line.strip()}"
        for path in sources
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if old.search(line)
    ]
    assert found == []
