"""``python -m ui`` starts the desktop app (same as ``smarketing``)."""

import sys

from ui.launch import main

sys.exit(main())
