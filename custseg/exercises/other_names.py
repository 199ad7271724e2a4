"""The same targeted message for every other name a learner may give a wrong choice."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from custseg.exercises.problem import Misconception

__all__ = ["under_other_names"]


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
