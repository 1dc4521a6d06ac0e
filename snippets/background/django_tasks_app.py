import json
import logging

from django import forms
from django.http import JsonResponse
from django.tasks import task
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

log = logging.getLogger(__name__)


class SignupForm(forms.Form):
    email = forms.EmailField()


@task
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
    result = send_welcome_email.enqueue(form.cleaned_data["email"])
    return JsonResponse({"status": "accepted", "task": result.id}, status=202)


urlpatterns = [path("signup", signup)]
