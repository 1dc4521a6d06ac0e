"""Serverless (docs/tasks/scaling.md#serverless): each hello app behind Mangum, called with an HTTP API event.

The handlers are called the way AWS Lambda calls them: `handler(event, context)` with the
sample API Gateway HTTP API (payload 2.0) event from `snippets/serverless/events/` and a
fake context; the tests check the status code, body and headers the handler returns.
"""

import asyncio
import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest

from guide import ROOT
from guide.frameworks import FRAMEWORKS

EVENT = json.loads((ROOT / "snippets/serverless/events/http_api_get_hello.json").read_text(encoding="utf-8"))


class FakeContext:
    function_name = "hello"
    aws_request_id = "test-request"

    def get_remaining_time_in_millis(self):
        return 3000


@pytest.fixture
def loop():
    """A current event loop, as a warm runtime has after its first invocation; closed afterwards."""
    running = asyncio.new_event_loop()
    asyncio.set_event_loop(running)
    yield running
    asyncio.set_event_loop(None)
    running.close()


def handler(framework):
    module = __import__(f"snippets.serverless.{framework}_handler", fromlist=["handler"])
    return module.handler


def event(method="GET", path="/hello", **changes):
    sample = copy.deepcopy(EVENT)
    sample["rawPath"] = sample["requestContext"]["http"]["path"] = path
    sample["requestContext"]["http"]["method"] = method
    sample.update(changes)
    return sample


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_get_hello_through_the_handler(framework, loop):
    answer = handler(framework)(event(), FakeContext())
    assert answer["statusCode"] == 200
    assert answer["isBase64Encoded"] is False
    assert json.loads(answer["body"]) == {"message": "Hello, world"}
    assert answer["headers"]["content-type"] == "application/json"
    assert int(answer["headers"]["content-length"]) == len(answer["body"].encode())


def test_django_security_headers_survive_the_adapter(loop):
    headers = handler("django")(event(), FakeContext())["headers"]
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_unknown_path_is_a_404(framework, loop):
    assert handler(framework)(event(path="/nowhere"), FakeContext())["statusCode"] == 404


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_a_post_is_refused(framework, loop):
    answer = handler(framework)(event(method="POST"), FakeContext())
    if framework == "django":
        assert answer["statusCode"] == 403
    else:
        assert answer["statusCode"] == 405
        assert "GET" in answer["headers"]["allow"]


@pytest.mark.parametrize("framework", FRAMEWORKS)
def test_an_event_the_adapter_does_not_know_is_refused(framework, loop):
    with pytest.raises(RuntimeError, match="unable to infer a handler"):
        handler(framework)({"unexpected": True}, FakeContext())


def test_a_cold_first_invocation_warns_that_there_is_no_current_event_loop():
    code = (
        "import json, warnings; warnings.simplefilter('always');"
        "from snippets.serverless.fastapi_handler import handler;"
        f"print(handler(json.loads({json.dumps(json.dumps(EVENT))}), None)['statusCode'])"
    )
    finished = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True
    )
    assert finished.stdout.strip() == "200"
    assert "DeprecationWarning: There is no current event loop" in finished.stderr


def test_the_sample_event_is_the_http_api_v2_format():
    assert EVENT["version"] == "2.0"
    assert EVENT["requestContext"]["http"]["method"] == "GET"
    assert Path(ROOT / "snippets/serverless/events/http_api_get_hello.json").is_file()
