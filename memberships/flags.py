"""States' flags as SVG files served from `static/`, never as emoji (which Windows shows as two
letters): the flag-icons package's 4:3 flags, vendored in static/vendor/flag-icons/ (see its
VERSION), by ISO 3166-1 alpha-2 code; an entity the package lacks (the TRNC) has a flag of our
own in static/flags/, by the state's slug. A state with neither has no flag."""

from functools import lru_cache
from pathlib import Path

from django.conf import settings

FLAG_ICONS = "vendor/flag-icons/4x3/{code}.svg"
OWN_FLAGS = "flags/{slug}.svg"


@lru_cache(maxsize=1)
def available() -> tuple[frozenset, frozenset]:
    """The ISO codes flag-icons has a flag for, and the slugs with a flag of our own."""
    static = Path(settings.BASE_DIR) / "static"
    codes = frozenset(path.stem for path in (static / "vendor/flag-icons/4x3").glob("*.svg"))
    slugs = frozenset(path.stem for path in (static / "flags").glob("*.svg"))
    return codes, slugs


@lru_cache(maxsize=1024)
def flag_path(iso2: str | None, slug: str) -> str:
    """The flag's path under `static/` ("" without one)."""
    codes, slugs = available()
    code = (iso2 or "").lower()
    if code in codes:
        return FLAG_ICONS.format(code=code)
    if slug in slugs:
        return OWN_FLAGS.format(slug=slug)
    return ""
