from django.http import Http404, JsonResponse
from django.views.decorators.http import require_GET

ITEMS = {1: "apple", 2: "pear"}


@require_GET
def list_items(request):
    return JsonResponse({"items": [{"id": item_id, "name": name} for item_id, name in ITEMS.items()]})


@require_GET
def read_item(request, item_id):
    if item_id not in ITEMS:
        raise Http404
    return JsonResponse({"id": item_id, "name": ITEMS[item_id]})
