import os

from snippets.django_site.settings import *

ROOT_URLCONF = "snippets.middleware.django_app"
INSTALLED_APPS = [*INSTALLED_APPS, "corsheaders"]
MIDDLEWARE = [
    "snippets.middleware.django_app.request_id_middleware",
    "corsheaders.middleware.CorsMiddleware",
    *MIDDLEWARE,
]
CORS_ALLOWED_ORIGINS = os.environ.get("CORS_ALLOWED_ORIGINS", "").split()
CORS_ALLOW_METHODS = ["GET", "POST"]
CORS_PREFLIGHT_MAX_AGE = 600
