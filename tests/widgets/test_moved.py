"""Widget modules only display: the data functions and static charts they once held live in
the method and plotting modules, and the old imports still work with a warning."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys

import pytest

MOVED = [
    ("abc_analysis", "abc_summary", "custseg.abc_analysis"),
    ("concentration", "concentration_sentence", "custseg.abc_analysis"),
    ("dimensions", "plot_response_by", "custseg.plotting.dimensions"),
    ("promotion", "promotion_roi", "custseg.promotion"),
    ("sales", "monthly_sales", "custseg.sales"),
]

DISPLAY_ONLY = [
    "abc_analysis",
    "cases",
    "clusters",
    "concentration",
    "dimensions",
    "distributors",
    "dynamic",
    "lifecycle",
    "privacy",
    "process",
    "promotion",
    "rfm",
    "sales",
    "selection",
    "survey",
]


@pytest.mark.parametrize(("widget", "name", "home"), MOVED)
def test_an_old_import_from_the_widget_module_warns_and_gives_the_same_function(widget, name, home):
    module = importlib.import_module(f"custseg.widgets.{widget}")
    with pytest.deprecated_call(match=home):
        found = getattr(module, name)
    assert found is getattr(importlib.import_module(home), name)
    assert name not in module.__all__
    with pytest.raises(AttributeError, match="no_such_name"):
        module.no_such_name  # noqa: B018


def test_from_import_of_a_moved_name_warns_too():
    with pytest.deprecated_call(match="custseg.abc_analysis"):
        from custseg.widgets.abc_analysis import abc_summary
    assert abc_summary.__module__ == "custseg.abc_analysis"


def test_a_widget_module_that_only_displays_loads_no_static_plotting_library():
    code = (
        "import importlib, json, sys\n"
        f"for name in {DISPLAY_ONLY!r}:\n"
        "    importlib.import_module('custseg.widgets.' + name)\n"
        "print(json.dumps([m for m in ('matplotlib', 'seaborn') if m in sys.modules]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True
    )
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
