from itertools import count

from flask import Flask, request
from flask_caching import Cache
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

app = Flask(__name__)
app.config.from_mapping(CACHE_TYPE="SimpleCache", CACHE_DEFAULT_TIMEOUT=60)
cache = Cache(app)
limiter = Limiter(get_remote_address, app=app, storage_uri="memory://", headers_enabled=True)
runs = count(1)


@app.get("/report")
@cache.cached()
def report():
    return {"run": next(runs)}


@app.get("/search")
@limiter.limit("5 per minute")
def search():
    return {"query": request.args.get("q", "")}


@app.errorhandler(429)
def too_many_requests(error):
    return {"detail": f"Rate limit exceeded: {error.description}"}, 429
