import json
import logging
import os
import sqlite3
import time
from contextlib import closing

from opentelemetry import trace

tracer = trace.get_tracer(__name__)
QUERY = "SELECT id, title FROM notes WHERE id = ?"


class JsonLines(logging.Formatter):
    def format(self, record):
        fields = {"time": self.formatTime(record), "level": record.levelname, "message": record.getMessage()}
        return json.dumps(fields | getattr(record, "http", {}))


handler = logging.StreamHandler()
handler.setFormatter(JsonLines())
access_log = logging.getLogger("access")
access_log.addHandler(handler)
access_log.setLevel(logging.INFO)


def log_request(method, path, status, started):
    context = trace.get_current_span().get_span_context()
    http = {
        "method": method,
        "path": path,
        "status": status,
        "duration_ms": round((time.perf_counter() - started) * 1000, 2),
        "trace_id": format(context.trace_id, "032x"),
    }
    access_log.info("request", extra={"http": http})


def find_note(note_id):
    attributes = {"db.system": "sqlite", "db.statement": QUERY}
    with tracer.start_as_current_span("SELECT notes", kind=trace.SpanKind.CLIENT, attributes=attributes):
        with closing(sqlite3.connect(os.environ["NOTES_DATABASE"])) as connection:
            return connection.execute(QUERY, (note_id,)).fetchone()
