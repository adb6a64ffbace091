"""`python manage.py bench_data`: fill the current database with seeded synthetic data.

For benchmarks (`make bench` runs it against a database of its own, never the developer's):
meetings across 1990–2030, joint statements with signatories and topics, candidacies with the
support they get, and delegations, written in English (some in Turkish), ~2% of them drafts.
The same `--seed` gives the same data.

The bulk rows are written with PostgreSQL's COPY (or `bulk_create` on other databases), with
ids assigned here so that related rows can be written without reading anything back. No
history rows are written (bulk inserts bypass django-simple-history); every database
constraint still holds. The reference rows (states, councils, organizations, topics) are
looked up by slug and created when missing, with the demo data's slugs and names, so the
command also runs on top of `load_demo`.
"""

import datetime
import enum
import random
import time

from django.core.management.base import BaseCommand, CommandError
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.text import slugify
from modeltranslation.translator import NotRegistered, translator

from events.choices import (
    SUMMIT_KINDS,
    DelegationLevel,
    MeetingFormat,
    MeetingKind,
    MeetingStatus,
    StatementKind,
)
from events.models import Council, Delegation, JointStatement, Meeting, Topic
from memberships.choices import (
    CandidacyOutcome,
    MembershipRole,
    OrganizationKind,
    StateKind,
    SupportVisibility,
)
from memberships.models import Candidacy, CandidacySupport, Membership, Organization, State
from otscoop.choices import DatePrecision, Publication

# Statuses and "upcoming" are decided against a fixed day, so the data never depends on the
# day the command runs.
REFERENCE_DAY = datetime.date(2026, 1, 1)
FIRST_DAY = datetime.date(1990, 1, 1)
LAST_DAY = datetime.date(2030, 12, 31)
DRAFT_EVERY = 50  # one record in 50 is a draft (the one at position 7, 57, 107, ...)
MAX_NUMBER = 32767  # PositiveSmallIntegerField
# Written in bulk with ids given here (their sequences are moved on afterwards).
BULK_MODELS = [Candidacy, CandidacySupport, Meeting, Delegation, JointStatement]
BULK_M2M = [
    JointStatement.signatories.field,
    JointStatement.topics.field,
    JointStatement.endorsed_candidacies.field,
]

# --- Reference data (slugs and names as in the demo data) --------------------------------

# slug, name, Turkish name, kind, iso2, iso3, capital, role, member since, cities (en, tr)
STATES = [
    ("azerbaijan", "Azerbaijan", "Azerbaycan", StateKind.STATE, "AZ", "AZE", "Baku",
     MembershipRole.MEMBER, "2009-10-03",
     [("Baku", "Bakü"), ("Ganja", "Gence"), ("Shusha", "Şuşa"), ("Nakhchivan", "Nahçıvan"),
      ("Gabala", "Gebele"), ("Sheki", "Şeki")]),
    ("kazakhstan", "Kazakhstan", "Kazakistan", StateKind.STATE, "KZ", "KAZ", "Astana",
     MembershipRole.MEMBER, "2009-10-03",
     [("Astana", "Astana"), ("Almaty", "Almatı"), ("Turkistan", "Türkistan"),
      ("Shymkent", "Çimkent"), ("Aktau", "Aktav")]),
    ("kyrgyzstan", "Kyrgyzstan", "Kırgızistan", StateKind.STATE, "KG", "KGZ", "Bishkek",
     MembershipRole.MEMBER, "2009-10-03",
     [("Bishkek", "Bişkek"), ("Cholpon-Ata", "Çolpon-Ata"), ("Osh", "Oş"),
      ("Karakol", "Karakol")]),
    ("turkiye", "Türkiye", "Türkiye", StateKind.STATE, "TR", "TUR", "Ankara",
     MembershipRole.MEMBER, "2009-10-03",
     [("Istanbul", "İstanbul"), ("Ankara", "Ankara"), ("Antalya", "Antalya"),
      ("Izmir", "İzmir"), ("Bursa", "Bursa"), ("Konya", "Konya")]),
    ("uzbekistan", "Uzbekistan", "Özbekistan", StateKind.STATE, "UZ", "UZB", "Tashkent",
     MembershipRole.MEMBER, "2019-10-15",
     [("Tashkent", "Taşkent"), ("Samarkand", "Semerkant"), ("Bukhara", "Buhara"),
      ("Khiva", "Hive")]),
    ("hungary", "Hungary", "Macaristan", StateKind.STATE, "HU", "HUN", "Budapest",
     MembershipRole.OBSERVER, "2018-09-03",
     [("Budapest", "Budapeşte"), ("Debrecen", "Debrecen")]),
    ("turkmenistan", "Turkmenistan", "Türkmenistan", StateKind.STATE, "TM", "TKM", "Ashgabat",
     MembershipRole.OBSERVER, "2021-11-12",
     [("Ashgabat", "Aşkabat"), ("Avaza", "Avaza")]),
    ("trnc", "Turkish Republic of Northern Cyprus", "Kuzey Kıbrıs Türk Cumhuriyeti",
     StateKind.ENTITY, None, None, "Nicosia", MembershipRole.OBSERVER, "2022-11-11",
     [("Nicosia", "Lefkoşa"), ("Kyrenia", "Girne")]),
    ("united-states", "United States", "Amerika Birleşik Devletleri", StateKind.STATE, "US",
     "USA", "Washington", None, None, [("New York", "New York")]),
]  # fmt: skip

