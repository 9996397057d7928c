"""The layout docs/ARCHITECTURE.md describes: every module it names exists, and its rules hold."""
import ast
import importlib
import itertools
import re

import pytest

from .helpers import ROOT

PACKAGE = ROOT / "quizapp"
ARCHITECTURE = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
VIEW_MODULES = ["quizapp.auth.views", "quizapp.study.views", "quizapp.teacher.results", "quizapp.teacher.bank",
                "quizapp.teacher.review", "quizapp.teacher.exchange"]
SQL = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE)\b|\.execute\(|\bquery(_one)?\(")


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def expand_braces(text):
    """`a/{b,c}.py` -> [`a/b.py`, `a/c.py`]."""
    match = re.search(r"\{([^}]*)\}", text)
    if not match:
        return [text]
    return [expanded for choice in match.group(1).split(",")
            for expanded in expand_braces(text[: match.start()] + choice + text[match.end():])]


def named_paths():
    return sorted({path for token in re.findall(r"(?:quizapp|questions)/[\w/{},.]*\w", ARCHITECTURE)
                   for path in expand_braces(token)})


def test_every_stage_of_the_generator_is_described():
    described = set(named_paths())
    modules = {f"questions/{path.name}" for path in (ROOT / "questions").glob("*.py") if path.name != "__init__.py"}
    assert modules - described <= {"questions/textnorm.py", "questions/fit_ranker.py",
                                      "questions/fit_calibration.py", "questions/fit_validation.py"}


def test_every_path_the_architecture_names_exists():
    paths = named_paths()
    assert len(paths) > 20
    missing = [path for path in paths if not (ROOT / path).exists()]
    assert missing == []


def test_every_function_the_architecture_names_exists():
    short_names = {name.rsplit(".", 1)[-1]: name for name in MODULES}
    checked = 0
    for token in re.findall(r"`([a-z_]+(?:\.[a-z_]+)+)`", ARCHITECTURE):
        *module, attribute = token.split(".")
        if attribute in ("py", "md"):
            continue
        if module[0] not in short_names and module[0] not in ("study", "teacher", "auth"):
            continue
        candidates = [name for name in MODULES if name.endswith("." + ".".join(module))]
        assert candidates, token
        assert any(hasattr(importlib.import_module(name), attribute) for name in candidates), token
        checked += 1
    assert checked >= 8


def test_every_module_is_named_in_the_architecture():
    named = {module_name(ROOT / path) for path in named_paths() if path.endswith(".py")}
    named |= {name for name in MODULES if name.count(".") == 1 and f"quizapp/{name.split('.')[1]}/" in ARCHITECTURE}
    assert sorted(set(MODULES) - named) == []


def imports_of(name):
    """The quizapp modules `name` imports, anywhere in its body (function-level imports included)."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([node.module] if node.module else []))
            submodules = {f"{base}.{alias.name}" for alias in node.names} & set(MODULES)
            found |= submodules
            if len(submodules) < len(node.names):  # names defined in `base` itself
                found.add(base)
    return {module for module in found if module in MODULES and module != name}


def test_no_import_loop():
    graph = {name: imports_of(name) for name in MODULES}
    state = {}

    def visit(name, trail):
        if state.get(name) == "done":
            return
        assert state.get(name) != "open", " -> ".join(trail + [name])
        state[name] = "open"
        for imported in graph[name]:
            visit(imported, trail + [name])
        state[name] = "done"

    for name in graph:
        visit(name, [])


@pytest.mark.parametrize("view", VIEW_MODULES)
def test_views_hold_no_sql_and_import_no_other_view(view):
    source = MODULES[view].read_text(encoding="utf-8")
    assert not SQL.search(source), SQL.search(source).group(0)
    assert imports_of(view) & set(VIEW_MODULES) == set()


@pytest.mark.parametrize("pure", ["quizapp.scheduling", "quizapp.grading", "quizapp.clock", "quizapp.paging"])
def test_pure_modules_use_neither_flask_nor_the_database(pure):
    source = MODULES[pure].read_text(encoding="utf-8")
    assert "flask" not in source and "sqlite" not in source and not SQL.search(source)


def test_no_module_is_over_400_lines():
    sizes = {name: len(path.read_text(encoding="utf-8").splitlines()) for name, path in MODULES.items()}
    assert {name: size for name, size in sizes.items() if size > 400} == {}


def test_every_write_goes_through_the_write_helper():
    for name, path in MODULES.items():
        source = path.read_text(encoding="utf-8")
        assert ".atomic(" not in source, name
        if name == "quizapp.schema":  # each migration step runs in the transaction sqlite-utils opens for it
            assert "write_transaction(" not in source and "migrations.apply(db)" in source
            continue
        if re.search(r'"(INSERT|UPDATE|DELETE) ', source):
            assert "write_transaction(" in source, name


def test_the_readme_configuration_table_is_one_table():
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    start = lines.index("| variable | meaning | default |")
    table = list(itertools.takewhile(lambda line: line.startswith("|"), lines[start:]))
    for variable in ("QUIZAPP_DATABASE", "QUIZAPP_SECRET_KEY", "QUIZAPP_CONFIG"):
        assert any(f"`{variable}`" in row for row in table), variable


def test_a_test_app_reads_no_config_from_the_checkout(app, tmp_path):
    """The checkout's instance/config.py (a developer's own settings) never reaches a test."""
    assert app.instance_path == str(tmp_path / "instance")
    assert not app.instance_path.startswith(str(ROOT / "instance"))
