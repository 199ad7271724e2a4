"""Problems found in a submission, each one a clear line for the trainer's report.

Before grading, :func:`check_submission` compares a student's notebook with the released
one: a file that is not valid notebook JSON, a missing notebook, and read-only or test
cells that were edited or deleted (nbgrader grades those on the original cells anyway).
After grading, :func:`check_graded` finds the cells that hit the time limit (an infinite
loop) or killed the kernel. Every problem is an :class:`Issue`.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

import nbformat

from custseg.grading.course import Course
from custseg.grading.execute import KERNEL_DIED

__all__ = [
    "ALL_STUDENTS",
    "ISSUE_KINDS",
    "Issue",
    "check_graded",
    "check_submission",
    "issues_frame",
    "load_issues",
    "save_issues",
]

ISSUE_KINDS = {
    "invalid_notebook": "笔记本文件损坏，不是有效的笔记本 (invalid notebook JSON)，无法评分，各题计 0 分",
    "missing_notebook": "没有提交笔记本 (missing notebook)，无法评分，各题计 0 分",
    "edited_locked_cell": "修改了只读单元格 (edited a read-only cell)，已换回原单元格评分",
    "deleted_locked_cell": "删除了只读单元格 (deleted a read-only cell)，已按原测试评分",
    "timeout": "单元格运行超时，可能是死循环 (cell timed out)，本格及依赖它的测试计 0 分",
    "kernel_died": "单元格让内核崩溃 (kernel died)，本格计 0 分，之后的单元格在新内核中运行",
    "grading_failed": "评分出错 (grading failed)，未评分的题计 0 分",
    "sandbox_limit": "超出沙箱的资源限制 (sandbox limit hit)，之后未完成的题计 0 分",
    "memory_limit": "单元格用的内存超过限制 (memory limit)，本格及依赖它的题计 0 分",
    "not_plain": "答案不是普通的值（数字、文字、列表、表格）(not a plain value)，本题计 0 分",
    "output_cut": "输出太多 (too much output)，反馈中只保留了前面一部分",
    "extra_file": "提交了笔记本以外的文件 (extra files)，这些文件未复制、未运行",
    "unknown_cell": "笔记本中有未知编号的评分单元格 (renamed grade_id)，已按原单元格评分",
    "files_left": "评分时写了大量文件 (wrote many files)，已全部删除",
    "unsandboxed": "本次评分未使用沙箱 (graded without the sandbox)：学员代码以讲师账号运行",
    "legacy_checks": "本作业尚未使用学员内核之外的评分检查 (hidden tests still run in the learner's kernel)",
}
ALL_STUDENTS = "（全体）"


@dataclass(frozen=True)
class Issue:
    """One problem with one student's submission."""

    student: str
    assignment: str
    kind: str
    cell: str = ""
    detail: str = ""

    @property
    def message(self) -> str:
        """The sentence shown in the report, in Chinese."""
        text = ISSUE_KINDS[self.kind]
        where = f"单元格 {self.cell}：" if self.cell else ""
        extra = f"（{self.detail}）" if self.detail else ""
        return f"{where}{text}{extra}"


def _locked_cells(notebook) -> dict[str, str]:
    cells = {}
    for cell in notebook.cells:
        info = cell.metadata.get("nbgrader", {})
        if info.get("locked") and "grade_id" in info:
            cells[info["grade_id"]] = cell.source
    return cells


def check_submission(course: Course, student: str, assignment: str) -> list[Issue]:
    """Compare a submitted notebook with the released one, before grading.

    Returns
    -------
    list of Issue
        Empty for a clean submission.
    """
    submitted = course.notebook_path("submitted", assignment, student)
    if not submitted.is_file():
        found = sorted(p.name for p in submitted.parent.glob("*") if p.name != "timestamp.txt")
        detail = f"应为 {submitted.name}，收到 {', '.join(found) or '空文件夹'}"
        return [Issue(student, assignment, "missing_notebook", detail=detail)]
    try:
        notebook = nbformat.read(submitted, as_version=4)
        nbformat.validate(notebook)
    except (json.JSONDecodeError, nbformat.ValidationError, UnicodeDecodeError) as error:
        first_line = str(error).splitlines()[0][:120] if str(error) else type(error).__name__
        return [Issue(student, assignment, "invalid_notebook", detail=first_line)]
    except Exception as error:  # nbformat raises several kinds for unreadable files
        return [Issue(student, assignment, "invalid_notebook", detail=type(error).__name__)]
    released = _locked_cells(nbformat.read(course.notebook_path("release", assignment), 4))
    present = _locked_cells(notebook)
    issues = []
    for grade_id, source in released.items():
        if grade_id not in present:
            issues.append(Issue(student, assignment, "deleted_locked_cell", cell=grade_id))
        elif present[grade_id].strip() != source.strip():
            issues.append(Issue(student, assignment, "edited_locked_cell", cell=grade_id))
    return issues


def check_graded(course: Course, student: str, assignment: str) -> list[Issue]:
    """Cells of the graded notebook that timed out or killed the kernel."""
    graded = course.notebook_path("autograded", assignment, student)
    if not graded.is_file():
        return []
    notebook = nbformat.read(graded, as_version=4)
    issues = []
    for index, cell in enumerate(notebook.cells):
        name = cell.metadata.get("nbgrader", {}).get("grade_id", f"#{index + 1}")
        for output in cell.get("outputs", []):
            if output.get("output_type") != "error":
                continue
            if output.get("ename") == "CellTimeoutError":
                issues.append(Issue(student, assignment, "timeout", cell=name))
            elif output.get("ename") == KERNEL_DIED:
                issues.append(Issue(student, assignment, "kernel_died", cell=name))
    return issues


def issues_frame(issues: list[Issue]):
    """The issues as a table with a Chinese ``message`` column."""
    import pandas as pd

    columns = ["student", "assignment", "kind", "cell", "detail", "message"]
    rows = [{**asdict(issue), "message": issue.message} for issue in issues]
    return pd.DataFrame(rows, columns=columns)


def save_issues(path: Path, assignment: str, issues: list[Issue], graded: list[str]) -> None:
    """Replace the stored issues of the students just graded, keeping everyone else's."""
    kept = []
    if path.exists():
        kept = [
            Issue(**row)
            for row in json.loads(path.read_text(encoding="utf-8"))
            if not (row["assignment"] == assignment and row["student"] in graded)
        ]
    rows = [asdict(issue) for issue in kept + issues]
    path.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")


def load_issues(path: Path) -> list[Issue]:
    """The issues stored by the grading runs so far."""
    if not path.exists():
        return []
    return [Issue(**row) for row in json.loads(path.read_text(encoding="utf-8"))]