# slug, name, Turkish name, acronym, kind, order, meeting kinds (kind, weight)
COUNCILS = [
    ("council-of-heads-of-state", "Council of Heads of State", "Devlet Başkanları Konseyi",
     "CHS", "council", 1,
     [(MeetingKind.SUMMIT, 30), (MeetingKind.INFORMAL_SUMMIT, 10),
      (MeetingKind.EXTRAORDINARY_SUMMIT, 5)]),
    ("council-of-foreign-ministers", "Council of Foreign Ministers",
     "Dışişleri Bakanları Konseyi", "CFM", "council", 2,
     [(MeetingKind.COUNCIL_MEETING, 100), (MeetingKind.INFORMAL_MEETING, 40),
      (MeetingKind.EXTRAORDINARY_MEETING, 10)]),
    ("senior-officials-committee", "Senior Officials Committee", "Kıdemli Memurlar Komitesi",
     "SOC", "committee", 3, [(MeetingKind.COMMITTEE_MEETING, 200)]),
    ("council-of-elders", "Council of Elders (Aksakals)", "Aksakallar Konseyi", "CoE",
     "council", 4, [(MeetingKind.COUNCIL_MEETING, 50)]),
    ("secretariat", "Secretariat", "Sekretarya", "", "secretariat", 5,
     [(MeetingKind.TRAINING_PROGRAMME, 150), (MeetingKind.RESEARCH_CENTRES_MEETING, 80),
      (MeetingKind.SECURITY_CONSULTATION, 80), (MeetingKind.POLITICAL_CONSULTATION, 100)]),
    ("european-office", "European Office", "Avrupa Ofisi", "", "office", 6,
     [(MeetingKind.OTHER, 40)]),
    ("coordination-committee", "Coordination Committee of the Turkic Cooperation Organizations",
     "Türk İşbirliği Kuruluşları Koordinasyon Komitesi", "", "committee", 7,
     [(MeetingKind.COMMITTEE_MEETING, 30)]),
    (None, None, None, None, None, None, [(MeetingKind.OTHER, 75)]),
]  # fmt: skip

