from django.apps import AppConfig


class ItemsConfig(AppConfig):
    name = "snippets.structure.django_items"
