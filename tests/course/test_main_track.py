"""The main track of every module is code-free, and every module has its practice questions.

The main track is every code cell not tagged ``advanced``. A learner who has never programmed
runs or fills those cells, so each statement in them must be one of

- an import;
- a line about a question: ``ex.q1``, ``ex.q1.check()`` (anything on the exercise module);
- ``name = value``: a blank ``____``, a literal (number, text, list …), a variable, or plain
  arithmetic on those;
- a call of a custseg function with named arguments (``rfm = rfm_table(transactions=clean)``;
  the table and a column may come first unnamed: ``average(rfm, "monetary", segment=…)``, but
  numbers and further options are named), whose arguments are values or variables, or a widget
  call (``rfm_cutoff_explorer(rfm)``);
- a variable or literal on its own, to display it;

and none uses a pandas/numpy idiom (``.loc``, ``groupby``, ``lambda``, boolean masks, method
chains …). Each module has at least six questions (module 00: four), at least half of them
judgment, decision or prediction; each is shown (``ex.qN``), checked with its hint and
solution calls written beside it, and tested in tests/exercises; the first markdown cell links
the glossary.

Every checker is tested here, for every question of every module: its answer, each synonym and
its choice letter count and show the explanation; a blank is not attempted; the other choices
and wrong values are wrong and end with the hint call; each listed misconception gets its own
message; the reference solution gives a right answer (or says where to read it).
"""

from __future__ import annotations

import ast
import builtins
import importlib
import importlib.util
import inspect
import re
from pathlib import Path

import jupytext
import numpy as np
import pytest

from custseg.exercises import Outcome, ____
from custseg.exercises.feedback import Feedback
from custseg.exercises.problem import KINDS, ProblemView, compare_answers
from tests.course.test_notebooks import SOURCES, build

TESTS = Path(__file__).parents[1]
JUDGMENT_KINDS = {"judgment", "decision", "prediction"}
QUESTION = re.compile(r"q\d+")

# The idioms the main track never uses (a learner should neither write nor need to read them).
FORBIDDEN_ATTRIBUTES = {
    "loc": "`.loc`",
    "iloc": "`.iloc`",
    "at": "`.at`",
    "iat": "`.iat`",
    "groupby": "`groupby`",
    "apply": "`apply`",
    "applymap": "`applymap`",
    "assign": "`assign`",
    "merge": "`merge`",
    "pivot": "`pivot`",
    "pivot_table": "`pivot_table`",
    "agg": "`agg`",
    "aggregate": "`aggregate`",
    "dt": "`.dt.`",
    "str": "`.str.`",
    "idxmax": "`idxmax`",
    "idxmin": "`idxmin`",
    "qcut": "`qcut`",
    "cut": "`cut(`",
}
FORBIDDEN_CALLS = {"qcut", "cut", "merge", "pivot", "pivot_table"}
NUMPY = {"np", "numpy"}
PLAIN_BUILTINS = {"print", "display"}
MAX_POSITIONAL = 2  # `average(rfm, "monetary", segment=…)`: the table and a column; the rest named
BOILERPLATE = {"plt.show"}  # charts: a learner runs it without needing to read it
MAGIC = re.compile(r"^\s*[%!]")


def _code(source: str) -> str:
    """The cell's Python, IPython magics (``%matplotlib inline``) left out."""
    return "\n".join("" if MAGIC.match(line) else line for line in source.splitlines())


def _root(node: ast.AST) -> ast.AST:
    while isinstance(node, ast.Attribute | ast.Call | ast.Subscript):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node


def _is_mask(node: ast.AST) -> bool:
    for inner in ast.walk(node):
        if isinstance(inner, ast.Compare | ast.BoolOp):
            return True
        if isinstance(inner, ast.BinOp) and isinstance(inner.op, ast.BitAnd | ast.BitOr):
            return True
        if isinstance(inner, ast.UnaryOp) and isinstance(inner.op, ast.Invert):
            return True
        if isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute):
            if inner.func.attr in {"isin", "between", "isna", "notna", "contains"}:
                return True
    return False


