from django.http import JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

MAX_UPLOAD_BYTES = 1024 * 1024


@csrf_exempt
@require_POST
def upload(request):
    if int(request.headers.get("Content-Length") or 0) > MAX_UPLOAD_BYTES:
        return JsonResponse({"detail": "Content Too Large"}, status=413)
    file = request.FILES.get("file")
    if file is None:
        return JsonResponse({"detail": "Send the file in the form field 'file'"}, status=400)
    return JsonResponse({"filename": file.name, "size": file.size}, status=201)


urlpatterns = [path("upload", upload)]
