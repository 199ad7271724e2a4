"""A light ``import custseg``: the analysis modules load no plotting library.

A server that only analyses data (or runs ``custseg segment`` without looking at charts)
should not pay for matplotlib, seaborn, bqplot or ipywidgets. Each check runs in a fresh
interpreter, because this test session has long since imported them all.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

PLOTTING = ("matplotlib", "seaborn", "bqplot", "ipywidgets")
ANALYSIS_MODULES = (
    "custseg",
    "custseg.transactions",
    "custseg.cleaning",
    "custseg.files",
    "custseg.rfm",
    "custseg.abc_analysis",
    "custseg.lifecycle",
    "custseg.clv",
    "custseg.cohorts",
    "custseg.process",
    "custseg.cli",
)


def _run(code: str) -> dict:
    """Run ``code`` in a fresh interpreter; it prints one JSON object as its last line."""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def _loaded_plotting(statement: str) -> list[str]:
    code = (
        f"import json, sys\n{statement}\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {PLOTTING!r})))"
    )
    return _run(code)


@pytest.mark.parametrize("module", ANALYSIS_MODULES)
def test_importing_an_analysis_module_loads_no_plotting_library(module):
    """No plotting library, and the import time printed (``pytest -s``), not asserted.

    ``python -X importtime`` gives the cumulative time of each import; for ``custseg``
    itself the target is under 0.3 s (an assertion would fail on a busy machine).
    """
    code = (
        f"import json, sys\nimport {module}\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {PLOTTING!r})))"
    )
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
    lines = [line for line in done.stderr.splitlines() if line.endswith(f"| {module}")]
    assert lines, done.stderr[-2000:]
    print(f"import {module}: {int(lines[-1].split('|')[1]) / 1e6:.3f} s")


def test_import_custseg_loads_not_even_pandas():
    code = "import json, sys\nimport custseg\nprint(json.dumps('pandas' in sys.modules))"
    assert _run(code) is False


def test_segmenting_without_a_report_loads_no_plotting_library():
    statement = (
        "from custseg.datasets import load_sample\n"
        "from custseg.process import SegmentationProcess\n"
        "process = SegmentationProcess().fit(load_sample())\n"
        "assert len(process.customers_) == 150, len(process.customers_)"
    )
    assert _loaded_plotting(statement) == []


def test_the_lazy_public_names_still_work():
    code = (
        "import json, sys\nimport custseg\n"
        "before = 'matplotlib' in sys.modules\n"
        "family = custseg.use_chinese_font()\n"
        "import matplotlib as mpl\n"
        "print(json.dumps([before, family, custseg.CJK_FONT_FAMILY,\n"
        "    mpl.rcParams['font.sans-serif'][0], issubclass(custseg.DataError, ValueError),\n"
        "    isinstance(custseg.__version__, str), sorted(set(custseg.__all__) - set(dir(custseg)))]))"
    )
    before, family, constant, font, is_value_error, has_version, missing = _run(code)
    assert before is False
    assert family == constant == font == "Noto Sans CJK SC"
    assert is_value_error and has_version
    assert missing == []


def test_an_unknown_name_is_an_attribute_error():
    import custseg

    with pytest.raises(AttributeError, match="no_such_name"):
        custseg.no_such_name  # noqa: B018


def test_star_import_works_without_matplotlib():
    code = (
        "import json, sys\nsys.modules['matplotlib'] = None\n"
        "namespace = {}\nexec('from custseg import *', namespace)\n"
        "import custseg\n"
        "try:\n    custseg.use_chinese_font\n    font = 'loaded'\n"
        "except ImportError:\n    font = 'needs matplotlib'\n"
        "print(json.dumps([sorted(n for n in namespace if not n.startswith('__')) + "
        "['__version__' in namespace], font]))"
    )
    names, font = _run(code)
    assert names == ["ConvergenceError", "DataError", "ParameterError", True]
    assert font == "needs matplotlib"