# slug, name, acronym, kind, parent slug, posts
ORGANIZATIONS = [
    ("united-nations", "United Nations", "UN", OrganizationKind.INTERNATIONAL, None,
     ["Secretary-General", "member of the Joint Inspection Unit"]),
    ("un-general-assembly", "United Nations General Assembly", "UNGA", OrganizationKind.UN_ORGAN,
     "united-nations", ["President of the General Assembly", "Vice-President of the Assembly"]),
    ("un-security-council", "United Nations Security Council", "UNSC", OrganizationKind.UN_ORGAN,
     "united-nations", ["non-permanent member of the Security Council"]),
    ("ecosoc", "United Nations Economic and Social Council", "ECOSOC", OrganizationKind.UN_ORGAN,
     "united-nations", ["member of the Economic and Social Council"]),
    ("unesco", "United Nations Educational, Scientific and Cultural Organization", "UNESCO",
     OrganizationKind.UN_ORGAN, None,
     ["member of the World Heritage Committee", "member of the Executive Board"]),
    ("un-habitat", "United Nations Human Settlements Programme", "UN-Habitat",
     OrganizationKind.UN_ORGAN, None, ["member of the Executive Board"]),
    ("unfccc", "United Nations Framework Convention on Climate Change", "UNFCCC",
     OrganizationKind.UN_ORGAN, None, ["host of the Conference of the Parties (COP)"]),
    ("oic", "Organisation of Islamic Cooperation", "OIC", OrganizationKind.INTERNATIONAL, None,
     ["Secretary General", "member of the Independent Permanent Human Rights Commission"]),
    ("osce", "Organization for Security and Co-operation in Europe", "OSCE",
     OrganizationKind.INTERNATIONAL, None, ["Chairpersonship"]),
    ("eco", "Economic Cooperation Organization", "ECO", OrganizationKind.INTERNATIONAL, None,
     ["Secretary General"]),
    ("bie", "Bureau International des Expositions", "BIE", OrganizationKind.INTERNATIONAL, None,
     ["host of the Specialised Expo", "host of the World Expo"]),
]  # fmt: skip

TOPICS = [
    ("Afghanistan", "Afganistan"),
    ("Terrorism", "Terörizm"),
    ("Energy security", "Enerji güvenliği"),
    ("Transport and connectivity", "Ulaştırma ve bağlantısallık"),
    ("Trade and investment", "Ticaret ve yatırım"),
    ("Climate change", "İklim değişikliği"),
    ("Digital transformation", "Dijital dönüşüm"),
    ("Education", "Eğitim"),
    ("Culture and heritage", "Kültür ve miras"),
    ("Tourism", "Turizm"),
    ("Public health", "Halk sağlığı"),
    ("Migration", "Göç"),
    ("Customs cooperation", "Gümrük işbirliği"),
    ("Youth and sport", "Gençlik ve spor"),
    ("Diaspora", "Diaspora"),
    ("Media and information", "Medya ve enformasyon"),
    ("Agriculture", "Tarım"),
    ("Humanitarian aid", "İnsani yardım"),
    ("Water resources", "Su kaynakları"),
    ("Cyprus", "Kıbrıs"),
    ("Karabakh", "Karabağ"),
    ("Palestine", "Filistin"),
    ("United Nations reform", "Birleşmiş Milletler reformu"),
    ("Earthquake relief", "Deprem yardımı"),
    ("Middle Corridor", "Orta Koridor"),
    ("Space cooperation", "Uzay işbirliği"),
    ("Financial cooperation", "Mali işbirliği"),
    ("Regional security", "Bölgesel güvenlik"),
    ("Human rights", "İnsan hakları"),
    ("Turkic alphabet", "Ortak Türk alfabesi"),
]

FIRST_NAMES = [
    "Aydın", "Nurlan", "Murat", "Elvin", "Dilnoza", "Aigerim", "Bakhtiyar", "Gulnara",
    "Rustam", "Azamat", "Selin", "Zeynep", "Kanat", "Timur", "Leyla", "Jeyhun", "Kairat",
    "Ulugbek", "Emine", "Askar", "Farid", "Zhanna", "Bolat", "Mehmet", "Nigora",
]  # fmt: skip
LAST_NAMES = [
    "Aliyev", "Nurpeisov", "Toktogulov", "Yılmaz", "Karimov", "Mammadov", "Abdrakhmanov",
    "Kaya", "Sadykov", "Rashidov", "Demir", "Ismailov", "Tashiev", "Ergashev", "Şahin",
    "Bekov", "Hasanov", "Omarova", "Yusupov", "Çelik", "Zhakupov", "Jurayev", "Kasymov",
]  # fmt: skip

