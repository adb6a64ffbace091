"""What the parts of one `bench_data` run share: the seeded random numbers (`self.rng`), the
writer (`self.out`), the next id of each bulk model, and the reference rows' ids and names
(bench/data/reference.py)."""

import datetime

from bench.data.words import FIRST_NAMES, LAST_NAMES, SENTENCES_EN, SENTENCES_TR
from otscoop.choices import Publication

# Statuses and "upcoming" are decided against a fixed day, so the data never depends on the
# day the command runs.
REFERENCE_DAY = datetime.date(2026, 1, 1)
FIRST_DAY = datetime.date(1990, 1, 1)
LAST_DAY = datetime.date(2030, 12, 31)
DRAFT_EVERY = 50  # one record in 50 is a draft (the one at position 7, 57, 107, ...)
MAX_NUMBER = 32767  # PositiveSmallIntegerField


class Generator:
    """Helpers of the bulk rows (candidacies, meetings, statements)."""

    def take_id(self, model) -> int:
        value = self.next_id[model]
        self.next_id[model] = value + 1
        return value

    def publication(self, index: int) -> dict:
        if index % DRAFT_EVERY == 7:
            return {"publication": Publication.DRAFT.value, "published_at": None}
        return {"publication": Publication.PUBLISHED.value, "published_at": self.out.now}

    def person(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"

    def day_between(self, first: datetime.date, last: datetime.date) -> datetime.date:
        return first + datetime.timedelta(days=self.rng.randrange((last - first).days + 1))

    def sentences(self, turkish: bool, count: int, body: str, city: str) -> str:
        rng = self.rng
        templates = SENTENCES_TR if turkish else SENTENCES_EN
        topics = self.topic_words_tr if turkish else self.topic_words_en
        return " ".join(
            rng.choice(templates).format(
                body=body,
                city=city,
                topic=rng.choice(topics),
                state=rng.choice(self.member_names),
                org=rng.choice(self.organization_names),
            )
            for _ in range(count)
        )
