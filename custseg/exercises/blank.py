"""The blank a learner replaces with an answer: ``____``."""

from __future__ import annotations

__all__ = ["____", "is_blank"]


class _Blank:
    """A placeholder that is not an answer yet; any use of it says so in Chinese."""

    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "____"

    def _refuse(self, *args, **kwargs):
        raise TypeError(
            "这里还是空白 ____，请先把 ____ 换成你的答案 (replace ____ with your answer)"
        )

    __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _refuse
    __truediv__ = __rtruediv__ = __getitem__ = __call__ = __iter__ = __len__ = _refuse
    __lt__ = __le__ = __gt__ = __ge__ = _refuse

    def __getattr__(self, name):
        raise AttributeError(
            f"这里还是空白 ____，没有 .{name}：请先把 ____ 换成你的答案 (replace ____ first)"
        )

    def __bool__(self) -> bool:
        return False


____ = _Blank()


def is_blank(value: object) -> bool:
    """True when ``value`` is not an answer yet: ``____``, ``None``, ``...`` or empty text.

    Examples
    --------
    >>> is_blank(____), is_blank(None), is_blank(...), is_blank("  "), is_blank(0)
    (True, True, True, True, False)
    """
    if isinstance(value, str):
        return not value.strip()
    return value is ____ or value is None or value is Ellipsis
