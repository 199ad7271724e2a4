"""Instant feedback on the course's practice exercises: ``check()``, ``hint()``, ``solution()``.

A problem's logic (what counts as right, the hints, the solution) lives in an
:class:`~custseg.exercises.problem.Problem`; how the feedback looks in a notebook lives in
:mod:`custseg.exercises.display`. "Not attempted yet" is told apart from "wrong".

In a notebook::

    from custseg.exercises import welcome as ex

    cancelled_lines = ____          # 把 ____ 换成你的答案
    ex.q1                           # 显示题目（Markdown）
    ex.q1.check()                   # 读取同名变量并给出反馈
    ex.q1.hint()                    # 提示；ex.q1.hint(2) 第二条提示
    ex.q1.solution()                # 参考答案
"""

from custseg.extras import require_extra

require_extra("course", "custseg.exercises", packages=("IPython",))

from custseg.exercises.blank import ____, is_blank  # noqa: E402
from custseg.exercises.feedback import Feedback, Outcome  # noqa: E402
from custseg.exercises.problem import ProblemView, bind  # noqa: E402
from custseg.exercises.question import KINDS, Misconception, Problem, close_to  # noqa: E402

__all__ = [
    "KINDS",
    "Feedback",
    "Misconception",
    "Outcome",
    "Problem",
    "ProblemView",
    "____",
    "bind",
    "close_to",
    "is_blank",
]
