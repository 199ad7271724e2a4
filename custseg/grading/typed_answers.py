"""Read what a learner typed as an answer: a choice, a number or a 1-5 rating.

Learners who do not program type answers as ``name = value``: a letter (``"B"``, ``"ｂ"``),
the option's words (``"地理维度"``), both (``"B. 地理"``), a number (``3``, ``"3%"``,
``"３"``) or a rating (``4``, ``"4分"``). These functions turn such values into the option,
number or rating meant, or ``None``, ignoring case, full-width forms, spaces and a closing
full stop. The hidden checks of the quizzes and the survey use them, and so does the
survey summary of the training report.
"""

from __future__ import annotations

import numbers
import re
import unicodedata
from collections.abc import Mapping, Sequence

__all__ = ["chosen", "number", "percent_matches", "rating"]

_LETTER = re.compile(r"([a-z])(?:[\s.、:：)）\]]+(.*))?", re.IGNORECASE)
_NUMBER = re.compile(r"([-+]?\d+(?:\.\d+)?)(%|个百分点|百分点|元|天|分|位|人|家|个)?")


def _text(answer: object) -> str | None:
    if isinstance(answer, bool) or answer is None:
        return None
    if isinstance(answer, numbers.Real):
        value = float(answer)
        return str(int(value)) if value.is_integer() else str(value)
    if not isinstance(answer, str):
        return None
    return unicodedata.normalize("NFKC", answer).strip().strip("。.").strip()


def _key(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\s\"'“”‘’。.,，、:：]", "", text)


def chosen(
    answer: object, options: Sequence[str], synonyms: Mapping[str, str] | None = None
) -> str | None:
    """The option a learner picked, or None.

    Parameters
    ----------
    answer : object
        What the learner typed: a letter (A for the first option), the option's text, both
        (``"B. 文字"``; letter and text must agree), or another word listed in ``synonyms``.
    options : sequence of str
        The options in the order they are lettered.
    synonyms : mapping, optional
        Other words the course uses for an option, ``{word: option}``.

    Examples
    --------
    >>> options = ("人口统计", "地理", "心理", "行为")
    >>> chosen("b", options), chosen("Ｂ．地理", options), chosen(" 地理。", options)
    ('地理', '地理', '地理')
    >>> chosen("地理维度", options, {"地理维度": "地理"}), chosen("B. 心理", options)
    ('地理', None)
    >>> chosen("E", options) is None, chosen(2, ("1", "2")), chosen(True, options) is None
    (True, '2', True)
    """
    text = _text(answer)
    if not text:
        return None
    known = {_key(option): option for option in options}
    known.update({_key(word): option for word, option in (synonyms or {}).items()})
    found = _LETTER.fullmatch(text)
    if found and _key(text) not in known:
        index = ord(found.group(1).upper()) - ord("A")
        if not 0 <= index < len(options):
            return None
        rest = found.group(2)
        if rest and known.get(_key(rest)) != options[index]:
            return None
        return options[index]
    return known.get(_key(text))


def number(answer: object) -> float | None:
    """The number a learner typed (a number, or text such as ``"3%"``, ``"１,800元"``), or None.

    Examples
    --------
    >>> number(3), number("3%"), number("１,800 元"), number("2.5个百分点")
    (3.0, 3.0, 1800.0, 2.5)
    >>> number("三") is None, number(True) is None, number(None) is None
    (True, True, True)
    """
    if isinstance(answer, bool) or answer is None:
        return None
    if isinstance(answer, numbers.Real):
        return float(answer)
    text = _text(answer)
    if text is None:
        return None
    found = _NUMBER.fullmatch(re.sub(r"[\s,，]", "", text))
    return float(found.group(1)) if found else None


def percent_matches(answer: object, expected: float, tolerance: float = 0.5) -> bool:
    """Whether ``answer`` is ``expected`` percent, written as 70, "70%" or the fraction 0.7.

    Examples
    --------
    >>> percent_matches(70, 70.0), percent_matches("70%", 70.0), percent_matches(0.7, 70.0)
    (True, True, True)
    >>> percent_matches(7, 70.0), percent_matches("很多", 70.0)
    (False, False)
    """
    value = number(answer)
    if value is None:
        return False
    if abs(value - expected) <= tolerance:
        return True
    return abs(value) <= 1 and abs(100 * value - expected) <= tolerance


def rating(answer: object) -> int | None:
    """A rating on the 1-5 scale (``4``, ``4.0``, ``"4"``, ``"４分"``), or None.

    Examples
    --------
    >>> rating(4), rating("４分"), rating(5.0), rating(6), rating(4.5), rating("很好")
    (4, 4, 5, None, None, None)
    """
    value = number(answer)
    if value is None or not value.is_integer() or not 1 <= value <= 5:
        return None
    return int(value)
