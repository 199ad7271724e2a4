"""How fast each course widget answers, measured in a real Jupyter kernel against 200 ms.

For every module's dashboard (``course/build.py`` makes them from ``course/src/``), the
notebook runs in a fresh kernel, exactly as a trainer sees it. Then every control of every
widget (sliders, drop-downs, multiple choices, check boxes) is set to three other values;
each change runs the widget's update (the new numbers and tables, and the new data of the
chart's marks sent to the browser) and is timed. The table lists, per control, the median
and the slowest update and the slowest as a share of the 200 ms target.

With ``--browser`` it also measures the whole round trip a trainer sees, in headless
Chromium on the Voilà dashboard of module 03: from the key press that moves the R slider
to its far end, to the chart showing the new numbers (the slider's message to the kernel,
the update, the answer, the browser redrawing the bars).

    python bench/bench_widgets.py                 # every module
    python bench/bench_widgets.py 03_rfm 04_abc   # some modules
    python bench/bench_widgets.py --browser 03_rfm
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

TARGET_MS = 200.0
ROOT = Path(__file__).resolve().parents[1]


def controls(widget: Any, path: str = "") -> list[tuple[str, Any]]:
    """Every control a trainer can move inside ``widget``, with a readable path."""
    found = []
    if isinstance(widget, _control_types()):
        found.append((path + (widget.description or type(widget).__name__), widget))
    for index, child in enumerate(getattr(widget, "children", ())):
        found += controls(child, f"{path}{index}/")
    return found


def _control_types() -> tuple[type, ...]:
    import ipywidgets as w

    return (
        w.IntSlider, w.FloatSlider, w.IntRangeSlider, w.FloatRangeSlider, w.SelectionSlider,
        w.Dropdown, w.RadioButtons, w.ToggleButtons, w.Select, w.SelectMultiple,
        w.Checkbox, w.ToggleButton, w.BoundedIntText, w.BoundedFloatText,
    )  # fmt: skip


def new_values(control: Any) -> tuple[str, list[Any]]:
    """The trait to set and three values of it other than the current one, spread out."""
    import ipywidgets as w

    if isinstance(control, w.Checkbox | w.ToggleButton):
        return "value", [not control.value, control.value, not control.value]
    if isinstance(control, w.SelectMultiple):  # its index is a tuple of positions
        n = len(control.options)
        return "index", [tuple(range(max(1, n - 1))), (0,), tuple(range(n))]
    if hasattr(control, "options"):
        return "index", [i for i in range(len(control.options)) if i != control.index][:3]
    low, high = control.min, control.max
    if isinstance(control.value, tuple):
        span = high - low
        return "value", [(low, low + span / 2), (low + span / 4, high), (low, high)]
    step = getattr(control, "step", None) or 1
    kind = type(control.value)
    return "value", [kind(low + round((high - low) * share / step) * step)
                     for share in (0.25, 0.75, 0.5)]  # fmt: skip


def time_widget(widget: Any) -> list[dict]:
    """Set each control to its new values; the milliseconds each change took."""
    rows = []
    for name, control in controls(widget):
        trait, values = new_values(control)
        original, times = getattr(control, trait), []
        for value in values:
            start = time.perf_counter()
            setattr(control, trait, value)
            times.append((time.perf_counter() - start) * 1000)
        setattr(control, trait, original)  # the next control starts from the page as shown
        rows.append({"control": name, "ms": times})
    return rows


def time_outputs(outputs: dict) -> str:
    """Inside the kernel: time every widget the dashboard displayed (IPython's ``Out``)."""
    import ipywidgets as w

    results = []
    for number, value in sorted(outputs.items()):
        if isinstance(value, w.Widget):
            results.append({"cell": number, "controls": time_widget(value)})
    return json.dumps(results)


def _builder():
    spec = importlib.util.spec_from_file_location("course_build", ROOT / "course" / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def measure(source: Path) -> list[dict]:
    """Run one module's dashboard in a fresh kernel, then time its controls there."""
    import nbformat
    from nbclient import NotebookClient

    build = _builder()
    _, trainer = build.build_versions(source)
    dashboard = build.build_dashboard(trainer, source.stem)
    if dashboard is None:
        return []
    dashboard.cells.append(
        nbformat.v4.new_code_cell(
            f"import sys\nsys.path.insert(0, {str(Path(__file__).parent)!r})\n"
            "import bench_widgets\nprint(bench_widgets.time_outputs(Out))"
        )
    )
    with tempfile.TemporaryDirectory() as folder:
        NotebookClient(
            dashboard, timeout=600, kernel_name="python3", resources={"metadata": {"path": folder}}
        ).execute()
    printed = "".join(
        o.get("text", "") for o in dashboard.cells[-1].outputs if o.get("name") == "stdout"
    )
    return json.loads(printed.strip().splitlines()[-1])


_WATCH_CHART = """() => {
    const texts = () => [...document.querySelectorAll('.bqplot .label.element')]
        .map(t => t.textContent).join();
    const before = texts();
    window.__pressed = null;
    window.__drawn = null;
    document.addEventListener('keydown', () => { window.__pressed = performance.now(); },
                              {capture: true, once: true});
    const observer = new MutationObserver(() => {
        if (window.__pressed !== null && texts() !== before) {
            window.__drawn = performance.now();
            observer.disconnect();
        }
    });
    observer.observe(document.querySelector('.bqplot'),
                     {subtree: true, childList: true, characterData: true, attributes: true});
}"""


def browser_round_trips(presses: int = 10) -> list[float] | None:
    """Milliseconds from a key press on the R slider of module 03 to the chart's new numbers.

    None when this machine has no Chromium.
    """
    import nbformat
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT))
    from tests.browser.conftest import (
        CHROMIUM_ARGS,
        _chromium,
        free_port,
        start_server,
        stop_server,
        venv_command,
    )

    if _chromium() is None:
        return None
    build = _builder()
    source = ROOT / "course" / "src" / "03_rfm.py"
    _, trainer = build.build_versions(source)
    times = []
    with tempfile.TemporaryDirectory() as folder:
        nbformat.write(build.build_dashboard(trainer, source.stem), Path(folder) / "03.ipynb")
        port = free_port()
        url = f"http://127.0.0.1:{port}/"
        server = start_server(
            [venv_command("voila"), folder, "--no-browser", f"--port={port}"],
            url,
            Path(folder) / "voila.log",
        )
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=_chromium(), args=CHROMIUM_ARGS
                )
                page = browser.new_page()
                page.goto(url + "voila/render/03.ipynb", timeout=180_000)
                page.wait_for_selector(".bqplot .label.element", timeout=180_000)
                page.locator(".noUi-handle").first.focus()
                for press in range(presses):
                    page.evaluate(_WATCH_CHART)
                    page.keyboard.press("End" if press % 2 == 0 else "Home")
                    page.wait_for_function("() => window.__drawn !== null", timeout=30_000)
                    times.append(page.evaluate("() => window.__drawn - window.__pressed"))
                browser.close()
        finally:
            stop_server(server)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="module names or prefixes, e.g. 03_rfm")
    parser.add_argument(
        "--browser", action="store_true", help="also time the round trip in headless Chromium"
    )
    args = parser.parse_args(argv)
    sources = sorted((ROOT / "course" / "src").glob("*.py"))
    if args.modules:
        sources = [s for s in sources if any(s.stem.startswith(m) for m in args.modules)]
    print(f"{'module':<22} {'control':<34} {'median ms':>9} {'max ms':>8} {'max/200ms':>9}")
    worst = 0.0
    for source in sources:
        for widget in measure(source):
            for row in widget["controls"]:
                slowest = max(row["ms"])
                worst = max(worst, slowest)
                print(
                    f"{source.stem:<22} {row['control'][:34]:<34} "
                    f"{statistics.median(row['ms']):>9.1f} {slowest:>8.1f} "
                    f"{slowest / TARGET_MS:>9.2f}"
                )
    print(
        f"\nslowest update: {worst:.1f} ms = {worst / TARGET_MS:.2f} x the 200 ms target "
        f"({'met' if worst < TARGET_MS else 'NOT met'})"
    )
    trips = browser_round_trips() if args.browser else None
    if args.browser and trips is None:
        print("\nbrowser round trip: skipped, no Chromium here (apt-get install chromium)")
    elif trips:
        print(
            f"\nbrowser round trip, module 03 R slider, {len(trips)} key presses: "
            f"median {statistics.median(trips):.1f} ms, slowest {max(trips):.1f} ms = "
            f"{max(trips) / TARGET_MS:.2f} x the 200 ms target"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
