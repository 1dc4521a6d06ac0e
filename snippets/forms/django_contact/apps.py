from django.apps import AppConfig


class ContactConfig(AppConfig):
    name = "snippets.forms.django_contact"
