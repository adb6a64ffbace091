"""WHO: states, their membership of the OTS, other organizations, candidacies and the support
they get, and the OTS's own observer status at other organizations.

The models live in the modules of this package, by domain; every name is imported here, so
that `from memberships.models import X` keeps working and Django finds the models. The modules
are imported in the order the models were declared when they shared one file (the app
registry's order, e.g. for dumpdata).
"""

# isort: off
from .states import (
    STATE_LINK_FIELDS,
    Membership,
    State,
    StateQuerySet,
    iso2_validator,
    iso3_validator,
)
from .organizations import ObserverStatus, ObserverStatusStep, Organization
from .candidacies import (
    CANDIDACY_ROW_FIELDS,
    CANDIDACY_SEARCH_COLUMNS,
    SUPPORT_CHIP_FIELDS,
    SUPPORT_GIVEN_ROW_FIELDS,
    Candidacy,
    CandidacyQuerySet,
    CandidacySupport,
    CandidacySupportQuerySet,
    state_link_columns,
    year_validators,
)
from .places import PLACE_LINK_FIELDS, Place
# isort: on

__all__ = [
    "CANDIDACY_ROW_FIELDS",
    "CANDIDACY_SEARCH_COLUMNS",
    "PLACE_LINK_FIELDS",
    "STATE_LINK_FIELDS",
    "SUPPORT_CHIP_FIELDS",
    "SUPPORT_GIVEN_ROW_FIELDS",
    "Candidacy",
    "CandidacyQuerySet",
    "CandidacySupport",
    "CandidacySupportQuerySet",
    "Membership",
    "ObserverStatus",
    "ObserverStatusStep",
    "Organization",
    "Place",
    "State",
    "StateQuerySet",
    "iso2_validator",
    "iso3_validator",
    "state_link_columns",
    "year_validators",
]
