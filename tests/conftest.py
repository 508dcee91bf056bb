"""Shared test set-up: Qt runs offscreen, and matplotlib never looks for a screen."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")
