import os
from urllib.parse import parse_qsl, unquote, urlsplit

from snippets.django_site.settings import *

ROOT_URLCONF = "snippets.postgres.django_app"

DATABASE_URL = urlsplit(os.environ["DATABASE_URL"])
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": DATABASE_URL.path.removeprefix("/"),
        "USER": unquote(DATABASE_URL.username or ""),
        "PASSWORD": unquote(DATABASE_URL.password or ""),
        "HOST": DATABASE_URL.hostname or "",
        "PORT": DATABASE_URL.port or "",
        "OPTIONS": dict(parse_qsl(DATABASE_URL.query)),
        "CONN_MAX_AGE": int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        "CONN_HEALTH_CHECKS": True,
    }
}