def forbidden_idioms(source: str, modules: frozenset[str] = frozenset()) -> list[str]:
    """The pandas/numpy idioms ``source`` uses, one description each (empty when none).

    ``modules`` are the names bound to imported modules (``ex``, ``custseg`` …): calls on
    them are function calls, not methods of a table.
    """
    try:
        tree = ast.parse(_code(source))
    except SyntaxError as error:
        return [f"不是合法的 Python（line {error.lineno}）"]
    found = []
    for node in ast.walk(tree):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            found.append(f"line {line}: `def`")
        elif isinstance(node, ast.Lambda):
            found.append(f"line {line}: `lambda`")
        elif isinstance(node, ast.Attribute):
            root = _root(node)
            if node.attr == "where" and isinstance(root, ast.Name) and root.id in NUMPY:
                found.append(f"line {line}: `np.where`")
            elif node.attr in FORBIDDEN_ATTRIBUTES:
                found.append(f"line {line}: {FORBIDDEN_ATTRIBUTES[node.attr]}")
            elif isinstance(node.value, ast.Call | ast.Subscript):
                found.append(f"line {line}: method chain `….{node.attr}`")
        elif isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name) and func.id in FORBIDDEN_CALLS:
                found.append(f"line {line}: `{func.id}(`")
            elif isinstance(func, ast.Attribute):
                root = _root(func)
                if isinstance(root, ast.Name) and root.id not in modules | NUMPY:
                    found.append(f"line {line}: method call `{root.id}.….{func.attr}()`")
        elif isinstance(node, ast.Subscript) and _is_mask(node.slice):
            found.append(f"line {line}: boolean mask `…[… > …]`")
    return sorted(set(found), key=lambda text: (len(text.split(":")[0]), text))


def imported_names(sources: list[str]) -> tuple[dict[str, str], frozenset[str]]:
    """Names the cells import: name → the module it comes from, and which names are modules."""
    names: dict[str, str] = {}
    modules: set[str] = set()
    for source in sources:
        try:
            tree = ast.parse(_code(source))
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    name = alias.asname or alias.name.split(".")[0]
                    names[name] = alias.name
                    modules.add(name)
            elif isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    name = alias.asname or alias.name
                    names[name] = node.module
                    try:
                        found = importlib.util.find_spec(f"{node.module}.{alias.name}")
                    except (ImportError, ValueError):
                        found = None
                    if found is not None:
                        modules.add(name)
    return names, frozenset(modules)


def _is_value(node: ast.AST) -> bool:
    """A literal, a variable, ``range(2, 7)``, or a list/dict of those."""
    if isinstance(node, ast.Constant | ast.Name):
        return True
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        return isinstance(node.operand, ast.Constant)
    if isinstance(node, ast.List | ast.Tuple | ast.Set):
        return all(_is_value(e) for e in node.elts)
    if isinstance(node, ast.Dict):
        return all(k is not None and _is_value(k) for k in node.keys) and all(
            _is_value(v) for v in node.values
        )
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return node.func.id == "range" and all(
            isinstance(a, ast.Constant | ast.UnaryOp) for a in node.args
        )
    return False


def _is_arithmetic(node: ast.AST) -> bool:
    if isinstance(node, ast.BinOp):
        plain = ast.Add | ast.Sub | ast.Mult | ast.Div | ast.FloorDiv | ast.Mod | ast.Pow
        return isinstance(node.op, plain) and all(
            _is_arithmetic(side) for side in (node.left, node.right)
        )
    return _is_value(node) and not isinstance(node, ast.List | ast.Tuple | ast.Set | ast.Dict)


def _callee(func: ast.AST) -> str | None:
    """``rfm_table`` or ``custseg.tables.readable``; None for anything else."""
    parts = []
    while isinstance(func, ast.Attribute):
        parts.append(func.attr)
        func = func.value
    if not isinstance(func, ast.Name):
        return None
    return ".".join([func.id, *reversed(parts)])


