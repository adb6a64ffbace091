"""Words of the synthetic data: people, themes, sentences, titles, weighted choices."""

import datetime
import random

from events.choices import DelegationLevel, MeetingFormat, MeetingKind, MeetingStatus, StatementKind
from memberships.choices import CandidacyOutcome
from otscoop.choices import DatePrecision

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
