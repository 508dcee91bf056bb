"""The Waterfall page: the demand waterfall of the plan, by group, with a what-if of its rates."""
