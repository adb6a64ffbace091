"""What a list offers to take away: its calendar (iCalendar, to subscribe to), its Atom feeds and
its CSV, each of the list's current filters and in the page's language.

A list view names its offers (`Offers`); `offers()` turns them into links for the template
(`includes/subscribe.html`: buttons) and for the page's head (`<link rel="alternate">`):

- a calendar as a `webcal://` link (calendar applications subscribe to it) and an https link;
- an Atom feed;
- the CSV of the API's list (`?format=csv`), with the API's columns.

The links carry the list's filters that are valid (a page number is not a filter) and a
`fixed` query the list itself implies (the summits timeline: the Council of Heads of State).
Calendars and feeds live under the page's language prefix; the API's CSV takes `lang`.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Offers:
    """A list's offers, by URL name: a calendar, Atom feeds ((URL name, title) or (URL name,
    title, a query of its own in place of `fixed`)), the API list."""

    calendar: str = ""
    feeds: tuple = ()
    csv: str = ""
    fixed: dict = field(default_factory=dict)


def list_query(request, filterset=None, fixed=None) -> dict:
    """The list's current filters: the valid ones of its FilterSet, and the `fixed` ones."""
    query = {}
    if filterset is not None:
        errors = filterset.errors if filterset.is_bound else {}
        for name in filterset.filters:
            value = request.GET.get(name)
            if value not in (None, "") and name not in errors:
                query[name] = value
    query.update(fixed or {})
    return query


def with_query(url: str, query: dict) -> str:
    return f"{url}?{urlencode(query)}" if query else url


def offers(request, spec: Offers, filterset=None) -> dict:
    """The links of `spec` for the current request: {"calendar": {https, webcal}, "feeds":
    [{url, title}], "csv": url}; the calendar's and feeds' URLs are absolute."""
    query = list_query(request, filterset, spec.fixed)
    links = {"calendar": None, "feeds": [], "csv": None}
    if spec.calendar:
        https = request.build_absolute_uri(with_query(reverse(spec.calendar), query))
        links["calendar"] = {
            "https": https,
            "webcal": "webcal://" + https.split("://", 1)[1],
            "title": _("Calendar of these meetings"),
        }
    for name, title, *own in spec.feeds:
        feed_query = list_query(request, filterset, own[0]) if own else query
        url = request.build_absolute_uri(with_query(reverse(name), feed_query))
        links["feeds"].append({"url": url, "title": title})
    if spec.csv:
        csv_query = {**query, "format": "csv", "lang": get_language()}
        links["csv"] = with_query(reverse(spec.csv), csv_query)
    return links


class OffersMixin:
    """A list view with offers (`offers` = an Offers): `offers` in its template's context."""

    offers = Offers()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["offers"] = offers(self.request, self.get_offers(), context.get("filter"))
        return context

    def get_offers(self) -> Offers:
        return self.offers
