"""Stand-in upstream services for the upstream task: each call waits until all calls of its round arrive.

`GET /<round>/<parties>/<behaviour>/<name>` waits on a barrier shared by the `parties` calls of
`round`. A caller that fetched its upstreams one after another would leave the first call
waiting alone: it gets 504 after `WAIT` seconds (longer than the apps' 2 s client timeout),
so the app reports a timeout and the test fails. Behaviours: `ok` answers `{"service": name}`, `fail`
answers 500, `hang` never answers (the app's client timeout must fire), `text` answers
something that is not JSON.
"""

import asyncio

from starlette.applications import Starlette
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Route

WAIT = 5.0
barriers: dict[str, asyncio.Barrier] = {}


async def upstream(request):
    round_id = request.path_params["round_id"]
    parties = request.path_params["parties"]
    behaviour = request.path_params["behaviour"]
    barrier = barriers.setdefault(round_id, asyncio.Barrier(parties))
    try:
        await asyncio.wait_for(barrier.wait(), WAIT)
    except (TimeoutError, asyncio.BrokenBarrierError):
        return PlainTextResponse("calls were not concurrent", status_code=504)
    if behaviour == "fail":
        return PlainTextResponse("upstream broke", status_code=500)
    if behaviour == "hang":
        await asyncio.Event().wait()
    if behaviour == "text":
        return PlainTextResponse("not json")
    return JSONResponse({"service": request.path_params["name"]})


async def ready(request):
    return PlainTextResponse("ready")


app = Starlette(
    routes=[
        Route("/ready", ready),
        Route("/{round_id}/{parties:int}/{behaviour}/{name}", upstream),
    ]
)
