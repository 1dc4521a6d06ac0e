import os
import re
import uuid

from flask import Flask, g, request
from flask_cors import CORS

app = Flask(__name__)
CORS(app, origins=os.environ.get("CORS_ALLOWED_ORIGINS", "").split(), methods=["GET", "POST"], max_age=600)
REQUEST_ID = re.compile(r"[A-Za-z0-9-]{1,64}")


@app.before_request
def assign_request_id():
    incoming = request.headers.get("X-Request-ID", "")
    g.request_id = incoming if REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex


@app.after_request
def add_request_id(response):
    response.headers["X-Request-ID"] = g.request_id
    return response


@app.get("/ping")
def ping():
    return {"status": "ok", "request_id": g.request_id}
