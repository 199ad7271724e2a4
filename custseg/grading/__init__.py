"""Grading with nbgrader: release, collect, autograde in parallel, feedback, training report.

The course folder ``grading/`` of the repository is an nbgrader course root; the
``custseg-grade`` command (:mod:`custseg.grading.cli`) drives it. One module per step:
:mod:`~custseg.grading.build` (text sources to notebooks, release),
:mod:`~custseg.grading.roster` (class list), :mod:`~custseg.grading.collect`,
:mod:`~custseg.grading.autograde` (parallel, with :mod:`~custseg.grading.execute` and
:mod:`~custseg.grading.checks`), :mod:`~custseg.grading.backup`,
:mod:`~custseg.grading.feedback`, :mod:`~custseg.grading.grades` (export) and
:mod:`~custseg.grading.report` (培训效果评估).
"""

from custseg.grading.course import Course

__all__ = ["Course"]
