from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@never_cache
@require_GET
def healthz(request):
    """Liveness for load balancers and benchmarks: the process answers; no database work."""
    return HttpResponse("ok\n", content_type="text/plain")
