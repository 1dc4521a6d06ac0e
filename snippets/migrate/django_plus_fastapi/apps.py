from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "snippets.migrate.django_plus_fastapi"
    label = "django_plus_fastapi"
