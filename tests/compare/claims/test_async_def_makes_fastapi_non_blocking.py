"""FastAPI runs `def` endpoints in AnyIO's thread pool (40 threads) and `async def` ones on the event loop.

Two requests meet at a barrier only if both run at the same time: `def`
endpoints do; a blocking call inside `async def` stalls the event loop, so the
second request cannot start until the first gives up.
"""

import asyncio
import threading

import anyio
import anyio.to_thread
import httpx
from fastapi import FastAPI

BARRIER_TIMEOUT = 2


def test_default_thread_pool_has_40_threads():
    async def total_tokens() -> float:
        return anyio.to_thread.current_default_thread_limiter().total_tokens

    assert anyio.run(total_tokens) == 40


def make_app(barrier: threading.Barrier) -> FastAPI:
    app = FastAPI()

    def meet() -> bool:
        try:
            barrier.wait(timeout=BARRIER_TIMEOUT)
        except threading.BrokenBarrierError:
            return False
        return True

    @app.get("/def")
    def blocking_in_def() -> dict[str, bool]:
        return {"met": meet()}

    @app.get("/async-def")
    async def blocking_in_async_def() -> dict[str, bool]:
        return {"met": meet()}

    @app.get("/async-def-offloaded")
    async def offloaded_from_async_def() -> dict[str, bool]:
        return {"met": await anyio.to_thread.run_sync(meet)}

    return app


def two_requests_at_once(path: str) -> list[dict]:
    app = make_app(threading.Barrier(2))

    async def main() -> list[dict]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            responses = await asyncio.gather(client.get(path), client.get(path))
        return [response.json() for response in responses]

    return asyncio.run(main())


def test_def_endpoints_run_in_threads_and_overlap():
    assert two_requests_at_once("/def") == [{"met": True}, {"met": True}]


def test_blocking_call_in_async_def_blocks_every_request():
    assert two_requests_at_once("/async-def") == [{"met": False}, {"met": False}]


def test_async_def_that_offloads_the_blocking_call_overlaps_again():
    assert two_requests_at_once("/async-def-offloaded") == [{"met": True}, {"met": True}]
