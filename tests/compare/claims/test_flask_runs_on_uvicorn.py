"""A Flask app is a WSGI callable: an ASGI server cannot call it directly, only through an adapter."""

import asyncio

import httpx
import pytest
from asgiref.wsgi import WsgiToAsgi
from flask import Flask

app = Flask(__name__)


@app.get("/hello")
def hello():
    return {"message": "Hello, world"}


def test_an_asgi_server_cannot_call_a_flask_app_directly():
    scope = {"type": "http", "method": "GET", "path": "/hello", "headers": []}

    async def receive():
        return {"type": "http.request", "body": b""}

    async def send(message):
        pass

    with pytest.raises(TypeError):
        asyncio.run(app(scope, receive, send))


def test_asgirefs_wsgi_to_asgi_adapter_serves_it():
    async def main() -> httpx.Response:
        transport = httpx.ASGITransport(app=WsgiToAsgi(app))
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.get("/hello")

    response = asyncio.run(main())
    assert response.status_code == 200
    assert response.json() == {"message": "Hello, world"}
