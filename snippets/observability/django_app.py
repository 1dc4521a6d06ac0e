import time

from django.http import JsonResponse
from django.urls import path

from snippets.observability.telemetry import find_note, log_request


def access_log(get_response):
    def middleware(request):
        started = time.perf_counter()
        response = get_response(request)
        log_request(request.method, request.path, response.status_code, started)
        return response

    return middleware


def read_note(request, note_id):
    row = find_note(note_id)
    if row is None:
        return JsonResponse({"detail": "note not found"}, status=404)
    return JsonResponse({"id": row[0], "title": row[1]})


urlpatterns = [path("notes/<int:note_id>", read_note)]
