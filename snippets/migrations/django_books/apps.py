from django.apps import AppConfig


class BooksConfig(AppConfig):
    name = "snippets.migrations.django_books"
