from a2wsgi import WSGIMiddleware
from fastapi import FastAPI

from . import flask_app

app = FastAPI(title="Notes")
app.mount("/", WSGIMiddleware(flask_app.app))
