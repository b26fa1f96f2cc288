"""A second factor for administrators and leaders: an authenticator app's six-digit code.

With ``JICENG_REQUIRE_2FA`` on, such a user who has logged in with a password reaches
nothing but these pages until the session is verified: first the enrolment (scan the
key, type a code), then, at every later login, the code alone.
"""
