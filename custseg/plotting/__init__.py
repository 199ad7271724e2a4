"""Plots for every method in custseg: seaborn / matplotlib, ``ax=None`` in, Axes out.

Chinese labels render on any machine: the package brings its own CJK font
(Noto Sans CJK SC, SIL Open Font License, through the ``mplfonts`` package).
"""

from custseg.plotting.style import chinese_font_context, use_chinese_font

__all__ = ["chinese_font_context", "use_chinese_font"]
