from django.db import models
from django.utils.translation import gettext_lazy as _


class Publication(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class DatePrecision(models.TextChoices):
    """How much of a stored date the sources actually give."""

    DAY = "day", _("Exact day")
    MONTH = "month", _("Month only")
    YEAR = "year", _("Year only")
    APPROXIMATE = "approximate", _("Approximate day")


def label_of(choices, value):
    """The label of `value` among the TextChoices `choices`, in the active language, or the
    value itself if it is none of them.

    For lists, in place of `get_FOO_display()`: Django's builds a dict of the whole choice set
    on each call, and hashing its lazy labels translates every one of them (a list of 25 rows
    translated some 400 labels for 50 shown).
    """
    try:
        return choices(value).label
    except ValueError:
        return value