def _named(callee: str, names: dict[str, str], node: ast.Call) -> str:
    """The call with its positional arguments named after the function's parameters."""
    root, *rest = callee.split(".")
    try:
        origin = importlib.import_module(names[root])
        function = getattr(origin, root) if hasattr(origin, root) else origin
        for part in rest:
            function = getattr(function, part)
        parameters = list(inspect.signature(function).parameters)
    except Exception:  # unknown function: show the shape only
        parameters = []
    written = [
        f"{parameters[i] if i < len(parameters) else '…'}={ast.unparse(a)}"
        for i, a in enumerate(node.args)
    ] + [ast.unparse(k) for k in node.keywords]
    return f"`{callee}({', '.join(written)})`"


def _call_problem(
    node: ast.Call, names: dict[str, str], modules: frozenset[str], exercise: set[str]
) -> str | None:
    callee = _callee(node.func)
    if callee is None:
        return "a call of something computed"
    root = callee.split(".")[0]
    if root in exercise or callee in BOILERPLATE:
        return None
    widget = bool(build.WIDGET_CALL.match(callee.split(".")[-1] + "("))
    if "." in callee and root not in modules:
        return f"`{callee}()` is a method of a data object, not a custseg function"
    if not widget and callee not in PLAIN_BUILTINS:
        origin = names.get(root, "")
        if not (origin == "custseg" or origin.startswith("custseg.")):
            return f"`{callee}()` is not a custseg function"
        numbers = [a for a in node.args if isinstance(a, ast.Constant | ast.UnaryOp)]
        numbers = [a for a in numbers if not isinstance(getattr(a, "value", None), str)]
        if len(node.args) > MAX_POSITIONAL or numbers:
            return (
                f"`{callee}()` has more than {MAX_POSITIONAL} unnamed arguments or an unnamed "
                f"number; name them: {_named(callee, names, node)}"
            )
    arguments = [*node.args, *(k.value for k in node.keywords)]
    if any(k.arg is None for k in node.keywords):
        return f"`{callee}(**…)`"
    if not all(_is_value(a) for a in arguments):
        return f"`{callee}()` has an argument that is itself code; pass a value or a variable"
    return None


def statement_problems(
    source: str, names: dict[str, str], modules: frozenset[str], exercise: set[str]
) -> list[str]:
    """Statements of a main-track cell that are not of an allowed shape (see the module doc)."""
    try:
        tree = ast.parse(_code(source))
    except SyntaxError as error:
        return [f"不是合法的 Python（line {error.lineno}）"]
    found = []
    for statement in tree.body:
        line = f"line {statement.lineno}"
        if isinstance(statement, ast.Import | ast.ImportFrom):
            continue
        if isinstance(statement, ast.Expr):
            value, targets_ok = statement.value, True
        elif isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            value = statement.value
            target = statement.targets[0]
            elements = target.elts if isinstance(target, ast.Tuple | ast.List) else [target]
            targets_ok = all(isinstance(e, ast.Name) for e in elements)
        else:
            found.append(f"{line}: `{type(statement).__name__}` statement")
            continue
        if not targets_ok:
            found.append(f"{line}: assigns into a table or attribute")
        elif isinstance(_root(value), ast.Name) and _root(value).id in exercise:
            continue
        elif isinstance(value, ast.Call):
            problem = _call_problem(value, names, modules, exercise)
            if problem:
                found.append(f"{line}: {problem}")
        elif not _is_arithmetic(value) and not _is_value(value):
            found.append(f"{line}: `{ast.unparse(value)[:60]}` is code, not a value or a call")
    return found


def _notebook(source: Path):
    return jupytext.read(source)


