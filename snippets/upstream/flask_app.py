from concurrent.futures import ThreadPoolExecutor

import httpx
from flask import Flask

app = Flask(__name__)
app.config["UPSTREAMS"] = {}
app.config.from_prefixed_env()
client = httpx.Client(timeout=2.0)
executor = ThreadPoolExecutor(max_workers=16)


def fetch(url: str) -> tuple[str, object]:
    try:
        response = client.get(url)
        response.raise_for_status()
        return "results", response.json()
    except httpx.TimeoutException:
        return "errors", "timeout"
    except httpx.HTTPStatusError as error:
        return "errors", f"HTTP {error.response.status_code}"
    except (httpx.HTTPError, ValueError):
        return "errors", "unavailable"


@app.get("/dashboard")
def dashboard():
    upstreams = app.config["UPSTREAMS"]
    body = {"results": {}, "errors": {}}
    for name, (kind, value) in zip(upstreams, executor.map(fetch, upstreams.values()), strict=True):
        body[kind][name] = value
    return body
