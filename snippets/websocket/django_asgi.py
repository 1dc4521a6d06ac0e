import os

from channels.routing import ProtocolTypeRouter, URLRouter
from channels.security.websocket import AllowedHostsOriginValidator
from django.core.asgi import get_asgi_application

from snippets.websocket.django_app import websocket_urlpatterns

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "snippets.django_site.settings")

app = ProtocolTypeRouter(
    {
        "http": get_asgi_application(),
        "websocket": AllowedHostsOriginValidator(URLRouter(websocket_urlpatterns)),
    }
)
