import os

from django.http import JsonResponse
from django.urls import path


def make_view(number: int):
    def view(request, item_id):
        return JsonResponse({"route": number, "item_id": item_id})

    return view


def build_urlpatterns(route_count: int) -> list:
    return [path(f"route{number}/<int:item_id>", make_view(number)) for number in range(route_count)]


urlpatterns = build_urlpatterns(int(os.environ.get("ROUTE_COUNT", "10")))
