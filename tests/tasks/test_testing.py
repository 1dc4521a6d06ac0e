"""Testing with the test client (docs/tasks/operations.md#testing).

The snippets under `snippets/testing/` are the tests a reader would write for the items API
of the OpenAPI task. Importing them here makes pytest collect and run them as part of this
suite; the tests below also run them against a broken app and check that they fail.
"""

import unittest

import pytest
from django.http import JsonResponse
from django.urls import clear_url_caches, path
from fastapi import FastAPI
from fastapi.testclient import TestClient
from flask import Flask

from snippets.openapi import django_app
from snippets.testing import test_fastapi_app, test_flask_app
from snippets.testing.test_django_app import ItemTests
from snippets.testing.test_fastapi_app import test_create_item as test_fastapi_create_item
from snippets.testing.test_fastapi_app import (
    test_negative_price_is_rejected as test_fastapi_negative_price_is_rejected,
)
from snippets.testing.test_flask_app import client
from snippets.testing.test_flask_app import test_create_item as test_flask_create_item
from snippets.testing.test_flask_app import (
    test_negative_price_is_rejected as test_flask_negative_price_is_rejected,
)

__all__ = [
    "ItemTests",
    "client",
    "test_fastapi_create_item",
    "test_fastapi_negative_price_is_rejected",
    "test_flask_create_item",
    "test_flask_negative_price_is_rejected",
]

SNIPPET_TESTS = ["test_create_item", "test_negative_price_is_rejected"]


def accepts_anything():
    """What a broken items endpoint might answer: 201 and an empty object, whatever it was sent."""
    return {}, 201


def test_snippet_tests_are_all_collected_here():
    for module in (test_flask_app, test_fastapi_app):
        assert sorted(name for name in vars(module) if name.startswith("test_")) == SNIPPET_TESTS
    assert sorted(unittest.defaultTestLoader.getTestCaseNames(ItemTests)) == SNIPPET_TESTS


@pytest.mark.parametrize("name", SNIPPET_TESTS)
def test_flask_tests_fail_against_a_broken_app(name):
    broken = Flask(__name__)
    broken.post("/items")(accepts_anything)
    with pytest.raises(AssertionError):
        getattr(test_flask_app, name)(broken.test_client())


@pytest.mark.parametrize("name", SNIPPET_TESTS)
def test_fastapi_tests_fail_against_a_broken_app(name, monkeypatch):
    broken = FastAPI()
    broken.post("/items")(lambda: {})
    monkeypatch.setattr(test_fastapi_app, "client", TestClient(broken))
    with pytest.raises(AssertionError):
        getattr(test_fastapi_app, name)()


def test_django_tests_fail_against_a_broken_app(monkeypatch):
    monkeypatch.setattr(
        django_app, "urlpatterns", [path("items", lambda request: JsonResponse({}, status=201))]
    )
    clear_url_caches()
    try:
        result = unittest.TestResult()
        unittest.defaultTestLoader.loadTestsFromTestCase(ItemTests).run(result)
    finally:
        clear_url_caches()
    assert result.testsRun == 2
    assert len(result.failures) == 2
    assert result.errors == []
