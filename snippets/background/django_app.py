import json
import logging
from concurrent.futures import ThreadPoolExecutor

from django import forms
from django.http import JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

log = logging.getLogger(__name__)
executor = ThreadPoolExecutor(max_workers=4)


class SignupForm(forms.Form):
    email = forms.EmailField()


def send_welcome_email(address: str) -> None:
    log.info("welcome email sent to %s", address)


@csrf_exempt
@require_POST
def signup(request):
    try:
        data = json.loads(request.body)
    except ValueError:
        data = None
    form = SignupForm(data if isinstance(data, dict) else {})
    if not form.is_valid():
        return JsonResponse({"error": "a valid email is required"}, status=400)
    executor.submit(send_welcome_email, form.cleaned_data["email"])
    return JsonResponse({"status": "accepted"}, status=202)


urlpatterns = [path("signup", signup)]
