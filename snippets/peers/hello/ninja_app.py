from django.urls import path
from ninja import NinjaAPI

api = NinjaAPI(urls_namespace="peers-hello")


@api.get("/hello")
def hello(request) -> dict[str, str]:
    return {"message": "Hello, world"}


urlpatterns = [path("", api.urls)]
