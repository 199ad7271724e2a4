"""A practice problem in a notebook: ``ex.q1``, ``ex.q1.check()``, ``hint(n)``, ``solution()``.

What counts as right lives in :mod:`custseg.exercises.question` (its names are importable from
here too); how the feedback looks lives in :mod:`custseg.exercises.display`.
"""

from __future__ import annotations

import inspect
import sys

from custseg.exercises.display import (
    feedback_markdown,
    hint_markdown,
    problem_markdown,
    solution_markdown,
)
from custseg.exercises.feedback import Feedback
from custseg.exercises.question import (
    KINDS,
    LETTERS,
    NOT_FOUND,
    Misconception,
    Problem,
    close_to,
    compare_answers,
    normalize_text,
)

__all__ = [
    "KINDS",
    "Misconception",
    "Problem",
    "ProblemView",
    "bind",
    "close_to",
    "compare_answers",
    "normalize_text",
]


class ProblemView:
    """A problem as a learner sees it in a notebook: ``check()``, ``hint(n)``, ``solution()``.

    The view knows how the learner reaches it (``ex.q1``), so its messages name the exact
    call to run. ``attribute`` is the view's name in its exercise module (found by itself when
    not given); the module alias (``ex``) is read from the learner's notebook.
    """

    def __init__(self, problem: Problem, attribute: str | None = None, module: str | None = None):
        self.problem = problem
        self._attribute = attribute
        self._module = module

    @property
    def attribute(self) -> str | None:
        """The view's name in its exercise module, e.g. ``"q1"``."""
        if self._attribute is None and self._module in sys.modules:
            for key, value in vars(sys.modules[self._module]).items():
                if value is self:
                    self._attribute = key
                    break
        return self._attribute

    def call_prefix(self, namespace: dict | None = None) -> str:
        """How the learner's notebook reaches this view, e.g. ``"ex.q1"``."""
        module = sys.modules.get(self._module) if self._module else None
        attribute = self.attribute
        if namespace:
            for key, value in namespace.items():
                if value is self and not key.startswith("_"):
                    return key
            aliases = [k for k, v in namespace.items() if module is not None and v is module]
            if aliases and attribute:
                return f"{'ex' if 'ex' in aliases else sorted(aliases)[0]}.{attribute}"
        return f"ex.{attribute}" if attribute else self.problem.name

    @staticmethod
    def _notebook_namespace() -> dict | None:
        try:
            from IPython import get_ipython
        except ImportError:
            return None
        shell = get_ipython()
        return shell.user_ns if shell is not None else None

    def evaluate(self, answer: object, namespace: dict | None = None) -> Feedback:
        """The feedback on ``answer``, naming the exact hint call."""
        prefix = self.call_prefix(namespace)
        return self.problem.evaluate(answer, hint_call=f"{prefix}.hint()")

    def __repr__(self) -> str:
        return f"练习 `{self.problem.name}`（{KINDS[self.problem.kind]}）：{self.problem.prompt}"

    def _repr_markdown_(self) -> str:
        prefix = self.call_prefix(self._notebook_namespace())
        return problem_markdown(
            self.problem.name,
            KINDS[self.problem.kind],
            self.problem.prompt,
            [f"{LETTERS[i]}. {c}" for i, c in enumerate(self.problem.choices)],
            prefix,
        )

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

    def check(self, answer: object = NOT_FOUND) -> None:
        """Check the answer; without an argument, the variable named in the problem."""
        caller = inspect.currentframe().f_back.f_globals
        if answer is NOT_FOUND:
            answer = caller.get(self.problem.name, NOT_FOUND)
        self._show(feedback_markdown(self.evaluate(answer, caller)))

    def hint(self, number: int = 1) -> None:
        """Show hint ``number``."""
        prefix = self.call_prefix(inspect.currentframe().f_back.f_globals)
        total = max(len(self.problem.hints), 1)
        number = min(max(number, 1), total)
        text = self.problem.hint_text(number)
        if not self.problem.hints:
            text = f"这道题没有提示，可以运行 `{prefix}.solution()` 查看参考答案。"
        self._show(hint_markdown(number, total, text, call=f"{prefix}.hint"))

    def solution(self) -> None:
        """Show the reference solution and why it is right."""
        self._show(solution_markdown(self.problem.solution, self.problem.explanation))


def bind(problem: Problem, attribute: str | None = None) -> ProblemView:
    """Wrap a problem for use in a notebook.

    ``attribute`` is the name the view gets in its exercise module (``"q1"``); without it,
    the view finds its name there on first use.

    Examples
    --------
    >>> view = bind(Problem("n", "1 加 1 等于几？", lambda: 2, ["想想手指。"]), "q1")
    >>> view.evaluate(3, {"ex": None}).message
    '你的答案是 3，和正确答案不一致。运行 `ex.q1.hint()` 看提示。'
    """
    caller = inspect.currentframe().f_back
    module = caller.f_globals.get("__name__") if caller is not None else None
    return ProblemView(problem, attribute, module)
