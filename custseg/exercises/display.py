"""How problems, feedback, hints and solutions look in a notebook (Markdown with a coloured mark)."""

from __future__ import annotations

from collections.abc import Sequence

from custseg.exercises.feedback import Feedback, Outcome

__all__ = ["feedback_markdown", "hint_markdown", "problem_markdown", "solution_markdown"]

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


def problem_markdown(
    name: str, kind: str, prompt: str, choices: Sequence[str] = (), call: str = "ex.q1"
) -> str:
    """Markdown for a question: its kind, the prompt, the lettered choices and how to answer.

    Examples
    --------
    >>> print(problem_markdown("pick", "判断题", "选哪一类？", ["A. 甲", "B. 乙"], "ex.q2"))
    **练习（判断题）** 选哪一类？
    <BLANKLINE>
    - **A.** 甲
    - **B.** 乙
    <BLANKLINE>
    作答：`pick = ____`（写选项的字母或文字都可以，要加引号），然后运行 `ex.q2.check()`。
    """
    lines = [f"**练习（{kind}）** {prompt}"]
    if choices:
        lines.append("")
        for choice in choices:
            letter, _, text = choice.partition(". ")
            lines.append(f"- **{letter}.** {text}")
    example = "（写选项的字母或文字都可以，要加引号）" if choices else ""
    lines += ["", f"作答：`{name} = ____`{example}，然后运行 `{call}.check()`。"]
    return "\n".join(lines)


def hint_markdown(number: int, total: int, text: str, call: str = "hint") -> str:
    """Markdown for hint ``number`` of ``total``; ``call`` is how to ask for the next one.

    After the last hint it says how to see the solution.

    Examples
    --------
    >>> hint_markdown(1, 2, "看清洗报告。", call="ex.q1.hint")
    '<span style="color:#31708f">💡 **提示 1/2**</span>：看清洗报告。（还有提示：`ex.q1.hint(2)`）'
    >>> hint_markdown(2, 2, "数一数。", call="ex.q1.hint")[-30:]
    '数一数。（还想看答案：`ex.q1.solution()`）'
    """
    if number < total:
        more = f"（还有提示：`{call}({number + 1})`）"
    else:
        solution = call[: -len("hint")] + "solution" if call.endswith("hint") else "solution"
        more = f"（还想看答案：`{solution}()`）"
    return f'<span style="color:#31708f">💡 **提示 {number}/{total}**</span>：{text}{more}'


def solution_markdown(code: str, explanation: str = "") -> str:
    """Markdown for a reference solution: the code, then why it works."""
    why = f"\n\n{explanation}" if explanation else ""
    return f'<span style="color:#31708f">📖 **参考答案 (solution)**</span>\n```python\n{code}\n```{why}'
