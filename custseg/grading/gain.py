"""Learning gain from the pre- and post-course quizzes (前测、后测与标准化增益).

The course has two parallel quizzes, ``quiz_pre`` (before the first module) and
``quiz_post`` (after the last): the same topics in the same order, each question with
the same ``topic="..."``, different numbers and scenarios. From their auto-graded cells:

- **pre %** and **post %**: points earned / points possible × 100, per learner and, per
  topic, averaged over the learners who took both quizzes (the *matched* learners; each
  learner weighs the same);
- **normalized gain** ``g = (post - pre) / (100 - pre)``: the share of what was still to
  learn that was learnt. 1 means everything missed before is right after, 0 no change, a
  negative value a drop. When pre is 100 % there was nothing left to learn and ``g`` is
  **undefined** (shown empty and left out of the average of gains, and counted apart);
- the **class gain** reported is Hake's ⟨g⟩, the gain of the class averages:
  ``(mean post - mean pre) / (100 - mean pre)`` over the matched learners (also per topic).
  It is defined whenever the class average pre is below 100 % and is not pulled about by a
  learner with a pre score near 100 %. The average of the learners' own gains is listed
  beside it for reference (over the learners whose gain is defined).

A learner who took only one of the quizzes is listed with that score and no gain.
Hand-graded cells (the quizzes' open question scores no points) are not counted.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from custseg.deprecation import renamed_function
from custseg.grading.course import Course
from custseg.grading.grades import cell_grades

__all__ = [
    "POST_QUIZ",
    "PRE_QUIZ",
    "LearningGain",
    "course_gain",
    "learning_gain",
    "normalized_gain",
]

PRE_QUIZ = "quiz_pre"
POST_QUIZ = "quiz_post"


def normalized_gain(pre: float, post: float) -> float:
    """``(post - pre) / (100 - pre)`` for percents; NaN when pre is 100 % or a score is missing.

    Examples
    --------
    >>> normalized_gain(20.0, 80.0), normalized_gain(60.0, 40.0), normalized_gain(40.0, 40.0)
    (0.75, -0.5, 0.0)
    >>> normalized_gain(100.0, 100.0)
    nan
    """
    if pre is None or post is None or math.isnan(pre) or math.isnan(post) or pre >= 100:
        return float("nan")
    return (post - pre) / (100.0 - pre)


@dataclass
class LearningGain:
    """The figures of the learning gain (English column names).

    ``learners``: ``student``, ``name``, ``pre_percent``, ``post_percent``, ``gain``, ``note``;
    ``topics``: ``topic``, ``learners``, ``pre_percent``, ``post_percent``, ``gain``;
    ``summary``: ``learners`` (matched), ``pre_percent``, ``post_percent``, ``class_gain``
    (Hake's ⟨g⟩), ``mean_gain`` (average of defined individual gains), ``gain_learners``
    (how many have one), ``pre_full`` (matched learners with 100 % before).
    """

    learners: pd.DataFrame
    topics: pd.DataFrame
    summary: dict


def _percent(frame: pd.DataFrame, by: list[str]) -> pd.Series:
    grouped = frame.groupby(by, sort=False)[["score", "max_score"]].sum()
    return 100 * grouped["score"] / grouped["max_score"]


def learning_gain(cells: pd.DataFrame) -> LearningGain:
    """Pre %, post % and normalized gains from the graded cells of both quizzes.

    Parameters
    ----------
    cells : pandas.DataFrame
        Rows of :func:`custseg.grading.grades.cell_grades` for :data:`PRE_QUIZ` and
        :data:`POST_QUIZ` (``student``, ``name``, ``assignment``, ``topic``, ``kind``,
        ``score``, ``max_score``).

    Examples
    --------
    >>> cells = pd.DataFrame({
    ...     "student": ["a", "a", "a", "a"], "name": ["甲"] * 4,
    ...     "assignment": [PRE_QUIZ, PRE_QUIZ, POST_QUIZ, POST_QUIZ],
    ...     "topic": ["RFM", "聚类", "RFM", "聚类"], "kind": ["auto"] * 4,
    ...     "score": [1.0, 0.0, 1.0, 1.0], "max_score": [1.0] * 4,
    ... })
    >>> result = learning_gain(cells)
    >>> result.learners[["pre_percent", "post_percent", "gain"]].to_dict("records")
    [{'pre_percent': 50.0, 'post_percent': 100.0, 'gain': 1.0}]
    >>> result.topics.set_index("topic")["gain"].to_dict()
    {'RFM': nan, '聚类': 1.0}
    """
    auto = cells[(cells["kind"] == "auto") & (cells["max_score"] > 0)]
    auto = auto[auto["assignment"].isin([PRE_QUIZ, POST_QUIZ])]
    names = auto.drop_duplicates("student").set_index("student")["name"]
    per_learner = _percent(auto, ["student", "assignment"]).unstack("assignment")
    per_learner = per_learner.reindex(columns=[PRE_QUIZ, POST_QUIZ])
    learners = pd.DataFrame(
        {
            "student": per_learner.index,
            "name": names.reindex(per_learner.index).to_numpy(),
            "pre_percent": per_learner[PRE_QUIZ].to_numpy(),
            "post_percent": per_learner[POST_QUIZ].to_numpy(),
        }
    )
    learners["gain"] = [
        normalized_gain(pre, post)
        for pre, post in zip(learners["pre_percent"], learners["post_percent"], strict=True)
    ]
    learners["note"] = [
        "未参加前测"
        if math.isnan(pre)
        else "未参加后测"
        if math.isnan(post)
        else "前测满分，无法计算增益"
        if pre >= 100
        else ""
        for pre, post in zip(learners["pre_percent"], learners["post_percent"], strict=True)
    ]
    learners = learners.sort_values("student", kind="stable").reset_index(drop=True)
    matched = learners.dropna(subset=["pre_percent", "post_percent"])
    pre_mean = float(matched["pre_percent"].mean()) if len(matched) else float("nan")
    post_mean = float(matched["post_percent"].mean()) if len(matched) else float("nan")
    defined = matched["gain"].dropna()
    summary = {
        "learners": len(matched),
        "pre_percent": pre_mean,
        "post_percent": post_mean,
        "class_gain": normalized_gain(pre_mean, post_mean),
        "mean_gain": float(defined.mean()) if len(defined) else float("nan"),
        "gain_learners": len(defined),
        "pre_full": int((matched["pre_percent"] >= 100).sum()),
    }
    in_both = auto[auto["student"].isin(matched["student"])]
    topic_order = list(dict.fromkeys(auto.sort_values("assignment", kind="stable")["topic"]))
    per_learner_topic = _percent(in_both, ["topic", "assignment", "student"])
    means = per_learner_topic.groupby(level=["topic", "assignment"]).mean()
    rows = []
    for topic in topic_order:
        pre = float(means.get((topic, PRE_QUIZ), float("nan")))
        post = float(means.get((topic, POST_QUIZ), float("nan")))
        rows.append(
            {
                "topic": topic,
                "learners": len(matched),
                "pre_percent": pre,
                "post_percent": post,
                "gain": normalized_gain(pre, post),
            }
        )
    topics = pd.DataFrame(
        rows, columns=["topic", "learners", "pre_percent", "post_percent", "gain"]
    )
    return LearningGain(learners=learners, topics=topics, summary=summary)


def course_gain(course: Course) -> LearningGain | None:
    """The learning gain of the course, or None until both quizzes have graded submissions."""
    graded = [cell_grades(course, quiz) for quiz in (PRE_QUIZ, POST_QUIZ)]
    if any(cells.empty for cells in graded):
        return None
    cells = pd.concat(graded, ignore_index=True)
    return learning_gain(cells)


# Old spelling, kept for code written against it (not in __all__).
normalised_gain = renamed_function(normalized_gain, "normalised_gain")
