"""Django serves `async def` views; under ASGI two of them wait at the same time on one event loop."""

import asyncio
from types import ModuleType

from django.http import JsonResponse
from django.test import AsyncClient
from django.urls import path

WAIT_TIMEOUT = 5


def urlconf(barrier_holder: dict) -> ModuleType:
    async def meet(request):
        try:
            await asyncio.wait_for(barrier_holder["barrier"].wait(), timeout=WAIT_TIMEOUT)
        except TimeoutError:
            return JsonResponse({"met": False})
        return JsonResponse({"met": True})

    module = ModuleType("async_meeting_urls")
    module.urlpatterns = [path("meet", meet)]
    return module


def test_two_async_views_are_in_flight_together(settings):
    holder: dict = {}
    settings.ROOT_URLCONF = urlconf(holder)

    async def main() -> list[dict]:
        holder["barrier"] = asyncio.Barrier(2)
        client = AsyncClient()
        responses = await asyncio.gather(client.get("/meet"), client.get("/meet"))
        return [(response.status_code, response.json()) for response in responses]

    assert asyncio.run(main()) == [(200, {"met": True}), (200, {"met": True})]
