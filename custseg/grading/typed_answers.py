"""Read what a learner typed as an answer: a choice, a number, a count or a 1-5 rating.

Learners who do not program type answers as ``name = value``: a letter (``"B"``, ``"ｂ"``),
the option's words (``"地理维度"``), both (``"B. 地理"``, ``"B地理"``), a number (``3``,
``"3%"``, ``"３"``), a count of rows (``300``) or a rating (``4``, ``"4分"``). These
functions turn such values into the option, number, count or rating meant, or ``None``,
ignoring case, full-width forms, spaces and a closing full stop. The hidden checks of every
assignment, the quizzes and the survey use them (their ``check="setup"`` cells import them
from here), and so does the survey summary of the training report.
"""

from __future__ import annotations

import numbers
import re
import unicodedata
from collections.abc import Mapping, Sequence

__all__ = ["chosen", "codes", "count", "number", "percent_matches", "rating"]

_LETTER = re.compile(r"([a-z])(?:[\s.、:：)）\]]*(.*))?", re.IGNORECASE)
_CODE_SEPARATORS = re.compile(r"[\s,，、;；/]+")
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
        (``"B. 文字"`` or ``"B文字"``; letter and text must agree), or another word listed in
        ``synonyms``. A whole number counts as its digits (``30`` picks the option ``"30"``).
    options : sequence of str
        The options in the order they are lettered.
    synonyms : mapping, optional
        Other words the course uses for an option, ``{word: option}``.

    Returns
    -------
    str or None
        One of ``options`` (or a value of ``synonyms``); ``None`` for anything else, so an
        unmatched answer never equals an option.

    Examples
    --------
    >>> options = ("人口统计", "地理", "心理", "行为")
    >>> chosen("b", options), chosen("Ｂ．地理", options), chosen(" 地理。", options)
    ('地理', '地理', '地理')
    >>> chosen("地理维度", options, {"地理维度": "地理"}), chosen("B. 心理", options)
    ('地理', None)
    >>> chosen("B地理", options), chosen("Bad", options), chosen("b、 地理维度", options, {"地理维度": "地理"})
    ('地理', None, '地理')
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


def codes(answer: object) -> list[str] | None:
    """The codes a learner listed (distributor or customer ids), sorted and in upper case.

    Parameters
    ----------
    answer : object
        A list or tuple of texts (``["D005", "D102"]``) or one text with the codes separated
        by spaces, commas, 、, semicolons or slashes (``"D005、D102"``, full-width too).

    Returns
    -------
    list of str or None
        The codes, sorted, to compare with the sorted reference codes; None for anything else
        (a number, or a list holding something that is not text).

    Examples
    --------
    >>> codes("d102、D005"), codes(["D005 ", "d102"]), codes("Ｄ００５，Ｄ１０２")
    (['D005', 'D102'], ['D005', 'D102'], ['D005', 'D102'])
    >>> codes(5) is None, codes(["D005", 102]) is None, codes("")
    (True, True, [])
    """
    if isinstance(answer, str):
        answer = _CODE_SEPARATORS.split(unicodedata.normalize("NFKC", answer).strip())
    if not isinstance(answer, list | tuple) or not all(isinstance(item, str) for item in answer):
        return None
    items = (unicodedata.normalize("NFKC", item).strip().upper() for item in answer)
    return sorted(item for item in items if item)


def count(answer: object) -> int | None:
    """A count of rows or customers typed as a whole number (``300``, ``300.0``), or None.

    Only a number counts: text such as ``"300"`` is None (the question asks for the number
    itself, and the visible check tells the learner to leave out the quotes), and so are
    ``True``, a fraction and a negative number.

    Parameters
    ----------
    answer : object
        What the learner saved, e.g. the result of ``count_rows(...)``.

    Returns
    -------
    int or None
        The count, to compare with the reference count (``count(answer) == expected``).

    Examples
    --------
    >>> import numpy as np
    >>> count(300), count(300.0), count(np.int64(7)), count(0)
    (300, 300, 7, 0)
    >>> count("300"), count(True), count(300.5), count(-3), count(None)
    (None, None, None, None, None)
    """
    if isinstance(answer, bool) or not isinstance(answer, numbers.Real):
        return None
    value = float(answer)
    if not value.is_integer() or value < 0:
        return None
    return int(value)


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
