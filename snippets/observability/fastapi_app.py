import time

from fastapi import FastAPI, HTTPException, Request
from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor

from snippets.observability.telemetry import find_note, log_request

app = FastAPI()


@app.middleware("http")
async def log_it(request: Request, call_next):
    started = time.perf_counter()
    response = await call_next(request)
    log_request(request.method, request.url.path, response.status_code, started)
    return response


@app.get("/notes/{note_id}")
def read_note(note_id: int):
    row = find_note(note_id)
    if row is None:
        raise HTTPException(404, "note not found")
    return {"id": row[0], "title": row[1]}


FastAPIInstrumentor.instrument_app(app)
