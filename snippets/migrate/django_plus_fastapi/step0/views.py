import json
import time
from functools import wraps

from django.contrib.auth import authenticate, login, logout
from django.http import HttpResponse, JsonResponse, StreamingHttpResponse
from django.views.decorators.csrf import ensure_csrf_cookie
from django.views.decorators.http import require_GET, require_POST

from ..models import Notification

STREAM_SECONDS = 30
POLL_SECONDS = 1


def api_login_required(view):
    @wraps(view)
    def check_login(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return JsonResponse({"detail": "Log in first"}, status=401)
        return view(request, *args, **kwargs)

    return check_login


@require_GET
@ensure_csrf_cookie
def session(request):
    return JsonResponse({"username": request.user.get_username() or None})


@require_POST
def log_in(request):
    user = authenticate(request, username=request.POST.get("username"), password=request.POST.get("password"))
    if user is None:
        return JsonResponse({"detail": "Wrong username or password"}, status=400)
    login(request, user)
    return JsonResponse({"username": user.get_username()})


@require_POST
def log_out(request):
    logout(request)
    return HttpResponse(status=204)


@require_POST
@api_login_required
def notify(request):
    text = request.POST.get("text", "")
    if not 1 <= len(text) <= 200:
        return JsonResponse({"detail": "text must be 1 to 200 characters"}, status=400)
    notification = Notification.objects.create(user=request.user, text=text)
    return JsonResponse({"id": notification.id, "text": text}, status=201)


def events(user_id, last_id):
    deadline = time.monotonic() + STREAM_SECONDS
    while time.monotonic() < deadline:
        for notification in Notification.objects.filter(user_id=user_id, id__gt=last_id).order_by("id"):
            last_id = notification.id
            data = json.dumps({"id": notification.id, "text": notification.text})
            yield f"id: {notification.id}\ndata: {data}\n\n"
        time.sleep(POLL_SECONDS)


@require_GET
@api_login_required
def stream(request):
    last_id = request.headers.get("Last-Event-ID", "0")
    response = StreamingHttpResponse(
        events(request.user.pk, int(last_id) if last_id.isdigit() else 0), content_type="text/event-stream"
    )
    response.headers["Cache-Control"] = "no-cache"
    return response
