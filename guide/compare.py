"""Directives and published data for the compare pages (to be filled in)."""
