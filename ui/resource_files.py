"""Where the files of resources/ are at run time, without Qt (the desktop entry's installer
runs where Qt's libraries may be missing)."""

from __future__ import annotations

import sys
from functools import cache
from importlib.util import find_spec
from pathlib import Path

# resources/ is installed as this package (pyproject.toml maps it), so an installed and an
# editable app find its folder alike, from the package's import spec (without importing it,
# nor importlib.resources, whose machinery the app's start would pay for).
RESOURCE_PACKAGE = "smarketing_resources"


def resources_dir() -> Path:
    """The folder of the installed package, or its copy in a PyInstaller bundle, which lays
    the package's files out under its own folder."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / RESOURCE_PACKAGE
    return _installed_package()


@cache  # finding a package searches the import path: once is enough
def _installed_package() -> Path:
    spec = find_spec(RESOURCE_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise KeyError(f"the package {RESOURCE_PACKAGE} (the app's icons) is not installed")
    return Path(spec.submodule_search_locations[0])
