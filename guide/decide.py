"""Directives and published data for the decide pages (to be filled in)."""
