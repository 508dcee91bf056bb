"""House rules that keep the layers apart and the code tidy."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_importing_the_core_loads_no_qt():
    code = (
        "import sys, planner, planner.analysis, planner.checks, planner.cli, planner.demo; "
        "print(sorted(m for m in sys.modules if m.startswith('PySide6') or m == 'ui'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_importing_the_core_loads_no_numpy_pandas_matplotlib_or_openpyxl():
    # The workbook and the command line load openpyxl and matplotlib when they run, not
    # when imported: a quarter and half a second of the app's start. numpy comes with the
    # charts and the big-plan value cache, not with sqlite-utils (planner/storage/database.py).
    code = (
        "import sys, planner, planner.analysis, planner.checks, planner.cli.main, "
        "planner.workbook.export, planner.workbook.importing, planner.workbook.files; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'numpy', 'pandas', 'matplotlib', 'openpyxl'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_core_never_imports_qt_or_the_ui():
    pattern = re.compile(r"^\s*(from|import)\s+(PySide6|ui)\b", re.MULTILINE)
    offenders = [p for p in (ROOT / "planner").rglob("*.py") if pattern.search(p.read_text())]
    assert offenders == []


def test_sqlite_utils_is_imported_in_one_place():
    pattern = re.compile(r"^\s*(from|import)\s+sqlite_utils\b", re.MULTILINE)
    importers = [p for p in (ROOT / "planner").rglob("*.py") if pattern.search(p.read_text())]
    assert importers == [ROOT / "planner" / "storage" / "database.py"]


def test_the_ui_runs_no_sql():
    pattern = re.compile(r"^\s*(from|import)\s+(sqlite3|sqlite_utils)\b|\.execute\(", re.MULTILINE)
    offenders = [p for p in (ROOT / "ui").rglob("*.py") if pattern.search(p.read_text())]
    assert offenders == []


def test_the_code_passes_ruff_check():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "."], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout


def test_the_code_is_ruff_formatted():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout


def test_no_ui_file_grows_into_a_god_object():
    """The main window wires pages together; each page keeps its models and edits apart."""
    limit = 450
    sizes = {
        p.relative_to(ROOT): len(p.read_text().splitlines()) for p in (ROOT / "ui").rglob("*.py")
    }
    assert {p: n for p, n in sizes.items() if n > limit} == {}


def _module_imports(path: Path) -> set[str]:
    """The planner modules ``path`` imports, at its top or inside a function (a deferred
    import is still a dependency), but not under ``if TYPE_CHECKING:``; a ``from package
    import name`` counts as an import of ``package.name`` when that is a module."""
    import ast

    def is_module(name: str) -> bool:
        base = ROOT.joinpath(*name.split("."))
        return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()

    found: set[str] = set()
    tree = ast.parse(path.read_text())
    typing_only = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for inner in ast.walk(node)
    }
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                found.add(submodule if is_module(submodule) else node.module)
    return {name for name in found if name == "planner" or name.startswith("planner.")}


def test_no_module_of_the_core_imports_itself_through_others():
    modules = {}
    for path in (ROOT / "planner").rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = _module_imports(path)
    cycles = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for imported in sorted(modules.get(name, ())):
            if state.get(imported) == 1:
                cycles.append(" -> ".join([*path[path.index(imported) :], imported]))
            elif imported not in state:
                visit(imported, [*path, imported])
        state[name] = 2

    for name in sorted(modules):
        if name not in state:
            visit(name, [name])
    assert cycles == []
