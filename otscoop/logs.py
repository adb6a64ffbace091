"""The request id: one per request, on every log line it causes and on its response."""

import contextvars
import re
import uuid

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
# An id sent by a proxy (X-Request-ID) is kept when it looks like one.
ACCEPTED_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


def new_request_id(incoming: str | None) -> str:
    if incoming and ACCEPTED_ID.match(incoming):
        return incoming
    return uuid.uuid4().hex


class RequestIdFilter:
    """Adds `request_id` to every log record."""

    def filter(self, record):
        record.request_id = request_id_var.get()
        return True
