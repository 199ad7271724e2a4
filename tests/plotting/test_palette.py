"""One palette: every chart colour is named in custseg.plotting.palette and nowhere else."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import tokenize
from pathlib import Path

import matplotlib as mpl
import matplotlib.pyplot as plt
import pandas as pd
import pytest

import custseg
from custseg.plotting import palette
from custseg.plotting.lifecycle import plot_lifecycle_stages

PACKAGE = Path(custseg.__file__).parent
HEX = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b")


def hex_literals(path: Path) -> list[str]:
    """``line: literal`` for each colour literal inside a string of the module's code."""
    found = []
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
    for token in tokens:
        if token.type == tokenize.STRING:
            found += [f"{token.start[0]}: {match}" for match in HEX.findall(token.string)]
    return found


def chart_modules() -> list[Path]:
    return sorted([*PACKAGE.glob("plotting/*.py"), *PACKAGE.glob("widgets/*.py")])


def test_the_scan_finds_a_colour_literal(tmp_path):
    module = tmp_path / "chart.py"
    module.write_text('COLOR = "#C44E52"  # red\nOTHER = "#abc"\nTEXT = "#1 客户"\n')
    assert hex_literals(module) == ["1: #C44E52", "2: #abc"]


@pytest.mark.parametrize("module", chart_modules(), ids=lambda path: path.name)
def test_no_colour_literal_outside_the_palette(module):
    assert len(chart_modules()) > 25  # plotting and widgets were found
    if module.name == "palette.py":
        assert len(hex_literals(module)) >= len(palette.SERIES)
    else:
        assert hex_literals(module) == []


def test_palette_imports_without_a_plotting_library():
    code = (
        "import sys, custseg.plotting.palette\n"
        "print(sorted(m for m in ('matplotlib', 'seaborn', 'bqplot', 'ipywidgets', 'pandas')"
        " if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_every_colour_is_a_hex_string_and_the_series_colours_differ():
    named = {
        name: value
        for name, value in vars(palette).items()
        if name.isupper() and isinstance(value, str)
    }
    assert named and all(re.fullmatch(r"#[0-9A-F]{6}", value) for value in named.values())
    assert len(set(palette.SERIES)) == len(palette.SERIES) == 10
    for mapping in (
        palette.ABC_CLASS_COLORS,
        palette.DISTRIBUTOR_GRADE_COLORS,
        palette.CUSTOMER_GROUP_COLORS,
        palette.PRIVACY_LEVEL_COLORS,
    ):
        assert set(mapping.values()) <= set(palette.SERIES)
        assert len(set(mapping.values())) == len(mapping)  # one colour per class


def test_meanings_keep_the_colours_the_charts_had():
    assert palette.MAIN == "#4C72B0"
    assert palette.HIGHLIGHT == "#C44E52"
    assert palette.NEUTRAL == palette.REFERENCE == "#8C8C8C"
    assert (
        palette.ABC_CLASS_COLORS["A"] == palette.DISTRIBUTOR_GRADE_COLORS["A"] == palette.HIGHLIGHT
    )


def test_a_static_chart_draws_with_the_palette():
    stages = pd.DataFrame({"stage": ["新客户", "新客户", "流失客户"]})
    ax = plot_lifecycle_stages(stages)
    colours = {mpl.colors.to_hex(bar.get_facecolor()) for bar in ax.patches}
    plt.close(ax.figure)
    assert colours == {palette.GOOD.lower()}
