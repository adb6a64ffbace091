"""Pages of API lists: `?page=` and `?page_size=`, validated and described for the schema."""

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions
from rest_framework.pagination import PageNumberPagination

DEFAULT_PAGE_SIZE = 25
MAX_PAGE_SIZE = 100


class ApiPagination(PageNumberPagination):
    """`?page=` and `?page_size=` (default 25; larger values are capped at 100)."""

    page_size = DEFAULT_PAGE_SIZE
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE

    def get_page_number(self, request, paginator):
        number = super().get_page_number(request, paginator)
        if isinstance(number, int):  # "last", or no page asked for
            return number
        try:
            valid = int(number) >= 1
        except (TypeError, ValueError):
            valid = False
        if not valid:
            raise exceptions.ValidationError(
                {self.page_query_param: [_("A page number is a whole number from 1.")]}
            )
        return number

    def get_paginated_response_schema(self, schema):
        paginated = super().get_paginated_response_schema(schema)
        descriptions = {
            "count": _("Number of records that match, on all pages."),
            "next": _("URL of the next page; null on the last."),
            "previous": _("URL of the previous page; null on the first."),
            "results": _("The records of this page."),
        }
        for name, description in descriptions.items():
            paginated["properties"][name]["description"] = str(description)
        return paginated

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.page_query_param,
                "required": False,
                "in": "query",
                "description": str(
                    _("Page number, from 1. A page past the last one is a 404; `last` works too.")
                ),
                "schema": {"type": "integer", "minimum": 1},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": str(
                    _(
                        "Results per page: %(default)s by default, at most %(max)s "
                        "(larger values are capped)."
                    )
                    % {"default": DEFAULT_PAGE_SIZE, "max": MAX_PAGE_SIZE}
                ),
                "schema": {"type": "integer", "minimum": 1},
            },
        ]
