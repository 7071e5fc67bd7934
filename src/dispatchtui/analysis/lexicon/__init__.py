"""Data, not code: word lists the analysis uses."""
