"""FastAPI's application class is a Starlette subclass, and it depends on Starlette and Pydantic."""

import importlib.metadata

from fastapi import FastAPI, Request
from packaging.requirements import Requirement
from starlette.applications import Starlette
from starlette.requests import Request as StarletteRequest


def test_fastapi_app_is_a_starlette_app():
    assert issubclass(FastAPI, Starlette)
    assert Request is StarletteRequest


def test_fastapi_requires_starlette_and_pydantic():
    required = {
        Requirement(line).name for line in importlib.metadata.requires("fastapi") if "extra" not in line
    }
    assert {"starlette", "pydantic"} <= required
