"""The installed apps, the middleware, the URL configuration and the templates.

``settings.py`` composes ``INSTALLED_APPS`` from ``APPS``, the queue's apps (Redis only)
and ``SECOND_FACTOR_APPS``, in that order.
"""

APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "jiceng.core",
    "jiceng.places",
    "jiceng.people",
    "jiceng.cases",
    "jiceng.insights",
    "jiceng.fieldwork",
    "jiceng.policies",
    "jiceng.knowledge",
    "jiceng.campaigns",
    "jiceng.api",
    "jiceng.notices",
    "jiceng.onboarding",
    "jiceng.web",
]

# Before the session is read: Django's own HTML error pages on /api/ and /open311/ are
# answered again in their surface's shape (jiceng.core.surfaces), and NUL characters are
# turned away (jiceng.core.nul). After login: administrators and leaders confirm it with an
# authenticator app's code (jiceng.web.twofactor). Last: a database that cannot be reached
# is answered with 503 in each surface's format (jiceng.core.outage).
# The second factor of logins (jiceng.web.twofactor); settings.py puts these last.
SECOND_FACTOR_APPS = ["django_otp", "django_otp.plugins.otp_totp"]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "jiceng.core.surfaces.SurfaceErrorsMiddleware",
    "jiceng.core.nul.RejectNulMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "jiceng.web.twofactor.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "jiceng.core.middleware.SecurityHeadersMiddleware",
    "jiceng.core.outage.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "jiceng.urls"
WSGI_APPLICATION = "jiceng.wsgi.application"
AUTH_USER_MODEL = "people.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "workbench:home"
LOGOUT_REDIRECT_URL = "portal:home"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "jiceng.web.context.navigation",
            ],
        },
    },
]
