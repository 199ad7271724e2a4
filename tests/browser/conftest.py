"""Headless Chromium (Debian's package) driven by Playwright, and servers started for a test.

Browser tests are skipped when Chromium or Playwright is missing, unless
``CUSTSEG_REQUIRE_BROWSER=1`` (CI sets it), which turns the skip into a failure.
Screenshots go to ``build/screenshots/`` (or ``$CUSTSEG_SCREENSHOTS``) for a person to look at.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="module")
def browser_page(tmp_path_factory) -> Iterator:
    """A new page of a headless Chromium with a new empty profile."""
    executable = _chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        executable = None
    if executable is None:
        if os.environ.get("CUSTSEG_REQUIRE_BROWSER") == "1":
            pytest.fail("CUSTSEG_REQUIRE_BROWSER=1 but Chromium or Playwright is missing")
        pytest.skip("no Chromium (apt-get install chromium) or no Playwright")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile),
            executable_path=executable,
            args=CHROMIUM_ARGS,
            headless=True,
            viewport={"width": 1280, "height": 1000},
        )
        page = context.new_page()
        try:
            yield page
        finally:
            context.close()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(
    command: list[str], url: str, log: Path, env: dict | None = None, timeout: float = 120
) -> subprocess.Popen:
    """Start a server, wait until ``url`` answers; on failure show the end of its log."""
    handle = log.open("wb")
    full_env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}  # kernels: inline
    process = subprocess.Popen(
        command, stdout=handle, stderr=subprocess.STDOUT, env={**full_env, **(env or {})}
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            with urllib.request.urlopen(url, timeout=5):
                return process
        except OSError:
            time.sleep(0.5)
    process.kill()
    raise RuntimeError(f"{command[0]} did not answer at {url}:\n{log.read_text()[-3000:]}")


def stop_server(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


def screenshot_dir() -> Path:
    folder = Path(os.environ.get("CUSTSEG_SCREENSHOTS", ROOT / "build" / "screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def venv_command(name: str) -> str:
    """A console script of the running interpreter's environment (voila, jupyter)."""
    return str(Path(sys.executable).with_name(name))
