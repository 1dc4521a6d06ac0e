from django.urls import path

from . import views

urlpatterns = [
    path("session", views.session),
    path("session/login", views.log_in),
    path("session/logout", views.log_out),
    path("notifications", views.notify),
    path("notifications/stream", views.stream),
    path("live-token", views.live_token),
]
