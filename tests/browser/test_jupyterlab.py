"""JupyterLab in a real browser: the interface is in Chinese and a course notebook runs cleanly."""

from __future__ import annotations

import json
import secrets

import nbformat
import pytest

from tests.browser.conftest import (
    ROOT,
    free_port,
    screenshot_dir,
    start_server,
    stop_server,
    venv_command,
)
from tests.course.test_notebooks import build

NOTEBOOK = "00_welcome.ipynb"
STATE = """() => {
  const panel = window.jupyterapp.shell.currentWidget;
  if (!panel || !panel.content || !panel.content.model) { return null; }
  const cells = [];
  for (let i = 0; i < panel.content.model.cells.length; i++) {
    const cell = panel.content.model.cells.get(i);
    if (cell.type !== 'code') { continue; }
    cells.push({count: cell.executionCount, outputs: cell.outputs.toJSON()});
  }
  const kernel = panel.sessionContext.session && panel.sessionContext.session.kernel;
  return {status: kernel ? kernel.status : 'none', cells: cells};
}"""


@pytest.fixture(scope="module")
def lab_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lab")
    learner, _ = build.build_versions(ROOT / "course" / "src" / "00_welcome.py")
    nbformat.write(learner, folder / NOTEBOOK)
    token, port = secrets.token_hex(16), free_port()
    settings = tmp_path_factory.mktemp("lab-user-settings")
    server = start_server(
        [
            venv_command("jupyter"),
            "lab",
            "--no-browser",
            f"--port={port}",
            "--allow-root",
            f"--ServerApp.root_dir={folder}",
            f"--IdentityProvider.token={token}",
            "--LabApp.expose_app_in_browser=True",
        ],
        f"http://127.0.0.1:{port}/api/status?token={token}",
        folder / "jupyterlab.log",
        env={"JUPYTERLAB_SETTINGS_DIR": str(settings), "JUPYTERLAB_WORKSPACES_DIR": str(settings)},
    )
    yield f"http://127.0.0.1:{port}/lab/tree/{NOTEBOOK}?token={token}"
    stop_server(server)


def test_menus_are_in_chinese(browser_page, lab_url):
    page = browser_page
    page.goto(lab_url, timeout=180_000)
    page.wait_for_selector(".jp-NotebookPanel", timeout=180_000)
    menus = page.locator(".lm-MenuBar-itemLabel").all_inner_texts()
    assert "文件" in menus and "编辑" in menus and "运行" in menus, menus


def test_running_every_cell_shows_no_error(browser_page, lab_url):
    page = browser_page
    page.goto(lab_url, timeout=180_000)
    page.wait_for_selector(".jp-NotebookPanel", timeout=180_000)
    page.wait_for_function(
        f"() => {{ const s = ({STATE})(); return s && s.status === 'idle'; }}", timeout=180_000
    )
    page.evaluate("() => window.jupyterapp.commands.execute('notebook:run-all-cells')")
    page.wait_for_function(
        f"() => {{ const s = ({STATE})(); return s && s.status === 'idle' && "
        "s.cells.every(c => c.count !== null); }",
        timeout=300_000,
        polling=1000,
    )
    state = page.evaluate(STATE)
    page.screenshot(path=screenshot_dir() / "jupyterlab_00_welcome.png")
    errors = [o for c in state["cells"] for o in c["outputs"] if o["output_type"] == "error"]
    assert not errors, json.dumps(errors, ensure_ascii=False)[:2000]
    assert len(state["cells"]) >= 10
    images = [o for c in state["cells"] for o in c["outputs"] if "image/png" in o.get("data", {})]
    assert images, "the notebook draws charts: at least one image is expected"
