"""Other names of a choice: read as that choice, and given a wrong choice's message.

A learner types "减少" for the choice 变少, "标准" for 标准型: :func:`choice_words` makes a
``compare`` that reads such words as the choice they mean (and a wrong choice's message then
reaches them too); :func:`under_other_names` gives a wrong choice's targeted message to each
of a list of other names, for questions compared as typed. Every exercise module uses these
two, so a checker's synonyms and messages are written once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from custseg.exercises.question import Misconception, compare_answers, normalize_text

__all__ = ["MORE_OR_FEWER", "choice_words", "under_other_names"]

_ENDINGS = ("客户", "的", "了")  # endings a learner adds to a choice: 标准型客户, 变多了


def choice_words(
    choices: Sequence[str], words: Mapping[str, str] | None = None
) -> Callable[[object, object], str | None]:
    """A ``compare`` that reads a learner's short form or everyday word as the choice it stands for.

    "说走就走" or "标准型客户" is the choice "说走就走型" or "标准型", "变多了" is "变多";
    ``words`` maps other words the course and learners use (e.g. "增加" for "变多") to their
    choice. Anything else is compared as typed by
    :func:`custseg.exercises.question.compare_answers`. A
    :class:`~custseg.exercises.question.Problem` with this ``compare`` reads the answer
    with its ``as_choice`` first, so a wrong choice typed as a word gets that choice's
    misconception message.

    Parameters
    ----------
    choices : sequence of str
        The question's choices.
    words : mapping of str to str, optional
        Another word → the choice it means.

    Returns
    -------
    callable
        ``compare(expected, answer)``; ``compare.as_choice(answer)`` is the choice the
        answer stands for, or the answer itself.

    Examples
    --------
    >>> compare = choice_words(("技术型", "标准型"), {"性价比": "标准型"})
    >>> compare("标准型", "标准") is None, compare("标准型", "性价比") is None
    (True, True)
    >>> compare("标准型", "技术")
    "你的答案是 '技术型'，和正确答案不一致。"
    >>> compare.as_choice("标准型客户"), compare.as_choice("别的")
    ('标准型', '别的')
    """
    table = {normalize_text(c): c for c in choices}
    for word, choice in (words or {}).items():
        table[normalize_text(word)] = choice

    def as_choice(answer: object) -> object:
        if not isinstance(answer, str):
            return answer
        text = normalize_text(answer)
        for ending in _ENDINGS:
            text = text.removesuffix(ending)
        for form in (text, text + "型"):
            if form in table:
                return table[form]
        return answer

    def compare(expected: object, answer: object) -> str | None:
        return compare_answers(expected, as_choice(answer))

    compare.generic = True  # a choice not offered is still told so
    compare.as_choice = as_choice
    return compare


def under_other_names(
    misconceptions: Sequence[Misconception],
    names: Mapping[str, Sequence[str]],
    *,
    drop_suffix: str = "",
) -> tuple[Misconception, ...]:
    """Each misconception, and a copy with the same message under every other name of its answer.

    Parameters
    ----------
    misconceptions : sequence of Misconception
        The wrong answers and their messages.
    names : mapping
        A choice's text → other ways to write it (``{"变多": ("变多了", "增加")}``).
    drop_suffix : str, optional
        Also accept the answer without this ending (``"客户"``: 重要挽留客户 → 重要挽留).

    Returns
    -------
    tuple of Misconception
        An answer computed from the data gets one copy per name of the longest list; a copy
        past the end of its own list repeats the answer itself (same message, no harm).

    Examples
    --------
    >>> found = under_other_names([Misconception("变多", "标准更严了。")], {"变多": ("变多了",)})
    >>> [(m.value(), m.message) for m in found]
    [('变多', '标准更严了。'), ('变多了', '标准更严了。')]
    >>> [m.value() for m in under_other_names([Misconception("重要挽留客户", "…")], {},
    ...                                      drop_suffix="客户")]
    ['重要挽留客户', '重要挽留']
    """

    def others(value: object) -> tuple[str, ...]:
        if not isinstance(value, str):
            return ()
        found = tuple(names.get(value, ()))
        if drop_suffix and value.endswith(drop_suffix) and len(value) > len(drop_suffix) + 1:
            found = (*found, value.removesuffix(drop_suffix))
        return found

    widest = max((len(v) for v in names.values()), default=0) + (1 if drop_suffix else 0)

    def nth(item: Misconception, index: int) -> object:
        value = item.value()
        found = others(value)
        return found[index] if index < len(found) else value

    result = list(misconceptions)
    for item in misconceptions:
        count = widest if callable(item.answer) else len(others(item.answer))
        result.extend(
            Misconception(lambda item=item, index=index: nth(item, index), item.message)
            for index in range(count)
        )
    return tuple(result)


MORE_OR_FEWER = choice_words(
    ("变多", "变少", "不变"),
    {"增加": "变多", "增多": "变多", "更多": "变多", "上升": "变多", "多": "变多",
     "减少": "变少", "更少": "变少", "下降": "变少", "少": "变少",
     "没变": "不变", "不会变": "不变", "一样": "不变"},
)  # fmt: skip
"""The ``compare`` of every 变多 / 变少 / 不变 question: "增加", "变多了", "多了" are 变多 …"""
