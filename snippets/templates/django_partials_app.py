from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_GET

FRAMEWORKS = ["Flask", "FastAPI", "Django"]


@require_GET
def frameworks(request):
    query = request.GET.get("q", "")
    matches = [name for name in FRAMEWORKS if query.lower() in name.lower()]
    template = "pages/frameworks.html"
    if request.headers.get("HX-Request") == "true":
        template += "#framework-list"
    return render(request, template, {"query": query, "frameworks": matches})


urlpatterns = [path("frameworks", frameworks)]
