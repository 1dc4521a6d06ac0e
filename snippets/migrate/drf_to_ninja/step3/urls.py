from django.http import JsonResponse
from django.urls import path, re_path, reverse
from django.views.decorators.csrf import csrf_exempt

from .api import api


@csrf_exempt
def moved(request):
    successor = reverse("notes-v2:list_notes")
    response = JsonResponse({"detail": f"This API has moved to {successor}"}, status=410)
    response.headers["Link"] = f'<{successor}>; rel="successor-version"'
    return response


urlpatterns = [
    path("api/v2/", api.urls),
    re_path(r"^api/notes/", moved),
]
