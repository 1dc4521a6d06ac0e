import json

from django import forms
from django.http import JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

NOT_AN_OBJECT = {"__all__": [{"message": "Send a JSON object.", "code": "invalid"}]}


class NewItemForm(forms.Form):
    name = forms.CharField(min_length=1, max_length=50)
    quantity = forms.IntegerField(min_value=1, max_value=100)


@csrf_exempt
@require_POST
def create_item(request):
    try:
        data = json.loads(request.body)
    except ValueError:
        data = None
    if not isinstance(data, dict):
        return JsonResponse({"errors": NOT_AN_OBJECT}, status=400)
    form = NewItemForm(data)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    return JsonResponse(form.cleaned_data, status=201)


urlpatterns = [path("items", create_item)]
