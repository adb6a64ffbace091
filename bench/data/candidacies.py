"""Candidacies of the synthetic data, with the support each gets."""

import datetime

from django.utils.text import slugify

from bench.data.generator import REFERENCE_DAY, Generator
from bench.data.words import OUTCOMES, SUPPORT_SOURCES, pick
from memberships.choices import CandidacyOutcome, SupportVisibility
from memberships.models import Candidacy, CandidacySupport
from otscoop.choices import DatePrecision, Publication


class CandidacyRows(Generator):
    def candidacies(self, count: int):
        rng = self.rng
        self.published_candidacies = []
        for index in range(count):
            state_id = rng.choice(self.member_ids)
            state_name = self.state_names[state_id]
            organization_id, acronym, post = rng.choice(self.posts)
            term_start = rng.randint(1995, 2032)
            term_end = term_start + rng.choice([0, 1, 2, 3, 3, 4])
            election_day = self.day_between(
                datetime.date(term_start - 1, 1, 1), datetime.date(term_start - 1, 12, 31)
            )
            precision = DatePrecision.DAY if rng.random() < 0.7 else DatePrecision.MONTH
            if precision == DatePrecision.MONTH:
                election_day = election_day.replace(day=1)
            if election_day >= REFERENCE_DAY:
                outcome = CandidacyOutcome.PENDING
            else:
                outcome = pick(rng, OUTCOMES)[0]
            term = f"{term_start}–{term_end}" if term_end != term_start else str(term_start)
            candidacy_id = self.take_id(Candidacy)
            publication = self.publication(index)
            self.out.add(
                Candidacy,
                id=candidacy_id,
                state_id=state_id,
                organization_id=organization_id,
                post_en=post,
                slug=f"{slugify(f'{state_name} {acronym} {post}')[:120]}-{term_start}-"
                f"{self.marker}-{index + 1}",
                candidate_person=self.person() if rng.random() < 0.3 else "",
                term_start=term_start,
                term_end=term_end,
                election_date=election_day,
                election_date_precision=precision,
                outcome=outcome,
                note_en=f"Candidacy of {state_name} ({term}) at the {acronym}."
                if rng.random() < 0.5
                else "",
                **publication,
            )
            if publication["publication"] == Publication.PUBLISHED:
                self.published_candidacies.append(candidacy_id)
            supporters = [pk for pk in self.participant_ids if pk != state_id]
            for supporter_id in rng.sample(supporters, rng.randint(1, len(supporters))):
                self.out.add(
                    CandidacySupport,
                    id=self.take_id(CandidacySupport),
                    candidacy_id=candidacy_id,
                    supporting_state_id=supporter_id,
                    candidate_state_id=state_id,
                    declared_on=election_day - datetime.timedelta(days=rng.randint(30, 700)),
                    declared_on_precision=DatePrecision.DAY,
                    source_text=rng.choice(SUPPORT_SOURCES),
                    visibility=SupportVisibility.PUBLIC
                    if rng.random() < 0.9
                    else SupportVisibility.INTERNAL,
                )
