"""Plot of the regional contrast of customer groups: the group mix of each region."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from custseg.errors import DataError
from custseg.plotting import palette
from custseg.plotting.style import chinese_font_context, pin_chinese_font

__all__ = ["plot_group_mix"]

#: Colour of each customer group (shared with the widget).
GROUP_COLORS = palette.CUSTOMER_GROUP_COLORS
_OTHER = palette.OTHER_GROUP_COLORS


def plot_group_mix(contrast: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """Stacked bars of the share of each customer group in each region.

    Parameters
    ----------
    contrast : pandas.DataFrame
        The table of :func:`custseg.customer_groups.regional_contrast`.
    ax : matplotlib Axes, optional
        Where to draw; a new figure is made if omitted.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax.containers[k]`` holds the bars of the k-th group column, one bar per region
        from top to bottom.

    Examples
    --------
    >>> import pandas as pd
    >>> from custseg.customer_groups import regional_contrast
    >>> customers = pd.DataFrame({"region": ["欧洲"] * 3 + ["非洲"] * 3,
    ...     "group": ["技术型", "技术型", "战略型", "标准型", "标准型", "技术型"]})
    >>> ax = plot_group_mix(regional_contrast(customers, "group"))
    >>> [round(float(bar.get_width()), 2) for bar in ax.containers[0]]
    [0.67, 0.33]
    >>> import matplotlib.pyplot as plt; plt.close(ax.figure)
    """
    groups = [c for c in contrast.columns if c not in ("customers", "dominant")]
    if not groups or "customers" not in contrast.columns:
        raise DataError(
            "需要 regional_contrast 的结果 (a regional_contrast table)：各客户群占比列和 customers 列"
        )
    y = np.arange(len(contrast))[::-1].astype(float)
    with chinese_font_context():
        if ax is None:
            _, ax = plt.subplots(figsize=(8, 0.6 * len(contrast) + 2), layout="constrained")
        left = np.zeros(len(contrast))
        for k, group in enumerate(groups):
            share = contrast[group].to_numpy(dtype=float)
            color = GROUP_COLORS.get(str(group), _OTHER[k % len(_OTHER)])
            ax.barh(y, share, left=left, color=color, label=f"{group}客户")
            for yy, start, width in zip(y, left, share, strict=True):
                if width >= 0.06:
                    ax.text(
                        start + width / 2,
                        yy,
                        f"{width:.0%}",
                        ha="center",
                        va="center",
                        color="white",
                        fontsize=9,
                    )
            left += share
        labels = [f"{region}（{n} 户）" for region, n in contrast["customers"].items()]
        ax.set_yticks(y, labels)
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
        ax.set_xlabel("客户群占比 (share of customers)")
        ax.set_title("各地区的客户群结构：技术导向市场 vs 性价比导向市场")
        # Outside the axes on the right: it never covers the bars, the title or the x label.
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
        pin_chinese_font(ax)
    return ax
