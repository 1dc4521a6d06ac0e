import json

from django.contrib.auth import authenticate, login, logout
from django.http import HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.urls import path
from django.views.decorators.http import require_GET, require_POST


@require_GET
def csrf(request):
    return JsonResponse({"csrf_token": get_token(request)})


@require_POST
def login_view(request):
    try:
        payload = json.loads(request.body)
    except ValueError:
        payload = None
    credentials = payload if isinstance(payload, dict) else {}
    username, password = credentials.get("username"), credentials.get("password")
    if not isinstance(username, str) or not isinstance(password, str):
        return JsonResponse({"detail": "username and password are required"}, status=422)
    user = authenticate(request, username=username, password=password)
    if user is None:
        return JsonResponse({"detail": "Invalid username or password"}, status=401)
    login(request, user)
    return JsonResponse({"username": user.get_username()})


@require_GET
def me(request):
    if not request.user.is_authenticated:
        return JsonResponse({"detail": "Not logged in"}, status=401)
    return JsonResponse({"username": request.user.get_username()})


@require_POST
def logout_view(request):
    logout(request)
    return HttpResponse(status=204)


urlpatterns = [
    path("csrf", csrf),
    path("login", login_view),
    path("me", me),
    path("logout", logout_view),
]
