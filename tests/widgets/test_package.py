"""The widgets package: every widget by its name, each module loaded only when asked for."""

from __future__ import annotations

import subprocess
import sys

import pytest

import custseg.widgets as widgets


def test_one_widget_does_not_load_the_others():
    code = (
        "import sys\n"
        "from custseg.widgets import rfm_cutoff_explorer\n"
        "print(sorted(m for m in sys.modules if m.startswith('custseg.widgets.')))\n"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert "custseg.widgets.rfm" in loaded
    assert "custseg.widgets.clusters" not in loaded and "custseg.widgets.survey" not in loaded


@pytest.mark.parametrize("name", widgets.__all__)
def test_every_listed_widget_is_a_function_of_its_module(name):
    widget = getattr(widgets, name)
    assert callable(widget) and widget.__module__.startswith("custseg.widgets.")
    assert name in dir(widgets)


def test_an_unknown_name_is_an_import_error():
    with pytest.raises(ImportError):
        from custseg.widgets import rfm_explorer  # noqa: F401
