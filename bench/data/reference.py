"""Reference rows of the synthetic data: states (with their memberships and cities), councils,
organizations (with their posts) and topics. Looked up by slug and created when missing, with
the demo data's slugs and names, so `bench_data` also runs on top of `load_demo`."""

import datetime

from django.utils.text import slugify

from bench.data.words import in_sentence
from events.choices import CouncilLevel, MeetingKind
from events.models import Council, Topic
from memberships.choices import MembershipRole, OrganizationKind, StateKind
from memberships.models import Membership, Organization, State

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

# The level of the councils whose meetings the home page's chart counts apart (as the demo's).
COUNCIL_LEVELS = {
    "council-of-heads-of-state": CouncilLevel.HEADS_OF_STATE,
    "council-of-foreign-ministers": CouncilLevel.FOREIGN_MINISTERS,
}
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


class ReferenceRows:
    """Sets the reference rows' ids and names that the bulk rows refer to."""

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
                        "level": COUNCIL_LEVELS.get(slug, CouncilLevel.OTHER),
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
