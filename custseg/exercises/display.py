"""How feedback, hints and solutions look in a notebook (Markdown with a coloured mark)."""

from __future__ import annotations

from custseg.exercises.feedback import Feedback, Outcome

__all__ = ["feedback_markdown", "hint_markdown", "solution_markdown"]

_MARKS = {Outcome.NOT_ATTEMPTED: "✏️", Outcome.WRONG: "❌", Outcome.CORRECT: "✅"}
_COLOURS = {Outcome.NOT_ATTEMPTED: "#8a6d3b", Outcome.WRONG: "#a94442", Outcome.CORRECT: "#3c763d"}


def feedback_markdown(feedback: Feedback) -> str:
    """Markdown for a check's result.

    Examples
    --------
    >>> from custseg.exercises.feedback import Feedback, Outcome
    >>> feedback_markdown(Feedback(Outcome.CORRECT))
    '<span style="color:#3c763d">✅ **正确 (correct)**</span>'
    """
    mark, colour = _MARKS[feedback.outcome], _COLOURS[feedback.outcome]
    title, _, message = feedback.text().partition("：")
    tail = f"：{message}" if message else ""
    return f'<span style="color:{colour}">{mark} **{title}**</span>{tail}'


def hint_markdown(number: int, total: int, text: str) -> str:
    """Markdown for hint ``number`` of ``total``."""
    more = f"（还有提示：`hint({number + 1})`）" if number < total else ""
    return f'<span style="color:#31708f">💡 **提示 {number}/{total}**</span>：{text}{more}'


def solution_markdown(code: str, explanation: str = "") -> str:
    """Markdown for a reference solution: the code, then why it works."""
    why = f"\n\n{explanation}" if explanation else ""
    return f'<span style="color:#31708f">📖 **参考答案 (solution)**</span>\n```python\n{code}\n```{why}'
