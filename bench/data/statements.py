"""Joint statements of the synthetic data, with their signatories, topics and the candidacies
they endorse."""

from django.utils.text import slugify

from bench.data.generator import FIRST_DAY, REFERENCE_DAY, Generator
from bench.data.reference import TOPICS
from bench.data.words import (
    FREE_STATEMENT_KINDS,
    MONTHS_EN,
    STATEMENT_TITLES,
    date_label,
    in_sentence,
    pick,
)
from events.choices import SUMMIT_KINDS, StatementKind
from events.models import JointStatement
from otscoop.choices import DatePrecision


class StatementRows(Generator):
    def statements(self, count: int):
        rng = self.rng
        signatories = JointStatement.signatories.through
        topics = JointStatement.topics.through
        endorsed = JointStatement.endorsed_candidacies.through
        secretariat = next(i for i, row in enumerate(self.councils) if row[1] == "secretariat")
        for index in range(count):
            meeting_id = None
            if self.meeting_rows and rng.random() < 0.6:
                # Dated at its meeting, at the meeting's precision: within its dates.
                meeting_id, issued_on, precision, council_index, meeting_kind = rng.choice(
                    self.meeting_rows
                )
                if meeting_kind in SUMMIT_KINDS:
                    kind = StatementKind.DECLARATION
                elif self.councils[council_index][1] == "council-of-foreign-ministers":
                    kind = rng.choice([StatementKind.JOINT_STATEMENT, StatementKind.COMMUNIQUE])
                else:
                    kind = StatementKind.PRESS_STATEMENT
            else:
                issued_on = self.day_between(FIRST_DAY, REFERENCE_DAY)
                precision = DatePrecision.DAY
                kind = pick(rng, FREE_STATEMENT_KINDS)[0]
                if kind == StatementKind.SECRETARY_GENERAL_STATEMENT:
                    council_index = secretariat
                else:
                    council_index = rng.randrange(len(self.councils))
            council_id, _slug, council_name, _tr = self.councils[council_index]
            chosen = rng.sample(range(len(TOPICS)), rng.choice([1, 1, 2, 2, 3]))
            subject_en, subject_tr = TOPICS[chosen[0]]
            issuer = council_name or "Organization of Turkic States"
            title_en = STATEMENT_TITLES[kind].format(issuer=issuer, subject=in_sentence(subject_en))
            title_en += f" ({date_label(issued_on, precision, MONTHS_EN)})"
            _host_id, city, city_tr = rng.choice(self.cities)
            paragraphs = [
                self.sentences(False, rng.randint(2, 4), issuer, city)
                for _ in range(rng.randint(2, 5))
            ]
            statement_id = self.take_id(JointStatement)
            values = {
                "id": statement_id,
                "title_en": title_en,
                "slug": f"{slugify(title_en)[:150]}-{self.marker}-{index + 1}",
                "kind": kind,
                "issued_on": issued_on,
                "date_precision": precision,
                "issuer_en": issuer,
                "council_id": council_id,
                "meeting_id": meeting_id,
                "summary_en": self.sentences(False, 1, issuer, city),
                "text_en": "\n\n".join(paragraphs),
                **self.publication(index),
            }
            if rng.random() < 0.3:
                values["title_tr"] = f"{subject_tr} hakkında bildiri"
                if rng.random() < 0.3:
                    values["text_tr"] = self.sentences(True, rng.randint(3, 6), issuer, city_tr)
            self.out.add(JointStatement, **values)

            if kind == StatementKind.SECRETARY_GENERAL_STATEMENT:
                signers = []
            elif rng.random() < 0.8:
                signers = self.member_ids
            else:
                signers = rng.sample(
                    self.participant_ids, rng.randint(2, len(self.participant_ids))
                )
            for state_id in signers:
                self.out.add(signatories, jointstatement_id=statement_id, state_id=state_id)
            for topic in chosen:
                self.out.add(topics, jointstatement_id=statement_id, topic_id=self.topic_ids[topic])
            if self.published_candidacies and rng.random() < 0.03:
                candidacy_id = rng.choice(self.published_candidacies)
                self.out.add(endorsed, jointstatement_id=statement_id, candidacy_id=candidacy_id)
