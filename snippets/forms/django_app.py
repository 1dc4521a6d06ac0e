from django import forms
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_http_methods


class ContactForm(forms.Form):
    name = forms.CharField(max_length=100)
    message = forms.CharField(max_length=1000, widget=forms.Textarea)


@require_http_methods(["GET", "POST"])
def contact(request):
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        return render(request, "contact/contact.html", {"thanks": form.cleaned_data["name"]})
    return render(request, "contact/contact.html", {"form": form})


urlpatterns = [path("contact", contact)]
