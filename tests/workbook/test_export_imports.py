"""The export costs nothing until it runs: importing it loads neither openpyxl nor
matplotlib (a quarter and half a second of the app's start)."""

from __future__ import annotations

import subprocess
import sys


def test_importing_the_export_loads_no_openpyxl_or_matplotlib():
    code = (
        "import sys, planner.workbook.export, planner.workbook.files; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'openpyxl', 'matplotlib'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
