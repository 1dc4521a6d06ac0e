import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "snippets.django_site.settings")
os.environ.setdefault("DJANGO_URLCONF", f"{__package__}.urls")

app = get_wsgi_application()
