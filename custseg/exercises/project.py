"""Practice for module 13 (the five-step final project) on the Online Retail II sample."""

from __future__ import annotations

from functools import cache

from custseg.exercises.problem import Problem, bind

__all__ = ["q1", "q2", "q3"]


@cache
def _process():
    from custseg.datasets import load_sample
    from custseg.process import SegmentationProcess

    return SegmentationProcess(control_share=0.1, random_state=0).fit(
        load_sample("online_retail_ii")
    )


q1 = bind(
    Problem(
        name="removed_lines",
        prompt="第 1 步数据收集：清洗时一共删除了多少行？",
        expected=lambda: int(_process().cleaning_report_.counts.sum()),
        hints=[
            "清洗报告在 `process.cleaning_report_`。",
            "`process.cleaning_report_.counts.sum()`。",
        ],
        solution="removed_lines = process.cleaning_report_.counts.sum()",
    )
)

q2 = bind(
    Problem(
        name="top_segment",
        prompt="第 4 步策略制定：消费额最高的客户群是哪一个？（写出中文名称）",
        expected=lambda: str(_process().segments_.iloc[0]["segment"]),
        hints=[
            "`process.segments_` 已按消费额从高到低排序。",
            "取第一行的 `segment`：`process.segments_.iloc[0]['segment']`。",
        ],
        solution="top_segment = process.segments_.iloc[0]['segment']",
    )
)

q3 = bind(
    Problem(
        name="step_order",
        prompt="把五个步骤按正确的顺序排成列表：'策略制定'、'数据收集'、'效果评估'、'客户分类'、'数据分析'。",
        expected=lambda: ["数据收集", "数据分析", "客户分类", "策略制定", "效果评估"],
        hints=["先有数据，才能分析。", "分好类才能定策略，策略执行后才能评估。"],
        solution="step_order = ['数据收集', '数据分析', '客户分类', '策略制定', '效果评估']",
    )
)
