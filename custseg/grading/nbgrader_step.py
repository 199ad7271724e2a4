"""One nbgrader step through nbgrader's Python API, in a process of its own.

:meth:`custseg.grading.course.Course.nbgrader` is the only way custseg drives nbgrader's
steps (generate, release, collect, autograde, feedback, submit). It starts
``python -m custseg.grading.nbgrader_step`` in the course folder, writes the request as JSON
to its standard input and reads the answer from its standard output, so that a time limit
can stop the step together with the kernels it started, and an environment variable set
for one step never reaches the trainer's own process.

In that process :func:`run_step` reads the ``nbgrader_config.py`` files exactly as the
``nbgrader`` command does (Jupyter's configuration folders, then the course folder), adds
the request's settings on top and calls :class:`nbgrader.apps.NbGraderAPI`. The API answers
each step with ``{"success": bool, "log": str, "error": str}`` (``log`` is nbgrader's log,
``error`` the traceback when the step failed; either may be missing).

The request::

    {"step": "collect", "assignment": "03_rfm", "student": null,
     "options": {"update": true}, "settings": {"Execute.timeout": 30}}

``options`` are the keyword arguments of the API method (``force``, ``update``, ``create``),
``settings`` nbgrader settings written ``Class.name``, as on nbgrader's command line.
"""

from __future__ import annotations

import json
import os
import sys

__all__ = ["STEPS", "run_step"]

STEPS = (
    "generate_assignment",
    "release_assignment",
    "collect",
    "autograde",
    "generate_feedback",
    "release_feedback",
    "submit",
)
"""The steps :func:`run_step` runs: the methods of ``NbGraderAPI`` and a student's submit."""


def _settings(settings: dict):
    from traitlets.config import Config

    config = Config()
    for name, value in settings.items():
        section, _, trait = name.rpartition(".")
        config[section][trait] = value
    return config


def run_step(
    step: str,
    assignment: str,
    *,
    student: str | None = None,
    options: dict | None = None,
    settings: dict | None = None,
) -> dict:
    """Run one nbgrader step in this process, in the course folder (the working directory).

    Returns
    -------
    dict
        ``NbGraderAPI``'s answer: ``success``, and ``log`` and ``error`` when there are any.
    """
    from nbgrader.apps import NbGraderAPI
    from nbgrader.apps.baseapp import NbGrader
    from nbgrader.utils import capture_log, temp_attrs

    if step not in STEPS:
        raise ValueError(f"unknown nbgrader step {step!r}; known: {', '.join(STEPS)}")
    app = NbGrader()
    app.initialize([])  # the configuration files, read as the nbgrader command reads them
    app.update_config(_settings(settings or {}))
    api = NbGraderAPI(coursedir=app.coursedir, parent=app)
    options = dict(options or {})
    if step == "submit":  # the student's side: not a method of the API, the exchange's class
        with temp_attrs(api.coursedir, assignment_id=assignment, student_id=student or "*"):
            submit = api.exchange.Submit(
                coursedir=api.coursedir, authenticator=api.authenticator, parent=api
            )
            return capture_log(submit)
    if step == "autograde":
        options["student_id"] = student or "*"
    elif student is not None:
        options["student_id"] = student
    return getattr(api, step)(assignment, **options)


def main() -> int:
    """Read the request from standard input, run it, print the answer as one JSON line."""
    answer = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # anything printed goes to stderr
    request = json.loads(sys.stdin.read())
    result = run_step(
        request["step"],
        request["assignment"],
        student=request.get("student"),
        options=request.get("options"),
        settings=request.get("settings"),
    )
    with answer:
        answer.write(json.dumps(result, ensure_ascii=False, default=str) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
