from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_GET


@require_GET
def hello(request, name):
    return render(request, "pages/greeting.html", {"name": name})


urlpatterns = [path("hello/<str:name>", hello)]
