import json

from django.http import HttpResponse, JsonResponse
from django.urls import path
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from snippets.crud.django_notes.models import Note


def read_title(request):
    try:
        payload = json.loads(request.body)
    except ValueError:
        payload = None
    title = payload.get("title") if isinstance(payload, dict) else None
    if not isinstance(title, str) or not 1 <= len(title) <= 200:
        return None
    return title


def error(detail, status):
    return JsonResponse({"detail": detail}, status=status)


INVALID_TITLE = "title must be a string of 1 to 200 characters"


@method_decorator(csrf_exempt, name="dispatch")
class NoteList(View):
    def get(self, request):
        return JsonResponse([note.to_dict() for note in Note.objects.order_by("id")], safe=False)

    def post(self, request):
        title = read_title(request)
        if title is None:
            return error(INVALID_TITLE, 422)
        return JsonResponse(Note.objects.create(title=title).to_dict(), status=201)


@method_decorator(csrf_exempt, name="dispatch")
class NoteDetail(View):
    def dispatch(self, request, note_id):
        try:
            note = Note.objects.get(pk=note_id)
        except Note.DoesNotExist:
            return error("Note not found", 404)
        return super().dispatch(request, note)

    def get(self, request, note):
        return JsonResponse(note.to_dict())

    def put(self, request, note):
        title = read_title(request)
        if title is None:
            return error(INVALID_TITLE, 422)
        note.title = title
        note.save(update_fields=["title"])
        return JsonResponse(note.to_dict())

    def delete(self, request, note):
        note.delete()
        return HttpResponse(status=204)


urlpatterns = [
    path("notes", NoteList.as_view()),
    path("notes/<int:note_id>", NoteDetail.as_view()),
]
