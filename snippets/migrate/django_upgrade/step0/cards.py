from django import forms
from django.http import HttpResponse
from django.template import engines
from django.urls import path
from django.utils.html import format_html
from django.views.decorators.http import require_http_methods

POLICY = "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'"

PAGE = (
    "<!doctype html><title>New card</title>"
    '<form method="post">{% csrf_token %}{{ form }}<button>Make the card</button></form>'
)


class CardForm(forms.Form):
    title = forms.CharField(max_length=100)
    url = forms.URLField(max_length=200)


def content_security_policy(get_response):
    def middleware(request):
        response = get_response(request)
        response.headers.setdefault("Content-Security-Policy", POLICY)
        return response

    return middleware


@require_http_methods(["GET", "POST"])
def new_card(request):
    form = CardForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        link = format_html(
            '<a href="{}" rel="nofollow">{}</a>', form.cleaned_data["url"], form.cleaned_data["title"]
        )
        return HttpResponse(link + format_html('<p><a href="/card">Make another card</a></p>'))
    page = engines["django"].from_string(PAGE).render({"form": form}, request)
    return HttpResponse(page, status=400 if form.errors else 200)


urlpatterns = [path("card", new_card)]
