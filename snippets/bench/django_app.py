import json

from django import forms
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from snippets.bench.django_catalog.models import Item as Product


# --8<-- [start:hello]
@require_GET
def hello(request):
    return JsonResponse({"message": "Hello, world"})


# --8<-- [end:hello]


# --8<-- [start:params]
@require_GET
def user_items(request, user_id):
    try:
        limit = int(request.GET.get("limit", 10))
    except ValueError:
        return HttpResponseBadRequest("limit must be an integer")
    return JsonResponse({"user_id": user_id, "limit": limit, "q": request.GET.get("q", "")})


# --8<-- [end:params]


# --8<-- [start:validation]
class ItemForm(forms.Form):
    name = forms.CharField(min_length=1, max_length=100)
    price = forms.FloatField(min_value=0.01)
    quantity = forms.IntegerField(min_value=1, max_value=1000)


@csrf_exempt
@require_POST
def create_item(request):
    try:
        data = json.loads(request.body)
    except json.JSONDecodeError:
        return JsonResponse({"detail": "body is not JSON"}, status=400)
    form = ItemForm(data if isinstance(data, dict) else {})
    if not form.is_valid():
        return JsonResponse({"detail": form.errors.get_json_data()}, status=422)
    return JsonResponse(form.cleaned_data, status=201)


# --8<-- [end:validation]


# --8<-- [start:template]
ITEMS = [{"name": f"Item {number}", "price": number * 1.5} for number in range(1, 21)]


@require_GET
def page(request):
    return render(request, "bench_catalog/items.html", {"title": "Catalogue", "items": ITEMS})


# --8<-- [end:template]


# --8<-- [start:database]
@require_GET
def products(request):
    rows = Product.objects.values("id", "name", "price")[:20]
    return JsonResponse(list(rows), safe=False)


# --8<-- [end:database]


urlpatterns = [
    path("hello", hello),
    path("users/<int:user_id>/items", user_items),
    path("items", create_item),
    path("page", page),
    path("products", products),
]
