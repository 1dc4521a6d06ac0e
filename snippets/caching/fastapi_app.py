import time
from itertools import count

from fastapi import FastAPI, Request, Response
from slowapi import Limiter, _rate_limit_exceeded_handler
from slowapi.errors import RateLimitExceeded
from slowapi.util import get_remote_address

limiter = Limiter(key_func=get_remote_address, storage_uri="memory://", headers_enabled=True)
app = FastAPI()
app.state.limiter = limiter
app.add_exception_handler(RateLimitExceeded, _rate_limit_exceeded_handler)
runs = count(1)
cached: dict[str, tuple[float, dict]] = {}


@app.get("/report")
def report(response: Response) -> dict:
    expires, body = cached.get("report", (0.0, {}))
    if expires <= time.monotonic():
        body = {"run": next(runs)}
        cached["report"] = (time.monotonic() + 60, body)
    response.headers["Cache-Control"] = "max-age=60"
    return body


@app.get("/search")
@limiter.limit("5/minute")
def search(request: Request, response: Response, q: str = "") -> dict:
    return {"query": q}
