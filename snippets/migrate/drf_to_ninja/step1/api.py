from django.contrib.auth import authenticate
from django.shortcuts import get_object_or_404
from ninja import Field, ModelSchema, NinjaAPI, Schema, Status
from ninja.pagination import PageNumberPagination, paginate
from ninja.security import HttpBasicAuth, django_auth

from ..models import Note


class BasicAuth(HttpBasicAuth):
    def authenticate(self, request, username, password):
        return authenticate(request, username=username, password=password)


api = NinjaAPI(title="Notes", version="2", urls_namespace="notes-v2", auth=[BasicAuth(), django_auth])


class NoteOut(ModelSchema):
    class Meta:
        model = Note
        fields = ["id", "title", "done"]


class NoteIn(Schema):
    title: str = Field(min_length=1, max_length=200)
    done: bool = False


@api.get("/notes/", response=list[NoteOut], auth=None)
@paginate(PageNumberPagination, page_size=20)
def list_notes(request):
    return Note.objects.order_by("id")


@api.post("/notes/", response={201: NoteOut})
def create_note(request, payload: NoteIn):
    return Status(201, Note.objects.create(**payload.model_dump()))


@api.get("/notes/{note_id}/", response=NoteOut, auth=None)
def read_note(request, note_id: int):
    return get_object_or_404(Note, pk=note_id)


@api.delete("/notes/{note_id}/", response={204: None})
def delete_note(request, note_id: int):
    get_object_or_404(Note, pk=note_id).delete()
    return Status(204, None)
