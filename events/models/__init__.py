"""WHAT and WHEN: the OTS organs, their meetings (summits ...), delegations, documents, joint
statements and election observation missions.

The models live in the modules of this package, by domain; every name is imported here, so
that `from events.models import X` keeps working and Django finds the models. The modules are
imported in the order the models were declared when they shared one file (the app registry's
order, e.g. for dumpdata).
"""

# isort: off
from .querysets import (
    DOCUMENT_LIST_FIELDS,
    DOCUMENT_SEARCH_COLUMNS,
    MEETING_ROW_FIELDS,
    MEETING_SEARCH_COLUMNS,
    MISSION_SEARCH_COLUMNS,
    STATEMENT_ROW_FIELDS,
    STATEMENT_SEARCH_COLUMNS,
    DocumentQuerySet,
    JointStatementQuerySet,
    MeetingQuerySet,
)
from .meetings import Council, Delegation, Meeting, precision_span
from .documents import Document, document_upload_to, validate_pdf
from .statements import JointStatement, Topic
from .missions import ElectionObservationMission
from .secretaries import SecretaryGeneral
# isort: on

__all__ = [
    "DOCUMENT_LIST_FIELDS",
    "DOCUMENT_SEARCH_COLUMNS",
    "MEETING_ROW_FIELDS",
    "MEETING_SEARCH_COLUMNS",
    "MISSION_SEARCH_COLUMNS",
    "STATEMENT_ROW_FIELDS",
    "STATEMENT_SEARCH_COLUMNS",
    "Council",
    "Delegation",
    "Document",
    "DocumentQuerySet",
    "ElectionObservationMission",
    "JointStatement",
    "JointStatementQuerySet",
    "Meeting",
    "MeetingQuerySet",
    "SecretaryGeneral",
    "Topic",
    "document_upload_to",
    "precision_span",
    "validate_pdf",
]
