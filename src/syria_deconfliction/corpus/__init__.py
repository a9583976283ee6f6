"""Automatic extraction over articles that are not in raw/: the `extract` and `add` commands."""
