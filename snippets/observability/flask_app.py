import time

from flask import Flask, g, request
from opentelemetry.instrumentation.flask import FlaskInstrumentor

from snippets.observability.telemetry import find_note, log_request

app = Flask(__name__)
FlaskInstrumentor().instrument_app(app)


@app.before_request
def start_timer():
    g.started = time.perf_counter()


@app.after_request
def log_it(response):
    log_request(request.method, request.path, response.status_code, g.started)
    return response


@app.get("/notes/<int:note_id>")
def read_note(note_id):
    row = find_note(note_id)
    if row is None:
        return {"detail": "note not found"}, 404
    return {"id": row[0], "title": row[1]}
