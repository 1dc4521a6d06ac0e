import re
import uuid

from django.http import JsonResponse
from django.urls import path
from django.views.decorators.http import require_GET

REQUEST_ID = re.compile(r"[A-Za-z0-9-]{1,64}")


def request_id_middleware(get_response):
    def middleware(request):
        incoming = request.headers.get("X-Request-ID", "")
        request.request_id = incoming if REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
        response = get_response(request)
        response["X-Request-ID"] = request.request_id
        return response

    return middleware


@require_GET
def ping(request):
    return JsonResponse({"status": "ok", "request_id": request.request_id})


urlpatterns = [path("ping", ping)]
