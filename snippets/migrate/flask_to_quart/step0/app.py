import json
import os

import httpx
from flask import Flask, abort, request
from werkzeug.exceptions import HTTPException

UPSTREAM_URL = os.environ["UPSTREAM_URL"]
app = Flask(__name__)


@app.errorhandler(HTTPException)
def json_error(error):
    response = error.get_response()
    response.data = json.dumps({"code": error.code, "name": error.name, "description": error.description})
    response.content_type = "application/json"
    return response


def read_symbols(payload):
    symbols = payload.get("symbols") if isinstance(payload, dict) else None
    if (
        not isinstance(symbols, list)
        or not 1 <= len(symbols) <= 10
        or not all(isinstance(s, str) for s in symbols)
    ):
        abort(400, "symbols must be a list of 1 to 10 strings")
    return symbols


def fetch_price(client, symbol):
    try:
        response = client.get("/prices", params={"symbol": symbol})
        if response.status_code == 404:
            abort(404, f"No price for {symbol}")
        response.raise_for_status()
    except httpx.HTTPError:
        abort(502, "The price service failed")
    return response.json()


@app.get("/prices/<symbol>")
def read_price(symbol):
    with httpx.Client(base_url=UPSTREAM_URL, timeout=5) as client:
        return fetch_price(client, symbol)


@app.post("/prices")
def read_prices():
    symbols = read_symbols(request.get_json(silent=True))
    with httpx.Client(base_url=UPSTREAM_URL, timeout=5) as client:
        return [fetch_price(client, symbol) for symbol in symbols]
