"""Sandboxed parallel autograde against plain ``nbgrader autograde`` on the same submissions.

Builds a copy of the course's grading folder in a temporary folder, releases
``03_rfm``, files N simulated submissions (model answers, a third of them with
wrong answers), grades them once with plain ``nbgrader autograde`` (one after another, no
sandbox, checks inside the learner's kernel) and once with
``custseg.grading.autograde.autograde`` (each submission in its own sandbox, one running
per core, checks outside), checks the scores are identical and prints both times and their
ratio (target: the sandboxed grading at least 1.5x faster on 2 cores). Plain nbgrader only
knows the visible checks, so the wrong answers here are ones those also catch.

    python bench/bench_grading.py            # 60 submissions
    python bench/bench_grading.py --small    # 8 submissions
"""

from __future__ import annotations

import argparse
import copy
import os
import re
import shutil
import tempfile
import time
from pathlib import Path

import nbformat

from custseg.grading.autograde import autograde, autograde_sequential
from custseg.grading.build import release
from custseg.grading.course import Course
from custseg.grading.grades import cell_grades

ASSIGNMENT = "03_rfm"
GRADING = Path(__file__).resolve().parents[1] / "grading"
_MARKER = re.compile(r"^[ \t]*### (BEGIN|END) SOLUTION[ \t]*\n?", re.MULTILINE)
# Wrong answers of the kinds plain nbgrader's visible checks also catch (a share instead of a
# head count, a number as text, a day count that is not an option).
_WRONG = {
    "q1_answer": "cn_vip_customers = 0.2",
    "q2_answer": 'kept_mean_spend = "3000"',
    "q3_answer": "vip_recency_days = 100",
}


def _submissions(course: Course, count: int) -> None:
    source = nbformat.read(course.notebook_path("source", ASSIGNMENT), as_version=4)
    answers = {
        c.metadata["nbgrader"]["grade_id"]: _MARKER.sub("", c.source)
        for c in source.cells
        if c.metadata.get("nbgrader", {}).get("solution")
    }
    released = nbformat.read(course.notebook_path("release", ASSIGNMENT), as_version=4)
    for index in range(count):
        notebook = copy.deepcopy(released)
        for cell in notebook.cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
            if grade_id in answers:
                cell.source = answers[grade_id]
            if index % 3 == 1 and grade_id in _WRONG:
                cell.source = _WRONG[grade_id]
        folder = course.submission_dir(f"s{index:03d}", ASSIGNMENT)
        folder.mkdir(parents=True)
        nbformat.write(notebook, folder / f"{ASSIGNMENT}.ipynb")
        (folder / "timestamp.txt").write_text("2026-11-30 10:00:00.000000 Asia/Shanghai")


def _course(base: Path, name: str) -> Course:
    root = base / name
    root.mkdir()
    shutil.copy(GRADING / "nbgrader_config.py", root)
    shutil.copytree(GRADING / "assignments", root / "assignments")
    return Course(root)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", action="store_true", help="8 submissions instead of 60")
    parser.add_argument("-n", type=int, default=None, help="number of submissions")
    parser.add_argument("--workers", type=int, default=None, help="default: the number of cores")
    parser.add_argument(
        "--no-sandbox", action="store_true", help="grade without the sandbox (for comparison)"
    )
    args = parser.parse_args()
    count = args.n or (8 if args.small else 60)
    with tempfile.TemporaryDirectory() as work:
        plain = _course(Path(work), "plain")
        release(plain, ASSIGNMENT)
        _submissions(plain, count)
        parallel_root = Path(work) / "parallel"
        shutil.copytree(plain.root, parallel_root)
        parallel = Course(parallel_root)

        start = time.perf_counter()
        autograde_sequential(plain, ASSIGNMENT)
        sequential_seconds = time.perf_counter() - start
        start = time.perf_counter()
        run = autograde(parallel, ASSIGNMENT, workers=args.workers, sandbox=not args.no_sandbox)
        parallel_seconds = time.perf_counter() - start

        columns = ["student", "question", "score"]
        left = cell_grades(plain, ASSIGNMENT)[columns].sort_values(columns[:2])
        right = cell_grades(parallel, ASSIGNMENT)[columns].sort_values(columns[:2])
        same = left.reset_index(drop=True).equals(right.reset_index(drop=True))
    workers = args.workers or os.cpu_count()
    print(f"submissions: {count}, cores: {os.cpu_count()}, workers: {workers}")
    print(f"plain nbgrader autograde (one after another): {sequential_seconds:7.1f} s")
    label = "without sandbox" if args.no_sandbox else "sandboxed"
    print(
        f"custseg parallel autograde ({label}):{' ' * (17 - len(label))}{parallel_seconds:7.1f} s"
    )
    print(f"speed-up (plain / parallel): {sequential_seconds / parallel_seconds:.2f}x")
    print(f"graded: {len(run.graded)}, identical scores: {same}")
    if not same:
        raise SystemExit("the two gradings disagree")


if __name__ == "__main__":
    main()
