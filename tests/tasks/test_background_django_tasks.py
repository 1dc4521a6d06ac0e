"""Django's Tasks framework (docs/tasks/async.md#background-django-tasks), new in Django 6.0.

The view only enqueues; the configured backend decides when and where the work runs.
Django ships two backends: ImmediateBackend (the default) runs the task inside the
request, before the response; DummyBackend only stores it. Real background execution
needs a third-party backend and a worker process.
"""

import importlib
import logging

import pytest

from guide.tasks import variant

VARIANT = variant("snippets/background/django_tasks_app.py")

pytestmark = [
    pytest.mark.stack(VARIANT.stack, reason=VARIANT.reason),
    pytest.mark.urls("snippets.background.django_tasks_app"),
]

ACCEPTED = "accepted"
BAD_EMAIL = {"error": "a valid email is required"}
DUMMY = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def app():
    return importlib.import_module("snippets.background.django_tasks_app")


def sent(caplog, module) -> list[str]:
    return [record.getMessage() for record in caplog.records if record.name == module.__name__]


def signup(client, body):
    return client.post("/signup", body, content_type="application/json")


def test_the_default_backend_runs_the_task_before_the_response(client, caplog, app):
    from django.tasks import task_backends
    from django.tasks.backends.immediate import ImmediateBackend

    caplog.set_level(logging.INFO)
    assert type(task_backends["default"]) is ImmediateBackend
    response = signup(client, {"email": "ann@example.com"})
    assert response.status_code == 202
    body = response.json()
    assert body["status"] == ACCEPTED
    assert len(body["task"]) == 32
    assert sent(caplog, app) == ["welcome email sent to ann@example.com"]


def test_with_a_queueing_backend_the_view_only_enqueues(client, caplog, settings, app):
    from django.tasks import default_task_backend
    from django.tasks.base import TaskResultStatus

    settings.TASKS = DUMMY
    caplog.set_level(logging.INFO)
    response = signup(client, {"email": "bob@example.com"})
    assert response.status_code == 202
    assert sent(caplog, app) == []
    stored = default_task_backend.get_result(response.json()["task"])
    assert stored.status == TaskResultStatus.READY
    assert stored.task.name == "send_welcome_email"
    assert stored.args == ["bob@example.com"]


@pytest.mark.parametrize(
    "body", [{"email": "not-an-email"}, {"name": "no email"}, ["ann@example.com"], {"email": 5}, "not json"]
)
def test_a_bad_email_enqueues_nothing(client, settings, body):
    from django.tasks import default_task_backend

    settings.TASKS = DUMMY
    response = signup(client, body)
    assert response.status_code == 400
    assert response.json() == BAD_EMAIL
    assert default_task_backend.results == []


def test_signup_rejects_get(client):
    assert client.get("/signup").status_code == 405


def test_a_task_is_enqueued_or_called_never_called_like_a_function(app, caplog):
    caplog.set_level(logging.INFO)
    with pytest.raises(TypeError, match="'Task' object is not callable"):
        app.send_welcome_email("ann@example.com")
    app.send_welcome_email.call("ann@example.com")
    assert sent(caplog, app) == ["welcome email sent to ann@example.com"]
