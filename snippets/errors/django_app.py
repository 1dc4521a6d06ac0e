from django.http import Http404, JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

ITEMS = {1: {"name": "apple", "in_stock": True}, 2: {"name": "pear", "in_stock": False}}


class OutOfStock(Exception):
    pass


def place_order(item):
    if not item["in_stock"]:
        raise OutOfStock(f"{item['name']} is out of stock")
    return {"ordered": item["name"]}


def find_item(item_id):
    if item_id not in ITEMS:
        raise Http404
    return ITEMS[item_id]


@require_GET
def read_item(request, item_id):
    return JsonResponse(find_item(item_id))


@csrf_exempt
@require_POST
def order_item(request, item_id):
    try:
        return JsonResponse(place_order(find_item(item_id)), status=201)
    except OutOfStock as error:
        return JsonResponse({"detail": str(error)}, status=409)


def not_found(request, exception):
    return JsonResponse({"detail": "Not found"}, status=404)


def server_error(request):
    return JsonResponse({"detail": "Internal server error"}, status=500)


urlpatterns = [
    path("items/<int:item_id>", read_item),
    path("items/<int:item_id>/order", order_item),
]
handler404 = not_found
handler500 = server_error
