"""Which nbgrader tools each account sees in JupyterLab (run by install.sh, used by accounts.py).

nbgrader switches on all its tools for everyone. On the workshop server learners keep the
Assignments panel (作业：取作业、提交) and the Validate button; the formgrader (评分界面), the
Course List and the Create Assignment toolbar are switched off and locked for everyone in
the virtualenv's settings, and switched back on in the instructor's own settings, as
nbgrader's documentation recommends for JupyterHub.

The settings are JSON files merged across levels (system < virtualenv < user). They are
written directly: ``jupyter server extension enable --user`` refuses an extension that the
user's settings do not list yet, and each ``jupyter labextension`` call takes seconds.

Usage: ``python nbgrader_tools.py <prefix>/etc/jupyter`` (the learners' defaults).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

__all__ = ["SERVER_CONFIG", "PAGE_CONFIG", "instructor_settings", "learner_settings", "merge"]

SERVER_EXTENSIONS = ("formgrader", "course_list")
LAB_PLUGINS = ("formgrader", "course-list", "create-assignment")
SERVER_CONFIG = Path("jupyter_server_config.json")  # relative to a Jupyter config folder
PAGE_CONFIG = Path("labconfig") / "page_config.json"


def merge(data: dict, update: dict) -> dict:
    """Merge ``update`` into ``data`` recursively (in place) and return ``data``.

    >>> merge({"a": {"x": 1}, "b": 2}, {"a": {"y": True}})
    {'a': {'x': 1, 'y': True}, 'b': 2}
    """
    for key, value in update.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            merge(data[key], value)
        else:
            data[key] = value
    return data


def _settings(on: bool) -> dict[Path, dict]:
    servers = {f"nbgrader.server_extensions.{name}": on for name in SERVER_EXTENSIONS}
    plugins = [f"@jupyter/nbgrader:{name}" for name in LAB_PLUGINS]
    page = {"disabledExtensions": {p: not on for p in plugins}}
    if not on:
        page["lockedExtensions"] = {p: True for p in plugins}  # no switching back in the UI
    return {SERVER_CONFIG: {"ServerApp": {"jpserver_extensions": servers}}, PAGE_CONFIG: page}


def learner_settings() -> dict[Path, dict]:
    """Settings (file → content to merge) switching the instructor's tools off."""
    return _settings(False)


def instructor_settings() -> dict[Path, dict]:
    """Settings (file → content to merge) switching them back on for one account."""
    return _settings(True)


def read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("用法 (usage): python nbgrader_tools.py <prefix>/etc/jupyter", file=sys.stderr)
        return 2
    folder = Path(argv[0])
    for name, update in learner_settings().items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(merge(read_json(path), update), indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
