from datetime import UTC, datetime

from django.urls import reverse
from django.utils.http import http_date
from rest_framework import mixins, viewsets
from rest_framework.authentication import BasicAuthentication, SessionAuthentication
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import IsAuthenticatedOrReadOnly
from rest_framework.renderers import JSONRenderer

from ..models import Note
from .serializers import NoteSerializer

DEPRECATED = datetime(2026, 12, 1, tzinfo=UTC)
SUNSET = datetime(2027, 6, 1, tzinfo=UTC)


class NotePagination(PageNumberPagination):
    page_size = 20


class NoteViewSet(
    mixins.ListModelMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    queryset = Note.objects.order_by("id")
    serializer_class = NoteSerializer
    pagination_class = NotePagination
    authentication_classes = [SessionAuthentication, BasicAuthentication]
    permission_classes = [IsAuthenticatedOrReadOnly]
    renderer_classes = [JSONRenderer]

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response.headers["Deprecation"] = f"@{int(DEPRECATED.timestamp())}"
        response.headers["Sunset"] = http_date(SUNSET.timestamp())
        response.headers["Link"] = f'<{reverse("notes-v2:list_notes")}>; rel="successor-version"'
        return response
