"""The three frameworks the guide compares: their package names, order and labels, written once."""

from __future__ import annotations

from typing import Literal

Framework = Literal["flask", "fastapi", "django"]
"""A framework's package name, as data files and result files spell it."""

FRAMEWORKS: tuple[Framework, ...] = ("flask", "fastapi", "django")
"""The frameworks in the order every page shows them."""

LABELS: dict[str, str] = {"flask": "Flask", "fastapi": "FastAPI", "django": "Django", "pydantic": "Pydantic"}
"""How pages name each framework (and Pydantic, which tables list beside them)."""
