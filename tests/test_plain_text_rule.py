"""The rule that text from a file reaches Qt as plain text has one owner, ``ui/plain_text.py``.

Qt reads text that looks like HTML as HTML in labels, message boxes and tooltips, so ``ui/``
makes those only through that module's helpers. This test reads the code of ``ui/`` and
fails, naming the file and line, where a new one is made any other way."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OWNER = ROOT / "ui" / "plain_text.py"
# Functions whose result is text made safe for a rich-text reader: escaped by the owner.
SAFE_MAKERS = {"plain_tooltip", "rich", "tip_html"}  # tip_html builds with rich()
# Static QMessageBox functions read their text as rich text; `about` is allowed with rich().
_MESSAGE_BOX_STATICS = {"about", "warning", "information", "question", "critical"}


def _ui_trees() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted((ROOT / "ui").rglob("*.py")):
        if path != OWNER:
            yield str(path.relative_to(ROOT)), ast.parse(path.read_text(), str(path))


def _name(node: ast.AST) -> str:
    """``QLabel`` for ``QLabel(...)``, ``setToolTip`` for ``x.setToolTip(...)``."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _literal(node: ast.AST) -> bool:
    """A string written in the code (or a choice between two), never text from a file."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) or node.value is None
    if isinstance(node, ast.IfExp):
        return _literal(node.body) and _literal(node.orelse)
    return False


def _safe(node: ast.AST) -> bool:
    if _literal(node):
        return True
    if isinstance(node, ast.Call):
        return _name(node.func) in SAFE_MAKERS
    if isinstance(node, ast.IfExp):
        return _safe(node.body) and _safe(node.orelse)
    if isinstance(node, ast.BoolOp):
        return all(_safe(value) for value in node.values)
    return False


def _calls(tree: ast.Module) -> Iterator[ast.Call]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            yield node


def _offenders(check) -> list[str]:
    found = []
    for where, tree in _ui_trees():
        found += [f"{where}:{node.lineno}" for node in check(tree)]
    return found


def test_labels_are_made_by_the_plain_text_helpers():
    def check(tree: ast.Module) -> Iterator[ast.AST]:
        return (call for call in _calls(tree) if _name(call.func) == "QLabel")

    assert _offenders(check) == [], "use plain_label() or rich_label() from ui/plain_text.py"


def test_no_text_format_is_set_outside_the_plain_text_module():
    def check(tree: ast.Module) -> Iterator[ast.AST]:
        return (call for call in _calls(tree) if _name(call.func) in {"setTextFormat", "setHtml"})

    assert _offenders(check) == [], "make_plain(), plain_label() or rich_label() set it"


def test_message_boxes_are_made_by_the_plain_text_helper():
    def check(tree: ast.Module) -> Iterator[ast.AST]:
        for call in _calls(tree):
            func = call.func
            made = isinstance(func, ast.Name) and func.id == "QMessageBox"
            static = (
                isinstance(func, ast.Attribute)
                and _name(func.value) == "QMessageBox"
                and func.attr in _MESSAGE_BOX_STATICS
                and not (func.attr == "about" and len(call.args) == 3 and _safe(call.args[2]))
            )
            if made or static:
                yield call

    assert _offenders(check) == [], "use message_box() from ui/plain_text.py"


def test_tooltips_are_literals_or_made_plain():
    def check(tree: ast.Module) -> Iterator[ast.AST]:
        for call in _calls(tree):
            if _name(call.func) == "setToolTip" and not _safe(call.args[0]):
                yield call

    assert _offenders(check) == [], "wrap the text in plain_tooltip()"


def test_tooltips_shown_by_hand_are_made_plain():
    def check(tree: ast.Module) -> Iterator[ast.AST]:
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef):
                continue
            made_safe = {
                target.id
                for node in ast.walk(function)
                if isinstance(node, ast.Assign) and _safe(node.value)
                for target in node.targets
                if isinstance(target, ast.Name)
            }
            for call in _calls(function):  # type: ignore[arg-type]
                if _name(call.func) == "showText" and _name(call.func.value) == "QToolTip":
                    text = call.args[1]
                    if not (_safe(text) or (isinstance(text, ast.Name) and text.id in made_safe)):
                        yield call

    assert _offenders(check) == [], "wrap the text in plain_tooltip()"


def test_models_return_tooltips_made_plain():
    def mentions_tooltip_role(test: ast.AST) -> bool:
        return any(_name(node) == "ToolTipRole" for node in ast.walk(test))

    def returns(body: list[ast.stmt]) -> Iterator[ast.Return]:
        for statement in body:
            for node in ast.walk(statement):
                if isinstance(node, ast.Return) and node.value is not None:
                    yield node

    def check(tree: ast.Module) -> Iterator[ast.AST]:
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and mentions_tooltip_role(node.test):
                for returned in returns(node.body):
                    value = returned.value
                    assert value is not None
                    # A branch that serves the accessible text too picks by role itself.
                    if isinstance(value, ast.IfExp) and mentions_tooltip_role(value.test):
                        value = value.body
                    if not _safe(value):
                        yield returned

    assert _offenders(check) == [], "return plain_tooltip(text) for ToolTipRole"


def test_window_titles_are_literals_or_made_plain():
    def fixed(node: ast.AST) -> bool:
        """A title of our own words and the app's name only."""
        if isinstance(node, ast.JoinedStr):
            return all(
                isinstance(part, ast.Constant)
                or (isinstance(part.value, ast.Name) and part.value.id == "APP_NAME")
                for part in node.values
            )
        return isinstance(node, ast.Name) and node.id == "APP_NAME"

    def check(tree: ast.Module) -> Iterator[ast.AST]:
        for call in _calls(tree):
            if _name(call.func) == "setWindowTitle":
                title = call.args[0]
                if not (
                    _literal(title)
                    or fixed(title)
                    or (isinstance(title, ast.Call) and _name(title.func) == "window_title")
                ):
                    yield call

    assert _offenders(check) == [], "wrap the title in window_title()"
