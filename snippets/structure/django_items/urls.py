from django.urls import path

from . import views

app_name = "items"
urlpatterns = [
    path("", views.list_items, name="list"),
    path("<int:item_id>", views.read_item, name="detail"),
]
