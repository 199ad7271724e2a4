"""Every topic of the course plan appears in the course, in the module meant for it."""

from __future__ import annotations

from pathlib import Path

import pytest

SOURCES = Path(__file__).parents[2] / "course" / "src"

# module file prefix -> words that module must teach (from the course plan and the seeds)
TOPICS = {
    "00_": ["一刀切", "德鲁克", "创造顾客", "小部件"],
    "01_": ["市场细分", "生命周期", "客户价值", "客户关系管理", "CRM", "价值链"],
    "02_": ["人口统计", "地理", "心理", "行为", "冲动型", "理性型", "忠诚型"],
    "03_": ["RFM", "Recency", "Frequency", "Monetary", "重要价值客户", "冠军客户"],
    "04_": ["ABC", "重点客户", "重要客户", "一般客户", "洛伦兹", "基尼", "高价值客户"],
    "05_": ["CLV", "BG/NBD", "Gamma-Gamma", "潜在价值", "忠诚度", "支付能力"],
    "06_": ["潜在", "新客", "回购", "忠诚", "流失风险", "已流失", "同期群", "留存"],
    "07_": ["聚类", "k-means", "轮廓系数", "肘部", "k-prototypes"],
    "08_": [
        "宝洁",
        "亚马逊",
        "华为",
        "技术型",
        "标准型",
        "战略型",
        "欧洲",
        "非洲",
        "快消品",
        "银行",
    ],
    "09_": ["经销商", "全国", "区域", "地方", "销售能力", "合作意愿"],
    "10_": ["促销", "目的", "对象", "预算", "对照组", "ROI"],
    "11_": ["基本信息", "行为", "需求", "满意度", "个人信息保护法", "k-匿名"],
    "12_": ["大数据", "人工智能", "实时", "个性化", "数据收集", "分类标准", "跨部门"],
    "13_": ["数据收集", "数据分析", "客户分类", "策略制定", "效果评估"],
}
EVERY_MODULE = ["学习目标", "练一练", "讨论", "小结", "BEGIN SOLUTION"]


def _module(prefix: str) -> str:
    matches = sorted(SOURCES.glob(f"{prefix}*.py"))
    assert matches, f"no course module starting with {prefix}"
    return "\n".join(path.read_text(encoding="utf-8") for path in matches)


@pytest.mark.parametrize("prefix", list(TOPICS))
def test_module_teaches_its_topics(prefix):
    text = _module(prefix)
    missing = [word for word in TOPICS[prefix] if word not in text]
    assert missing == []


@pytest.mark.parametrize("prefix", list(TOPICS))
def test_module_has_every_part(prefix):
    text = _module(prefix)
    missing = [part for part in EVERY_MODULE if part not in text]
    if prefix == "00_":  # the introduction has no theory goals list of its own
        missing = [m for m in missing if m != "学习目标"]
    assert missing == []
    assert "_explorer(" in text or "_simulator(" in text, "an interactive widget"
