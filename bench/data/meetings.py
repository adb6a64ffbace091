"""Meetings of the synthetic data, with their delegations."""

import datetime

from django.db.models import Max
from django.utils.text import slugify

from bench.data.generator import FIRST_DAY, LAST_DAY, MAX_NUMBER, REFERENCE_DAY, Generator
from bench.data.reference import TOPICS
from bench.data.words import (
    FORMATS,
    LEVELS,
    MEETING_TITLES,
    MONTHS_EN,
    MONTHS_TR,
    PAST_STATUSES,
    PRECISIONS,
    THEMES,
    date_label,
    in_sentence,
    ordinal,
    pick,
)
from events.choices import SUMMIT_KINDS, MeetingFormat, MeetingKind, MeetingStatus
from events.models import Delegation, Meeting
from otscoop.choices import DatePrecision


class MeetingRows(Generator):
    def meetings(self, count: int):
        rng = self.rng
        # Numbered meetings go on from the numbers already there (`load_demo`'s summits).
        numbers: dict[tuple, int] = {
            (row["council_id"], row["kind"]): row["top"]
            for row in Meeting.objects.filter(number__isnull=False)
            .order_by()  # no default ordering in the GROUP BY
            .values("council_id", "kind")
            .annotate(top=Max("number"))
        }
        self.meeting_rows = []  # (id, start, precision, council index, kind) for statements
        for index in range(count):
            council_index, kind, _weight = pick(rng, self.meeting_kinds)
            council_id, council_slug, council_name, council_tr = self.councils[council_index]
            start = self.day_between(FIRST_DAY, LAST_DAY)
            precision = pick(rng, PRECISIONS)[0]
            end = None
            if precision == DatePrecision.MONTH:
                start = start.replace(day=1)
            elif precision == DatePrecision.YEAR:
                start = start.replace(month=1, day=1)
            elif rng.random() < 0.4:
                end = start + datetime.timedelta(days=rng.randint(1, 3))
            meeting_format = pick(rng, FORMATS)[0]
            host_id, city, city_tr = rng.choice(self.cities)
            if meeting_format == MeetingFormat.ONLINE:
                city = city_tr = ""
                host_id = host_id if rng.random() < 0.5 else None
            if start >= REFERENCE_DAY:
                status = MeetingStatus.SCHEDULED if rng.random() < 0.95 else MeetingStatus.POSTPONED
            else:
                status = pick(rng, PAST_STATUSES)[0]

            number = None
            summit = kind in SUMMIT_KINDS
            if summit or council_slug == "council-of-foreign-ministers":
                key = (council_id, kind)
                if numbers.get(key, 0) < MAX_NUMBER:
                    number = numbers[key] = numbers.get(key, 0) + 1
            topic_en, topic_tr = rng.choice(TOPICS)
            title_en, title_tr = MEETING_TITLES[kind]
            words = {
                "council": council_name or "",
                "council_tr": council_tr or "",
                "topic": in_sentence(topic_en),
                "topic_tr": topic_tr,
            }
            title_en, title_tr = title_en.format(**words), title_tr.format(**words)
            if number:
                title_en = f"{ordinal(number)} {title_en}"
                title_tr = f"{number}. {title_tr}"
            if city:
                title_en += f", {city}"
                title_tr += f", {city_tr}"
            title_en += f" ({date_label(start, precision, MONTHS_EN)})"
            title_tr += f" ({date_label(start, precision, MONTHS_TR)})"
            turkish = rng.random() < 0.3
            theme_en, theme_tr = rng.choice(THEMES) if summit or rng.random() < 0.3 else ("", "")
            body, place = council_name or "meeting", city or "Istanbul"
            meeting_id = self.take_id(Meeting)
            values = {
                "id": meeting_id,
                "kind": kind,
                "council_id": council_id,
                "number": number,
                "title_en": title_en,
                "slug": f"{slugify(title_en)[:150]}-{self.marker}-{index + 1}",
                "start_date": start,
                "end_date": end,
                "date_precision": precision,
                "city_en": city,
                "host_state_id": host_id,
                "format": meeting_format,
                "theme_en": theme_en,
                "summary_en": self.sentences(False, rng.randint(2, 4), body, place),
                "status": status,
                **self.publication(index),
            }
            if turkish:
                values["title_tr"] = title_tr
                values["city_tr"] = city_tr or None
                values["theme_tr"] = theme_tr or None
                values["summary_tr"] = self.sentences(
                    True, rng.randint(1, 3), council_tr or "Toplantı", city_tr or "İstanbul"
                )
            if kind == MeetingKind.SUMMIT and rng.random() < 0.5:
                values["chairmanship_from_id"], values["chairmanship_to_id"] = rng.sample(
                    self.member_ids, 2
                )
            self.out.add(Meeting, **values)
            self.meeting_rows.append((meeting_id, start, precision, council_index, kind))
            self.delegations(meeting_id, summit, council_slug)

    def delegations(self, meeting_id: int, summit: bool, council_slug: str | None):
        rng = self.rng
        if summit:
            levels = LEVELS["summit"]
            size = rng.randint(len(self.member_ids), len(self.participant_ids))
        elif council_slug in ("council-of-foreign-ministers", "council-of-elders"):
            levels, size = LEVELS["ministers"], rng.randint(3, len(self.member_ids))
        else:
            levels, size = LEVELS["officials"], rng.choice([0, 0, 1, 2, 3, 4])
        for state_id in rng.sample(self.participant_ids, size):
            level, office, _weight = pick(rng, levels)
            self.out.add(
                Delegation,
                id=self.take_id(Delegation),
                meeting_id=meeting_id,
                state_id=state_id,
                head_of_delegation=self.person(),
                title_en=f"{office} of {self.state_names[state_id]}",
                level=level,
            )
