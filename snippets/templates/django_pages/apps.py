from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "snippets.templates.django_pages"
