"""Other names of a choice: read as that choice, and given a wrong choice's message.

A learner types "减少" for the choice 变少, "标准" for 标准型: :func:`choice_words` makes a
``compare`` that reads such words as the choice they mean, and :func:`under_other_names` gives
a wrong choice's targeted message to each of its other names. Every exercise module uses these
two, so a checker's synonyms and messages are written once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from custseg.exercises.question import Misconception, compare_answers, normalize_text

__all__ = ["choice_words", "under_other_names"]

_ENDINGS = ("客户", "的", "了")  # endings a learner adds to a choice: 标准型客户, 变多了


def choice_words(
    choices: Sequence[str], words: Mapping[str, str] | None = None
) -> Callable[[object, object], str | None]:
    """A ``compare`` that reads a learner's short form or everyday word as the choice it stands for.

    "说走就走" or "标准型客户" is the choice "说走就走型" or "标准型", "变多了" is "变多";
    ``words`` maps other words the course and learners use (e.g. "增加" for "变多") to their
    choice. Anything else is compared as typed by
    :func:`custseg.exercises.question.compare_answers`.

    Parameters
    ----------
    choices : sequence of str
        The question's choices.
    words : mapping of str to str, optional
        Another word → the choice it means.

    Returns
    -------
    callable
        ``compare(expected, answer)``; its ``other_names`` maps each choice to the other ways
        to write it (the words, and the choice without "型" or with "了"), ready for
        :func:`under_other_names`.

    Examples
    --------
    >>> compare = choice_words(("技术型", "标准型"), {"性价比": "标准型"})
    >>> compare("标准型", "标准") is None, compare("标准型", "性价比") is None
    (True, True)
    >>> compare("标准型", "技术")
    "你的答案是 '技术型'，和正确答案不一致。"
    >>> compare.other_names["标准型"]
    ('性价比', '标准')
    >>> choice_words(("变多", "变少"), {"减少": "变少"}).other_names["变少"]
    ('减少', '变少了')
    """
    table = {normalize_text(c): c for c in choices}
    for word, choice in (words or {}).items():
        table[normalize_text(word)] = choice

    def full(answer: object) -> object:
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
        return compare_answers(expected, full(answer))

    def others(choice: str) -> tuple[str, ...]:
        found = [form for form, meant in table.items() if meant == choice]
        found.append(
            normalize_text(choice.removesuffix("型") if choice.endswith("型") else choice + "了")
        )
        return tuple(form for form in dict.fromkeys(found) if form != normalize_text(choice))

    compare.generic = True  # a choice not offered is still told so
    compare.other_names = {choice: others(choice) for choice in choices}
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
