import json

from django.http import JsonResponse, StreamingHttpResponse
from django.urls import path
from django.views.decorators.http import require_GET


@require_GET
async def countdown(request):
    start = request.GET.get("start", "3")
    if not start.isdecimal() or not 1 <= int(start) <= 10:
        return JsonResponse({"error": "start must be an integer from 1 to 10"}, status=400)

    async def events():
        for n in range(int(start), 0, -1):
            yield f"data: {json.dumps({'n': n})}\nid: {n}\n\n"
        yield "event: done\ndata: {}\n\n"

    return StreamingHttpResponse(
        events(),
        content_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


urlpatterns = [path("countdown", countdown)]
