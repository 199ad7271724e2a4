"""Old public names kept working after a rename (旧名称仍可使用，但会提示新名称).

A renamed function, keyword or module keeps its old name as a deprecated alias: it does
exactly what the new name does and emits a :class:`DeprecationWarning` that names the new
name, in Chinese and in English, so released notebooks and learners' code keep running while
they move to the new spelling. Aliases are not listed in a module's ``__all__``.

Examples
--------
>>> import warnings
>>> def normalize(x: float) -> float:
...     return x / 100
>>> normalise = renamed_function(normalize, "normalise")
>>> with warnings.catch_warnings(record=True) as caught:
...     warnings.simplefilter("always")
...     normalise(50.0)
0.5
>>> print(caught[0].message)
normalise 已改名为 normalize (renamed to normalize)
"""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable
from typing import Any, TypeVar

from custseg.errors import ParameterError

__all__ = ["renamed_function", "renamed_keywords", "warn_renamed"]

F = TypeVar("F", bound=Callable[..., Any])


def warn_renamed(old: str, new: str, *, stacklevel: int = 2) -> None:
    """Emit the :class:`DeprecationWarning` of a renamed public name.

    Parameters
    ----------
    old, new : str
        The old and the new name (a function, a keyword such as ``"randomised="``, a module).
    stacklevel : int, default 2
        As for :func:`warnings.warn`: 2 points at the caller of the function that warns.

    Examples
    --------
    >>> import pytest
    >>> with pytest.deprecated_call(match="renamed to pseudonymize"):
    ...     warn_renamed("pseudonymise", "pseudonymize")
    """
    warnings.warn(
        f"{old} 已改名为 {new} (renamed to {new})", DeprecationWarning, stacklevel=stacklevel + 1
    )


def renamed_function(function: F, old_name: str) -> F:
    """A deprecated alias of ``function`` under its old name: it warns, then calls ``function``.

    Parameters
    ----------
    function : callable
        The function under its new name.
    old_name : str
        The name it had before.

    Returns
    -------
    callable
        Takes the same arguments and returns the same result as ``function``.

    Examples
    --------
    >>> import pytest
    >>> def labeled(text: str) -> str:
    ...     return f"「{text}」"
    >>> labelled = renamed_function(labeled, "labelled")
    >>> with pytest.deprecated_call(match="labelled 已改名为 labeled"):
    ...     labelled("忠诚型")
    '「忠诚型」'
    """
    new_name = function.__name__

    @functools.wraps(function)
    def alias(*args: Any, **kwargs: Any) -> Any:
        warn_renamed(old_name, new_name)
        return function(*args, **kwargs)

    alias.__name__ = alias.__qualname__ = old_name
    alias.__doc__ = (
        f"{old_name} 已改名为 :func:`{new_name}`，请改用新名称。\n\n"
        f"Deprecated alias of :func:`{new_name}` (same arguments, same result)."
    )
    return alias  # type: ignore[return-value]


def renamed_keywords(**renames: str) -> Callable[[F], F]:
    """Let a function still accept renamed keyword arguments, with a warning.

    Parameters
    ----------
    **renames : str
        ``old_keyword="new_keyword"`` for each renamed keyword.

    Returns
    -------
    callable
        A decorator. The decorated function receives the value under the new keyword;
        giving both the old and the new keyword is a :class:`custseg.errors.ParameterError`.

    Examples
    --------
    >>> import pytest
    >>> @renamed_keywords(randomised="randomized")
    ... def verdict(*, randomized: bool) -> str:
    ...     return "因果效应" if randomized else "只是差异"
    >>> with pytest.deprecated_call(match="randomised= 已改名为 randomized="):
    ...     verdict(randomised=True)
    '因果效应'
    >>> verdict(randomized=False, randomised=False)
    Traceback (most recent call last):
    ...
    custseg.errors.ParameterError: randomised= 已改名为 randomized=，只能给一个：请只写 randomized= (both given)
    """

    def decorate(function: F) -> F:
        @functools.wraps(function)
        def accepting_old_keywords(*args: Any, **kwargs: Any) -> Any:
            for old, new in renames.items():
                if old not in kwargs:
                    continue
                if new in kwargs:
                    raise ParameterError(
                        f"{old}= 已改名为 {new}=，只能给一个：请只写 {new}= (both given)"
                    )
                warn_renamed(f"{old}=", f"{new}=")
                kwargs[new] = kwargs.pop(old)
            return function(*args, **kwargs)

        return accepting_old_keywords  # type: ignore[return-value]

    return decorate