def _main_track(source: Path) -> list[tuple[int, str]]:
    return [
        (index, cell.source)
        for index, cell in enumerate(_notebook(source).cells)
        if cell.cell_type == "code" and not build.is_advanced(cell)
    ]


def _exercise_aliases(names: dict[str, str]) -> set[str]:
    return {name for name, origin in names.items() if origin == "custseg.exercises"} - {"____"}


def _exercise_module(source: Path):
    cells = [code for _, code in _main_track(source)]
    for cell in cells:
        match = re.search(r"from custseg\.exercises import (\w+) as ex\b", cell)
        if match:
            return importlib.import_module(f"custseg.exercises.{match.group(1)}")
    pytest.fail(
        f"{source.name}: no `from custseg.exercises import <module> as ex` in the main track"
    )


def _questions(module) -> dict[str, ProblemView]:
    return {
        name: view
        for name, view in vars(module).items()
        if QUESTION.fullmatch(name) and isinstance(view, ProblemView)
    }


IDS = [s.stem for s in SOURCES]


# The detector itself, on good and bad snippets.

MODULES = frozenset({"ex", "custseg", "tables", "np"})
NAMES = {
    "ex": "custseg.exercises",
    "custseg": "custseg",
    "tables": "custseg.tables",
    "np": "numpy",
    "pd": "pandas",
    "rfm_table": "custseg.rfm",
    "count_rows": "custseg.tables",
    "rfm_cutoff_explorer": "custseg.widgets",
    "load_sample": "custseg.datasets",
    "average": "custseg.tables",
    "top": "custseg.tables",
    "promotion_roi": "custseg.promotion",
}
GOOD = [
    "from custseg.exercises import rfm as ex\nimport custseg",
    "ex.q1",
    "### BEGIN SOLUTION\nvip = 123\n### END SOLUTION\nex.q1.check()\n# ex.q1.hint()",
    "vip = ____  # 把 ____ 换成你的答案\nex.q2.check()",
    'choice = "重要价值客户"\nshare_answer = 0.25\nmonths = [1, 2, 3]\nnegative = -3',
    "rate = 120 / 480",
    "rfm = rfm_table(transactions=clean)",
    'near = count_rows(table=rfm, recency_at_most=30, segment=["甲", "乙"])',
    "near = count_rows(rfm, recency_at_most=30)",
    'vip_spend = average(rfm, "monetary", segment="重要价值客户")',
    "rfm = rfm_table(clean)",
    "rfm_cutoff_explorer(rfm)",
    "custseg.tables.readable(frame=rfm, digits=1)",
    "tables.readable(frame=rfm)",
    "orders = load_sample()",
    "rfm",
    "%matplotlib inline\nrfm = rfm_table(transactions=clean)",
    "print(report)",
    'ex.q3.check("B")',
]
BAD = [
    ('rfm.loc[rfm["recency"] < 30]', "`.loc`"),
    ("top = rfm.iloc[:10]", "`.iloc`"),
    ('orders.groupby("country")["amount"].sum()', "`groupby`"),
    ('rfm["m"].apply(lambda x: x * 2)', "`lambda`"),
    ("rfm.assign(x=1)", "`assign`"),
    ('np.where(rfm["recency"] > 30, "老", "新")', "`np.where`"),
    ('pd.qcut(rfm["monetary"], 5)', "`qcut`"),
    ('pd.cut(rfm["monetary"], bins=[0, 10])', "`cut(`"),
    ('orders.merge(customers, on="customer_id")', "`merge`"),
    ('orders.pivot_table(index="a", values="b")', "`pivot_table`"),
    ('orders.agg({"amount": "sum"})', "`agg`"),
    ("orders.invoice_date.dt.month", "`.dt.`"),
    ('orders.invoice_id.str.startswith("C")', "`.str.`"),
    ('rfm["monetary"].idxmax()', "`idxmax`"),
    ('rfm[rfm["recency"] > 30]', "boolean mask"),
    ("rfm[(rfm.r > 3) & (rfm.f > 2)]", "boolean mask"),
    ('rfm[rfm["segment"].isin(["甲"])]', "boolean mask"),
    ("def top_customers(df):\n    return df", "`def`"),
    ('orders["amount"].sum()', "method chain"),
    ("rfm.head()", "method call"),
    ("rfm.sort_values('monetary').head(3)", "method"),
]
BAD_SHAPES = [
    ("clean, report = clean_transactions(orders)", "not a custseg function"),
    ("roi = promotion_roi(customers, cost, margin)", "unnamed"),
    ('best = top(rfm, "monetary", 10)', "unnamed number"),
    ("table = pd.read_csv('x.csv')", "not a custseg function"),
    ("x = rfm_table(transactions=orders[orders.amount > 0])", "itself code"),
    ("for k in range(3):\n    print(k)", "`For` statement"),
    ('rfm["x"] = 1', "assigns into"),
    ("n = len(rfm)", "not a custseg function"),
    ('label = f"{n} 位"', "is code"),
    ("report.counts", "is code"),
]


