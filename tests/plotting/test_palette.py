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
    """Every module of custseg.plotting and custseg.widgets except the palette itself."""
    modules = [*PACKAGE.glob("plotting/*.py"), *PACKAGE.glob("widgets/*.py")]
    return sorted(path for path in modules if path.name != "palette.py")


def test_the_scan_covers_plotting_and_widgets_and_the_palette_holds_the_literals():
    names = {f"{path.parent.name}/{path.name}" for path in chart_modules()}
    assert {"plotting/clustering.py", "widgets/live.py"} <= names and len(names) > 25
    literals = {found.split()[1] for found in hex_literals(PACKAGE / "plotting" / "palette.py")}
    assert literals == {*palette.SERIES, palette.TEXT, palette.BORDER}


def test_the_scan_finds_a_colour_literal(tmp_path):
    module = tmp_path / "chart.py"
    module.write_text('COLOR = "#C44E52"  # red\nOTHER = "#abc"\nTEXT = "#1 客户"\n')
    assert hex_literals(module) == ["1: #C44E52", "2: #abc"]


@pytest.mark.parametrize("module", chart_modules(), ids=lambda path: path.name)
def test_no_colour_literal_outside_the_palette(module):
    assert hex_literals(module) == []


def named_colours(path: Path) -> list[str]:
    """``line: name`` for each string of the module that names a matplotlib colour or map."""
    names = {*mpl.colors.CSS4_COLORS, *mpl.colors.TABLEAU_COLORS, *mpl.colors.XKCD_COLORS}
    names |= set(mpl.colormaps)
    tokens = tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline)
    return [
        f"{token.start[0]}: {token.string}"
        for token in tokens
        if token.type == tokenize.STRING and token.string.strip("\"'") in names
    ]


@pytest.mark.parametrize("module", chart_modules(), ids=lambda path: path.name)
def test_no_named_colour_but_white_and_black_outside_the_palette(module):
    """White and black stay as names: text on dark or light cells, edges between marks."""
    found = named_colours(module)
    assert [f for f in found if not f.endswith(('"white"', '"black"'))] == []


def test_the_scan_finds_a_named_colour(tmp_path):
    module = tmp_path / "chart.py"
    module.write_text(
        'a = dict(color="grey", edge="white", c="tab:blue", cmap="Blues", t="客户")\n'
    )
    assert named_colours(module) == ['1: "grey"', '1: "white"', '1: "tab:blue"', '1: "Blues"']


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
        if name.isupper() and isinstance(value, str) and not name.endswith("_CMAP")
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


def test_colour_maps_are_matplotlib_maps():
    maps = [palette.DIVERGING_CMAP, palette.COUNT_CMAP, palette.RATE_CMAP, palette.PROBABILITY_CMAP]
    assert [name in mpl.colormaps for name in maps] == [True] * 4


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


def test_grey_is_the_deprecated_spelling_of_gray():
    assert "GRAY" in palette.__all__ and "GREY" not in palette.__all__
    with pytest.deprecated_call(match="palette.GREY 已改名为 custseg.plotting.palette.GRAY"):
        grey = palette.GREY
    assert grey == palette.GRAY == palette.NEUTRAL == "#8C8C8C"
    with pytest.raises(AttributeError, match="GRAYISH"):
        palette.GRAYISH  # noqa: B018
