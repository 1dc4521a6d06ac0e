from django.urls import include, path
from rest_framework.routers import SimpleRouter

from .api import api
from .views import NoteViewSet

router = SimpleRouter()
router.register("notes", NoteViewSet)

urlpatterns = [
    path("api/", include(router.urls)),
    path("api/v2/", api.urls),
]
