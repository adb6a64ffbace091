"""/statements/alignment/: statements as rows, states as columns; a cell is *signed*, *by the
council* (issued by a council while the state was a member) or *not recorded*
(events/alignment.py)."""

import csv
import datetime
import io
import re

import pytest

from memberships.choices import MembershipRole

from .factories import (
    CouncilFactory,
    JointStatementFactory,
    MembershipFactory,
    StateFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    member = StateFactory(name="Kazakhstan", slug="kazakhstan")
    MembershipFactory(
        state=member, role=MembershipRole.MEMBER, start_date=datetime.date(2009, 10, 3)
    )
    late = StateFactory(name="Uzbekistan", slug="uzbekistan")
    MembershipFactory(
        state=late, role=MembershipRole.MEMBER, start_date=datetime.date(2019, 10, 15)
    )
    observer = StateFactory(name="Hungary", slug="hungary")
    MembershipFactory(
        state=observer, role=MembershipRole.OBSERVER, start_date=datetime.date(2018, 9, 3)
    )
    council = CouncilFactory(slug="foreign-ministers")
    topic = TopicFactory(slug="afghanistan")
    early = JointStatementFactory(
        title="Early statement", council=council, issued_on=datetime.date(2015, 5, 1)
    )
    recent = JointStatementFactory(
        title="Recent statement", council=council, issued_on=datetime.date(2021, 9, 27)
    )
    recent.topics.add(topic)
    recent.signatories.add(observer)
    JointStatementFactory(
        title="Secretariat note", council=None, issued_on=datetime.date(2022, 1, 1)
    )
    return {"member": member, "late": late, "observer": observer, "early": early}


def cells_of(page: str, title: str) -> list[str]:
    row = page[page.index(title) :]
    row = row[: row.index("</tr>")]
    return re.findall(r'class="matrix__cell ([^"]+)"', row)


def test_each_cell_says_signed_by_the_council_or_not_recorded(client, world):
    page = client.get("/en/statements/alignment/").content.decode()
    header = page[page.index("<thead>") : page.index("</thead>")]
    assert [name for name in ("Kazakhstan", "Uzbekistan", "Hungary") if name in header]
    order = [
        re.search(rf'id="state-{slug}"', header).start()
        for slug in ("kazakhstan", "uzbekistan", "hungary")
    ]
    assert order[:2] == sorted(order[:2]) and order[1] < order[2]  # members first
    council, none, signed = (
        "alignment__cell--council",
        "matrix__cell--none",
        "matrix__cell--supported",
    )
    # Kazakhstan a member since 2009; Uzbekistan only from 2019; Hungary an observer, never by
    # the council, but a recorded signatory of the recent statement.
    assert cells_of(page, "Recent statement") == [council, council, signed]
    assert cells_of(page, "Early statement") == [council, none, none]
    assert cells_of(page, "Secretariat note") == [none, none, none]
    assert "1 of 3 has recorded signatories" in page


def test_the_filters_the_csv_and_the_links(client, world):
    page = client.get("/en/statements/alignment/?topic=afghanistan").content.decode()
    assert "Recent statement" in page and "Early statement" not in page
    page = client.get("/en/statements/alignment/?year=2015").content.decode()
    assert "Early statement" in page and "Recent statement" not in page
    csv_link = re.search(r'href="(/en/statements/alignment/\?[^"]*format=csv[^"]*)"', page)
    assert csv_link and "year=2015" in csv_link.group(1)
    response = client.get("/en/statements/alignment/", {"format": "csv", "topic": "afghanistan"})
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][3:] == ["kazakhstan", "uzbekistan", "hungary"]
    assert rows[1][0] == "recent-statement" or rows[1][1] == "2021-09-27"
    assert rows[1][3:] == ["council", "council", "signed"]
    state_page = client.get("/en/states/kazakhstan/").content.decode()
    assert 'href="/en/statements/alignment/#state-kazakhstan"' in state_page
    statements = client.get("/en/statements/?topic=afghanistan").content.decode()
    assert 'href="/en/statements/alignment/?topic=afghanistan"' in statements


def test_drafts_stay_out_and_the_page_is_translated(client, world):
    world["early"].publication = "draft"
    world["early"].save()
    page = client.get("/tr/statements/alignment/").content.decode()
    assert "Early statement" not in page
    assert '<html lang="tr">' in page
    heading = re.search(r"<h1>(.*?)</h1>", page).group(1)
    assert heading and heading != "Who stands together: statements and states"
