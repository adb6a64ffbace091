"""Settings for otscoop, read from the environment (django-environ).

Every variable is listed in README.md and `.env.example`. With nothing set, the project runs on
an SQLite file in the repository folder with DEBUG off.
"""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
# The fallback key only suits a local first run; production sets SECRET_KEY.
SECRET_KEY = env("SECRET_KEY", default="insecure-local-only-key-set-SECRET_KEY-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# HTTPS: on in production (HTTPS=true), off for a local first run over plain HTTP.
HTTPS = env.bool("HTTPS", default=False)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=HTTPS)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=HTTPS)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=HTTPS)
# Behind nginx (or another proxy) that terminates TLS and sets X-Forwarded-Proto.
BEHIND_PROXY = env.bool("BEHIND_PROXY", default=False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
USE_X_FORWARDED_HOST = BEHIND_PROXY
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Content-Security-Policy (django-csp): nothing inline, nothing from elsewhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

# Admin logins: django-axes locks a user name from an address out after repeated failures.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_IPWARE_PROXY_COUNT = 1 if BEHIND_PROXY else None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if BEHIND_PROXY else ["REMOTE_ADDR"]
)

INSTALLED_APPS = [
    # Before the admin, so that its translation tabs take over the admin's forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "simple_history",
    "django_filters",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "import_export",
    "axes",
    "csp",
    "otscoop",
    "memberships",
    "events",
    "decisions",
]
# The benchmark's data generator (bench/, `manage.py bench_data`): only where the benchmark runs
# it (bench/run.py sets OTSCOOP_BENCH=1 for that command), never on a real site.
if env.bool("OTSCOOP_BENCH", default=False):
    INSTALLED_APPS += ["bench"]

MIDDLEWARE = [
    "otscoop.middleware.RequestIdMiddleware",
    # An anonymous reader's cached pages, with the headers the middleware below gave them when
    # stored (security, CSP, ETag): nothing below runs for them. It stores every entry.
    "otscoop.page_cache.PublicPageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "otscoop.middleware.RejectNullCharactersMiddleware",
    # ETag/304 for every GET, from the cache or not.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Pages, feeds and API responses from the shared cache, per audience: after the session,
    # the language and the (lazy) user it needs; before anything the view itself uses.
    "otscoop.page_cache.SharedPageCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into a 429 page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "otscoop.urls"
WSGI_APPLICATION = "otscoop.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "otscoop.audiences.audience",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
# Persistent connections: opening a PostgreSQL connection per request costs several times the
# request itself. Health checks drop a connection the server closed (restart, failover).
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=600)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # `.iterator()` (the filter forms' choice lists, for one) would otherwise open a server-side
    # cursor WITH HOLD: three round trips and a materialized result for a dozen rows. Nothing
    # here streams large results; this is also what a transaction-pooling pgbouncer requires.
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = True

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A redis:// URL selects django-redis (django-environ's choice when it is installed, as it is
# here: tests/test_cache_across_processes.py). It keeps one Redis client per connection pool;
# Django's RedisCache builds a new client for every call, which with redis-py 8 costs about as
# much as the round trip itself, a cached page's whole cost (bench/FINDINGS.md).
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://otscoop")}
# Keeps our keys apart from other users of the same Redis database.
CACHES["default"]["KEY_PREFIX"] = env("CACHE_KEY_PREFIX", default="otscoop")
# Sessions are read from the cache (and written through to the database): a signed-in reader's
# cached page costs no query.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("tr", _("Turkish")), ("en", _("English")), ("ru", _("Russian"))]
LOCALE_PATHS = [BASE_DIR / "locale"]

# Content the Secretariat writes (names, titles, themes, summaries, texts) is translated per
# field with django-modeltranslation: one column per language, English then Turkish as fallback.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("tr", "en", "ru")
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("en", "tr")}
# django-modeltranslation's admin tabs use jQuery UI: served from static/, never a CDN.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"
TIME_ZONE = env("TIME_ZONE", default="Europe/Istanbul")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if not DEBUG
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
# Tests and a debugging session find static files without collectstatic.
WHITENOISE_USE_FINDERS = DEBUG

MEDIA_URL = "media/"
MEDIA_ROOT = env("MEDIA_ROOT", default=str(BASE_DIR / "media"))
# Largest accepted document upload, in bytes.
DOCUMENT_MAX_UPLOAD_SIZE = env.int("DOCUMENT_MAX_UPLOAD_SIZE", default=20 * 1024 * 1024)

SIMPLE_HISTORY_HISTORY_ID_USE_UUID = False

# Spreadsheet import and export in the admin (django-import-export; otscoop/spreadsheets/).
# An import is one transaction: any error, found at the preview or at the confirmation, saves
# nothing. Editors import (add permission; the admin also asks for change); every Secretariat
# user exports (view). Between the preview and the confirmation the file waits in the default
# file storage (MEDIA_ROOT, shared by every worker), not in one machine's temporary folder.
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "add"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"
IMPORT_EXPORT_TMP_STORAGE_CLASS = "import_export.tmp_storages.MediaStorage"
IMPORT_EXPORT_IMPORT_IGNORE_BLANK_LINES = True

# REST API: open for reading (published records), writable with Django model permissions.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": [
        "rest_framework.permissions.DjangoModelPermissionsOrAnonReadOnly"
    ],
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.SearchFilter",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.AnonRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": env("API_ANON_THROTTLE_RATE", default="120/minute")},
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "otscoop API",
    "DESCRIPTION": (
        "Political cooperation of the Organization of Turkic States: states, organizations, "
        "councils, meetings, joint statements, candidacies, observer status and election "
        "observation missions. Anonymous clients read published records; Secretariat staff "
        "with a token write."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
}

# Structured logs to stdout: one JSON object a line, each with the request id.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "otscoop.logs.RequestIdFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        # Django logs each 4xx/5xx itself; our request log has the same and more.
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING"},
    },
}