@pytest.mark.parametrize("snippet", GOOD)
def test_the_detector_accepts_main_track_cells(snippet):
    assert forbidden_idioms(snippet, MODULES) == []
    assert statement_problems(snippet, NAMES, MODULES, {"ex"}) == []


@pytest.mark.parametrize(("snippet", "idiom"), BAD, ids=[b[1] + str(i) for i, b in enumerate(BAD)])
def test_the_detector_finds_each_forbidden_idiom(snippet, idiom):
    found = forbidden_idioms(snippet, MODULES)
    assert any(idiom in text for text in found), found


@pytest.mark.parametrize(("snippet", "reason"), BAD_SHAPES)
def test_the_detector_finds_cells_that_are_not_plain_calls_or_values(snippet, reason):
    names = {**NAMES, "clean_transactions": "pandas"} if "clean_transactions" in snippet else NAMES
    found = statement_problems(snippet, names, MODULES, {"ex"})
    assert any(reason in text for text in found), found


def test_the_detector_finds_what_is_only_in_a_solution_block():
    cell = "### BEGIN SOLUTION\nvip = rfm.loc[rfm.segment == '甲'].shape[0]\n### END SOLUTION"
    assert forbidden_idioms(cell, MODULES)
    assert statement_problems(cell, NAMES, MODULES, {"ex"})


def test_imports_tell_modules_from_functions():
    names, modules = imported_names(
        [
            "import custseg\nimport numpy as np\nfrom custseg.exercises import rfm as ex\n"
            "from custseg.rfm import rfm_table\nfrom custseg import tables"
        ]
    )
    assert {"custseg", "np", "ex", "tables"} <= modules and "rfm_table" not in modules
    assert names["rfm_table"] == "custseg.rfm" and names["ex"] == "custseg.exercises"


# The rules every module's main track keeps.


@pytest.mark.parametrize("source", SOURCES, ids=IDS)
def test_main_track_uses_no_pandas_or_numpy_idiom(source):
    cells = _main_track(source)
    names, modules = imported_names([code for _, code in cells])
    found = [
        f"cell {index}: {problem}"
        for index, code in cells
        for problem in forbidden_idioms(code, modules)
    ]
    assert found == [], f"{source.name}: main-track cells use code idioms (tag them advanced)"


@pytest.mark.parametrize("source", SOURCES, ids=IDS)
def test_main_track_cells_are_plain_calls_values_and_questions(source):
    """The set-up cell at the top (imports, loading the data) is only checked for idioms."""
    cells = _main_track(source)
    names, modules = imported_names([code for _, code in cells])
    exercise = _exercise_aliases(names)
    found = [
        f"cell {index}: {problem}"
        for index, code in cells[1:]
        for problem in statement_problems(code, names, modules, exercise)
    ]
    assert found == [], f"{source.name}: main-track cells a non-programmer cannot run as is"


