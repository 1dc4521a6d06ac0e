"""The crud task under each production server, on 127.0.0.1 with a free port and a temp database."""

import json

import pytest

from guide.frameworks import FRAMEWORKS
from tests.support import django_db
from tests.support.http_answers import assert_saved, fetch_json
from tests.support.servers import task_app


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_crud_under_production_server(framework, tmp_path, serve_app):
    if framework == "django":
        env = django_db.migrate(django_db.sqlite_site(tmp_path / "django.db"))
    else:
        env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'notes.db'}"}

    server = serve_app(task_app("crud", framework), ready_path="/notes", env=env)
    created = fetch_json(server.base_url + "/notes", "POST", {"title": "Buy milk"})
    assert created.status == 201
    note = json.loads(created.body)
    assert note["title"] == "Buy milk"

    read = fetch_json(f"{server.base_url}/notes/{note['id']}")
    assert read.status == 200
    assert json.loads(read.body) == note

    assert_saved(
        f"snippets/crud/responses/{framework}_missing.txt", fetch_json(server.base_url + "/notes/999")
    )
