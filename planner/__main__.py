"""``python -m planner`` runs the ``smarketing`` command line."""

import sys

from planner.cli import main

sys.exit(main())