def advanced_dependencies(cells: list[tuple[bool, str]]) -> list[str]:
    """Names main-track cells read that only an earlier advanced cell assigned.

    ``cells`` are (is advanced, code) in notebook order.
    """
    only_advanced: set[str] = set()
    found = []
    for index, (advanced, code) in enumerate(cells):
        try:
            assigned, read = build._names(_code(code))
        except SyntaxError:
            continue
        if advanced:
            only_advanced |= assigned
        else:
            found += [f"cell {index}: `{name}`" for name in sorted(read & only_advanced)]
            only_advanced -= assigned
    return found


def test_the_dependency_detector_follows_the_order_of_cells():
    cells = [
        (False, "rfm = rfm_table(transactions=clean)"),
        (True, 'top = rfm.sort_values("monetary").head(3)\nrfm = rfm.round(1)'),
        (False, "top_table = readable(frame=top)"),
        (False, "rfm = rfm_table(transactions=clean)"),
        (False, "readable(frame=rfm)"),
    ]
    assert advanced_dependencies(cells) == ["cell 2: `top`"]


@pytest.mark.parametrize("source", SOURCES, ids=IDS)
def test_main_track_does_not_depend_on_advanced_cells(source):
    cells = [
        (build.is_advanced(c), c.source) for c in _notebook(source).cells if c.cell_type == "code"
    ]
    assert advanced_dependencies(cells) == [], f"{source.name}: main track reads advanced results"


@pytest.mark.parametrize("source", SOURCES, ids=IDS)
def test_module_has_enough_questions_mostly_judgment(source):
    questions = _questions(_exercise_module(source))
    needed = 4 if source.stem.startswith("00_") else 6
    assert len(questions) >= needed, f"{source.name}: {len(questions)} questions, need {needed}"
    judgment = [n for n, v in questions.items() if v.problem.kind in JUDGMENT_KINDS]
    assert 2 * len(judgment) >= len(questions), (
        f"{source.name}: only {judgment} of {sorted(questions)} are judgment/decision/prediction"
    )


@pytest.mark.parametrize("source", SOURCES, ids=IDS)
def test_every_question_is_shown_and_checked_with_hint_and_solution_beside_it(source):
    questions = _questions(_exercise_module(source))
    cells = [code for _, code in _main_track(source)]
    missing = []
    for name in sorted(questions, key=lambda n: int(n[1:])):
        call = rf"ex\.{name}\."
        if not any(cell.strip() == f"ex.{name}" for cell in cells):
            missing.append(f"ex.{name} (a cell showing the question)")
        beside = [
            cell
            for cell in cells
            if re.search(rf"^{call}check\(\)", cell, re.MULTILINE)
            and re.search(rf"^#\s*{call}hint\(\)", cell, re.MULTILINE)
            and re.search(rf"^#\s*{call}solution\(\)", cell, re.MULTILINE)
        ]
        if not beside:
            missing.append(f"ex.{name}.check() with # ex.{name}.hint() and # ex.{name}.solution()")
    assert missing == [], f"{source.name}: missing {missing}"


@pytest.mark.parametrize("source", SOURCES, ids=IDS)
def test_first_markdown_cell_links_the_glossary(source):
    first = next(c for c in _notebook(source).cells if c.cell_type == "markdown")
    assert "](glossary.ipynb)" in first.source, f"{source.name}: no link to glossary.ipynb"


# Every checker, right, wrong and misconception answers: the properties all questions share are
# checked here for every question of every module; tests/exercises/test_<module>.py checks what
# only the data or the module can tell (answers recomputed from the data, synonyms the module
# accepts, the content of its misconception messages).

LETTERS = "ABCDEFGHIJ"
FULL_WIDTH_A = "Ａ"


def _hint_ending(name: str) -> str:
    return f"运行 `ex.{name}.hint()` 看提示。"


def _as_learner(view: ProblemView, module, answer: object) -> Feedback:
    """The feedback ``ex.qN.check()`` shows for ``answer`` in a notebook importing ``module`` as ex."""
    return view.evaluate(answer, {"ex": module})


