"""The pages of the plan window, one package each, reached from the sidebar."""
