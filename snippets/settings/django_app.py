from django.conf import settings
from django.http import JsonResponse
from django.urls import path
from django.views.decorators.http import require_GET


@require_GET
def show_settings(request):
    return JsonResponse({"site_name": settings.SITE_NAME, "page_size": settings.PAGE_SIZE})


urlpatterns = [path("settings", show_settings)]