def _not_told_wrong(name: str, feedback: Feedback, message: str = "") -> list[str]:
    """What is amiss with the feedback on a wrong answer: it must be wrong, start with
    ``message``, say 不对 at most once and end with the question's hint call."""
    if feedback.outcome is not Outcome.WRONG:
        return [f"is {feedback.outcome.value}, not wrong"]
    amiss = []
    if not feedback.message.startswith(message):
        amiss.append("does not show its own message first")
    if not feedback.message.endswith(_hint_ending(name)):
        amiss.append(f"gets no `ex.{name}.hint()` at the end")
    if feedback.message.count("不对") > 1:
        amiss.append("is told 不对 twice")
    return amiss


def _right_answers(problem) -> list[object]:
    """The answer, every accepted synonym and, for a choice, its letter in every case and
    width, the text with spaces around it and "B. text"."""
    right = [problem.expected_value, *problem.accept]
    if problem.choices and problem.expected_value in problem.choices:
        index = list(problem.choices).index(problem.expected_value)
        letter = LETTERS[index]
        right += [
            letter,
            letter.lower(),
            chr(ord(FULL_WIDTH_A) + index),
            f" {problem.expected_value} ",
            f"{letter}. {problem.expected_value}",
        ]
    return right


def _wrong_answers(problem) -> list[object]:
    """Answers no question may count right: every other choice (text and letter) and a word
    that is no choice; a number far off and, for an exact whole number, one more and one
    less; a text that is not the answer; a set with one item swapped."""
    expected = problem.expected_value
    if problem.choices:
        others = [c for c in problem.choices if c != expected]
        return [*others, *(LETTERS[list(problem.choices).index(c)] for c in others), "不知道"]
    if isinstance(expected, bool):
        return [not expected]
    if isinstance(expected, int | float | np.number):
        wrong = [expected * 10 + 7]
        if isinstance(expected, int | np.integer) and problem.compare is compare_answers:
            wrong += [expected - 1, expected + 1]
        return wrong
    if isinstance(expected, str):
        return ["不知道", f"{expected}0"]
    if isinstance(expected, set | frozenset):
        return [set(sorted(expected)[1:]) | {"不存在"}]
    return []


@pytest.mark.parametrize("source", SOURCES, ids=IDS)
def test_every_question_has_hints_a_solution_an_explanation_and_a_kind(source):
    problems = [
        f"{name}: no {what}"
        for name, view in sorted(_questions(_exercise_module(source)).items())
        for what, present in (
            ("hint", view.problem.hints),
            ("solution", view.problem.solution),
            ("explanation to show after a right answer", view.problem.explanation),
            ("known kind", view.problem.kind in KINDS),
        )
        if not present
    ]
    assert problems == [], f"{source.name}: {problems}"


@pytest.mark.parametrize("source", SOURCES, ids=IDS)
def test_every_question_counts_its_answer_synonyms_and_letter_right_and_explains_why(source):
    module = _exercise_module(source)
    problems = []
    for name, view in sorted(_questions(module).items()):
        problem = view.problem
        if problem.choices and problem.expected_value not in problem.choices:
            problems.append(f"{name}: the answer {problem.expected_value!r} is not a choice")
        for answer in _right_answers(problem):
            feedback = _as_learner(view, module, answer)
            if not feedback.correct:
                problems.append(f"{name}: {answer!r} is not counted right")
            elif problem.explanation not in feedback.message:
                problems.append(f"{name}: {answer!r} is right but the explanation is not shown")
    assert problems == [], f"{source.name}: {problems}"


