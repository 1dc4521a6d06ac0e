from django.apps import AppConfig


class LibraryConfig(AppConfig):
    name = "snippets.admin.django_library"
    label = "library"
