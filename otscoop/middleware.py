"""Request guards and request logging shared by the website and the API."""

import logging
import time

from django.http import HttpResponseBadRequest, JsonResponse
from django.utils.translation import gettext as _

from .logs import new_request_id, request_id_var

request_logger = logging.getLogger("otscoop.request")


class RequestIdMiddleware:
    """Gives each request an id (or keeps the proxy's X-Request-ID), returns it in the
    X-Request-ID header, and logs one structured line per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = new_request_id(request.headers.get("X-Request-ID"))
        token = request_id_var.set(request_id)
        request.request_id = request_id
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response["X-Request-ID"] = request_id
            request_logger.info(
                "request",
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                    "cache": response.get("X-Cache", ""),
                },
            )
            return response
        finally:
            request_id_var.reset(token)


class RejectNullCharactersMiddleware:
    """Answer 400 to a query string holding a NUL character.

    PostgreSQL refuses NUL in text, so such a value reaching a filter or a search would end in
    a server error instead of a clear message. Form and serializer fields already refuse NUL in
    submitted bodies.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for name, values in request.GET.lists():
            if "\x00" in name or any("\x00" in value for value in values):
                clean_name = name.replace("\x00", "")
                message = _("The parameter “%(name)s” contains a NUL character.") % {
                    "name": clean_name
                }
                if request.path.startswith("/api/"):
                    # The API's errors are JSON bodies naming the field.
                    return JsonResponse({clean_name: [message]}, status=400)
                return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
