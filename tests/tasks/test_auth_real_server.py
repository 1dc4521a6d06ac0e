"""token-auth under each production server: the right token gets in, a wrong one gets the documented 401."""

import json
import secrets

import pytest

from tests.support.http_answers import assert_saved, fetch
from tests.support.servers import task_app

TOKEN = secrets.token_urlsafe(32)


@pytest.mark.parametrize("framework", ["flask", "fastapi", "django"])
def test_token_auth_under_production_server(framework, serve_app):
    server = serve_app(task_app("token_auth", framework, API_TOKEN=TOKEN), ready_path="/private")
    answer = fetch(server.base_url + "/private", headers={"Authorization": f"Bearer {TOKEN}"})
    assert answer.status == 200
    assert json.loads(answer.body) == {"message": "Hello, token holder"}

    answer = fetch(server.base_url + "/private", headers={"Authorization": "Bearer wrong-token"})
    assert_saved(f"snippets/token_auth/responses/{framework}_wrong_token.txt", answer)
