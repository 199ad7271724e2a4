"""Grading with nbgrader: release, collect, autograde in parallel, feedback, training report.

The course folder ``grading/`` of the repository is an nbgrader course root; the
``custseg-grade`` command (:mod:`custseg.grading.cli`) drives it. One module per step:
:mod:`~custseg.grading.build` (text sources to notebooks, release),
:mod:`~custseg.grading.roster` (class list), :mod:`~custseg.grading.collect`,
:mod:`~custseg.grading.autograde` (parallel, with :mod:`~custseg.grading.execute` and
:mod:`~custseg.grading.checks`), :mod:`~custseg.grading.backup`,
:mod:`~custseg.grading.feedback`, :mod:`~custseg.grading.grades` (export) and
:mod:`~custseg.grading.report` (培训效果评估). Every nbgrader step runs through nbgrader's Python
API in :mod:`~custseg.grading.nbgrader_step` (started by ``Course.nbgrader``); solutions are
cleared by :mod:`~custseg.notebook_solutions`, which the course notebooks' build uses too.
"""

from custseg.extras import require_extra

require_extra("grading", "custseg.grading", packages=("nbgrader", "nbformat"))

__all__ = ["Course"]


def __getattr__(name: str):
    """``Course`` on first use: the sandboxed runner imports this package and needs none of it."""
    if name == "Course":
        from custseg.grading.course import Course

        return Course
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
