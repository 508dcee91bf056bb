"""Plan versions in the window: the Versions menu, its dialogs and undoable steps, and
showing a version (a baseline or a scenario) in place of the working plan."""
