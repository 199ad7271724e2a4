"""A practice problem: what counts as right, hints and a solution, plus its notebook view."""

from __future__ import annotations

import inspect
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import pandas as pd

from custseg.exercises.blank import is_blank
from custseg.exercises.display import feedback_markdown, hint_markdown, solution_markdown
from custseg.exercises.feedback import Feedback, Outcome

__all__ = ["Problem", "ProblemView", "bind", "close_to", "compare_answers"]

_MISSING = object()


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
    '数值不对：你的答案是 12。'
    """
    numeric = (int, float, np.number)
    if isinstance(expected, numeric) and not isinstance(expected, bool):
        if isinstance(answer, str):
            return f"答案应该是{_kind(expected)}，你给的是{_kind(answer)}。去掉引号试试。"
        if not isinstance(answer, numeric) or isinstance(answer, bool):
            return f"答案应该是{_kind(expected)}，你给的是{_kind(answer)}。"
        if math.isclose(float(expected), float(answer), rel_tol=rel_tol, abs_tol=1e-9):
            return None
        return f"数值不对：你的答案是 {answer}。"
    if isinstance(expected, pd.Series | pd.DataFrame):
        if not isinstance(answer, type(expected)):
            return f"答案应该是{_kind(expected)}，你给的是{_kind(answer)}。"
        if len(answer) != len(expected):
            return f"行数不对：应该有 {len(expected):,} 行，你的有 {len(answer):,} 行。"
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
            return "行的索引 (index) 不对：请检查是按哪一列分组或排序的。"
        try:
            pd.testing.assert_frame_equal(
                pd.DataFrame(answer).sort_index(),
                pd.DataFrame(expected).sort_index(),
                check_dtype=False,
                check_names=False,
                rtol=rel_tol,
            )
        except AssertionError:
            return "有些数值不对：请检查计算公式和数据清洗步骤。"
        return None
    if isinstance(expected, str):
        if not isinstance(answer, str):
            return f"答案应该是{_kind(expected)}，你给的是{_kind(answer)}。记得加引号。"
        if answer.strip() == expected:
            return None
        return f"不对：你的答案是 {answer!r}。"
    if isinstance(expected, set | list | tuple):
        if not isinstance(answer, set | list | tuple | pd.Series | np.ndarray):
            return f"答案应该是{_kind(expected)}，你给的是{_kind(answer)}。"
        got = set(answer) if isinstance(expected, set) else list(answer)
        want = expected if isinstance(expected, set) else list(expected)
        if got == want:
            return None
        if isinstance(expected, set):
            return f"多了 {sorted(got - want)}，少了 {sorted(want - got)}。"
        return "顺序或内容不对。"
    return None if answer == expected else f"不对：你的答案是 {answer!r}。"


def close_to(tolerance: float) -> Callable[[object, object], str | None]:
    """A ``compare`` for numeric answers that may differ from the expected one by ``tolerance``.

    Examples
    --------
    >>> compare = close_to(0.005)
    >>> compare(0.57, 0.572) is None
    True
    >>> compare(0.57, 0.58)
    '不对：你的答案是 0.58。'
    >>> compare(0.57, "0.57")
    "答案应该是数字 (number)，你给的是 '0.57'。"
    """

    def compare(expected: object, answer: object) -> str | None:
        if isinstance(answer, bool | np.bool_) or not isinstance(answer, int | float | np.number):
            return f"答案应该是数字 (number)，你给的是 {answer!r}。"
        if abs(float(answer) - float(expected)) <= tolerance:
            return None
        return f"不对：你的答案是 {answer!r}。"

    return compare


@dataclass(frozen=True)
class Problem:
    """One practice question; pure logic, nothing displayed.

    Parameters
    ----------
    name : str
        The variable the learner fills in, e.g. ``"cancelled_lines"``.
    prompt : str
        The question, in Chinese.
    expected : callable
        Computes the right answer (called once, lazily: it may load data).
    hints : sequence of str
        Hints, from gentle to explicit.
    solution : str
        Reference code.
    explanation : str, optional
        Why the solution works.
    compare : callable, optional
        ``compare(expected, answer) -> str | None``; default :func:`compare_answers`.

    Examples
    --------
    >>> p = Problem("n", "1 加 1 等于几？", lambda: 2, ["想想手指。"], "n = 1 + 1")
    >>> p.evaluate(2).outcome, p.evaluate(3).outcome, p.evaluate(None).outcome
    (<Outcome.CORRECT: 'correct'>, <Outcome.WRONG: 'wrong'>, <Outcome.NOT_ATTEMPTED: 'not_attempted'>)
    """

    name: str
    prompt: str
    expected: Callable[[], object] = field(repr=False)
    hints: Sequence[str] = ()
    solution: str = ""
    explanation: str = ""
    compare: Callable[[object, object], str | None] = field(default=compare_answers, repr=False)

    @cached_property
    def expected_value(self) -> object:
        return self.expected()

    def evaluate(self, answer: object) -> Feedback:
        """Check ``answer``: not attempted, wrong (with why) or correct."""
        if answer is _MISSING:
            return Feedback(
                Outcome.NOT_ATTEMPTED, f"还没有找到变量 `{self.name}`，请先运行你写答案的单元格。"
            )
        if is_blank(answer):
            return Feedback(
                Outcome.NOT_ATTEMPTED, f"请把 `{self.name} = ____` 中的 ____ 换成你的答案。"
            )
        try:
            problem = self.compare(self.expected_value, answer)
        except Exception as error:  # a checker must never crash on a learner's odd answer
            problem = f"无法比较这个答案（{type(error).__name__}）。"
        if problem is None:
            return Feedback(Outcome.CORRECT, "做得好！")
        return Feedback(Outcome.WRONG, f"{problem} 需要帮助可以运行 `hint()`。")

    def hint_text(self, number: int = 1) -> str:
        """Hint ``number`` (1-based); past the last one, the last one."""
        if not self.hints:
            return "这道题没有提示，可以查看参考答案 `solution()`。"
        return self.hints[min(max(number, 1), len(self.hints)) - 1]


class ProblemView:
    """A problem as a learner sees it in a notebook: ``check()``, ``hint(n)``, ``solution()``."""

    def __init__(self, problem: Problem):
        self.problem = problem

    def __repr__(self) -> str:
        return f"练习 `{self.problem.name}`：{self.problem.prompt}"

    def _show(self, markdown: str) -> None:
        try:
            from IPython import get_ipython
            from IPython.display import Markdown, display
        except ImportError:
            get_ipython = None
        if get_ipython is not None and get_ipython() is not None:
            display(Markdown(markdown))
        else:  # plain Python: no notebook to render Markdown
            print(markdown)

    def check(self, answer: object = _MISSING) -> None:
        """Check the answer; without an argument, the variable named in the problem."""
        if answer is _MISSING:
            caller = inspect.currentframe().f_back.f_globals
            answer = caller.get(self.problem.name, _MISSING)
        self._show(feedback_markdown(self.problem.evaluate(answer)))

    def hint(self, number: int = 1) -> None:
        """Show hint ``number``."""
        total = max(len(self.problem.hints), 1)
        self._show(hint_markdown(min(max(number, 1), total), total, self.problem.hint_text(number)))

    def solution(self) -> None:
        """Show the reference solution."""
        self._show(solution_markdown(self.problem.solution, self.problem.explanation))


def bind(problem: Problem) -> ProblemView:
    """Wrap a problem for use in a notebook."""
    return ProblemView(problem)
