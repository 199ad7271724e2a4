"""The ``custseg`` command line: segment your own orders into a report.

Usage::

    custseg segment 我的订单.xlsx --out 报告/ \\
        --column 客户编号=customer_id --column 下单时间=invoice_date --column 实付金额=amount

writes ``报告/report.html`` and ``报告/report.xlsx`` (see :mod:`custseg.process`) and prints
the segments and every line removed or changed, per reason. Bad input ends with a message
in Chinese naming the file, column, row and value, never a traceback, and exit code 2;
an internal fault of custseg ends with exit code 1 (see :func:`main`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

__all__ = ["ChineseArgumentParser", "main"]

_SEPARATORS = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}


class ChineseArgumentParser(argparse.ArgumentParser):
    """Argument errors in Chinese, exit code 2, no usage dump in English alone."""

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(2, f"错误 (error): 命令行参数有误 (bad arguments)：{message}\n")


def _mapping(pairs: Sequence[str]) -> dict[str, str]:
    mapping = {}
    for pair in pairs:
        yours, sep, canonical = pair.partition("=")
        if not sep or not yours or not canonical:
            raise argparse.ArgumentTypeError(
                f"--column 的格式应为 你的列名=标准列名，例如 客户编号=customer_id，收到 {pair!r}"
            )
        mapping[yours] = canonical
    return mapping


def _sheet(value: str) -> int | str:
    return int(value) if value.isdigit() else value


def _separator(value: str) -> str:
    return _SEPARATORS.get(value.lower(), value)


def _parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(
        prog="custseg", description="客户分类 (customer segmentation) 工具"
    )
    commands = parser.add_subparsers(
        dest="command", required=True, parser_class=ChineseArgumentParser
    )
    segment = commands.add_parser(
        "segment",
        help="对订单文件做客户分类并生成报告 (segment orders, write a report)",
        description="五步流程：数据收集 → 数据分析 → 客户分类 → 策略制定 → 效果评估。",
    )
    segment.add_argument("orders", help="订单文件：csv（UTF-8、GBK 或 Big5）、xlsx、xls 或 parquet")
    segment.add_argument("--out", required=True, help="报告输出文件夹 (output folder)")
    segment.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="你的列名=标准列名",
        help="列名对应，可重复；标准列名：customer_id、invoice_id、invoice_date、quantity、"
        "unit_price、amount 等",
    )
    read = segment.add_argument_group("读取文件 (reading the file)")
    read.add_argument(
        "--sheet",
        type=_sheet,
        default=None,
        help="Excel：只读这个工作表（名称或从 0 起的序号）；默认读取表头相同的所有工作表",
    )
    read.add_argument(
        "--skip-rows", type=int, default=0, help="表头上方要跳过的行数（如标题行），默认 0"
    )
    read.add_argument(
        "--sep",
        type=_separator,
        default=None,
        help="CSV 分隔符：, ; | 或 tab；默认自动识别逗号、制表符、分号、竖线",
    )
    read.add_argument(
        "--encoding", default=None, help="CSV 编码，如 utf-8、gbk、big5；默认自动识别"
    )
    read.add_argument(
        "--date-format",
        default=None,
        help="日期格式，如 %%d/%%m/%%Y（日/月/年）或 %%m/%%d/%%Y（月/日/年）；日和月可能颠倒时必须给出",
    )
    clean = segment.add_argument_group("清洗规则 (cleaning rules)")
    clean.add_argument(
        "--drop-duplicates",
        action="store_true",
        help="删除完全相同的行（默认不删：列很少的文件里相同的行可能是真实的多次购买）",
    )
    clean.add_argument(
        "--cancel-prefix",
        default=None,
        metavar="前缀",
        help="以此开头的订单号算作取消的订单（如 C）；默认不按单号判断",
    )
    clean.add_argument(
        "--refunds",
        choices=["net", "drop"],
        default="net",
        help="退款（负金额）：net 从该客户的购买中扣除（默认），drop 直接删除",
    )
    segment.add_argument(
        "--scheme",
        choices=["cn8", "classic"],
        default="cn8",
        help="RFM 分群方案（默认 cn8 八类客户）",
    )
    segment.add_argument("--bins", type=int, default=5, help="RFM 每项打分的档数（默认 5）")
    segment.add_argument("--as-of", default=None, help="分析日期，默认为最后一笔订单的次日")
    segment.add_argument(
        "--control-share", type=float, default=0.1, help="每个客户群留作对照组的比例（默认 0.1）"
    )
    segment.add_argument("--currency", default="元", help="报告中的货币单位（默认 元）")
    return parser


def _cleaning_lines(report) -> list[str]:
    from custseg.transactions import CHANGE_REASONS, CLEANING_REASONS

    lines = [f"读入 {report.rows_in:,} 行，保留 {report.rows_out:,} 行。"]
    for key, count in report.counts.items():
        if count:
            lines.append(f"  删除 {count:,} 行：{CLEANING_REASONS[key]}")
    for key, count in report.changed_counts.items():
        lines.append(f"  修改 {count:,} 行：{CHANGE_REASONS[key]}")
    lines += [f"  说明：{note}" for note in report.notes]
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code.

    0 on success; 2 on a user's error (bad arguments, a missing or unreadable file, bad
    data, a model the data cannot fit: :class:`~custseg.errors.DataError`,
    :class:`~custseg.errors.ParameterError`, :class:`~custseg.errors.ConvergenceError`);
    1 on an internal error (any other exception, a fault of custseg itself). Either way
    the message is in Chinese and no traceback is shown.
    """
    args = _parser().parse_args(argv)
    from custseg.errors import ConvergenceError, DataError, ParameterError
    from custseg.process import SegmentationProcess
    from custseg.report_document import CHARTS_NEED_PLOT, charts_available

    try:
        columns = _mapping(args.column)
        process = SegmentationProcess(
            args.scheme,
            as_of=args.as_of,
            control_share=args.control_share,
            bins=args.bins,
            currency=args.currency,
            cleaning={
                "drop_duplicates": args.drop_duplicates,
                "cancel_prefix": args.cancel_prefix,
                "refunds": args.refunds,
            },
            columns=columns or None,
            read_options={
                "sheet_name": args.sheet,
                "skip_rows": args.skip_rows,
                "sep": args.sep,
                "encoding": args.encoding,
                "date_format": args.date_format,
            },
        ).fit(args.orders)
        paths = process.write_report(args.out)
    except (
        DataError,
        ParameterError,
        ConvergenceError,
        FileNotFoundError,
        argparse.ArgumentTypeError,
    ) as error:
        print(f"错误 (error): {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"错误 (error): 无法读写文件 (cannot read or write a file)：{error}", file=sys.stderr)
        return 2
    except Exception as error:  # never a traceback for a user
        print(
            f"错误 (error): 处理 {args.orders} 时出现意外问题 (unexpected problem)："
            f"{type(error).__name__}: {error}",
            file=sys.stderr,
        )
        return 1
    facts = process.facts_
    print("\n".join(_cleaning_lines(process.cleaning_report_)))
    print(f"{facts['customers']:,} 位客户，{len(process.segments_)} 个客户群。")
    table = process.segment_table()[["客户群", "客户数", "消费额占比"]]
    print(table.to_string(index=False, formatters={"消费额占比": "{:.1%}".format}))
    print(f"报告 (report): {paths['html']}\nExcel: {paths['excel']}")
    if not charts_available():
        print(f"报告中没有图表 (no charts in the report)：{CHARTS_NEED_PLOT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
