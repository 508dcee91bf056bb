"""The files the app reads at run time (its icons), installed as the package
``smarketing_resources`` (see pyproject.toml), so an installed, an editable and a bundled app
find them alike (``ui/icons.py`` looks its folder up by the package's import spec)."""
