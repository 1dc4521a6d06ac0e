from django import forms
from django.http import JsonResponse
from django.urls import path
from django.views.decorators.http import require_GET


class ItemQuery(forms.Form):
    q = forms.CharField(required=False, empty_value=None)
    limit = forms.IntegerField(required=False, min_value=1, max_value=100)


@require_GET
def read_item(request, item_id):
    query = ItemQuery(request.GET)
    if not query.is_valid():
        return JsonResponse({"errors": query.errors.get_json_data()}, status=400)
    limit = query.cleaned_data["limit"] or 10
    return JsonResponse({"item_id": item_id, "q": query.cleaned_data["q"], "limit": limit})


urlpatterns = [path("items/<int:item_id>", read_item)]
