"""The dashboard: the plan at a glance (headline figures now; charts come with their issue)."""
