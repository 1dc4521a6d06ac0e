from pathlib import Path
from typing import Annotated

from babel.core import negotiate_locale
from babel.support import Translations
from fastapi import Depends, FastAPI, Request, Response

LANGUAGES = ["en", "fr"]
CATALOGUES = {code: Translations.load(Path(__file__).parent / "translations", [code]) for code in LANGUAGES}


def preferred(header):
    weighted = []
    for item in header.split(","):
        tag, _, weight = item.strip().partition(";q=")
        try:
            weighted.append((float(weight or 1), tag))
        except ValueError:
            continue
    return [tag for _, tag in sorted(weighted, key=lambda pair: -pair[0])]


def choose_language(request: Request, response: Response, lang: str | None = None) -> str:
    requested = [lang] if lang in LANGUAGES else preferred(request.headers.get("Accept-Language", ""))
    language = negotiate_locale(requested, LANGUAGES, sep="-") or "en"
    response.headers["Content-Language"] = language
    response.headers["Vary"] = "Accept-Language"
    return language


app = FastAPI()


@app.get("/inbox/{count}")
def inbox(count: int, language: Annotated[str, Depends(choose_language)]):
    translations = CATALOGUES[language]
    return {
        "language": language,
        "greeting": translations.gettext("Welcome back!"),
        "unread": translations.ngettext("%(num)d new message", "%(num)d new messages", count)
        % {"num": count},
    }
