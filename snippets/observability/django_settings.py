from snippets.django_site.settings import *

ROOT_URLCONF = "snippets.observability.django_app"
MIDDLEWARE = ["snippets.observability.django_app.access_log", *MIDDLEWARE]
