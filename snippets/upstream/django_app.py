import asyncio

import httpx
from django.conf import settings
from django.http import JsonResponse
from django.urls import path
from django.views.decorators.http import require_GET


async def fetch(client: httpx.AsyncClient, url: str) -> tuple[str, object]:
    try:
        response = await client.get(url)
        response.raise_for_status()
        return "results", response.json()
    except httpx.TimeoutException:
        return "errors", "timeout"
    except httpx.HTTPStatusError as error:
        return "errors", f"HTTP {error.response.status_code}"
    except (httpx.HTTPError, ValueError):
        return "errors", "unavailable"


@require_GET
async def dashboard(request):
    upstreams = getattr(settings, "UPSTREAMS", {})
    async with httpx.AsyncClient(timeout=2.0) as client:
        outcomes = await asyncio.gather(*(fetch(client, url) for url in upstreams.values()))
    body = {"results": {}, "errors": {}}
    for name, (kind, value) in zip(upstreams, outcomes, strict=True):
        body[kind][name] = value
    return JsonResponse(body)


urlpatterns = [path("dashboard", dashboard)]
