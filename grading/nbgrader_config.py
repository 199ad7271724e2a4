"""nbgrader settings of the custseg course. Plain ``nbgrader`` commands run in this folder use them.

Everything stays inside this folder: the gradebook (``gradebook.db``), the exchange folder
through which assignments are released and submitted (``exchange/``, created on first
release, so no ``/srv`` permissions are needed), and nbgrader's standard sub-folders
``source/``, ``release/``, ``submitted/``, ``autograded/`` and ``feedback/``.

``custseg-grade autograde`` grades each submission in a sandbox with the checks outside the
learner's kernel (see README.md); plain ``nbgrader autograde`` uses the settings below and
runs learners' code unsandboxed, so use it only for comparison.
"""

from pathlib import Path

c = get_config()  # noqa: F821  (provided by nbgrader when it reads this file)
here = Path(__file__).resolve().parent

c.CourseDirectory.root = str(here)
c.CourseDirectory.course_id = "custseg"
c.Exchange.root = str(here / "exchange")
c.Exchange.cache = str(here / "exchange" / ".cache")  # students' record of their submissions
c.Exchange.timezone = "Asia/Shanghai"

# Per-cell time limit (seconds): an infinite loop is interrupted and that cell scores zero.
c.Execute.timeout = 30
c.Execute.interrupt_on_timeout = True

# A cell that kills the kernel scores zero; the kernel is restarted and grading goes on.
c.Autograde.autograde_preprocessors = [
    "custseg.grading.execute.ResilientExecute",
    "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor",
    "nbgrader.preprocessors.LimitOutput",
    "nbgrader.preprocessors.SaveAutoGrades",
    "nbgrader.preprocessors.AssignLatePenalties",
    "nbgrader.preprocessors.CheckCellMetadata",
]

# A test cell a student deleted is put back, so it is graded on the original test.
c.OverwriteCells.add_missing_cells = True

# Solutions are cleared by custseg's BlankSolutions, the preprocessor that also makes the
# course notebooks' blanks, in the place of nbgrader's ClearSolutions (same markers, same rule).
c.GenerateAssignment.preprocessors = [
    "nbgrader.preprocessors.IncludeHeaderFooter",
    "nbgrader.preprocessors.InstantiateTests",
    "nbgrader.preprocessors.LockCells",
    "custseg.notebook_solutions.BlankSolutions",
    "nbgrader.preprocessors.ClearOutput",
    "nbgrader.preprocessors.CheckCellMetadata",
    "nbgrader.preprocessors.ComputeChecksums",
    "nbgrader.preprocessors.SaveCells",
    "nbgrader.preprocessors.ClearHiddenTests",
    "nbgrader.preprocessors.ClearMarkScheme",
    "nbgrader.preprocessors.ComputeChecksums",
    "nbgrader.preprocessors.CheckCellMetadata",
]
c.BlankSolutions.code_stub = (
    "# 在这里作答：照题目写 名字 = 答案，再删掉下面这一行 (YOUR ANSWER HERE)\n"
    "raise NotImplementedError()"
)
c.BlankSolutions.text_stub = "在这里作答 (YOUR ANSWER HERE)"

# Pages made from learners' outputs (feedback, Formgrader) drop scripts and event handlers
# from HTML outputs, so a learner's output cannot run code in whoever opens the page.
c.HTMLExporter.sanitize_html = True

# Formgrader shows each written question's rubric (rubrics/<id>.md) under the learner's answer;
# no released notebook, graded notebook or feedback page holds it.
c.HTMLExporter.preprocessors = ["custseg.grading.rubrics.ShowRubrics"]
