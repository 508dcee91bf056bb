"""The bundle's cut of Qt's ICU data (build.spec, slim_icu_data): which items it keeps, and
that Qt sorts and maps case with the cut library as it does with the whole one."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SPEC_NAMES = ("ICU_LOCALE_ITEM", "ICU_TOOLS", "icu_item_kept", "slim_icu_data")

# Sorting in several locales (Swedish puts ä and ö after z), German and Turkish case mapping.
PROBE = """
from PySide6.QtCore import QCollator, QCoreApplication, QLocale
app = QCoreApplication([])
words = ["Zebra", "äpfel", "Öl", "apple", "Éclair", "zulu"]
for name in ("en_US", "de_DE", "sv_SE", "tr_TR", "ja_JP"):
    locale = QLocale(name)
    print(name, sorted(words, key=QCollator(locale).sortKey), locale.toUpper("straße i"),
          locale.toLower("İI"))
print("icu data:", next(line.split()[-1] for line in open("/proc/self/maps") if "libicudata" in line))
"""


def spec_functions(workpath: Path | None = None) -> dict:
    """The ICU part of build.spec, run on its own (the rest of the spec needs PyInstaller)."""
    import functools

    tree = ast.parse((ROOT / "build.spec").read_text(encoding="utf-8"))
    wanted = [
        node
        for node in tree.body
        if (isinstance(node, ast.FunctionDef) and node.name in SPEC_NAMES)
        or (isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") in SPEC_NAMES)
    ]
    namespace = {
        "functools": functools,
        "re": re,
        "shutil": shutil,
        "subprocess": subprocess,
        "sys": sys,
        "Path": Path,
        "workpath": str(workpath),
    }
    exec(compile(ast.Module(wanted, type_ignores=[]), "build.spec", "exec"), namespace)
    return namespace


@pytest.mark.parametrize(
    "item",
    [
        "coll/de.res",  # every locale's collation: the file dialog sorts in the user's
        "coll/ucadata.icu",
        "root.res",
        "en.res",
        "en_GB.res",
        "curr/en_AU.res",
        "res_index.res",
        "lang/res_index.res",
        "supplementalData.res",
        "zone/tzdbNames.res",
        "uts46.nrm",
        "brkitr/word.brk",
    ],
)
def test_the_bundle_keeps_collation_english_and_the_tables_that_are_no_locales(item):
    assert spec_functions()["icu_item_kept"](item)


@pytest.mark.parametrize(
    "item",
    [
        "de.res",
        "zh_Hant_TW.res",
        "lang/fr.res",
        "curr/fr_CA.res",
        "zone/ja.res",
        "unit/sv.res",
        "ibm-5348_P100-1997.cnv",
        "brkitr/cjdict.dict",
        "translit/root.res",
    ],
)
def test_the_bundle_leaves_out_other_locales_converters_dictionaries_and_transliterators(item):
    assert not spec_functions()["icu_item_kept"](item)


def qt_icu_data() -> tuple[str, Path]:
    import PySide6

    (library,) = (Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*")
    return library.name, library


@pytest.mark.skipif(sys.platform != "linux", reason="Qt links its own ICU on Linux only")
def test_qt_sorts_and_maps_case_alike_with_the_cut_data(tmp_path):
    functions = spec_functions(tmp_path / "build")
    missing = [tool for tool in functions["ICU_TOOLS"] if not shutil.which(tool)]
    assert not missing, f"install binutils and icu-devtools: {missing} not found"
    name, whole = qt_icu_data()
    entries = [("PySide6/Qt/lib/" + name, str(whole), "BINARY"), ("other.so", "x", "BINARY")]

    (slimmed, other) = functions["slim_icu_data"](entries)

    cut = Path(slimmed[1])
    assert other == entries[1] and slimmed[0] == entries[0][0]
    assert cut.name == name and cut.stat().st_size < whole.stat().st_size / 3

    def probe(library_folder: Path | None) -> tuple[str, str]:
        """What Qt printed, and the ICU data library it loaded."""
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
        if library_folder is not None:  # searched before the run path Qt's libraries carry
            env["LD_LIBRARY_PATH"] = str(library_folder)
        done = subprocess.run(
            [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True
        )
        printed, _, loaded = (done.stdout + done.stderr).rpartition("icu data: ")
        return printed, loaded.strip()

    with_cut, cut_loaded = probe(cut.parent)
    whole_printed, whole_loaded = probe(None)
    assert (Path(cut_loaded), Path(whole_loaded)) == (cut, whole.resolve())
    assert with_cut == whole_printed
    assert "sv_SE ['apple', 'Éclair', 'Zebra', 'zulu', 'äpfel', 'Öl']" in with_cut
