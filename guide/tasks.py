"""Directives and published data for the tasks pages (to be filled in)."""
