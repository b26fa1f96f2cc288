"""The rule builder: authors set a policy's eligibility in a form and preview who matches."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from jiceng.core.errors import InvalidInput, NotAllowed
from jiceng.people.models import User
from jiceng.policies.models import Policy
from jiceng.policies.preview import Preview, policy_preview
from jiceng.policies.rules import rule_text, validate_rule
from jiceng.policies.services import (
    AUTHOR_ROLES,
    may_author_rule,
    policy_rule_set,
)
from jiceng.web.field.rule_changes import rule_change_log
from jiceng.web.field.rule_layout import builder_for, initial_layout


def _viewer(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    if user.role not in AUTHOR_ROLES and not user.is_superuser:
        raise NotAllowed(_("Only county staff and administrators edit policy rules."))
    return user


def _policy(user: User, code: str) -> Policy:
    policy = Policy.objects.select_related("owner").filter(code=code).first()
    if policy is None or not (user.is_superuser or policy.scope.startswith(user.jurisdiction)):
        raise Http404(_("No such policy in your area."))
    return policy


@login_required
@require_http_methods(["GET", "POST"])
def rule_builder(request: HttpRequest, code: str) -> HttpResponse:
    user = _viewer(request)
    policy = _policy(user, code)
    may_author = may_author_rule(user, policy)
    if request.method == "POST" and not may_author:
        raise NotAllowed(
            _("Only the department that issued this policy and administrators may change it.")
        )
    # A rule deeper than the form's one level of groups is never overwritten here.
    too_deep = initial_layout(policy.rule) is None
    builder = builder_for(request.POST or None, policy.rule)
    preview: Preview | None = None
    error = ""
    saving = request.POST.get("action") == "save"
    if request.method == "POST" and builder.is_valid():
        rule = builder.rule()
        try:
            validate_rule(rule)
            if saving and too_deep:
                raise InvalidInput(
                    _("This rule nests deeper than this form; edit it in the admin.")
                )
            if saving:
                policy_rule_set(policy=policy, rule=rule, by=user)
            preview = policy_preview(policy, rule, user)
        except InvalidInput as problem:
            error = problem.message
    context = {
        "policy": policy,
        "builder": builder,
        "may_author": may_author,
        "changes": rule_change_log(user, policy),
        "preview": preview,
        "error": error,
        "too_deep": too_deep,
        "saved_rule": rule_text(policy.rule),
        "saved": saving and preview is not None,
    }
    return render(request, "web/field/rule.html", context, status=400 if error else 200)
