"""The one settings module of bijak, read from the environment (healthchecks style).

Organisational choices (thresholds, active rules, reporting channels) are policy data, not
settings. Every variable is listed in docs/configuration.md.
"""

from __future__ import annotations

import os
import zoneinfo
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from bijak.site.env import envbool, envint, envlist, envsecret, envstr

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # src/bijak
BASE_DIR = Path(envstr("BIJAK_HOME", str(Path.cwd())))
VAR_DIR = Path(envstr("BIJAK_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = envbool("DEBUG", "false")
SECRET_KEY = envsecret("SECRET_KEY", "")
# BIJAK_DEMO is false unless `bijak demo` (or the test configuration) sets it: a production host
# without SECRET_KEY stops instead of running with the public demo key.
BIJAK_DEMO = envbool("BIJAK_DEMO", "false")
if not SECRET_KEY:
    if DEBUG or BIJAK_DEMO:
        # Demo and tests only: a fixed, public key.
        SECRET_KEY = "bijak-demo-key-not-for-production-0123456789abcdefghijklmnop"  # noqa: S105
    else:
        raise ImproperlyConfigured(
            "SECRET_KEY (or SECRET_KEY_FILE) must be set when BIJAK_DEMO is false"
        )

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver,[::1]")
SITE_ROOT = envstr("SITE_ROOT", "http://127.0.0.1:8000")
if not SITE_ROOT.startswith(("http://", "https://")):
    raise ImproperlyConfigured(f"SITE_ROOT must start with http:// or https://, got {SITE_ROOT!r}")
SITE_NAME = envstr("SITE_NAME", "bijak")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "bijak.site.accounts",
    "bijak.site.audit",
    "bijak.site.org",
    "bijak.site.policies",
    "bijak.site.checks",
    "bijak.site.api",
    "bijak.site.notifications",
    "bijak.site.health",
    "bijak.site.dissemination",
    "bijak.site.monitoring",
    "bijak.site.complaints",
    "bijak.site.cases",
    "bijak.site.claims",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "bijak.site.middleware.RejectNulMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "bijak.site.accounts.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    "csp.middleware.CSPMiddleware",
]

ROOT_URLCONF = "bijak.site.urls"
WSGI_APPLICATION = "bijak.site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "bijak.site.context.site",
            ],
        },
    },
]

DATABASE_URL = envsecret("DATABASE_URL", "")
if DATABASE_URL:
    try:
        DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
    except Exception as exc:  # dj_database_url raises several kinds
        raise ImproperlyConfigured(f"DATABASE_URL is not a valid database URL: {exc}") from None
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(VAR_DIR / "bijak.sqlite3"),
            # secure_delete: a deleted draft's text is overwritten, not left in free pages.
            "OPTIONS": {
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA secure_delete=ON",
            },
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"
# django-axes: failed sign-ins are counted in the database, so a lock-out holds across every
# server process. A user name, or an address, with BIJAK_LOGIN_FAILURE_LIMIT failures is refused
# (without hashing the password) for BIJAK_LOGIN_LOCKOUT_MINUTES; a success resets the count.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = envint("BIJAK_LOGIN_FAILURE_LIMIT", "10")
AXES_COOLOFF_TIME = timedelta(minutes=envint("BIJAK_LOGIN_LOCKOUT_MINUTES", "15"))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "bijak.site.accounts.views.locked_out"
AXES_VERBOSE = False
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = envstr("TIME_ZONE", "Asia/Jakarta")
try:
    zoneinfo.ZoneInfo(TIME_ZONE)
except (zoneinfo.ZoneInfoNotFoundError, ValueError):
    raise ImproperlyConfigured(f"TIME_ZONE is not a known time zone, got {TIME_ZONE!r}") from None
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATICFILES_DIRS = [PACKAGE_DIR / "site" / "static"]
WHITENOISE_USE_FINDERS = True

EMAIL_HOST = envstr("EMAIL_HOST", "")
EMAIL_PORT = envint("EMAIL_PORT", "25")
EMAIL_HOST_USER = envstr("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = envsecret("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS", "false")
DEFAULT_FROM_EMAIL = envstr("DEFAULT_FROM_EMAIL", "bijak <bijak@localhost>")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = VAR_DIR / "outbox"

TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}

# Content-Security-Policy (django-csp): scripts and styles only from the site's own static files,
# no inline code (an injected <script> or style attribute does not run), no framing.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", "false")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# Behind a TLS-terminating reverse proxy (docs/deployment.md): trust its X-Forwarded-Proto so that
# Django knows the request came over HTTPS. Only when the proxy always sets (overwrites) it.
if envbool("BIJAK_BEHIND_HTTPS_PROXY", "false"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", "0")
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", "false")
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "false")
SECURE_REDIRECT_EXEMPT = [r"^sehat/"]  # health probes may come over plain HTTP from localhost

