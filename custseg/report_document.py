"""One way to build a report a manager opens: an HTML page and an Excel workbook, in Chinese.

The five-step report (:mod:`custseg.process`) and the training evaluation report
(:mod:`custseg.grading.report`) are both built here:

- :class:`ReportPage`: a title, then headings, paragraphs, lists, tables and charts, in
  order; :meth:`ReportPage.html` gives one self-contained page in one style (charts are
  embedded PNG images, every text escaped).
- :func:`write_workbook`: tables into sheets, as ``DataFrame.to_excel`` lays them out but
  written row by row (openpyxl's streaming mode), ids and other text kept as text.

Neither matplotlib nor openpyxl is loaded before a chart or a workbook is made, so a report
without charts needs no plotting library (:func:`charts_available`).
"""

from __future__ import annotations

import base64
import html
import io
import os
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["CHARTS_NEED_PLOT", "ReportPage", "charts_available", "png_data", "write_workbook"]

CHARTS_NEED_PLOT = '图表需要安装 custseg[plot]：pip install "custseg[plot]"'
"""What a report without charts says in their place."""

_STYLE = (
    "body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;max-width:960px;"
    "margin:2em auto;line-height:1.6;color:#222}table{border-collapse:collapse;margin:1em 0}"
    "td,th{border:1px solid #ccc;padding:4px 8px}th{background:#f3f3f3}img{max-width:100%}"
)


def charts_available() -> bool:
    """Whether matplotlib can be imported, so that a report can carry charts.

    Examples
    --------
    >>> charts_available()
    True
    """
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        return False
    return True


def png_data(figure: Any) -> str:
    """A matplotlib figure (or one of its Axes) as base64 PNG text; the figure is closed.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> _, ax = plt.subplots()
    >>> base64.b64decode(png_data(ax))[:4]
    b'\\x89PNG'
    """
    import matplotlib.pyplot as plt

    from custseg.plotting.style import chinese_font_context

    figure = getattr(figure, "figure", figure)
    buffer = io.BytesIO()
    with chinese_font_context():
        figure.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    plt.close(figure)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


class ReportPage:
    """An HTML report built part by part, in the order of the calls.

    Parameters
    ----------
    title : str
        The page title and its first heading.

    Examples
    --------
    >>> page = ReportPage("客户分类报告")
    >>> page.heading("第 1 步 数据收集").paragraph("共 3 位客户 <A&B>")
    ReportPage('客户分类报告', 2 parts)
    >>> page.table(pd.DataFrame({"share": [0.25]}), labels={"share": "占比"},
    ...            formats={"share": "{:.0%}"})
    ReportPage('客户分类报告', 3 parts)
    >>> text = page.html()
    >>> "<h2>第 1 步 数据收集</h2>" in text, "&lt;A&amp;B&gt;" in text, "<td>25%</td>" in text
    (True, True, True)
    """

    def __init__(self, title: str) -> None:
        self.title = title
        self.parts: list[str] = []

    def __repr__(self) -> str:
        return f"ReportPage({self.title!r}, {len(self.parts)} parts)"

    def heading(self, text: str, level: int = 2) -> ReportPage:
        """Add a heading (``level`` 2 for a section, 3 below it)."""
        self.parts.append(f"<h{level}>{html.escape(text)}</h{level}>")
        return self

    def paragraph(self, text: str) -> ReportPage:
        """Add a paragraph of plain text."""
        self.parts.append(f"<p>{html.escape(text)}</p>")
        return self

    def bullets(self, lines: Sequence[str]) -> ReportPage:
        """Add a list, one item per line."""
        items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
        self.parts.append(f"<ul>{items}</ul>")
        return self

    def table(
        self,
        frame: pd.DataFrame,
        *,
        labels: Mapping[str, str] | None = None,
        formats: Mapping[str, str | Callable[[Any], str]] | None = None,
        number_format: str = "{:,.2f}",
        index: bool = False,
    ) -> ReportPage:
        """Add a table with Chinese headers; an empty table shows （无）.

        Parameters
        ----------
        frame : pandas.DataFrame
            Not modified.
        labels : mapping, optional
            Column name -> header shown.
        formats : mapping, optional
            Column name -> a format string (``"{:.1%}"``) or a function of one value;
            a missing value stays an empty cell.
        number_format : str, default "{:,.2f}"
            The format of the other float columns.
        index : bool, default False
            Show the index as the first column.
        """
        if frame.empty:
            self.parts.append("<p>（无）</p>")
            return self
        shown = frame.copy()
        for column in shown.columns:
            style = (formats or {}).get(column)
            if style is None and pd.api.types.is_float_dtype(shown[column]):
                style = number_format
            if style is not None:
                write = style.format if isinstance(style, str) else style
                shown[column] = [
                    "" if _is_missing(value) else write(value) for value in shown[column]
                ]
        shown = shown.rename(columns=dict(labels or {}))
        self.parts.append(shown.to_html(index=index, na_rep="", border=1))
        return self

    def figure(self, title: str, data: str, *, heading: bool = True) -> ReportPage:
        """Add a chart: ``data`` from :func:`png_data`, ``title`` its heading and alt text."""
        if heading:
            self.heading(title, level=3)
        self.parts.append(f'<img alt="{html.escape(title)}" src="data:image/png;base64,{data}">')
        return self

    def html(self) -> str:
        """The whole page as one self-contained HTML document."""
        title = html.escape(self.title)
        return "\n".join(
            [
                "<!DOCTYPE html>",
                '<html lang="zh-CN"><head><meta charset="utf-8">',
                f"<title>{title}</title><style>{_STYLE}</style></head><body>",
                f"<h1>{title}</h1>",
                *self.parts,
                "</body></html>",
                "",
            ]
        )


