"""The ``custseg`` command line: segment your own orders into a report.

Usage::

    custseg segment 我的订单.xlsx --out 报告/ \\
        --column 客户编号=customer_id --column 下单时间=invoice_date --column 实付金额=amount

writes ``报告/report.html`` and ``报告/report.xlsx`` (see :mod:`custseg.process`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

__all__ = ["main"]


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


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="custseg", description="客户分类 (customer segmentation) 工具"
    )
    commands = parser.add_subparsers(dest="command", required=True)
    segment = commands.add_parser(
        "segment",
        help="对订单文件做客户分类并生成报告 (segment orders, write a report)",
        description="五步流程：数据收集 → 数据分析 → 客户分类 → 策略制定 → 效果评估。",
    )
    segment.add_argument("orders", help="订单文件：csv（UTF-8 或 GBK）、xlsx 或 parquet")
    segment.add_argument("--out", required=True, help="报告输出文件夹 (output folder)")
    segment.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="你的列名=标准列名",
        help="列名对应，可重复；标准列名：customer_id、invoice_id、invoice_date、quantity、"
        "unit_price、amount 等",
    )
    segment.add_argument(
        "--scheme",
        choices=["cn8", "classic"],
        default="cn8",
        help="RFM 分群方案（默认 cn8 八类客户）",
    )
    segment.add_argument("--as-of", default=None, help="分析日期，默认为最后一笔订单的次日")
    segment.add_argument(
        "--control-share", type=float, default=0.1, help="每个客户群留作对照组的比例（默认 0.1）"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 success, 2 bad input)."""
    args = _parser().parse_args(argv)
    from custseg.errors import DataError
    from custseg.process import SegmentationProcess

    try:
        columns = _mapping(args.column)
        process = SegmentationProcess(
            args.scheme, as_of=args.as_of, control_share=args.control_share
        ).fit(args.orders, columns or None)
        paths = process.write_report(args.out)
    except (DataError, FileNotFoundError, ValueError, argparse.ArgumentTypeError) as error:
        print(f"错误 (error): {error}", file=sys.stderr)
        return 2
    facts = process.facts_
    print(f"{facts['customers']:,} 位客户，{len(process.segments_)} 个客户群。")
    table = process.segment_table()[["客户群", "客户数", "消费额占比"]]
    print(table.to_string(index=False, formatters={"消费额占比": "{:.1%}".format}))
    print(f"报告 (report): {paths['html']}\nExcel: {paths['excel']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
