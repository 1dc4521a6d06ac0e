from django.apps import AppConfig


class NotesConfig(AppConfig):
    name = "snippets.crud.django_notes"
