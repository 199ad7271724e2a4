"""custseg: customer segmentation (客户分类) for marketers, with a Jupyter course.

Submodules, one per method: :mod:`custseg.transactions` (read and clean orders),
:mod:`custseg.datasets` (real data sets), :mod:`custseg.rfm`, :mod:`custseg.abc_analysis`,
:mod:`custseg.lifecycle`, :mod:`custseg.clv`, :mod:`custseg.cohorts`,
:mod:`custseg.clustering`, and :mod:`custseg.plotting` for their charts.
"""

from importlib.metadata import PackageNotFoundError, version

from custseg.errors import DataError
from custseg.plotting.style import CJK_FONT_FAMILY, use_chinese_font

try:
    __version__ = version("custseg")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"

__all__ = ["CJK_FONT_FAMILY", "DataError", "__version__", "use_chinese_font"]