@pytest.mark.parametrize("source", SOURCES, ids=IDS)
def test_a_blank_is_not_attempted_and_a_wrong_answer_is_wrong_and_says_where_the_hint_is(source):
    module = _exercise_module(source)
    problems = []
    for name, view in sorted(_questions(module).items()):
        blank = _as_learner(view, module, ____)
        if blank.outcome is not Outcome.NOT_ATTEMPTED:
            problems.append(f"{name}: ____ is {blank.outcome.value}, not 'not attempted'")
        wrong = _wrong_answers(view.problem)
        if not wrong:
            problems.append(f"{name}: no wrong answer known for {view.problem.expected_value!r}")
        problems += [
            f"{name}: {answer!r} {amiss}"
            for answer in wrong
            for amiss in _not_told_wrong(name, _as_learner(view, module, answer))
        ]
    assert problems == [], f"{source.name}: {problems}"


@pytest.mark.parametrize("source", SOURCES, ids=IDS)
def test_every_misconception_is_wrong_and_gets_its_own_message(source):
    """Each listed wrong answer (a question lists at least one, unless its own compare names
    the mistakes) is wrong, its message comes first (not shadowed by another's, nor prefixed
    with 不对), and the hint call ends it; it is never the right answer."""
    module = _exercise_module(source)
    problems = []
    for name, view in sorted(_questions(module).items()):
        problem = view.problem
        own_compare = problem.compare is not compare_answers and not getattr(
            problem.compare, "generic", False
        )
        if not problem.misconceptions and not own_compare:
            problems.append(f"{name}: lists no likely wrong answer")
        problems += [
            f"{name}: misconception {item.value()!r} {amiss}"
            for item in problem.misconceptions
            for amiss in _not_told_wrong(
                name, _as_learner(view, module, item.value()), item.message.strip()
            )
        ]
    assert problems == [], f"{source.name}: {problems}"


def _free_names(code: str) -> set[str]:
    """Names ``code`` reads that it neither assigns nor imports (nor are built in)."""
    tree = ast.parse(code)
    bound = set(dir(builtins))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            bound |= {alias.asname or alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            bound.add(node.id)
    read = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)}
    return read - bound


@pytest.mark.parametrize("source", SOURCES, ids=IDS)
def test_every_reference_solution_gives_a_right_answer_or_says_where_to_read_it(source):
    """A solution that runs on its own gives a right answer; one that goes on from the
    notebook's tables uses only names the main track defines; one that reads the value off a
    table or a widget (``answer = ...``) says where, in a comment on that line."""
    module = _exercise_module(source)
    cells = [code for _, code in _main_track(source)]
    defined = set(imported_names(cells)[0])
    for code in cells:
        defined |= build._names(_code(code))[0]
    problems = []
    for name, view in sorted(_questions(module).items()):
        problem = view.problem
        unknown = _free_names(problem.solution) - defined
        if unknown:
            problems.append(f"{name}: the solution reads {sorted(unknown)}, not in the notebook")
            continue
        if _free_names(problem.solution):
            continue  # it goes on from the notebook's tables: the notebook tests run it
        namespace: dict = {}
        exec(problem.solution, namespace)
        answer = namespace.get(problem.name)
        if answer is Ellipsis:
            line = next(
                (s for s in problem.solution.splitlines() if s.startswith(problem.name)), ""
            )
            if "#" not in line:
                problems.append(f"{name}: the solution leaves `...` without saying where to read")
        elif not _as_learner(view, module, answer).correct:
            problems.append(f"{name}: the solution's {problem.name} = {answer!r} is not right")
    assert problems == [], f"{source.name}: {problems}"


@pytest.mark.parametrize("source", SOURCES, ids=IDS)
def test_every_question_has_checker_tests(source):
    module = _exercise_module(source)
    short = module.__name__.rsplit(".", 1)[-1]
    tests = TESTS / "exercises" / f"test_{short}.py"
    assert tests.exists(), f"{source.name}: no tests/exercises/test_{short}.py"
    text = tests.read_text(encoding="utf-8")
    untested = [name for name in _questions(module) if not re.search(rf"\b{name}\b", text)]
    assert untested == [], f"{tests.name} never mentions {untested}"
