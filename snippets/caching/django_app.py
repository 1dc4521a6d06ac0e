import time
from functools import wraps
from itertools import count

from django.core.cache import cache
from django.http import JsonResponse
from django.urls import path
from django.views.decorators.cache import cache_page

runs = count(1)


def rate_limit(limit, per_seconds):
    def decorator(view):
        @wraps(view)
        def limited(request, *args, **kwargs):
            window = int(time.time() // per_seconds)
            key = f"rate:{view.__name__}:{request.META['REMOTE_ADDR']}:{window}"
            cache.add(key, 0, timeout=per_seconds)
            if cache.incr(key) > limit:
                response = JsonResponse({"detail": "Rate limit exceeded"}, status=429)
                response["Retry-After"] = str(per_seconds - int(time.time()) % per_seconds)
                return response
            return view(request, *args, **kwargs)

        return limited

    return decorator


@cache_page(60)
def report(request):
    return JsonResponse({"run": next(runs)})


@rate_limit(5, per_seconds=60)
def search(request):
    return JsonResponse({"query": request.GET.get("q", "")})


urlpatterns = [
    path("report", report),
    path("search", search),
]
