"""`smarketing --install-desktop-entry`: the desktop entry, the .smplan MIME type and the icons
go under the user's data folder, the entry starting the program that installed it, and the
shared MIME database then knows a plan by its name and by its content."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from planner.version import APPLICATION_ID, PLAN_SUFFIX
from ui import desktop_entry
from ui.launch import main

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "resources" / "desktop"
MIME = "{http://www.freedesktop.org/standards/shared-mime-info}"


def entry_of(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def mime_type() -> ET.Element:
    return ET.parse(SHIPPED / desktop_entry.MIME_PACKAGE).getroot().find(f"{MIME}mime-type")


def test_the_entry_opens_plans_of_the_type_the_mime_package_declares():
    entry = entry_of(SHIPPED / desktop_entry.ENTRY)
    declared = mime_type()

    assert entry["MimeType"] == f"{declared.get('type')};"
    assert entry["Exec"].endswith(" %f")
    assert entry["Icon"] == desktop_entry.APP_ICON
    assert declared.find(f"{MIME}icon").get("name") == desktop_entry.TYPE_ICON


def test_the_mime_type_knows_a_plan_by_its_suffix_and_its_application_id():
    declared = mime_type()
    outer = declared.find(f"{MIME}magic/{MIME}match")
    inner = outer.find(f"{MIME}match")

    assert declared.find(f"{MIME}glob").get("pattern") == f"*{PLAN_SUFFIX}"
    assert (outer.get("offset"), outer.get("value")) == ("0", "SQLite format 3")
    assert (inner.get("type"), inner.get("offset")) == ("big32", "68")
    assert int(inner.get("value"), 16) == APPLICATION_ID


def test_installing_writes_the_entry_the_type_and_both_icons(tmp_path):
    written = desktop_entry.install(tmp_path, "/opt/smarketing/smarketing")

    assert sorted(p.relative_to(tmp_path).as_posix() for p in written) == [
        "applications/smarketing-planner.desktop",
        "icons/hicolor/256x256/apps/smarketing-planner.png",
        "icons/hicolor/256x256/mimetypes/application-x-smarketing-plan.png",
        "mime/packages/smarketing-planner.xml",
    ]
    entry = entry_of(tmp_path / "applications" / desktop_entry.ENTRY)
    assert entry["Exec"] == "/opt/smarketing/smarketing %f"
    assert entry["TryExec"] == "/opt/smarketing/smarketing"


def test_a_program_path_with_spaces_is_quoted_as_the_spec_says(tmp_path):
    desktop_entry.install(tmp_path, '/home/a b/bin/"smarketing"')

    entry = entry_of(tmp_path / "applications" / desktop_entry.ENTRY)
    assert entry["Exec"] == '"/home/a b/bin/\\"smarketing\\"" %f'


@pytest.mark.skipif(not shutil.which("update-mime-database"), reason="no shared-mime-info")
def test_the_mime_database_then_knows_a_plan_file_by_name_and_content(tmp_path):
    desktop_entry.install(tmp_path, "smarketing")

    subprocess.run(["update-mime-database", str(tmp_path / "mime")], check=True)

    globs = (tmp_path / "mime" / "globs2").read_text()
    assert "application/x-smarketing-plan:*.smplan" in globs
    assert (tmp_path / "mime" / "application" / "x-smarketing-plan.xml").is_file()
    assert "application/x-smarketing-plan" in (tmp_path / "mime" / "magic").read_bytes().decode(
        "latin-1"
    )


def test_the_command_installs_for_this_user_and_lists_what_it_wrote(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.setattr(desktop_entry, "refresh_caches", lambda home: ["update-mime-database"])

    assert main(["--install-desktop-entry"]) == 0

    out = capsys.readouterr().out
    assert f"wrote {tmp_path / 'applications' / desktop_entry.ENTRY}" in out
    assert (tmp_path / "mime" / "packages" / desktop_entry.MIME_PACKAGE).is_file()


def test_a_data_folder_that_cannot_be_written_is_one_line(tmp_path, monkeypatch, capsys):
    blocked = tmp_path / "file"
    blocked.write_text("")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocked))

    assert main(["--install-desktop-entry"]) == 1

    error = capsys.readouterr().err
    assert error.startswith("smarketing: cannot install the desktop entry:")
    assert error.count("\n") == 1


def macos_info_plist() -> dict:
    """The Info.plist entries build.spec gives the macOS bundle (its BUNDLE step runs on
    macOS only, so it is read here rather than built)."""
    import ast

    tree = ast.parse((ROOT / "build.spec").read_text(encoding="utf-8"))
    bundle = next(
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "BUNDLE"
    )
    plist = next(k.value for k in bundle.keywords if k.arg == "info_plist")
    uti = next(
        node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "PLAN_UTI"
    )
    return eval(
        compile(ast.Expression(plist), "build.spec", "eval"), {"PLAN_UTI": uti, "APP_VERSION": "0"}
    )


def test_the_macos_bundle_declares_the_plan_type_and_opens_it_as_its_editor():
    plist = macos_info_plist()
    (document,) = plist["CFBundleDocumentTypes"]
    (exported,) = plist["UTExportedTypeDeclarations"]

    assert document["LSItemContentTypes"] == [exported["UTTypeIdentifier"]]
    assert document["CFBundleTypeRole"] == "Editor"
    tags = exported["UTTypeTagSpecification"]
    assert tags["public.filename-extension"] == [PLAN_SUFFIX.lstrip(".")]
    assert tags["public.mime-type"] == [mime_type().get("type")]
