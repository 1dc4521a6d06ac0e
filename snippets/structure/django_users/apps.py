from django.apps import AppConfig


class UsersConfig(AppConfig):
    name = "snippets.structure.django_users"
