"""What the app loads before it first paints a plan: the modules of the page shown and
nothing heavy. Each module left out is time the user does not wait at every start."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Runs in a fresh process: the test session itself has loaded everything by now.
SCRIPT = """
import json, sys
from pathlib import Path
from PySide6.QtCore import QSettings
from ui.app import make_application, start_window

app = make_application(sys.argv[:1])
window = start_window(Path(sys.argv[1]), QSettings(sys.argv[2], QSettings.Format.IniFormat))
loaded = {}

def opened(*_):
    loaded["pages"] = sorted(m for m in sys.modules if m.startswith("ui.pages.") and m.endswith(".page"))
    loaded["heavy"] = sorted({m.split(".")[0] for m in sys.modules} & {"numpy", "matplotlib", "openpyxl"})
    app.quit()

window.opener.opened.connect(opened)
window.opener.failed.connect(lambda *_: app.exit(1))
app.exec()
print(json.dumps(loaded))
"""


def loaded_when_opened(plan: Path, tmp_path: Path) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(plan), str(tmp_path / "settings.ini")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_demo_plan_opens_with_only_the_dashboards_code_and_nothing_heavy(demo_path, tmp_path):
    loaded = loaded_when_opened(demo_path, tmp_path)

    assert loaded == {"pages": ["ui.pages.dashboard.page"], "heavy": []}