def _is_missing(value: Any) -> bool:
    return (
        value is None
        or value is pd.NA
        or value is pd.NaT
        or (isinstance(value, float | np.floating) and np.isnan(value))
    )


def write_workbook(
    path: str | os.PathLike,
    sheets: Mapping[str, Sequence[tuple[pd.DataFrame, bool]]],
    *,
    percent: Sequence[str] = (),
) -> None:
    """Write tables into a workbook as ``DataFrame.to_excel`` lays them out, much faster.

    Each sheet holds its tables one below the other, a blank row between them; a table
    is ``(frame, with_index)``. Headers (and index cells) are bold, centred and framed;
    text stays text (an id such as ``110105199001011234`` is never a number, a value
    starting with "=" is never a formula); missing values are empty cells; the
    ``percent`` columns are shown as percentages. openpyxl's streaming mode writes one
    row at a time instead of styling every cell, so a report on tens of thousands of
    customers is written in a fraction of the time.

    Parameters
    ----------
    path : path-like
        The ``.xlsx`` file, overwritten.
    sheets : mapping
        Sheet name (at most 31 characters) -> its tables, each ``(frame, with_index)``.
    percent : sequence of str
        Columns shown as ``0.0%``.

    Examples
    --------
    >>> import tempfile, openpyxl
    >>> path = os.path.join(tempfile.mkdtemp(), "t.xlsx")
    >>> write_workbook(path, {"表": [(pd.DataFrame({"编号": ["007"], "占比": [0.5]}), False)]},
    ...                percent=["占比"])
    >>> [(c.value, c.number_format) for c in openpyxl.load_workbook(path)["表"][2]]
    [('007', 'General'), (0.5, '0.0%')]
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, Side

    book = Workbook(write_only=True)
    thin = Side(style="thin")
    bold, frame_border = Font(bold=True), Border(left=thin, right=thin, top=thin, bottom=thin)
    centred = Alignment(horizontal="center", vertical="top")

    def header(sheet, value) -> WriteOnlyCell:
        cell = WriteOnlyCell(sheet, value=_cell_value(value))
        cell.font, cell.border, cell.alignment = bold, frame_border, centred
        return cell

    def body(sheet, value, number_format: str | None) -> object:
        value = _cell_value(value)
        if number_format is None and not (isinstance(value, str) and value.startswith("=")):
            return value
        cell = WriteOnlyCell(sheet, value=value)
        if number_format is not None:
            cell.number_format = number_format
        else:
            cell.data_type = "s"
        return cell

    for name, tables in sheets.items():
        sheet = book.create_sheet(name)
        for number, (frame, with_index) in enumerate(tables):
            if number:
                sheet.append([])
            names = [frame.index.name] if with_index else []
            sheet.append([header(sheet, v) for v in [*names, *frame.columns]])
            formats = ["0.0%" if column in percent else None for column in frame.columns]
            columns = [frame.iloc[:, k].tolist() for k in range(frame.shape[1])]
            index = frame.index.tolist() if with_index else None
            for position, values in enumerate(zip(*columns, strict=True)):
                row = [header(sheet, index[position])] if with_index else []
                row += [body(sheet, v, f) for v, f in zip(values, formats, strict=True)]
                sheet.append(row)
            if not columns and with_index:
                for label in index:
                    sheet.append([header(sheet, label)])
    book.save(path)


def _cell_value(value: object) -> object:
    """A value openpyxl writes as pandas' ``to_excel`` does: missing is empty, inf is text."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float):
        if value != value:
            return None
        if value in (float("inf"), float("-inf")):
            return "inf" if value > 0 else "-inf"
    return value
