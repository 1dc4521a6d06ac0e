"""The hello task under each framework's production server, on 127.0.0.1 with a free port."""

import json
import urllib.request

import pytest

from guide.frameworks import FRAMEWORKS
from tests.support.servers import running, task_app


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_hello_under_production_server(framework):
    with running(task_app("hello", framework), ready_path="/hello") as server:
        with urllib.request.urlopen(server.base_url + "/hello", timeout=5) as response:
            assert response.status == 200
            assert response.headers["Content-Type"].startswith("application/json")
            assert json.loads(response.read()) == {"message": "Hello, world"}
    assert server.process.returncode is not None