THEMES = [
    ("Turkic civilization: towards common future", "Türk medeniyeti: ortak geleceğe doğru"),
    ("Green technologies and smart cities in the digital age", "Dijital çağda yeşil teknolojiler"),
    ("Strengthening cooperation for sustainable development", "Sürdürülebilir kalkınma için"),
    ("Building a common future together", "Ortak geleceği birlikte inşa etmek"),
    ("Connectivity along the Middle Corridor", "Orta Koridor boyunca bağlantısallık"),
    ("Youth, sport and a shared heritage", "Gençlik, spor ve ortak miras"),
    ("Security and stability in the region", "Bölgede güvenlik ve istikrar"),
    ("Digital transformation and innovation", "Dijital dönüşüm ve yenilik"),
    ("Cooperation in the fields of energy and climate", "Enerji ve iklim alanında işbirliği"),
    ("Trade facilitation and customs", "Ticaretin kolaylaştırılması ve gümrük"),
]

SENTENCES_EN = [
    "The {body} discussed {topic} and agreed to deepen cooperation in this field.",
    "The parties reaffirmed their commitment to cooperation on {topic} and to the principles "
    "of the Nakhchivan Agreement.",
    "They welcomed the progress achieved on {topic} since the previous meeting in {city}.",
    "The participants underlined the importance of {topic} for the Turkic world and its partners.",
    "The {body} expressed solidarity with the people of {state} and called for closer "
    "coordination on {topic}.",
    "The meeting noted the role of the {org} in matters of {topic}.",
    "The heads of delegation exchanged views on regional and international issues, including "
    "{topic}.",
    "The Secretariat was asked to prepare a roadmap on {topic} before the next meeting in {city}.",
    "The delegations agreed to set up a working group on {topic} and to report on its work "
    "within a year.",
    "The {body} thanked {state} for its hospitality and for the excellent organization of the "
    "meeting in {city}.",
]
SENTENCES_TR = [
    "{body} {topic} konusunu ele aldı ve bu alanda işbirliğini derinleştirme kararı aldı.",
    "Taraflar {topic} alanındaki işbirliğine ve Nahçıvan Anlaşması'nın ilkelerine bağlılıklarını "
    "teyit etti.",
    "{city} toplantısından bu yana {topic} alanında kaydedilen ilerleme memnuniyetle karşılandı.",
    "Katılımcılar {topic} konusunun Türk dünyası için önemini vurguladı.",
    "Heyet başkanları {topic} dahil bölgesel ve uluslararası konularda görüş alışverişinde "
    "bulundu.",
]