# Upper bound of a check's draft, in characters (issue 5); the API returns 413 past it.
BIJAK_CHECK_MAX_CHARS = envint("BIJAK_CHECK_MAX_CHARS", "5000")
# Requests per minute per API token.
BIJAK_API_RATE_PER_MINUTE = envint("BIJAK_API_RATE_PER_MINUTE", "600")
# Active API tokens one user may hold at once.
BIJAK_API_TOKENS_PER_USER = envint("BIJAK_API_TOKENS_PER_USER", "10")

# Largest employee file (CSV/XLSX) an officer may upload for import, in bytes (2 MB).
BIJAK_IMPORT_MAX_BYTES = envint("BIJAK_IMPORT_MAX_BYTES", str(2 * 1024 * 1024))
# Employee rows written per transaction when an import is confirmed (other writers go between).
BIJAK_IMPORT_WRITE_BATCH = envint("BIJAK_IMPORT_WRITE_BATCH", "500")
# Rows per page of an import preview.
BIJAK_IMPORT_PREVIEW_PAGE = envint("BIJAK_IMPORT_PREVIEW_PAGE", "100")

# The audit log's signing key (Ed25519 PEM, made by `bijak audit keygen`), never in the database;
# empty: no checkpoints. Signed checkpoints of the chain's head are written to the directory.
BIJAK_AUDIT_KEY_FILE = envstr("BIJAK_AUDIT_KEY_FILE", "")
BIJAK_AUDIT_CHECKPOINT_DIR = envstr(
    "BIJAK_AUDIT_CHECKPOINT_DIR", str(VAR_DIR / "audit-checkpoints")
)
BIJAK_AUDIT_CHECKPOINT_EVERY_S = envint("BIJAK_AUDIT_CHECKPOINT_EVERY_S", "3600")
# Monitoring (issue 12): largest platform export (ZIP or file) and most posts per import; how
# long a reviewer's claim on a flag holds before another reviewer may take it.
BIJAK_MONITOR_IMPORT_MAX_BYTES = envint("BIJAK_MONITOR_IMPORT_MAX_BYTES", str(64 * 1024 * 1024))
BIJAK_MONITOR_IMPORT_MAX_POSTS = envint("BIJAK_MONITOR_IMPORT_MAX_POSTS", "100000")
BIJAK_MONITOR_CLAIM_MINUTES = envint("BIJAK_MONITOR_CLAIM_MINUTES", "30")
# Post text (masked) is deleted this many days after import unless under review or confirmed;
# a scan with no progress for this many minutes is resumed by the periodic maintenance task.
BIJAK_MONITOR_RETENTION_DAYS = envint("BIJAK_MONITOR_RETENTION_DAYS", "365")
BIJAK_MONITOR_SCAN_STALE_MINUTES = envint("BIJAK_MONITOR_SCAN_STALE_MINUTES", "10")
# posts a background scan writes per transaction (its unit of progress and of resuming)
BIJAK_MONITOR_SCAN_CHUNK = envint("BIJAK_MONITOR_SCAN_CHUNK", "500")

DATA_UPLOAD_MAX_MEMORY_SIZE = envint("DATA_UPLOAD_MAX_MEMORY_SIZE", str(5 * 1024 * 1024))

LOG_LEVEL = envstr("LOG_LEVEL", "WARNING").upper()
if LOG_LEVEL not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
    raise ImproperlyConfigured(
        f"LOG_LEVEL must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL, got {LOG_LEVEL!r}"
    )

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
}

os.makedirs(STATIC_ROOT, exist_ok=True)

# The agency's identity on every page (design system, issue 9): name, short name, and a logo
# given as a static path (e.g. "agency/logo.svg" under STATICFILES_DIRS) or a site path ("/media/...").
# No external URL: every asset is served by bijak itself.
BIJAK_AGENCY_NAME = envstr("BIJAK_AGENCY_NAME", "")
BIJAK_AGENCY_SHORT_NAME = envstr("BIJAK_AGENCY_SHORT_NAME", "")
BIJAK_AGENCY_LOGO = envstr("BIJAK_AGENCY_LOGO", "bijak/logo.svg")
if "://" in BIJAK_AGENCY_LOGO or BIJAK_AGENCY_LOGO.startswith("//"):
    raise ImproperlyConfigured(
        f"BIJAK_AGENCY_LOGO must be a static path or a path on this site, got {BIJAK_AGENCY_LOGO!r}"
    )
INSTALLED_APPS += ["bijak.site.ui"]
