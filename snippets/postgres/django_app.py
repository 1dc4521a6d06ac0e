import json

from django.http import JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from snippets.crud.django_notes.models import Note

INVALID_TITLE = "title must be a string of 1 to 200 characters"


def read_title(request):
    try:
        payload = json.loads(request.body)
    except ValueError:
        payload = None
    title = payload.get("title") if isinstance(payload, dict) else None
    if not isinstance(title, str) or not 1 <= len(title) <= 200:
        return None
    return title


def not_found():
    return JsonResponse({"detail": "Note not found"}, status=404)


@csrf_exempt
@require_POST
def create_note(request):
    title = read_title(request)
    if title is None:
        return JsonResponse({"detail": INVALID_TITLE}, status=422)
    return JsonResponse(Note.objects.create(title=title).to_dict(), status=201)


@require_GET
def read_note(request, note_id):
    try:
        return JsonResponse(Note.objects.get(pk=note_id).to_dict())
    except Note.DoesNotExist:
        return not_found()


@csrf_exempt
@require_POST
async def create_note_async(request):
    title = read_title(request)
    if title is None:
        return JsonResponse({"detail": INVALID_TITLE}, status=422)
    note = await Note.objects.acreate(title=title)
    return JsonResponse(note.to_dict(), status=201)


@require_GET
async def read_note_async(request, note_id):
    try:
        return JsonResponse((await Note.objects.aget(pk=note_id)).to_dict())
    except Note.DoesNotExist:
        return not_found()


urlpatterns = [
    path("notes", create_note),
    path("notes/<int:note_id>", read_note),
    path("async/notes", create_note_async),
    path("async/notes/<int:note_id>", read_note_async),
]
