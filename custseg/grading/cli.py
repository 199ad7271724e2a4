"""``custseg-grade``: the trainer's command line for releasing, collecting and grading work.

Run ``custseg-grade --help`` (or ``python -m custseg.grading --help``); each command prints
what it did in Chinese. The usual order::

    custseg-grade roster 学员名单.csv
    custseg-grade release 00_data_cleaning --due "2026-12-01 18:00"
    custseg-grade collect 00_data_cleaning            # or: --zip 作业.zip
    custseg-grade autograde 00_data_cleaning          # each submission in a sandbox
    custseg-grade feedback 00_data_cleaning
    custseg-grade export
    custseg-grade report
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from custseg.cli import ChineseArgumentParser
from custseg.errors import DataError, ParameterError
from custseg.grading.autograde import (
    DEFAULT_CELL_TIMEOUT,
    SandboxUnavailable,
    autograde,
    autograde_sequential,
)
from custseg.grading.backup import list_backups, restore_gradebook
from custseg.grading.build import generate, release
from custseg.grading.collect import collect_exchange, collect_zip
from custseg.grading.course import Course, NbgraderError
from custseg.grading.feedback import release_feedback
from custseg.grading.grades import export_grades
from custseg.grading.report import write_report
from custseg.grading.roster import import_roster

__all__ = ["course_folder", "default_course_root", "main"]


def default_course_root() -> Path:
    """The course folder: ``$CUSTSEG_GRADING``, else this folder if it has
    ``nbgrader_config.py``, else ``./grading``."""
    if os.environ.get("CUSTSEG_GRADING"):
        return Path(os.environ["CUSTSEG_GRADING"])
    here = Path.cwd()
    return here if (here / "nbgrader_config.py").is_file() else here / "grading"


def _parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(
        prog="custseg-grade",
        description="发布、收取、自动评分作业，并生成培训效果评估报告 (nbgrader for custseg)",
    )
    parser.add_argument(
        "--course", type=Path, default=None, help="课程评分文件夹 (default: ./grading)"
    )
    commands = parser.add_subparsers(
        dest="command", required=True, metavar="命令", parser_class=ChineseArgumentParser
    )

    build = commands.add_parser("build", help="由文本源文件生成作业笔记本 (build assignments)")
    build.add_argument("assignments", nargs="*", help="作业编号；不写则生成全部")

    rel = commands.add_parser("release", help="生成并发布作业给学员 (generate and release)")
    rel.add_argument("assignment")
    rel.add_argument("--due", help='截止时间，北京时间，如 "2026-12-01 18:00"')

    roster = commands.add_parser("roster", help="导入学员名单 CSV/Excel (import the class list)")
    roster.add_argument("file", type=Path)

    submit = commands.add_parser("submit", help="学员提交作业到交换文件夹 (submit, student side)")
    submit.add_argument("assignment")
    submit.add_argument("notebook", type=Path)
    submit.add_argument("--student", required=True, help="学号")

    collect = commands.add_parser("collect", help="收取作业 (collect submissions)")
    collect.add_argument("assignment")
    collect.add_argument("--zip", type=Path, help="从 zip 文件收取（学习平台下载或邮件附件）")

    grade = commands.add_parser("autograde", help="并行自动评分 (autograde in parallel)")
    grade.add_argument("assignment")
    grade.add_argument(
        "--timeout",
        type=int,
        default=DEFAULT_CELL_TIMEOUT,
        help=f"每个单元格最多运行的秒数 (per-cell time limit, default {DEFAULT_CELL_TIMEOUT})",
    )
    grade.add_argument(
        "--workers", type=int, default=None, help="同时评分的进程数 (default: CPU 核数)"
    )
    grade.add_argument(
        "--no-sandbox",
        action="store_true",
        help="不使用沙箱评分（学员代码以你的账号运行，不安全；报告中会注明）",
    )
    grade.add_argument(
        "--sequential",
        action="store_true",
        help="用普通的 nbgrader autograde 逐个评分（不使用沙箱，须同时加 --no-sandbox）",
    )

    feedback = commands.add_parser(
        "feedback", help="生成并发放反馈 (generate and release feedback)"
    )
    feedback.add_argument("assignment")

    export = commands.add_parser("export", help="导出成绩 CSV 和 Excel (export grades)")
    export.add_argument("assignment", nargs="?")

    report = commands.add_parser("report", help="生成培训效果评估报告 HTML 和 Excel")
    report.add_argument("assignment", nargs="?")

    commands.add_parser("backups", help="列出成绩库备份 (list gradebook backups)")
    restore = commands.add_parser("restore", help="从备份恢复成绩库 (restore the gradebook)")
    restore.add_argument("backup", nargs="?", help="备份文件名；不写则用最新的备份")
    return parser


def _submit(course: Course, assignment: str, notebook: Path, student: str) -> None:
    if not notebook.is_file():
        raise DataError(f"找不到笔记本文件 (notebook not found): {notebook}")
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / assignment
        folder.mkdir()
        shutil.copy(notebook, folder / f"{assignment}.ipynb")
        course.nbgrader(
            "submit", assignment, student=student, settings={"Exchange.assignment_dir": work}
        )


def course_folder(root: Path) -> Course:
    """The course in ``root``; a :class:`DataError` naming the folder when it is not one.

    Every command works in a course folder, the one holding ``nbgrader_config.py``; in any
    other folder it would make a gradebook and reports of nothing, so it stops first.

    Examples
    --------
    >>> course_folder(Path("/没有这个文件夹"))
    Traceback (most recent call last):
    custseg.errors.DataError: /没有这个文件夹 不是课程评分文件夹：里面没有 nbgrader_config.py。...
    """
    course = Course(root)
    if not (course.root / "nbgrader_config.py").is_file():
        raise DataError(
            f"{course.root} 不是课程评分文件夹：里面没有 nbgrader_config.py。"
            "请用 --course 指定课程评分文件夹，或在该文件夹中运行 "
            f"(not a course folder, no nbgrader_config.py: {course.root})"
        )
    return course


def _run(args: argparse.Namespace) -> None:
    course = course_folder(args.course or default_course_root())
    say = print
    if args.command == "build":
        for assignment in args.assignments or course.assignment_ids():
            generate(course, assignment)
            say(f"已生成作业 {assignment}：release/{assignment}/（学员版，无答案和隐藏测试）")
    elif args.command == "release":
        release(course, args.assignment, due=args.due)
        say(f"已发布作业 {args.assignment} 到交换文件夹 {course.exchange}")
    elif args.command == "roster":
        roster = import_roster(course, args.file)
        say(f"已导入 {len(roster)} 位学员")
    elif args.command == "submit":
        _submit(course, args.assignment, args.notebook, args.student)
        say(f"学员 {args.student} 已提交作业 {args.assignment}")
    elif args.command == "collect" and args.zip:
        status = {
            "collected": "已收取",
            "older copy": "较旧的副本，未用",
            "no match": "找不到对应学员",
        }
        for row in collect_zip(course, args.assignment, args.zip).itertuples():
            say(f"{row.file} → {row.student or '?'}：{status[row.status]}")
    elif args.command == "collect":
        students = collect_exchange(course, args.assignment)
        say(f"已收取 {len(students)} 份作业：{', '.join(students)}")
    elif args.command == "autograde":
        if args.sequential and not args.no_sandbox:
            raise SandboxUnavailable(
                "--sequential 用普通的 nbgrader autograde 评分，不使用沙箱；"
                "确需这样做时请同时加上 --no-sandbox "
                "(--sequential grades without a sandbox: add --no-sandbox to confirm)"
            )
        if args.sequential:
            run = autograde_sequential(course, args.assignment, timeout=args.timeout)
        else:
            run = autograde(
                course,
                args.assignment,
                timeout=args.timeout,
                workers=args.workers,
                sandbox=not args.no_sandbox,
            )
        if not run.sandboxed:
            say("注意：本次评分未使用沙箱，学员的代码以你的账号运行（报告中已注明）")
        if run.backup:
            say(f"评分前已备份成绩库：{run.backup.name}（恢复：custseg-grade restore）")
        say(f"已评分 {len(run.graded)} 份，无法评分 {len(run.failed)} 份")
        for issue in run.issues:
            say(f"  {issue.student}：{issue.message}")
    elif args.command == "feedback":
        pages = release_feedback(course, args.assignment)
        say(f"已生成并发放 {len(pages)} 份反馈（feedback/ 文件夹）")
    elif args.command == "export":
        for path in export_grades(course, args.assignment):
            say(f"已导出：{path}")
    elif args.command == "report":
        for path in write_report(course, args.assignment):
            say(f"已生成：{path}")
    elif args.command == "backups":
        backups = list_backups(course)
        say("\n".join(p.name for p in backups) if backups else "还没有备份")
    elif args.command == "restore":
        used = restore_gradebook(course, args.backup)
        say(f"已从 {used.name} 恢复成绩库（恢复前的成绩库也已备份）")


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``custseg-grade``; return the exit code.

    0 on success; 2 on a user's error (a missing file or assignment, bad data or a bad
    argument, or a grading sandbox that cannot start: the message says what is missing and how
    to install it); 1 on an internal one (nbgrader failed, or an unexpected fault), as
    ``custseg segment`` does. Every message is in Chinese, never a traceback.
    """
    args = _parser().parse_args(argv)
    try:
        _run(args)
    except SandboxUnavailable as error:
        print(f"错误：无法启动评分沙箱，未评分 (sandbox unavailable): {error}", file=sys.stderr)
        print("如确需不使用沙箱评分，请加 --no-sandbox（不安全）", file=sys.stderr)
        return 2
    except (DataError, ParameterError, FileNotFoundError) as error:
        print(f"错误 (error): {error}", file=sys.stderr)
        return 2
    except NbgraderError as error:
        print(f"错误 (error): {error}", file=sys.stderr)
        return 1
    except Exception as error:  # an internal fault: reported, without a traceback
        print(
            f"错误 (error): 出现意外问题 (unexpected problem)：{type(error).__name__}: {error}",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
