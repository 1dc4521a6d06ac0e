from django.http import JsonResponse
from django.urls import include, path
from django.utils.translation import get_language, gettext, ngettext


def inbox(request, count):
    return JsonResponse(
        {
            "language": get_language(),
            "greeting": gettext("Welcome back!"),
            "unread": ngettext("%(num)d new message", "%(num)d new messages", count) % {"num": count},
        }
    )


urlpatterns = [
    path("inbox/<int:count>", inbox),
    path("i18n/", include("django.conf.urls.i18n")),
]
