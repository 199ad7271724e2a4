"""One vocabulary: the package's own names, one meaning per term, and a glossary that has them all."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import jupytext
import pytest

from custseg import vocabulary
from custseg.errors import ParameterError
from custseg.lifecycle import STAGES, lifecycle_rule_table
from custseg.segments import SCHEMES
from custseg.vocabulary import COLUMNS, GLOSSARY, MODULE_TITLES, Term

GLOSSARY_SOURCE = Path(__file__).parents[1] / "course" / "src" / "glossary.py"


@pytest.fixture(scope="module")
def glossary_text():
    notebook = jupytext.read(GLOSSARY_SOURCE)
    return "\n".join(cell.source for cell in notebook.cells)


def _rows(text: str) -> set[tuple[int, str, str, str]]:
    """(module, term, English, definition) of every table row of the glossary notebook."""
    rows, module = set(), None
    for line in text.splitlines():
        if line.startswith("## 第 "):
            module = int(line.split()[2])
        elif line.startswith("| ") and not line.startswith(("| 术语", "|---")):
            cells = [c.strip().replace("\\|", "|") for c in line.strip("| ").split(" | ")]
            rows.add((module, *cells))
    return rows


def test_every_glossary_term_is_in_the_glossary_notebook(glossary_text):
    missing = [t.term for t in GLOSSARY if t.term not in glossary_text]
    assert missing == []


def test_the_glossary_notebook_rows_are_exactly_the_glossary(glossary_text):
    wanted = {(t.module, t.term, t.english, t.definition) for t in GLOSSARY}
    assert _rows(glossary_text) == wanted


def test_terms_are_unique_defined_in_one_line_and_placed_in_a_module():
    assert [t for t, n in Counter(t.term for t in GLOSSARY).items() if n > 1] == []
    for entry in GLOSSARY:
        assert isinstance(entry, Term)
        assert entry.module in MODULE_TITLES, entry
        assert entry.definition and "\n" not in entry.definition, entry
        assert entry.definition.endswith("。"), entry


def test_lifecycle_stages_are_the_packages_names():
    rules = lifecycle_rule_table()
    english = dict(zip(rules["stage"], rules["stage_en"], strict=True))
    for stage in STAGES:
        entry = vocabulary.term(stage)
        assert entry.english.startswith(english[stage]), stage
        assert "生命周期阶段" in entry.definition


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
def test_every_segment_name_is_defined_with_its_english_name(scheme):
    for segment, segment_en, _rule, _action in SCHEMES[scheme]:
        assert vocabulary.term(segment).english == segment_en


def test_one_meaning_for_recency_frequency_lift_and_inertia():
    recency, frequency = vocabulary.term("recency"), vocabulary.term("frequency")
    assert "最近一次购买" in recency.definition and "分析日" in recency.definition
    assert "不同订单数" in frequency.definition
    assert "比值" in vocabulary.term("lift").definition
    increment = vocabulary.term("增量")
    assert "百分点" in increment.definition and "不是提升度" in increment.definition
    assert "平方" in vocabulary.term("inertia").definition
    assert "不是 F" in vocabulary.term("repeat purchases").definition


@pytest.mark.parametrize(
    "word",
    [
        "RFM", "ABC 分类", "客户终身价值", "BG/NBD 模型", "Gamma-Gamma 模型", "k-means",
        "簇内平方和", "同期群", "留存率", "增量效果", "对照组", "k-匿名", "个人信息",
        "敏感个人信息", "去标识化", "QFD（质量功能展开）", "八类客户", "经典 11 类",
    ],
)  # fmt: skip
def test_the_course_terms_are_defined(word):
    assert vocabulary.term(word).definition


def test_column_labels_are_unique_so_a_chinese_name_means_one_column():
    chinese = Counter(label.chinese for label in COLUMNS.values())
    assert [name for name, n in chinese.items() if n > 1] == []
    for name, label in COLUMNS.items():
        assert vocabulary.canonical_name(label.chinese) == name
        assert vocabulary.chinese_label(name) == label.chinese
        assert vocabulary.english_label(label.chinese) == label.english


def test_columns_of_the_package_tables_have_chinese_labels():
    from custseg.datasets import load_sample
    from custseg.rfm import RFMScorer, rfm_table, segment_customers
    from custseg.transactions import CANONICAL_COLUMNS, clean_transactions

    clean = clean_transactions(load_sample())[0]
    segmented = segment_customers(RFMScorer().fit_transform(rfm_table(clean)))
    names = [*CANONICAL_COLUMNS, segmented.index.name, *segmented.columns]
    assert [n for n in names if n not in COLUMNS] == []


def test_unknown_term_is_a_chinese_and_english_parameter_error_and_still_a_key_error():
    with pytest.raises(ParameterError, match="术语表中没有 '不存在的词'.*no such term") as caught:
        vocabulary.term("不存在的词")
    assert isinstance(caught.value, KeyError)
    assert str(caught.value).startswith("术语表中没有 '不存在的词'")  # no KeyError quotes
    with pytest.raises(KeyError):
        vocabulary.term("magic")
