"""Which optional part of custseg needs which packages, and the message when they are missing.

``pip install custseg`` installs the analysis library only (pandas, scikit-learn, the CLV
models, reading users' files, the five-step report without charts). The rest comes with
extras, named in ``pyproject.toml``:

========== ===================================================== =========================
extra      what it adds                                          for whom
========== ===================================================== =========================
plot       charts (``custseg.plotting``), charts in reports      practitioners' reports
widgets    sliders and live charts (``custseg.widgets``)         notebooks of your own
course     JupyterLab, Voilà dashboards, the course notebooks    learners and trainers
grading    nbgrader and ``custseg-grade``                        instructors
spark      reading PySpark frames                                big-data users
all        all of the above
========== ===================================================== =========================

A package that needs an extra checks for it when it is imported and says in Chinese which
extra to install, instead of a bare ``ModuleNotFoundError`` deep inside.
"""

from __future__ import annotations

from importlib.util import find_spec

__all__ = ["EXTRAS", "MissingExtraError", "require_extra"]

EXTRAS: dict[str, tuple[str, ...]] = {
    "plot": ("matplotlib", "seaborn", "mplfonts"),
    "widgets": ("ipywidgets", "bqplot"),
    "course": ("jupyterlab", "voila", "jupytext", "nbconvert"),
    "grading": ("nbgrader", "jupytext"),
    "spark": ("pyspark",),
}
"""The importable packages each extra brings (import names, not distribution names)."""


class MissingExtraError(ModuleNotFoundError):
    """A part of custseg was used whose extra is not installed.

    A :class:`ModuleNotFoundError` (so an :class:`ImportError`), as the bare error would be.
    """


def require_extra(extra: str, feature: str, *, packages: tuple[str, ...] | None = None) -> None:
    """Raise :class:`MissingExtraError` unless every package of ``extra`` can be imported.

    Parameters
    ----------
    extra : str
        A key of :data:`EXTRAS`.
    feature : str
        What needs it, as the message names it (``"custseg.plotting"``).
    packages : tuple of str, optional
        The packages ``feature`` really needs, when it is fewer than the whole extra.

    Examples
    --------
    >>> require_extra("plot", "custseg.plotting")  # installed: nothing happens
    >>> require_extra("plot", "custseg.plotting", packages=("no_such_package",))
    Traceback (most recent call last):
    ...
    custseg.extras.MissingExtraError: custseg.plotting 需要可选依赖 no_such_package，请先安装：pip install "custseg[plot]" ...
    """
    wanted = EXTRAS[extra] if packages is None else packages
    missing = [name for name in wanted if find_spec(name) is None]
    if missing:
        names = "、".join(missing)
        raise MissingExtraError(
            f'{feature} 需要可选依赖 {names}，请先安装：pip install "custseg[{extra}]" '
            f"({feature} needs the optional package(s) {', '.join(missing)}: "
            f'pip install "custseg[{extra}]")',
            name=missing[0],
        )
