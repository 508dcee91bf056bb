"""The plan's versions in the app: the baseline a window compares with, and the dialog that
compares two or three versions side by side."""
