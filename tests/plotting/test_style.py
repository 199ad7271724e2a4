"""custseg.plotting.style: Chinese labels render with the bundled font, without missing glyphs."""

from __future__ import annotations

import warnings

import matplotlib as mpl
import matplotlib.pyplot as plt
import pytest

from custseg.plotting.style import CJK_FONT_FAMILY, chinese_font_context, use_chinese_font

LABEL = "重要价值客户：最近购买、频率高、金额大 −12%"


def _draw(title: str) -> None:
    fig, ax = plt.subplots()
    ax.set_title(title)
    ax.plot([-1, 1], [-1, 1])
    fig.canvas.draw()


def test_chinese_renders_without_missing_glyphs():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with chinese_font_context():
            _draw(LABEL)


def test_without_the_font_matplotlib_warns_so_the_check_can_fail():
    with mpl.rc_context({"font.family": "sans-serif", "font.sans-serif": ["DejaVu Sans"]}):
        with pytest.warns(UserWarning, match="missing from font"):
            _draw(LABEL)


def test_the_context_leaves_global_settings_alone():
    before = list(mpl.rcParams["font.sans-serif"])
    with chinese_font_context():
        assert mpl.rcParams["font.sans-serif"][0] == CJK_FONT_FAMILY
    assert mpl.rcParams["font.sans-serif"] == before


def test_use_chinese_font_sets_it_for_the_session():
    with mpl.rc_context():
        assert use_chinese_font() == CJK_FONT_FAMILY
        assert mpl.rcParams["font.sans-serif"][0] == CJK_FONT_FAMILY
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            _draw("客户生命周期价值")


def test_a_figure_made_in_the_context_renders_after_it_whatever_the_globals():
    with chinese_font_context():
        fig, ax = plt.subplots()
        ax.set_title(LABEL)
        ax.set_xticks([0, 1], ["新客", "老客"])
    with mpl.rc_context({"font.family": "sans-serif", "font.sans-serif": ["DejaVu Sans"]}):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            fig.canvas.draw()


def test_a_backend_switched_on_inside_the_block_stays_interactive():
    before = mpl.is_interactive()
    try:
        mpl.interactive(False)
        with chinese_font_context():
            mpl.interactive(True)  # what the notebook backend does when pyplot first loads it
        assert mpl.is_interactive()
        with chinese_font_context():
            pass
        assert mpl.is_interactive()
        mpl.interactive(False)
        with chinese_font_context():
            pass
        assert not mpl.is_interactive()  # settings the block did not change are left alone
    finally:
        mpl.interactive(before)


def test_every_chart_of_a_notebook_is_shown_not_only_the_first():
    nbclient = pytest.importorskip("nbclient")
    import nbformat

    cells = [
        "import custseg\nimport pandas as pd\nfrom custseg.plotting.sales import plot_monthly_sales\n"
        "custseg.use_chinese_font()\norders = pd.DataFrame({'invoice_date': pd.to_datetime("
        "['2024-01-05', '2024-02-01']), 'amount': [10.0, 7.0]})",
        "first = plot_monthly_sales(transactions=orders)",
        "second = plot_monthly_sales(transactions=orders, currency='元')",
        "third = plot_monthly_sales(transactions=orders, title='第三张')",
    ]
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3").execute()
    shown = [
        sum("image/png" in output.get("data", {}) for output in cell.outputs)
        for cell in notebook.cells[1:]
    ]
    assert shown == [1, 1, 1]
