"""Plain-Chinese explanations of the errors beginners meet most.

A misspelt column name, a date pandas cannot read, text where a number is needed, Chinese
punctuation in code, ``hint()`` without its question:
:func:`explain` turns such an exception into one or two sentences a marketer can act on,
and :func:`enable` shows them under the usual traceback in a notebook.
"""

from __future__ import annotations

import difflib
import re
import sys

import pandas as pd

__all__ = ["enable", "explain"]


def _close_columns(name: str, frames: list[pd.DataFrame]) -> list[str]:
    columns = sorted({str(c) for frame in frames for c in frame.columns})
    close = difflib.get_close_matches(name, columns, n=3, cutoff=0.5)
    lowered = [c for c in columns if c.lower() == name.lower() and c not in close]
    return lowered + close


_FULL_WIDTH = {
    "（": "(",
    "）": ")",
    "“": '"',
    "”": '"',
    "‘": "'",
    "’": "'",
    "，": ",",
    "：": ":",
    "；": ";",
    "。": ".",
}


def _explain_syntax(error: SyntaxError) -> str | None:
    text = error.msg or ""
    match = re.search(r"invalid character '(.)'", text)
    if match:
        mark = match.group(1)
        plain = _FULL_WIDTH.get(mark)
        instead = f"，应该写成英文的 {plain}" if plain else ""
        return (
            f"第 {error.lineno} 行有一个中文标点 {mark}{instead}。代码里的括号、引号、逗号、冒号要用"
            "英文（半角）标点：切换到英文输入法再输入；引号里面的文字可以是中文。"
        )
    if "unterminated string" in text or "EOL while scanning" in text:
        return f'第 {error.lineno} 行的引号没有配对：文字要放在一对引号之间，例如 "重要价值客户"。'
    if "was never closed" in text or "unexpected EOF" in text:
        return f"第 {error.lineno} 行的括号没有配对：每个 ( 都要有一个 ) 。"
    return None


def explain(error: BaseException, namespace: dict | None = None) -> str | None:
    """A Chinese explanation of ``error``, or ``None`` when it is not a common beginner error.

    Parameters
    ----------
    error : BaseException
        The exception raised.
    namespace : dict, optional
        The notebook's variables, used to suggest the column a misspelt name meant.

    Examples
    --------
    >>> import pandas as pd
    >>> orders = pd.DataFrame({"customer_id": [1], "amount": [9.5]})
    >>> try:
    ...     orders["amout"]
    ... except KeyError as error:
    ...     print(explain(error, {"orders": orders}))
    找不到名为 'amout' 的列 (column)。是不是想写 'amount'？列名要一字不差，包括大小写和下划线。
    >>> try:
    ...     "100" + 5
    ... except TypeError as error:
    ...     print(explain(error))
    这里把文字 (str) 和数字放在一起计算了。数字不要加引号；如果数字是从文件里读来的文字，先用 pd.to_numeric() 转换。
    """
    text = str(error)
    frames = [v for v in (namespace or {}).values() if isinstance(v, pd.DataFrame)]
    if isinstance(error, KeyError) and error.args and isinstance(error.args[0], str):
        name = error.args[0]
        suggestions = _close_columns(name, frames)
        hint = (
            f"是不是想写 {suggestions[0]!r}？"
            if suggestions
            else "看一看表格最上面一行的列名，照着写。"
        )
        return f"找不到名为 {name!r} 的列 (column)。{hint}列名要一字不差，包括大小写和下划线。"
    if isinstance(error, TypeError) and re.search(
        r"can only concatenate str|unsupported operand type.*'str'|must be str, not|"
        r"'<' not supported between instances of 'str'|Could not convert .* to numeric",
        text,
    ):
        return (
            "这里把文字 (str) 和数字放在一起计算了。数字不要加引号；"
            "如果数字是从文件里读来的文字，先用 pd.to_numeric() 转换。"
        )
    if isinstance(error, ValueError) and re.search(
        r"could not convert string to float|Unable to parse string", text
    ):
        return (
            "有一个值不是数字，无法计算。检查这一列里是否有文字、货币符号或千位分隔符，"
            "或者用 custseg.transactions.read_transactions() 读取文件，它会指出是哪一行。"
        )
    if (
        isinstance(error, ValueError | TypeError)
        and re.search(
            r"time data|doesn't match format|Unknown datetime string format|day is out of range|"
            r"month must be in|DateParseError|Given date string",
            text,
        )
        or type(error).__name__ == "DateParseError"
    ):
        return (
            "有一个日期无法识别。请使用 2024-03-01 或 2024/3/1 这样的格式，"
            "并检查是否有空白或写错的日期。"
        )
    if isinstance(error, SyntaxError):
        return _explain_syntax(error)
    if isinstance(error, NameError):
        match = re.search(r"name '(.+?)' is not defined", text)
        name = match.group(1) if match else "这个名字"
        if name in {"hint", "solution", "check"}:
            return (
                f"{name}() 要带上题号，例如 `ex.q1.{name}()`：把 q1 换成题目的编号，"
                "并先运行本讲最上面导入 `ex` 的单元格。"
            )
        return (
            f"{name} 还没有定义。请先运行上面定义它的单元格（可以用菜单“运行 → 运行所有上方单元格”），"
            "并检查拼写。"
        )
    return None


def enable() -> bool:
    """Show :func:`explain`'s words under every matching error in this notebook.

    Returns
    -------
    bool
        ``True`` when installed (inside IPython / Jupyter), ``False`` elsewhere.
    """
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    if shell is None:
        return False

    def handler(shell, etype, value, tb, tb_offset=None):
        shell.showtraceback((etype, value, tb), tb_offset=tb_offset)
        words = explain(value, shell.user_ns)
        if words:
            from IPython.display import Markdown, display

            display(Markdown(f'<span style="color:#a94442">🧭 **怎么回事？**</span> {words}'))

    shell.set_custom_exc((KeyError, TypeError, ValueError, NameError), handler)
    show_syntax_error = shell.showsyntaxerror
    if not getattr(show_syntax_error, "explained", False):

        def explained_syntax_error(*args, **kwargs):
            show_syntax_error(*args, **kwargs)
            error = sys.exc_info()[1] or getattr(sys, "last_value", None)
            words = explain(error) if isinstance(error, SyntaxError) else None
            if words:
                from IPython.display import Markdown, display

                display(Markdown(f'<span style="color:#a94442">🧭 **怎么回事？**</span> {words}'))

        explained_syntax_error.explained = True
        shell.showsyntaxerror = explained_syntax_error
    return True
