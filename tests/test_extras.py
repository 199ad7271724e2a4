"""``pip install custseg`` is the analysis library; plotting, widgets, course and grading are extras.

Two kinds of check: the installed package's own metadata (what ``pip install custseg`` and
each extra would pull), and a fresh interpreter in which the optional packages cannot be
imported (``sys.modules[name] = None`` makes both ``import`` and ``find_spec`` fail, as on a
machine without them), where the analysis must still run on the shipped data and each optional
part must say which extra to install.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from importlib.metadata import requires

import pytest

from custseg.extras import EXTRAS

OPTIONAL_DISTRIBUTIONS = {
    "matplotlib",
    "seaborn",
    "mplfonts",
    "ipywidgets",
    "bqplot",
    "jupyterlab",
    "voila",
    "jupytext",
    "nbgrader",
    "nbclient",
    "nbconvert",
    "ipykernel",
    "playwright",
    "pyspark",
}


def _requirements() -> dict[str | None, set[str]]:
    """Distribution names per extra (``None``: the core), with ``custseg[...]`` resolved."""
    direct: dict[str | None, set[str]] = {}
    for line in requires("custseg") or []:
        marker = re.search(r"extra\s*==\s*['\"]([^'\"]+)['\"]", line)
        extra = marker.group(1) if marker else None
        name = re.match(r"[A-Za-z0-9_.\-]+(\[[^\]]*\])?", line.strip()).group(0)
        direct.setdefault(extra, set()).add(name.lower())

    def resolve(extra: str | None, seen: frozenset = frozenset()) -> set[str]:
        names: set[str] = set()
        for name in direct.get(extra, set()):
            included = re.fullmatch(r"custseg\[([^\]]*)\]", name)
            if included is None:
                names.add(re.sub(r"\[.*", "", name))
                continue
            for other in included.group(1).split(","):
                if other.strip() not in seen:
                    names |= resolve(other.strip(), seen | {extra})
        return names

    return {extra: resolve(extra) for extra in direct}


def test_plain_install_pulls_no_plotting_widgets_jupyter_or_nbgrader():
    core = _requirements()[None]
    assert {"pandas", "scikit-learn", "openpyxl"} <= core
    assert not core & OPTIONAL_DISTRIBUTIONS, core & OPTIONAL_DISTRIBUTIONS


@pytest.mark.parametrize("extra", sorted(EXTRAS))
def test_each_extra_brings_the_packages_its_features_check_for(extra):
    wanted = {name.lower() for name in EXTRAS[extra]}  # import names equal distribution names
    assert wanted <= _requirements()[extra], wanted - _requirements()[extra]


def test_all_is_every_extra_and_the_test_tools_include_all():
    requirements = _requirements()
    for extra in EXTRAS:
        assert requirements[extra] <= requirements["all"], extra
    assert requirements["all"] <= requirements["test"]


def test_extras_build_on_each_other_as_the_readme_says():
    requirements = _requirements()
    assert requirements["plot"] <= requirements["widgets"] <= requirements["course"]
    assert requirements["course"] <= requirements["grading"]
    assert "nbgrader" not in requirements["course"] or "nbgrader" in requirements["grading"]


WITHOUT_EXTRAS = """
import json, sys
for name in {blocked!r}:
    sys.modules[name] = None  # as if not installed: import and find_spec both fail
result = {{}}
from custseg.datasets import load_cn_orders
from custseg.rfm import rfm_table, segment_customers
from custseg.abc_analysis import abc_classify
from custseg.clv import BetaGeoModel, summary_from_transactions
orders = load_cn_orders()
segments = segment_customers(rfm_table(orders), scheme="cn8")
result["segments"] = int(segments["segment"].nunique())
result["abc"] = sorted(abc_classify(orders)["abc_class"].astype(str).unique())
summary = summary_from_transactions(orders)
result["bgnbd_r"] = float(BetaGeoModel().fit(summary).params_["r"])
from custseg.cli import main
code = main(["segment", {orders_csv!r}, "--out", {out!r}])
result["cli"] = code
result["report"] = open({out!r} + "/report.html", encoding="utf-8").read()
for feature in ("custseg.plotting.rfm", "custseg.widgets", "custseg.grading", "custseg.exercises"):
    try:
        __import__(feature)
    except ImportError as error:
        result[feature] = [type(error).__name__, str(error)]
result["loaded"] = sorted(m for m in sys.modules if sys.modules[m] is not None
                          and m.split(".")[0] in {blocked!r})
print(json.dumps(result, ensure_ascii=False))
"""


def test_analysis_runs_without_any_extra_and_optional_parts_name_their_extra(tmp_path):
    from custseg.datasets import load_cn_orders

    orders_csv = tmp_path / "订单.csv"
    load_cn_orders().to_csv(orders_csv, index=False)
    blocked = sorted(
        {name for names in EXTRAS.values() for name in names}
        | {"matplotlib", "seaborn", "bqplot", "ipywidgets", "IPython", "nbgrader", "pyspark"}
    )
    code = WITHOUT_EXTRAS.format(
        blocked=blocked, orders_csv=str(orders_csv), out=str(tmp_path / "报告")
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=600, check=False
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["segments"] >= 4
    assert result["abc"] == ["A", "B", "C"]
    assert 0 < result["bgnbd_r"] < 10
    assert result["cli"] == 0
    assert "custseg[plot]" in result["report"]  # the page says the charts need the plot extra
    assert result["loaded"] == []
    for feature, extra in (
        ("custseg.plotting.rfm", "plot"),
        ("custseg.widgets", "widgets"),
        ("custseg.grading", "grading"),
        ("custseg.exercises", "course"),
    ):
        kind, message = result[feature]
        assert kind == "MissingExtraError", (feature, message)
        assert f'pip install "custseg[{extra}]"' in message
        assert "需要可选依赖" in message
