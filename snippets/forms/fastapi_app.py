import os
import secrets
from pathlib import Path
from typing import Annotated

from fastapi import Depends, FastAPI, Form, HTTPException, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from starlette.middleware.sessions import SessionMiddleware

app = FastAPI()
app.add_middleware(SessionMiddleware, secret_key=os.environ["SECRET_KEY"], https_only=True)
templates = Jinja2Templates(directory=Path(__file__).parent / "templates")


def check_csrf(request: Request, csrf_token: Annotated[str, Form()] = "") -> None:
    expected = request.session.get("csrf_token", "")
    if not expected or not secrets.compare_digest(csrf_token.encode(), expected.encode()):
        raise HTTPException(403, "CSRF token missing or invalid")


@app.get("/contact", response_class=HTMLResponse)
def contact_form(request: Request):
    token = request.session.setdefault("csrf_token", secrets.token_urlsafe(32))
    return templates.TemplateResponse(request, "fastapi_contact.html", {"csrf_token": token})


@app.post("/contact", response_class=HTMLResponse, dependencies=[Depends(check_csrf)])
def contact(
    request: Request,
    name: Annotated[str, Form(min_length=1, max_length=100)],
    message: Annotated[str, Form(min_length=1, max_length=1000)],
):
    return templates.TemplateResponse(request, "fastapi_contact.html", {"thanks": name})
