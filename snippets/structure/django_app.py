from django.urls import include, path

urlpatterns = [
    path("items/", include("snippets.structure.django_items.urls")),
    path("users/", include("snippets.structure.django_users.urls")),
]
