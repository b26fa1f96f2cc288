"""What every field page shares: the logged-in user, and a service's error shown on a form."""

from __future__ import annotations

from django import forms
from django.http import HttpRequest

from jiceng.core.errors import JicengError
from jiceng.people.models import User


def field_user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def service_error(form: forms.Form, error: JicengError) -> None:
    form.add_error(error.field if error.field in form.fields else None, error.message)
