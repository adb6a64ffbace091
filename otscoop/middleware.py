"""Request guards shared by the website and the API."""

from django.http import HttpResponseBadRequest
from django.utils.translation import gettext as _


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
                return HttpResponseBadRequest(
                    _("The parameter “%(name)s” contains a NUL character.")
                    % {"name": name.replace("\x00", "")},
                    content_type="text/plain; charset=utf-8",
                )
        return self.get_response(request)
