"""course/build.py: learner versions lose their solutions, the build is deterministic."""

from __future__ import annotations

import nbformat
import pytest

from tests.course.test_notebooks import SOURCES, build


def test_blank_out_keeps_indentation_and_names_each_assignment_once():
    source = (
        "for k in ks:\n"
        "    ### BEGIN SOLUTION\n"
        "    a, b = 1, 2\n"
        "    if a:\n"
        "        c = 3\n"
        "    a = a + b\n"
        "    ### END SOLUTION\n"
        "    print(k)"
    )
    assert build.blank_out(source) == (
        "for k in ks:\n    a, b = ____  # 把 ____ 换成你的答案\n    print(k)"
    )


def test_a_block_without_assignment_gets_a_comment():
    out = build.blank_out("### BEGIN SOLUTION\nprint(1)\n### END SOLUTION")
    assert out == "# 在这里写你的代码 (write your code here)"


def test_unclosed_block_is_an_error():
    with pytest.raises(ValueError, match="END SOLUTION"):
        build.blank_out("### BEGIN SOLUTION\nx = 1")


@pytest.mark.parametrize("source", SOURCES, ids=[s.stem for s in SOURCES])
def test_learner_version_has_no_solution_code(source):
    import jupytext

    original = jupytext.read(source)
    learner, trainer = build.build_versions(source)
    for cell, mine, theirs in zip(original.cells, learner.cells, trainer.cells, strict=True):
        if build.BEGIN not in cell.source:
            continue
        solution, inside = [], False
        for line in cell.source.splitlines():
            if line.strip() == build.BEGIN:
                inside = True
            elif line.strip() == build.END:
                inside = False
            elif inside and len(line.strip("()[]{},:. ")) >= 3:  # skip lone brackets
                solution.append(line.strip())
        for line in solution:
            assert line not in mine.source  # the learner's cell has a blank instead
            assert line in theirs.source  # the trainer's cell keeps the solution
        assert "____" in mine.source
        assert build.BEGIN not in theirs.source


def test_build_is_deterministic(tmp_path):
    source = SOURCES[0]
    first = nbformat.writes(build.build_versions(source)[0])
    second = nbformat.writes(build.build_versions(source)[0])
    assert first == second
    assert '"id": "' in first


def test_dashboard_keeps_what_the_widget_needs_and_nothing_else():
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("# 第 9 讲 示例\n\n学习目标……"),
            nbformat.v4.new_code_cell("import custseg\ndata = custseg.load()"),
            nbformat.v4.new_code_cell("base = data.copy()\nbase.head()"),
            nbformat.v4.new_code_cell('base["x"] = 1'),
            nbformat.v4.new_code_cell("unrelated = 2\nunrelated"),
            nbformat.v4.new_code_cell("answer = ____\nq.check()"),
            nbformat.v4.new_markdown_cell("读上面的表：……\n\n### 互动：拖动滑块"),
            nbformat.v4.new_code_cell("demo_explorer(base)"),
            nbformat.v4.new_code_cell("after = 3"),
        ]
    )
    dashboard = build.build_dashboard(notebook, "09_demo")
    sources = [c.source for c in dashboard.cells]
    assert sources[0].startswith("# 第 9 讲 示例 · 互动仪表板")
    assert sources[1:] == [
        "import custseg\ndata = custseg.load()",
        "base = data.copy()",  # the table it displayed is left out
        'base["x"] = 1',  # changes a name the widget reads
        "### 互动：拖动滑块",
        "demo_explorer(base)",
    ]
    assert dashboard.metadata["title"] == "第 9 讲 示例 · 互动仪表板"


def test_a_module_without_widget_has_no_dashboard():
    notebook = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell("# 标题"), nbformat.v4.new_code_cell("x = 1")]
    )
    assert build.build_dashboard(notebook, "x") is None
