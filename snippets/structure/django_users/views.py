from django.http import JsonResponse
from django.views.decorators.http import require_GET

USERS = {1: "ada"}


@require_GET
def list_users(request):
    return JsonResponse({"users": [{"id": user_id, "name": name} for user_id, name in USERS.items()]})
