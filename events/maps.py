"""The region maps of the pages (memberships/maps.py draws them): meetings by place (the home
page, the meetings list following its filters) and election missions by observed country.

Each map is one query over the list's filtered rows, whatever their number: the places (or
states) with their counts, grouped in the database. Callers pass published rows only.
"""

from django.db.models import Avg, Count, OuterRef, Q, Subquery
from django.urls import reverse

from memberships.maps import RegionMap, region_map
from memberships.models import PLACE_LINK_FIELDS, STATE_LINK_FIELDS, Place, State
from otscoop.subscriptions import with_query


def filtered_url(name: str, query, parameter: str, slug: str) -> str:
    """The list `name` filtered by `parameter`, keeping the valid filters of the page shown
    (`query`: otscoop.subscriptions.list_query, as its feeds and CSV keep them)."""
    return with_query(reverse(name), {**(query or {}), parameter: slug})


def coordinate(value):
    return None if value is None else float(value)


def meetings_by_place(meetings, query=None) -> RegionMap:
    """The places of `meetings` (a queryset), each with its number of meetings; a marker links
    to the meetings list filtered by its place (and by the filters of `query`)."""
    places = (
        Place.objects.filter(meetings__in=meetings.order_by().values("pk"))
        .annotate(count=Count("meetings"))
        .select_related("state")
        .only(
            *PLACE_LINK_FIELDS,
            "latitude",
            "longitude",
            *(f"state__{field}" for field in STATE_LINK_FIELDS),
        )
        .order_by()
    )
    return region_map(
        (
            place,
            place.count,
            filtered_url("events:meeting-list", query, "place", place.slug),
            coordinate(place.longitude),
            coordinate(place.latitude),
        )
        for place in places
    )


def missions_by_country(missions, query=None) -> RegionMap:
    """The states `missions` (a queryset) observed, each with its number of missions, placed at
    its capital (a place of the state named like its capital), else at the mean of the places
    those missions observed, else at the mean of the state's recorded places; a state with
    none is listed but not drawn. A marker links to the missions list filtered by its state
    (and by the filters of `query`)."""
    rows = missions.order_by().values("pk")
    capital = Place.objects.filter(state=OuterRef("pk")).filter(
        Q(name_en__iexact=OuterRef("capital_en")) & ~Q(name_en="")
    )
    observed = (
        Place.objects.filter(
            observation_missions__in=rows, observation_missions__observed_state=OuterRef("pk")
        )
        .order_by()
        .values("observation_missions__observed_state")
    )
    recorded = Place.objects.filter(state=OuterRef("pk")).order_by().values("state")
    states = (
        State.objects.filter(observed_elections__in=rows)
        .annotate(
            count=Count("observed_elections"),
            capital_latitude=Subquery(capital.values("latitude")[:1]),
            capital_longitude=Subquery(capital.values("longitude")[:1]),
            observed_latitude=Subquery(observed.annotate(mean=Avg("latitude")).values("mean")),
            observed_longitude=Subquery(observed.annotate(mean=Avg("longitude")).values("mean")),
            recorded_latitude=Subquery(recorded.annotate(mean=Avg("latitude")).values("mean")),
            recorded_longitude=Subquery(recorded.annotate(mean=Avg("longitude")).values("mean")),
        )
        .only(*STATE_LINK_FIELDS)
        .order_by()
    )
    entries = []
    for state in states:
        for kind in ("capital", "observed", "recorded"):
            latitude = getattr(state, f"{kind}_latitude")
            longitude = getattr(state, f"{kind}_longitude")
            if latitude is not None:
                break
        url = filtered_url("events:election-mission-list", query, "observed_state", state.slug)
        entries.append((state, state.count, url, coordinate(longitude), coordinate(latitude)))
    return region_map(entries)
