"""Who publishes the sites our sources come from: a reviewed table of host names and the names
their publishers go by, so that a source reads "Trend News Agency", not "en.trend.az".

A host is looked up as it is, then without its leading labels ("en.trend.az", then "trend.az"),
never down to a bare public suffix. A site that only copies another's pages is named as a copy
of them (the source's host, shown beside the name, says where the copy is).

Add a site here when sources start citing it; a source whose site is not in the table shows
its host name.
"""

from urllib.parse import urlsplit

PUBLISHERS = {
    # The OTS and the bodies around it
    "turkicstates.org": "Organization of Turkic States",
    "turkkon.org": "Turkic Council (now the Organization of Turkic States)",
    "demo10.sitefabrikasi.com": "Turkic Council website (copy)",
    "turk-pa.org": "Parliamentary Assembly of Turkic States (TURKPA)",
    "turkpa.org": "Parliamentary Assembly of Turkic States (TURKPA)",
    "turkicacademy.org": "International Turkic Academy",
    "twesco.org": "TWESCO",
    # Governments and international organizations
    "un.org": "United Nations",
    "dd-floors.com": "United Nations, Sixth Committee (copy)",
    "ddevloper.com": "United Nations, Sixth Committee (copy)",
    "mfa.gov.tr": "Ministry of Foreign Affairs of Türkiye",
    "houston-cg.mfa.gov.tr": "Consulate General of Türkiye in Houston",
    "sam.gov.tr": "Center for Strategic Research (SAM), Ministry of Foreign Affairs of Türkiye",
    "mfa.gov.az": "Ministry of Foreign Affairs of Azerbaijan",
    "mfa.gov.ct.tr": "Ministry of Foreign Affairs of the TRNC",
    "mfa.gov.cy": "Ministry of Foreign Affairs of Cyprus",
    "president.az": "President of the Republic of Azerbaijan",
    "preslib.az": "Presidential Library of Azerbaijan",
    "akorda.kz": "Akorda, Office of the President of Kazakhstan",
    "gov.kz": "Government of Kazakhstan",
    "kisi.kz": "Kazakhstan Institute for Strategic Studies",
    # News agencies, newspapers and broadcasters
    "1news.az": "1News.az",
    "24.kg": "24.kg News Agency",
    "aa.com.tr": "Anadolu Agency",
    "ajanshaber.com.tr": "Ajans Haber",
    "akipress.com": "AKIpress News Agency",
    "anews.com.tr": "A News",
    "anewz.tv": "AnewZ",
    "argumenti.ru": "Argumenty Nedeli",
    "asiaplus.news": "Asia-Plus",
    "asiaplustj.info": "Asia-Plus",
    "astanatimes.com": "The Astana Times",
    "aze.az": "Aze.az",
    "azernews.az": "AzerNews",
    "azertag.az": "AZERTAC, Azerbaijan State News Agency",
    "azhumanrights.az": "Azhumanrights.az",
    "azvision.az": "AzVision",
    "az24saat.org": "Az24saat",
    "beyazgazete.com": "Beyaz Gazete",
    "brightuzbekistan.uz": "Bright Uzbekistan",
    "cyprusscene.com": "Cyprus Scene",
    "dailysabah.com": "Daily Sabah",
    "day.az": "Day.Az",
    "devdiscourse.com": "Devdiscourse",
    "dikgazete.com": "Dik Gazete",
    "diplomatmagazine.eu": "Diplomat Magazine",
    "dunyabulteni.net": "World Bulletin (Dünya Bülteni)",
    "ea-news.kz": "EA News",
    "eadaily.com": "EADaily",
    "eureflect.com": "EU Reflect",
    "fergananews.com": "Fergana News Agency",
    "gulfnews.com": "Gulf News",
    "hurriyetdailynews.com": "Hürriyet Daily News",
    "infosurhoy.com": "Infosurhoy",
    "inform.kz": "Kazinform International News Agency",
    "qazinform.com": "Kazinform International News Agency",
    "interfax.com": "Interfax",
    "kazworld.info": "KazWorld",
    "kircaalihaber.com": "Kırcaali Haber",
    "kt.kz": "Kazakhstan Today",
    "magyarnemzet.hu": "Magyar Nemzet",
    "malatyayildiz.com": "Malatya Yıldız",
    "menafn.com": "MENAFN",
    "move2turkey.com": "Move2Turkey",
    "ndihmonitevarferit.com": "Ndihmoni të Varfërit",
    "news.az": "News.az",
    "newscentralasia.net": "News Central Asia",
    "newsline.kz": "Newsline",
    "presstv.ir": "Press TV",
    "qatarpress.qa": "Qatar Press",
    "report.az": "Report News Agency",
    "ritmeurasia.ru": "Ritm Eurasia",
    "shusha.org": "Shusha.org",
    "tengrinews.kz": "Tengrinews",
    "theasian.asia": "The AsiaN",
    "theasiatoday.org": "The Asia Today",
    "thediplomaticinsight.com": "Diplomatic Insight",
    "today.az": "Today.az",
    "todayszaman.com": "Today's Zaman",
    "trend.az": "Trend News Agency",
    "trt.global": "TRT Global",
    "trtworld.com": "TRT World",
    "turan.az": "Turan Information Agency",
    "turanews.kz": "Turanews.kz",
    "turkicpress.com": "Turkic Press",
    "turkiyeazerbaycan.com": "Türkiye Azerbaycan",
    "uwidata.com": "UWI Data",
    "uza.uz": "UzA, National News Agency of Uzbekistan",
    "vestikavkaza.ru": "Vestnik Kavkaza",
    "xalqqazeti.com": "Xalq qəzeti",
    "yapresident.com": "Yapresident.com",
    "yenisafak.com": "Yeni Şafak",
    # Research, reference works and others
    "dergipark.org.tr": "DergiPark",
    "eurasian-research.org": "Eurasian Research Institute",
    "kureansiklopedi.com": "Küre Ansiklopedi",
    "lauder.wharton.upenn.edu": "The Lauder Institute, University of Pennsylvania",
    "worldislamlaw.ru": "Worldislamlaw.ru",
    "owiki.org": "Owiki (copy of Wikipedia)",
    "defence.pk": "Pakistan Defence forum",
    "github.com": "GitHub",
    "geonames.org": "GeoNames",
}


def site_of(url: str) -> str:
    """The host name without "www.", e.g. "turkicstates.org"."""
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def publisher_of(url: str) -> str:
    """The publisher's name from the table, or "" for a site it does not list."""
    labels = site_of(url).split(".")
    # "en.trend.az", then "trend.az": down to the last two labels, never a single one ("az").
    for start in range(len(labels) - 1):
        name = PUBLISHERS.get(".".join(labels[start:]))
        if name is not None:
            return name
    return ""
