"""Plan versions in the window: the Versions menu, its dialogs and undoable steps, showing a
version (a baseline or a scenario) in place of the working plan, the baseline a window
compares with, and the dialog that compares two or three versions side by side."""
