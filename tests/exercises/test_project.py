"""Module 13's practice problems: answers recomputed from the data and the widget, and the
words and mistakes particular to this module (what every question must do is checked in
tests/course/test_main_track.py).

The cleaning counts are recomputed with plain pandas on the raw export, the cut-off answer is
read off the RFM widget after moving its slider, and the experiment facts the prompts state
are checked on the experiment data.
"""

from __future__ import annotations

import re

import pytest

from custseg.datasets import load_cn_promotion
from custseg.exercises import project as ex
from custseg.promotion import evaluate_campaign
from custseg.raw_export import raw_cn_orders
from custseg.widgets.rfm import rfm_cutoff_explorer
from tests.exercises.answers import assert_right, assert_wrong


def test_cleaning_answer_counts_every_fault_of_the_export():
    raw = raw_cn_orders()
    walk_in = int(raw["customer_id"].isna().sum())
    known = raw[raw["customer_id"].notna()]
    doubled = int(known.duplicated().sum())
    refunds = int((known.drop_duplicates()["amount"] < 0).sum())
    slips = int((raw["invoice_date"].dt.year > 2030).sum())
    report = ex.cleaned()[1].counts
    assert report["missing_customer"] == walk_in
    assert report["duplicate"] == doubled and report["refund"] == refunds
    assert report["date_outlier"] == slips
    # netting a refund removes the refund line and, when it cancels it fully, the purchase too
    assert (
        ex.q3.problem.expected()
        == walk_in + doubled + refunds + slips + report["refunded_purchase"]
    )
    assert 0 < report["refunded_purchase"] <= refunds
    assert_right(ex.q3, ex.removed_lines("net", True))


def _vips_on_widget(monetary: int) -> int:
    from custseg.rfm import rfm_table

    box = rfm_cutoff_explorer(rfm_table(ex.cleaned()[0]))
    sliders, summary = box.children[0].children, box.children[1]
    sliders[2].value = monetary
    found = re.search(r"重要价值客户 (\d+) 人", summary.value)
    return int(found.group(1)) if found else 0


def test_the_cutoff_decision_is_what_the_widget_shows():
    lowest = ex.q5.problem.expected()
    assert _vips_on_widget(lowest) <= ex.VIP_LIMIT < _vips_on_widget(lowest - 1)
    assert_right(ex.q5, lowest, lowest + 50, lowest + ex.SLIDER_SLACK)
    assert_wrong(ex.q5, lowest - 100, "超过了 300 人")
    assert_wrong(ex.q5, lowest + 1000, "抬得太高")
    assert_wrong(ex.q5, "两千", "数字")


def test_the_experiment_says_what_the_vip_question_states():
    result = evaluate_campaign(
        load_cn_promotion(),
        group_col="group",
        treatment="实验组",
        control="对照组",
        outcome_col="responded",
        positive=True,
        segment_col="segment",
    )
    vip, developing = result.loc["重要价值客户"], result.loc["一般发展客户"]
    assert vip["abs_lift_ci_low"] < 0 < vip["abs_lift_ci_high"]  # q7: no sure increment
    assert developing["abs_lift_ci_low"] > 0  # the segment the project spends on
    # q9: the developing customers cannot fill two groups of the size q8 asks for
    assert ex._developing_customers() < 2 * ex.q8.problem.expected()


@pytest.mark.parametrize(
    ("name", "words"),
    [("q1", ["net", "扣除"]), ("q2", ["删除"]), ("q4", ["RFM"]), ("q7", ["不靠折扣"]),
     ("q9", ["一半一半"]), ("q10", ["再做一次随机实验"])],
)  # fmt: skip
def test_words_a_learner_would_write_count(name, words):
    assert_right(getattr(ex, name), *words)


def test_typical_wrong_answers_are_told_what_went_wrong():
    clean = ex.cleaned()[0]
    cost = ex._developing_customers() * 5
    cases = [
        (ex.q1, "drop", "被高估"),
        (ex.q2, "保留", "订单号"),
        (ex.q3, len(clean), "保留下来的行数"),  # kept rows for removed rows
        (ex.q6, 4000 // 5, "先减去"),  # forgot the developing customers' cost
        (ex.q6, 4000 - cost, "剩下的钱"),  # money for people
        (ex.q6, cost, "全部覆盖的成本"),  # the number the strategy table shows
    ]
    for view, answer, words in cases:
        assert_wrong(view, answer, words)
    assert_right(ex.q6, (4000 - cost) // 5)  # what the budget left over pays for
