"""A practice question's logic: what counts as right, likely wrong answers, hints and a solution.

Nothing here displays anything: the notebook view of a question (``ex.q1``, ``ex.q1.check()`` …)
is :class:`custseg.exercises.problem.ProblemView`, and how its feedback looks is
:mod:`custseg.exercises.display`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import pandas as pd

from custseg.deprecation import warn_renamed
from custseg.errors import ParameterError
from custseg.exercises.blank import is_blank
from custseg.exercises.feedback import Feedback, Outcome

__all__ = [
    "KINDS",
    "LETTERS",
    "NOT_FOUND",
    "Misconception",
    "Problem",
    "close_to",
    "compare_answers",
    "normalize_text",
]

NOT_FOUND = object()
"""The answer of a learner whose answer variable does not exist yet (the cell was not run)."""

KINDS = {
    "calculation": "计算题",
    "judgment": "判断题",
    "decision": "决策题",
    "prediction": "预测题",
    # deprecated British spelling, still a key: released exercise modules build problems with it
    "judgement": "判断题",
}
"""The kinds of question and their Chinese names (``"judgement"`` is the deprecated spelling)."""

_RENAMED_KINDS = {"judgement": "judgment"}
"""Deprecated spellings of a kind and the kind they mean."""

_warned_kinds: set[str] = set()

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
"""The letters of the choices, in order."""
_PUNCTUATION = {"。": ".", "、": ",", "“": '"', "”": '"', "‘": "'", "’": "'", "「": '"', "」": '"'}
_EDGE = " .,;:!?'\"()[]<>《》【】—-"
_WRONG_PREFIX = re.compile(r"^\s*(还不对|不对|错误|错)\s*[：:，,。.!！]?\s*")


def normalize_text(text: str) -> str:
    """A text answer reduced to what matters: no spaces, half-width punctuation, lower case.

    Full-width letters and punctuation become half-width, every space (also the full-width
    one) is removed, and punctuation or quotes around the answer are dropped.

    Examples
    --------
    >>> normalize_text(" 重要 价值客户。")
    '重要价值客户'
    >>> normalize_text("Ｂ") == normalize_text("b")
    True
    >>> normalize_text("“行为维度”")
    '行为维度'
    """
    text = unicodedata.normalize("NFKC", str(text))
    text = "".join(_PUNCTUATION.get(ch, ch) for ch in text)
    text = re.sub(r"\s+", "", text).casefold()
    return text.strip(_EDGE)


def _kind(value: object) -> str:
    if isinstance(value, pd.DataFrame):
        return "表格 (DataFrame)"
    if isinstance(value, pd.Series):
        return "一列数据 (Series)"
    if isinstance(value, bool | np.bool_):
        return "真假值 (bool)"
    if isinstance(value, int | float | np.number):
        return "数字 (number)"
    if isinstance(value, str):
        return "文字 (str)"
    if isinstance(value, list | tuple | set):
        return "列表 (list)"
    return type(value).__name__


def compare_answers(expected: object, answer: object, *, rel_tol: float = 1e-6) -> str | None:
    """Compare a learner's answer with the expected one.

    Text is compared after :func:`normalize_text` (spaces, full-width punctuation, case).

    Returns
    -------
    str or None
        ``None`` when they agree, else a short Chinese explanation of the difference.

    Examples
    --------
    >>> compare_answers(4338, 4338.0) is None
    True
    >>> compare_answers(4338, "4338")
    '答案应该是数字 (number)，你给的是文字 (str)。去掉引号试试。'
    >>> compare_answers(10, 12)
    '你的答案是 12，和正确答案不一致。'
    >>> compare_answers("重要价值客户", "重要价值客户 。") is None
    True
    """
    numeric = (int, float, np.number)
    if isinstance(expected, numeric) and not isinstance(expected, bool):
        if isinstance(answer, str):
            return f"答案应该是{_kind(expected)}，你给的是{_kind(answer)}。去掉引号试试。"
        if not isinstance(answer, numeric) or isinstance(answer, bool):
            return f"答案应该是{_kind(expected)}，你给的是{_kind(answer)}。"
        if math.isclose(float(expected), float(answer), rel_tol=rel_tol, abs_tol=1e-9):
            return None
        return f"你的答案是 {answer}，和正确答案不一致。"
    if isinstance(expected, pd.Series | pd.DataFrame):
        if not isinstance(answer, type(expected)):
            return f"答案应该是{_kind(expected)}，你给的是{_kind(answer)}。"
        if len(answer) != len(expected):
            return f"行数有出入：应该有 {len(expected):,} 行，你的有 {len(answer):,} 行。"
        if isinstance(expected, pd.DataFrame):
            missing = [c for c in expected.columns if c not in answer.columns]
            if missing:
                return f"缺少列：{missing}。"
            answer = answer[expected.columns]
        try:
            pd.testing.assert_index_equal(
                answer.index.sort_values(), expected.index.sort_values(), exact=False
            )
        except AssertionError:
            return "行的索引 (index) 和正确答案不同：请检查是按哪一列分组或排序的。"
        try:
            pd.testing.assert_frame_equal(
                pd.DataFrame(answer).sort_index(),
                pd.DataFrame(expected).sort_index(),
                check_dtype=False,
                check_names=False,
                rtol=rel_tol,
            )
        except AssertionError:
            return "有些数值和正确答案不同：请检查计算公式和数据清洗步骤。"
        return None
    if isinstance(expected, str):
        if not isinstance(answer, str):
            return f"答案应该是{_kind(expected)}，你给的是{_kind(answer)}。记得加引号。"
        if normalize_text(answer) == normalize_text(expected):
            return None
        return f"你的答案是 {answer!r}，和正确答案不一致。"
    if isinstance(expected, set | list | tuple):
        if not isinstance(answer, set | list | tuple | pd.Series | np.ndarray):
            return f"答案应该是{_kind(expected)}，你给的是{_kind(answer)}。"

        def tidy(item):
            return normalize_text(item) if isinstance(item, str) else item

        got = {tidy(a): a for a in answer}
        want = {tidy(e): e for e in expected}
        if isinstance(expected, set):
            if got.keys() == want.keys():
                return None
            extra = sorted(str(got[k]) for k in got.keys() - want.keys())
            short = sorted(str(want[k]) for k in want.keys() - got.keys())
            return f"多了 {extra}，少了 {short}。"
        got, want = [tidy(a) for a in answer], [tidy(e) for e in expected]
        if got == want:
            return None
        return "顺序或内容和正确答案不同。"
    return None if answer == expected else f"你的答案是 {answer!r}，和正确答案不一致。"


def close_to(tolerance: float) -> Callable[[object, object], str | None]:
    """A ``compare`` for numeric answers that may differ from the expected one by ``tolerance``.

    Examples
    --------
    >>> compare = close_to(0.005)
    >>> compare(0.57, 0.572) is None
    True
    >>> compare(0.57, 0.58)
    '你的答案是 0.58，和正确答案不一致。'
    >>> compare(0.57, "0.57")
    "答案应该是数字 (number)，你给的是 '0.57'。去掉引号试试。"
    """

    def compare(expected: object, answer: object) -> str | None:
        if isinstance(answer, bool | np.bool_) or not isinstance(answer, int | float | np.number):
            quotes = "去掉引号试试。" if isinstance(answer, str) else ""
            return f"答案应该是数字 (number)，你给的是 {answer!r}。{quotes}"
        if abs(float(answer) - float(expected)) <= tolerance:
            return None
        return f"你的答案是 {answer!r}，和正确答案不一致。"

    compare.generic = True  # its messages are generic: common mistakes are diagnosed first
    return compare


@dataclass(frozen=True)
class Misconception:
    """A likely wrong answer and the message that tells the learner what went wrong.

    Parameters
    ----------
    answer : object or callable
        The wrong answer, or a zero-argument function computing it (called lazily).
    message : str
        What the mistake is, in Chinese, without repeating "wrong".

    Examples
    --------
    >>> Misconception(lambda: 12.3, "这是百分数，题目要的是 0 到 1 之间的小数。").value()
    12.3
    """

    answer: object
    message: str

    def value(self) -> object:
        """The wrong answer itself."""
        return self.answer() if callable(self.answer) else self.answer


@dataclass(frozen=True)
class Problem:
    """One practice question; pure logic, nothing displayed.

    Parameters
    ----------
    name : str
        The variable the learner fills in, e.g. ``"cancelled_lines"``; never renamed once
        released, since released assignments and submissions use it.
    prompt : str
        The question, in Chinese Markdown.
    expected : callable
        Computes the right answer (called once, lazily: it may load data). With ``choices``,
        the text of the right choice (its letter is accepted too).
    hints : sequence of str
        Hints, from gentle to explicit.
    solution : str
        Reference code.
    explanation : str, optional
        Why the answer is right; shown after a right answer and with the solution.
    compare : callable, optional
        ``compare(expected, answer) -> str | None``; default :func:`compare_answers`.
    kind : str
        ``"calculation"``, ``"judgment"``, ``"decision"`` or ``"prediction"``. The old
        spelling ``"judgement"`` still works: the first problem given it in a session warns.
    choices : sequence of str, optional
        Options shown as A, B, C…; the learner may type the letter or the text.
    accept : sequence, optional
        Other answers counted right: synonyms, labels the course itself uses.
    misconceptions : sequence of Misconception, optional
        Likely wrong answers, each with a targeted message; matched with ``compare``.

    Examples
    --------
    >>> p = Problem("n", "1 加 1 等于几？", lambda: 2, ["想想手指。"], "n = 1 + 1")
    >>> p.evaluate(2).outcome, p.evaluate(3).outcome, p.evaluate(None).outcome
    (<Outcome.CORRECT: 'correct'>, <Outcome.WRONG: 'wrong'>, <Outcome.NOT_ATTEMPTED: 'not_attempted'>)
    >>> q = Problem(
    ...     "pick", "哪一类客户最该挽留？", lambda: "重要挽留客户", ["看最近一次购买。"],
    ...     kind="judgment",
    ...     choices=("重要价值客户", "重要挽留客户"), accept=("重要挽留",),
    ...     misconceptions=(Misconception("重要价值客户", "他们最近刚买过，不需要挽留。"),),
    ... )
    >>> q.evaluate("b").correct, q.evaluate("重要挽留").correct
    (True, True)
    >>> q.evaluate("A").message
    '他们最近刚买过，不需要挽留。运行这道题的 `.hint()` 看提示。'
    """

    name: str
    prompt: str
    expected: Callable[[], object] = field(repr=False)
    hints: Sequence[str] = ()
    solution: str = ""
    explanation: str = ""
    compare: Callable[[object, object], str | None] = field(default=compare_answers, repr=False)
    kind: str = "calculation"
    choices: Sequence[str] = ()
    accept: Sequence[object] = ()
    misconceptions: Sequence[Misconception] = ()

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            public = ", ".join(k for k in KINDS if k not in _RENAMED_KINDS)
            raise ParameterError(
                f"题型 kind={self.kind!r} 不存在 (unknown kind)，可选 (choose)：{public}。"
            )
        if self.kind in _RENAMED_KINDS and self.kind not in _warned_kinds:
            _warned_kinds.add(self.kind)
            # frames: warn_renamed, __post_init__, the dataclass __init__, the caller
            warn_renamed(f'kind="{self.kind}"', f'kind="{_RENAMED_KINDS[self.kind]}"', stacklevel=3)
        if len(self.choices) > len(LETTERS):
            raise ParameterError(f"选项太多 (too many choices)：最多 {len(LETTERS)} 个。")
        for item in self.misconceptions:
            if not isinstance(item, Misconception):
                raise TypeError(
                    f"misconceptions 中的 {item!r} 不是 Misconception(answer, message)。"
                )

    @cached_property
    def expected_value(self) -> object:
        return self._as_choice(self.expected())

    @cached_property
    def _misconception_values(self) -> list[tuple[object, str]]:
        return [(self._as_choice(m.value()), m.message) for m in self.misconceptions]

    def _as_choice(self, value: object) -> object:
        """A choice letter (``"b"``, ``"Ｂ"``, ``"(B)"``) replaced by its choice's text."""
        if not self.choices:
            return value
        if isinstance(value, str):
            text = normalize_text(value)
            if len(text) == 1 and text.upper() in LETTERS[: len(self.choices)]:
                return self.choices[LETTERS.index(text.upper())]
            letter = text[:1].upper()
            for index, choice in enumerate(self.choices):  # the text, or "B. 重要挽留客户"
                if normalize_text(choice) == text or (
                    letter == LETTERS[index] and normalize_text(choice) == text[1:].lstrip(".,:)")
                ):
                    return choice
            return value
        if isinstance(value, set | list | tuple):
            return type(value)(self._as_choice(v) for v in value)
        return value

    def _read(self, answer: object) -> object:
        """The answer as a choice: its letter, or a word the ``compare`` reads as a choice
        (:func:`custseg.exercises.other_names.choice_words`), so misconceptions and the
        "not a choice" diagnosis see the choice the learner meant."""
        answer = self._as_choice(answer)
        reader = getattr(self.compare, "as_choice", None)
        if reader is None:
            return answer
        try:
            return reader(answer)
        except Exception:  # a checker must never crash on a learner's odd answer
            return answer

    def _same(self, target: object, answer: object) -> bool:
        if isinstance(target, str) and isinstance(answer, str):
            return normalize_text(target) == normalize_text(answer)
        try:
            return self.compare(target, answer) is None
        except Exception:  # a mismatch of types is simply no match
            return False

    def evaluate(self, answer: object, *, hint_call: str | None = None) -> Feedback:
        """Check ``answer``: not attempted, wrong (with why) or correct.

        ``hint_call`` is the exact call that shows a hint (e.g. ``"ex.q1.hint()"``); every
        wrong answer ends with it.
        """
        if answer is NOT_FOUND:
            return Feedback(
                Outcome.NOT_ATTEMPTED, f"还没有找到变量 `{self.name}`，请先运行你写答案的单元格。"
            )
        if is_blank(answer):
            return Feedback(
                Outcome.NOT_ATTEMPTED, f"请把 `{self.name} = ____` 中的 ____ 换成你的答案。"
            )
        answer = self._read(answer)
        try:
            problem = self.compare(self.expected_value, answer)
        except Exception as error:  # a checker must never crash on a learner's odd answer
            problem = f"无法比较这个答案（{type(error).__name__}）。"
        if problem is None or any(self._same(self._as_choice(a), answer) for a in self.accept):
            message = "做得好！"
            if self.explanation:
                message += f"\n\n{self.explanation}"
            return Feedback(Outcome.CORRECT, message)
        try:
            misconceptions = self._misconception_values
        except Exception:  # a broken misconception must not hide the feedback itself
            misconceptions = []
        for wrong, message in misconceptions:
            if self._same(wrong, answer):
                problem = message
                break
        else:  # a custom compare's own message is kept: it knows the question better
            if self.compare is compare_answers or getattr(self.compare, "generic", False):
                problem = self._common_mistake(answer) or problem
        problem = _WRONG_PREFIX.sub("", problem).strip()
        if self.hints:
            how = f"运行 `{hint_call}` 看提示。" if hint_call else "运行这道题的 `.hint()` 看提示。"
        else:
            call = (
                f"`{hint_call.replace('.hint()', '.solution()')}`"
                if hint_call
                else "这道题的 `.solution()`"
            )
            how = f"运行 {call} 看参考答案。"
        gap = "" if problem.endswith(("。", "！", "？", "：")) else " "
        return Feedback(Outcome.WRONG, f"{problem}{gap}{how}")

    def _common_mistake(self, answer: object) -> str | None:
        """A diagnosis of mistakes any question can meet: a choice that is not offered, a
        percentage for a fraction."""
        if self.choices and isinstance(answer, str) and answer not in self.choices:
            letters = "、".join(LETTERS[: len(self.choices)])
            return (
                f"{answer!r} 不是这道题的选项：请写选项的字母（{letters}）或选项的文字，"
                f'加引号，例如 `{self.name} = "字母"`。'
            )
        expected = self.expected_value
        numeric = (int, float, np.number)
        if isinstance(answer, str) and answer.strip().endswith(("%", "％")):
            return (
                f"请写数字本身，不要写成文字 {answer!r}；比例请写成 0 到 1 之间的小数"
                f"（例如 12.5% 写成 0.125）。"
            )
        if (
            isinstance(expected, float | np.floating)
            and isinstance(answer, numeric)
            and not isinstance(answer, bool | np.bool_)
            and 0 < abs(float(expected)) < 1
            and self._same(expected, float(answer) / 100)
        ):
            return (
                f"你写的 {answer} 像是百分数；题目要的是 0 到 1 之间的小数，"
                f"也就是 {float(answer) / 100:g}。"
            )
        return None

    def hint_text(self, number: int = 1) -> str:
        """Hint ``number`` (1-based); past the last one, the last one."""
        if not self.hints:
            return "这道题没有提示，可以查看参考答案 `solution()`。"
        return self.hints[min(max(number, 1), len(self.hints)) - 1]
