"""The dashboard: headline figures and charts of planned versus actual, over a period and
filter, with drill-down to the initiatives behind a bar."""
