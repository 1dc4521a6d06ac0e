import os
import secrets
from functools import wraps

from django.http import JsonResponse
from django.urls import path
from django.views.decorators.http import require_GET

API_TOKEN = os.environ["API_TOKEN"]


def require_token(view):
    @wraps(view)
    def check_token(request, *args, **kwargs):
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not secrets.compare_digest(token.encode(), API_TOKEN.encode()):
            return JsonResponse(
                {"detail": "Invalid or missing token"}, status=401, headers={"WWW-Authenticate": "Bearer"}
            )
        return view(request, *args, **kwargs)

    return check_token


@require_GET
@require_token
def private(request):
    return JsonResponse({"message": "Hello, token holder"})


urlpatterns = [path("private", private)]
