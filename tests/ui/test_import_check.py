"""PySide6's after-import check, made cheap, gives PySide6's own answer."""

from __future__ import annotations

import sys
import types

import ui.app  # noqa: F401  (installs the check, as starting the app does)
from ui import import_check


def installed_check():
    return sys.modules["shibokensupport.feature"]._mod_uses_pyside


def test_starting_the_app_installs_the_cheaper_check():
    assert isinstance(installed_check(), import_check._Check)


def test_the_cheaper_check_answers_as_pysides_own_for_every_loaded_module():
    check = installed_check()
    modules = [m for m in list(sys.modules.values()) if isinstance(m, types.ModuleType)]

    differing = [m.__name__ for m in modules if check(m) != check.upstream(m)]

    assert differing == []
    assert check(sys.modules["ui.main_window"]) is True  # a module that uses PySide6
    assert check(sys.modules["planner.plan"]) is False  # one that does not


def test_a_module_without_a_source_file_gets_pysides_own_answer():
    asked = []
    module = types.ModuleType("made_up")  # no __file__

    answer = import_check.uses_pyside(module, lambda m: asked.append(m) or False)

    assert (answer, asked) == (False, [module])


def test_a_pyside6_without_the_check_is_left_alone(monkeypatch):
    monkeypatch.setitem(sys.modules, "shibokensupport.feature", types.ModuleType("feature"))

    assert import_check.install() is False
    assert not hasattr(sys.modules["shibokensupport.feature"], "_mod_uses_pyside")
