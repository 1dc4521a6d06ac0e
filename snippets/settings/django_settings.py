import os

from django.core.exceptions import ImproperlyConfigured


def env(name, default=None):
    value = os.environ.get(name, default)
    if value is None:
        raise ImproperlyConfigured(f"Set the {name} environment variable")
    return value


SECRET_KEY = env("APP_SECRET_KEY")
DEBUG = False
ALLOWED_HOSTS = env("APP_ALLOWED_HOSTS", "localhost 127.0.0.1").split()
ROOT_URLCONF = "snippets.settings.django_app"
MIDDLEWARE = ["django.middleware.security.SecurityMiddleware", "django.middleware.common.CommonMiddleware"]

SITE_NAME = env("APP_SITE_NAME", "Example shop")
PAGE_SIZE = int(env("APP_PAGE_SIZE", "20"))
