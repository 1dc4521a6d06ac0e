from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_GET

FRAMEWORKS = ["Flask", "FastAPI", "Django"]


@require_GET
def hello(request, name):
    return render(request, "pages/hello.html", {"name": name, "frameworks": FRAMEWORKS})


urlpatterns = [path("hello/<str:name>", hello)]
