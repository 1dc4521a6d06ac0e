from django.urls import include, path
from rest_framework.routers import SimpleRouter

from .views import NoteViewSet

router = SimpleRouter()
router.register("notes", NoteViewSet)

urlpatterns = [path("api/", include(router.urls))]
