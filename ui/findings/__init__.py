"""The alignment checks in the window: recomputed as the plan changes, shown in a panel."""
