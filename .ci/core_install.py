"""Run by ``make check-install`` in a new virtual environment holding only ``pip install .``.

What a practitioner's server gets from ``pip install custseg``: the import is light, none of
the optional packages is there, the analysis and the ``custseg segment`` report work on the
shipped data, and the optional parts say which extra to install.
"""

from __future__ import annotations

import sys
import tempfile
import time
from importlib.util import find_spec
from pathlib import Path

OPTIONAL = (
    "matplotlib",
    "seaborn",
    "mplfonts",
    "ipywidgets",
    "bqplot",
    "IPython",
    "jupyterlab",
    "voila",
    "jupytext",
    "nbgrader",
    "pyspark",
)

started = time.perf_counter()
import custseg  # noqa: E402, F401  (the import being timed)

print(f"import custseg: {time.perf_counter() - started:.3f} s")
present = [name for name in OPTIONAL if find_spec(name) is not None]
assert not present, f"pip install custseg brought optional packages: {present}"

from custseg.cli import main  # noqa: E402
from custseg.clv import BetaGeoModel, summary_from_transactions  # noqa: E402
from custseg.datasets import load_cn_orders  # noqa: E402
from custseg.extras import MissingExtraError  # noqa: E402
from custseg.rfm import rfm_table, segment_customers  # noqa: E402

orders = load_cn_orders()
segments = segment_customers(rfm_table(orders), scheme="cn8")
model = BetaGeoModel().fit(summary_from_transactions(orders))
print(
    f"{len(segments)} customers in {segments['segment'].nunique()} segments; BG/NBD r = "
    f"{model.params_['r']:.3f}"
)
with tempfile.TemporaryDirectory() as folder:
    orders_csv = Path(folder) / "orders.csv"
    orders.to_csv(orders_csv, index=False)
    assert main(["segment", str(orders_csv), "--out", f"{folder}/report"]) == 0
    page = (Path(folder) / "report" / "report.html").read_text(encoding="utf-8")
    assert "custseg[plot]" in page, "the report should say the charts need the plot extra"
for feature in ("custseg.plotting", "custseg.widgets", "custseg.grading", "custseg.exercises"):
    try:
        __import__(feature)
    except MissingExtraError as error:
        print(f"{feature}: {str(error).splitlines()[0]}")
    else:
        sys.exit(f"{feature} imported without its extra")
loaded = [name for name in OPTIONAL if name in sys.modules]
assert not loaded, loaded
print("pip install custseg: the analysis library works without any extra")
