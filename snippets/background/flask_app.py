import logging
import re

from flask import Flask, request

app = Flask(__name__)
log = logging.getLogger(__name__)
EMAIL = re.compile(r"[^@\s]+@[^@\s]+")


def send_welcome_email(address: str) -> None:
    log.info("welcome email sent to %s", address)


@app.post("/signup")
def signup():
    data = request.get_json(silent=True)
    address = data.get("email") if isinstance(data, dict) else None
    if not isinstance(address, str) or not EMAIL.fullmatch(address):
        return {"error": "a valid email is required"}, 400
    response = app.make_response(({"status": "accepted"}, 202))
    response.call_on_close(lambda: send_welcome_email(address))
    return response