# Meeting kinds: title pattern (en, tr), statement kinds, delegation level and title.
MEETING_TITLES = {
    MeetingKind.SUMMIT: ("Summit of the Organization of Turkic States", "Türk Devletleri Zirvesi"),
    MeetingKind.INFORMAL_SUMMIT: ("Informal Summit of the Organization of Turkic States",
                                  "Türk Devletleri Teşkilatı Gayriresmî Zirvesi"),
    MeetingKind.EXTRAORDINARY_SUMMIT: ("Extraordinary Summit of the Organization of Turkic States",
                                       "Türk Devletleri Teşkilatı Olağanüstü Zirvesi"),
    MeetingKind.COUNCIL_MEETING: ("Meeting of the {council}", "{council_tr} Toplantısı"),
    MeetingKind.INFORMAL_MEETING: ("Informal meeting of the {council}",
                                   "{council_tr} Gayriresmî Toplantısı"),
    MeetingKind.EXTRAORDINARY_MEETING: ("Extraordinary meeting of the {council}",
                                        "{council_tr} Olağanüstü Toplantısı"),
    MeetingKind.COMMITTEE_MEETING: ("Meeting of the {council}", "{council_tr} Toplantısı"),
    MeetingKind.SECURITY_CONSULTATION: ("Consultations on security issues",
                                        "Güvenlik konularında istişareler"),
    MeetingKind.POLITICAL_CONSULTATION: ("Political consultations of the foreign ministries",
                                         "Dışişleri bakanlıkları siyasi istişareleri"),
    MeetingKind.TRAINING_PROGRAMME: ("Joint training programme for junior diplomats",
                                     "Genç diplomatlar ortak eğitim programı"),
    MeetingKind.RESEARCH_CENTRES_MEETING: ("Meeting of the heads of research centres",
                                           "Araştırma merkezleri başkanları toplantısı"),
    MeetingKind.OTHER: ("Working meeting on {topic}", "{topic_tr} çalışma toplantısı"),
}  # fmt: skip
LEVELS = {
    "summit": [(DelegationLevel.HEAD_OF_STATE, "President", 8),
               (DelegationLevel.VICE_PRESIDENT, "Vice President", 1),
               (DelegationLevel.PRIME_MINISTER, "Prime Minister", 1)],
    "ministers": [(DelegationLevel.FOREIGN_MINISTER, "Minister of Foreign Affairs", 8),
                  (DelegationLevel.DEPUTY_MINISTER, "Deputy Minister of Foreign Affairs", 2)],
    "officials": [(DelegationLevel.DEPUTY_MINISTER, "Deputy Minister of Foreign Affairs", 4),
                  (DelegationLevel.AMBASSADOR, "Ambassador", 4),
                  (DelegationLevel.OTHER, "Director General", 2)],
}  # fmt: skip
STATEMENT_TITLES = {
    StatementKind.DECLARATION: "Declaration of the {issuer} on {subject}",
    StatementKind.JOINT_STATEMENT: "Joint statement of the {issuer} on {subject}",
    StatementKind.COMMUNIQUE: "Communiqué of the {issuer}",
    StatementKind.PRESS_STATEMENT: "Press statement on {subject}",
    StatementKind.SECRETARY_GENERAL_STATEMENT: "Statement of the Secretary General on {subject}",
}
FREE_STATEMENT_KINDS = [
    (StatementKind.JOINT_STATEMENT, 40),
    (StatementKind.PRESS_STATEMENT, 30),
    (StatementKind.SECRETARY_GENERAL_STATEMENT, 30),
]
OUTCOMES = [
    (CandidacyOutcome.ELECTED, 60),
    (CandidacyOutcome.NOT_ELECTED, 20),
    (CandidacyOutcome.WITHDRAWN, 5),
    (CandidacyOutcome.UNKNOWN, 15),
]
SUPPORT_SOURCES = [
    "Joint declaration of the summit",
    "Communiqué of the Council of Foreign Ministers",
    "Note verbale",
    "Statement of the Ministry of Foreign Affairs",
]
PRECISIONS = [(DatePrecision.DAY, 90), (DatePrecision.MONTH, 7), (DatePrecision.YEAR, 3)]
FORMATS = [(MeetingFormat.IN_PERSON, 85), (MeetingFormat.ONLINE, 10), (MeetingFormat.HYBRID, 5)]
PAST_STATUSES = [
    (MeetingStatus.HELD, 95),
    (MeetingStatus.POSTPONED, 2),
    (MeetingStatus.CANCELLED, 3),
]
MONTHS_EN = "January February March April May June July August September October November December"
MONTHS_TR = "Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık"


PROPER_NOUNS = {"Afghanistan", "Cyprus", "Karabakh", "Palestine", "United", "Middle", "Turkic"}


def in_sentence(topic: str) -> str:
    """A topic's name inside a sentence: "energy security", but still "Cyprus"."""
    return topic if topic.split()[0] in PROPER_NOUNS else topic[0].lower() + topic[1:]


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def pick(rng: random.Random, weighted):
    """One value of [(value, ..., weight)] chosen by the last element as weight."""
    return rng.choices(weighted, weights=[item[-1] for item in weighted])[0]


def date_label(day: datetime.date, precision: str, months: str) -> str:
    if precision == DatePrecision.YEAR:
        return str(day.year)
    return f"{months.split()[day.month - 1]} {day.year}"


class Table:
    """How one model's rows are written: its columns, their defaults, its translated fields."""

    def __init__(self, model, with_id: bool, now: datetime.datetime):
        self.model = model
        self.fields = [f for f in model._meta.concrete_fields if with_id or not f.primary_key]
        self.defaults = {}
        for field in self.fields:
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                self.defaults[field.attname] = now
            else:
                self.defaults[field.attname] = None if field.primary_key else field.get_default()
        try:
            self.translated = list(translator.get_options_for_model(model).all_fields)
        except NotRegistered:
            self.translated = []

    def row(self, values: dict) -> list:
        # The original column of a translated field holds what django-modeltranslation puts
        # there on save: the English text, else the Turkish one (the fallback order).
        for name in self.translated:
            if name not in values:
                values[name] = (
                    values.get(f"{name}_en") or values.get(f"{name}_tr") or self.defaults[name]
                )
        defaults = self.defaults
        return [
            values[field.attname] if field.attname in values else defaults[field.attname]
            for field in self.fields
        ]


