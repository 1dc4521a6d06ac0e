from flask import Flask, request
from flask_babel import Babel, get_locale, gettext, ngettext

LANGUAGES = ["en", "fr"]


def select_locale():
    if request.args.get("lang") in LANGUAGES:
        return request.args["lang"]
    return request.accept_languages.best_match(LANGUAGES, default="en")


app = Flask(__name__)
babel = Babel(app, locale_selector=select_locale)


@app.get("/inbox/<int:count>")
def inbox(count):
    return {
        "language": str(get_locale()),
        "greeting": gettext("Welcome back!"),
        "unread": ngettext("%(num)d new message", "%(num)d new messages", count),
    }


@app.after_request
def say_which_language(response):
    response.headers["Content-Language"] = str(get_locale())
    response.vary.add("Accept-Language")
    return response
