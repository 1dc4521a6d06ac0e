"""Directives and published data for the benchmark pages (to be filled in)."""