class Inserter:
    """Writes rows (dicts of column values) in batches: COPY on PostgreSQL, executemany elsewhere.

    Plain rows rather than model instances: building 100,000s of translated model instances
    costs more than writing them.
    """

    def __init__(self, batch_size: int, now: datetime.datetime):
        self.batch_size = batch_size
        self.now = now
        self.tables: dict[type, Table] = {}
        self.pending: dict[type, list] = {}
        self.counts: dict[str, int] = {}

    def add(self, model, **values):
        table = self.tables.get(model)
        if table is None:
            table = self.tables[model] = Table(model, "id" in values, self.now)
        rows = self.pending.setdefault(model, [])
        rows.append(table.row(values))
        if len(rows) >= self.batch_size:
            self.flush()

    def flush(self):
        # Every model at once, in the order first seen: rows referred to are written first.
        for model, rows in self.pending.items():
            if rows:
                self.write(self.tables[model], rows)
                label = model._meta.label
                self.counts[label] = self.counts.get(label, 0) + len(rows)
        self.pending = {}

    @staticmethod
    def write(table: Table, rows: list):
        quote = connection.ops.quote_name
        columns = ", ".join(quote(field.column) for field in table.fields)
        name = quote(table.model._meta.db_table)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {name} ({columns}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row([v.value if isinstance(v, enum.Enum) else v for v in row])
            else:
                fields = table.fields
                prepared = [
                    [f.get_db_prep_save(v, connection) for f, v in zip(fields, row, strict=True)]
                    for row in rows
                ]
                marks = ", ".join(["%s"] * len(fields))
                cursor.executemany(f"INSERT INTO {name} ({columns}) VALUES ({marks})", prepared)


class Command(BaseCommand):
    help = (
        "Fill the current database with seeded synthetic meetings, statements, candidacies and "
        "delegations for benchmarks (bulk inserts; no history rows). Use a database of its own."
    )

    def add_arguments(self, parser):
        parser.add_argument("--meetings", type=int, default=100_000)
        parser.add_argument("--statements", type=int, default=100_000)
        parser.add_argument("--candidacies", type=int, default=10_000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--batch-size", type=int, default=5_000)

    def handle(self, *args, **options):
        for name in ("meetings", "statements", "candidacies"):
            if options[name] < 0:
                raise CommandError(f"--{name} cannot be negative.")
        if options["batch_size"] < 1:
            raise CommandError("--batch-size must be at least 1.")
        started = time.monotonic()
        self.rng = random.Random(options["seed"])
        self.marker = f"bench-{options['seed']}"
        self.out = Inserter(options["batch_size"], timezone.now())
        postgresql = connection.vendor == "postgresql"
        with translation.override("en"), transaction.atomic():
            if postgresql:
                with connection.cursor() as cursor:
                    # Let the search (GIN) indexes take the new rows in bulk (merged by the
                    # VACUUM below), and commit the one transaction without waiting on disk.
                    cursor.execute("SET LOCAL gin_pending_list_limit = '64MB'")
                    cursor.execute("SET LOCAL synchronous_commit = off")
            self.reference_data()
            if Meeting.objects.filter(slug__endswith=f"-{self.marker}-1").exists():
                raise CommandError(
                    "This database already holds bench data of this seed: use a fresh database."
                )
            self.next_id = {
                model: (model.objects.aggregate(top=Max("id"))["top"] or 0) + 1
                for model in BULK_MODELS
            }
            self.verbosity = options["verbosity"]
            self.phase_started = started
            self.candidacies(options["candidacies"])
            self.phase("candidacies and supports")
            self.meetings(options["meetings"])
            self.phase("meetings and delegations")
            self.statements(options["statements"])
            self.out.flush()
            self.phase("statements, signatories and topics")
            if postgresql:
                # The ids were given here: move the sequences past them.
                with connection.cursor() as cursor:
                    for sql in connection.ops.sequence_reset_sql(no_style(), BULK_MODELS):
                        cursor.execute(sql)
        self.phase("commit")
        if postgresql and not connection.in_atomic_block:
            # What autovacuum would have done by the time a real site is this big: planner
            # statistics, the visibility map (index-only scans), the GIN pending lists merged.
            tables = [model._meta.db_table for model in BULK_MODELS] + [
                field.remote_field.through._meta.db_table for field in BULK_M2M
            ]
            with connection.cursor() as cursor:
                for table in tables:
                    cursor.execute(f"VACUUM ANALYZE {connection.ops.quote_name(table)}")
            self.phase("vacuum analyze")
        counts = ", ".join(f"{n} {label}" for label, n in sorted(self.out.counts.items()))
        self.stdout.write(
            self.style.SUCCESS(f"Bench data: {counts} in {time.monotonic() - started:.1f} s.")
        )

    # ------------------------------------------------------------------ helpers
    def phase(self, name: str):
        if self.verbosity > 1:
            now = time.monotonic()
            self.stdout.write(f"  {name}: {now - self.phase_started:.1f} s")
            self.phase_started = now

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

    # ------------------------------------------------------------------ reference data
    def reference_data(self):
        self.states = {}
        self.cities = []  # (state id, en, tr)
        for slug, name, name_tr, kind, iso2, iso3, capital, role, since, cities in STATES:
            state, _created = State.objects.get_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    "name_tr": name_tr,
                    "kind": kind,
                    "iso2": iso2,
                    "iso3": iso3,
                    "capital": capital,
                },
            )
            self.states[slug] = state
            if role:
                Membership.objects.get_or_create(
                    state=state, role=role, start_date=datetime.date.fromisoformat(since)
                )
            self.cities.extend((state.pk, en, tr) for en, tr in cities)
        roles = {row[0]: row[7] for row in STATES}
        members = [self.states[s] for s, r in roles.items() if r == MembershipRole.MEMBER]
        self.member_ids = [state.pk for state in members]
        self.member_names = [name for _s, name, *_rest in STATES[: len(members)]]
        self.participant_ids = [self.states[s].pk for s, r in roles.items() if r]
        self.state_names = {self.states[row[0]].pk: row[1] for row in STATES}

        self.councils = []  # (id or None, slug, name, Turkish name)
        self.meeting_kinds = []  # (council index, kind, weight)
        for slug, name, name_tr, acronym, kind, order, kinds in COUNCILS:
            council_id = None
            if slug:
                council, _created = Council.objects.get_or_create(
                    slug=slug,
                    defaults={
                        "name": name,
                        "name_tr": name_tr,
                        "acronym": acronym,
                        "kind": kind,
                        "order": order,
                    },
                )
                council_id = council.pk
            index = len(self.councils)
            self.councils.append((council_id, slug, name, name_tr))
            self.meeting_kinds.extend((index, kind.value, weight) for kind, weight in kinds)

        self.posts = []  # (organization id, acronym or name, post)
        self.organization_names = []
        by_slug = {}
        for slug, name, acronym, kind, parent, posts in ORGANIZATIONS:
            organization, _created = Organization.objects.get_or_create(
                slug=slug,
                defaults={
                    "name": name,
                    "acronym": acronym,
                    "kind": kind,
                    "parent": by_slug.get(parent),
                },
            )
            by_slug[slug] = organization
            self.organization_names.append(name)
            self.posts.extend((organization.pk, acronym or name, post) for post in posts)

        self.topic_ids = []
        for name, name_tr in TOPICS:
            topic, _created = Topic.objects.get_or_create(
                slug=slugify(name), defaults={"name": name, "name_tr": name_tr}
            )
            self.topic_ids.append(topic.pk)
        self.topic_words_en = [in_sentence(name) for name, _tr in TOPICS]
        self.topic_words_tr = [name_tr for _en, name_tr in TOPICS]

    # ------------------------------------------------------------------ candidacies
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

    # ------------------------------------------------------------------ meetings
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

    # ------------------------------------------------------------------ statements
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
