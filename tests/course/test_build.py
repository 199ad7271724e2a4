"""course/build.py: learner versions lose their solutions, the build is deterministic."""

from __future__ import annotations

import jupytext
import nbformat
import pytest

from tests.course.test_notebooks import ALL_SOURCES, GLOSSARY, SOURCES, build


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


def _without_notes(notebook):
    return [c for c in notebook.cells if build.ADVANCED_NOTE_TAG not in c.metadata.get("tags", [])]


def test_the_sources_are_the_fourteen_modules_and_the_glossary():
    assert [s.stem[:2] for s in SOURCES] == [f"{n:02d}" for n in range(14)]
    assert set(ALL_SOURCES) == {*SOURCES, GLOSSARY}


@pytest.mark.parametrize("source", ALL_SOURCES, ids=[s.stem for s in ALL_SOURCES])
def test_learner_version_has_no_solution_code(source):
    original = jupytext.read(source)
    learner, trainer = build.build_versions(source)
    pairs = zip(original.cells, _without_notes(learner), _without_notes(trainer), strict=True)
    for cell, mine, theirs in pairs:
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
        assert "____" in mine.source or "# 在这里写你的代码" in mine.source  # a blank or a prompt
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


def _advanced_notebook():
    return nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("# 第 9 讲 示例"),
            nbformat.v4.new_code_cell("from custseg import demo\nbase = demo.load()"),
            nbformat.v4.new_code_cell(
                'by_city = base.groupby("city")["amount"].sum()', metadata={"tags": ["advanced"]}
            ),
            nbformat.v4.new_code_cell("by_city.idxmax()", metadata={"tags": ["advanced"]}),
            nbformat.v4.new_markdown_cell("### 互动"),
            nbformat.v4.new_code_cell("demo_explorer(base)"),
            nbformat.v4.new_markdown_cell("pandas 写法：", metadata={"tags": ["advanced"]}),
            nbformat.v4.new_code_cell("base.loc[base.amount > 3]", metadata={"tags": ["advanced"]}),
        ]
    )


def test_advanced_cells_are_announced_as_optional_and_folded_for_learners(tmp_path):
    source = tmp_path / "09_demo.py"
    jupytext.write(_advanced_notebook(), source, fmt="py:percent")
    learner, trainer = build.build_versions(source)
    for notebook, folded in ((learner, True), (trainer, False)):
        sources = [c.source for c in notebook.cells]
        notes = [i for i, s in enumerate(sources) if s.startswith(build.ADVANCED_NOTE)]
        assert notes == [2]  # one note before the first run of advanced code, not two
        assert sources[3].startswith("by_city") and sources[4] == "by_city.idxmax()"
        assert sources[7].startswith("🔧 **进阶（选做）** pandas 写法")  # marked, no extra note
        assert (build.FOLDED_NOTE in sources[2]) is folded  # learners are told how to unfold
        hidden = [c.metadata.get("jupyter", {}).get("source_hidden", False) for c in notebook.cells]
        assert hidden == [False, False, False, folded, folded, False, False, False, folded]
    again = build.build_versions(source)
    assert nbformat.writes(again[0]) == nbformat.writes(learner)


def test_a_dashboard_never_contains_advanced_cells():
    notebook = build.mark_advanced(_advanced_notebook(), fold=False)
    dashboard = build.build_dashboard(notebook, "09_demo")
    sources = [c.source for c in dashboard.cells]
    assert sources[1:] == [
        "from custseg import demo\nbase = demo.load()",
        "### 互动",
        "demo_explorer(base)",
    ]
    assert not any("进阶" in s or "groupby" in s or ".loc" in s for s in sources)


def test_the_glossary_builds_as_a_notebook_without_dashboard(tmp_path):
    learner, trainer = build.build_versions(GLOSSARY)
    assert not build.is_module(GLOSSARY) and build.is_module(SOURCES[3])
    assert learner.cells[0].source.startswith("# 术语表 (glossary)")
    assert {c.cell_type for c in learner.cells} == {"markdown"}
    assert nbformat.writes(learner) == nbformat.writes(trainer)
    assert build.main(["--check", str(GLOSSARY)]) == 0


def test_the_glossary_source_is_what_the_vocabulary_generates():
    """Regenerate with: python course/build.py --glossary"""
    assert GLOSSARY.read_text(encoding="utf-8") == build.glossary_source()


def test_the_course_clears_solutions_with_the_preprocessor_grading_installs():
    """One rule for both: the course's learner blanks are grading's BlankSolutions, set for names."""
    from custseg.notebook_solutions import BlankSolutions

    clearing = build.learner_blanks()
    assert type(clearing) is BlankSolutions and clearing.blank_names
    config = (build.COURSE.parent / "grading" / "nbgrader_config.py").read_text(encoding="utf-8")
    assert '"custseg.notebook_solutions.BlankSolutions"' in config
    prompt = nbformat.v4.new_markdown_cell("我的答案：先打给重要保持客户。")
    prompt.metadata["tags"] = ["solution"]
    notebook = nbformat.v4.new_notebook(cells=[prompt])
    assert clearing.preprocess(notebook, {})[0].cells[0].source.startswith("✏️ **在这里写下你的回答")
