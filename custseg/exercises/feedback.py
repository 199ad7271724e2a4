"""The outcome of checking an answer, separate from how it is shown.

How a notebook shows it is :func:`custseg.exercises.display.feedback_markdown`; this module
imports nothing of the display.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

__all__ = ["Feedback", "Outcome"]


class Outcome(enum.Enum):
    """What a check found."""

    NOT_ATTEMPTED = "not_attempted"
    WRONG = "wrong"
    CORRECT = "correct"


_TITLES = {
    Outcome.NOT_ATTEMPTED: "还没有作答 (not attempted yet)",
    Outcome.WRONG: "还不对 (not quite)",
    Outcome.CORRECT: "正确 (correct)",
}


@dataclass(frozen=True)
class Feedback:
    """A check's outcome and the message for the learner.

    Examples
    --------
    >>> Feedback(Outcome.WRONG, "应该是 5 行").text()
    '还不对 (not quite)：应该是 5 行'
    """

    outcome: Outcome
    message: str = ""

    @property
    def correct(self) -> bool:
        return self.outcome is Outcome.CORRECT

    def text(self) -> str:
        title = _TITLES[self.outcome]
        return f"{title}：{self.message}" if self.message else title

    def __repr__(self) -> str:
        return self.text()
