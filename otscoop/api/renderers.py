"""Renderers of the REST API: JSON safe to paste into a page, and CSV exports of lists."""

import csv
import io

from rest_framework.renderers import BaseRenderer, JSONRenderer

from .fields import FallbacksField

# A CSV export holds every filtered row, up to this many; beyond it the client narrows the
# filters (the whole OTS record is a few thousand rows, so this is a guard, not a limit).
CSV_MAX_ROWS = 10_000


class EscapedJSONRenderer(JSONRenderer):
    """JSON with "<", ">" and "&" written as \\u escapes.

    The same data for any JSON parser, but text a member of staff typed (say a title holding
    "<script>") can never act as markup if a client pastes the body into a page. These three
    characters only occur inside JSON strings, so replacing them in the output is safe.
    """

    def render(self, data, accepted_media_type=None, renderer_context=None):
        body = super().render(data, accepted_media_type, renderer_context)
        return body.replace(b"<", b"\\u003c").replace(b">", b"\\u003e").replace(b"&", b"\\u0026")


def csv_cell(value) -> str:
    """A flat CSV cell: a related object by its slug (else by its first related object, URL,
    title, display text or id); lists joined with "; "."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        if value.get("slug"):
            return csv_cell(value["slug"])
        nested = [item for item in value.values() if isinstance(item, dict)]
        if nested:  # e.g. a delegation by its state
            return csv_cell(nested[0])
        for key in ("url", "title", "display", "id"):
            if value.get(key) not in (None, ""):
                return csv_cell(value[key])
        return ""
    if isinstance(value, list):
        return "; ".join(csv_cell(item) for item in value)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value  # a cell starting like a formula would run in a spreadsheet
    return str(value)


class CSVRenderer(BaseRenderer):
    """A list as CSV, one row per record (`?format=csv`); the list's filters apply."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        rows = data if isinstance(data, list) else [data]
        view = (renderer_context or {}).get("view")
        if view is not None and hasattr(view, "get_serializer"):
            # Which texts fall back to another language is the JSON's to say, not a column's.
            header = [
                name
                for name, field in view.get_serializer().fields.items()
                if not field.write_only and not isinstance(field, FallbacksField)
            ]
        else:
            header = list(rows[0]) if rows else []
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(header)
        for row in rows:
            writer.writerow([csv_cell(row.get(name)) for name in header])
        return buffer.getvalue().encode(self.charset)
