from django.apps import AppConfig


class NotesConfig(AppConfig):
    name = "snippets.migrate.drf_to_ninja"
    label = "drf_to_ninja"
