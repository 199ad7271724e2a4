"""Every course notebook, built from its text source, runs without error or missing glyph."""

from __future__ import annotations

from pathlib import Path

import jupytext
import pytest
from nbclient import NotebookClient

SOURCES = sorted((Path(__file__).parents[2] / "course" / "src").glob("*.py"))


def _problems(notebook) -> list[str]:
    found = []
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                found.append(f"cell {index}: {output['ename']}: {output['evalue']}")
            text = output.get("text", "")
            if output.get("name") == "stderr" and ("missing from font" in text or "Warning" in text):
                found.append(f"cell {index}: {text.strip()}")
    return found


@pytest.mark.parametrize("source", SOURCES, ids=[s.stem for s in SOURCES])
def test_notebook_runs_cleanly(source, tmp_path):
    notebook = jupytext.read(source)
    client = NotebookClient(notebook, timeout=600, kernel_name="python3", allow_errors=True,
                            resources={"metadata": {"path": str(tmp_path)}})
    client.execute()
    assert _problems(notebook) == []
    images = [o for c in notebook.cells for o in c.get("outputs", []) if "image/png" in o.get("data", {})]
    assert images, "the notebook should show at least one chart"


def test_the_course_has_sources():
    assert any(s.name.startswith("00_") for s in SOURCES)
