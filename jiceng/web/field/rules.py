"""The rule builder: authors set a policy's eligibility in a form and preview who matches."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django import forms
from django.contrib.auth.decorators import login_required
from django.forms import formset_factory
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from jiceng.core.errors import InvalidInput, NotAllowed
from jiceng.people.models import User
from jiceng.policies.models import Policy
from jiceng.policies.rules import FIELDS, NUMBER_OPS, validate_rule
from jiceng.policies.services import AUTHOR_ROLES, POLICY_TEXT_FIELDS, policy_matches, policy_save

OPS = [(op, op) for op in NUMBER_OPS] + [("is", gettext_lazy("is")), ("in", gettext_lazy("in"))]


class GroupForm(forms.Form):
    combine = forms.ChoiceField(
        label=gettext_lazy("People must meet"),
        choices=[("all", gettext_lazy("all of these")), ("any", gettext_lazy("any of these"))],
    )


class ConditionForm(forms.Form):
    field = forms.ChoiceField(
        label=gettext_lazy("Attribute"),
        choices=[("", "—")] + [(name, spec[0]) for name, spec in FIELDS.items()],
        required=False,
    )
    op = forms.ChoiceField(label=gettext_lazy("Comparison"), choices=OPS, required=False)
    value = forms.CharField(
        label=gettext_lazy("Value"),
        max_length=12,
        required=False,
        help_text=gettext_lazy("A number for age, yes/no for a mark, a division code for 'in'."),
    )

    def condition(self) -> dict[str, Any] | None:
        data = self.cleaned_data
        if not data.get("field"):
            return None
        kind = FIELDS[data["field"]][1]
        raw = data.get("value", "").strip()
        value: Any = raw
        if kind == "number":
            value = int(raw) if raw.isdigit() else raw
        elif kind == "flag":
            value = raw.lower() in {"yes", "y", "true", "1", "是"}
        return {"field": data["field"], "op": data.get("op"), "value": value}


ConditionFormSet = formset_factory(ConditionForm, extra=0, min_num=4, max_num=4)


def _initial(rule: dict[str, Any]) -> tuple[dict[str, str], list[dict[str, Any]]]:
    combine = "any" if "any" in rule else "all"
    items = rule.get(combine, [rule] if "field" in rule else [])
    rows = [
        {"field": c["field"], "op": c["op"], "value": _shown(c["value"])}
        for c in items
        if "field" in c
    ]
    return {"combine": combine}, rows


def _nested(rule: dict[str, Any]) -> bool:
    items = rule.get("all") or rule.get("any") or []
    return any("field" not in item for item in items)


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _author(request: HttpRequest) -> User:
    user = request.user
    assert isinstance(user, User)
    if user.role not in AUTHOR_ROLES and not user.is_superuser:
        raise NotAllowed(_("Only county staff and administrators edit policy rules."))
    return user


@login_required
@require_http_methods(["GET", "POST"])
def rule_builder(request: HttpRequest, code: str) -> HttpResponse:
    user = _author(request)
    policy = Policy.objects.filter(code=code).first()
    if policy is None or not (user.is_superuser or policy.scope.startswith(user.jurisdiction)):
        raise Http404(_("No such policy in your area."))
    group_initial, rows = _initial(policy.rule)
    # A rule with nested groups cannot be shown in one flat form: never overwrite it here.
    nested = _nested(policy.rule)
    group = GroupForm(request.POST or None, initial=group_initial)
    conditions = ConditionFormSet(request.POST or None, initial=rows)
    preview: dict[str, Any] | None = None
    error = ""
    if request.method == "POST" and group.is_valid() and conditions.is_valid():
        items = [c for c in (f.condition() for f in conditions) if c is not None]
        rule = {group.cleaned_data["combine"]: items}
        try:
            validate_rule(rule)
            if request.POST.get("action") == "save" and nested:
                raise InvalidInput(_("This rule has nested groups; edit it in the admin."))
            if request.POST.get("action") == "save":
                texts = {name: getattr(policy, name) for name in POLICY_TEXT_FIELDS}
                policy_save(
                    by=user, code=policy.code, scope=policy.scope, rule=rule,
                    valid_from=policy.valid_from, valid_to=policy.valid_to, **texts,
                )  # fmt: skip
            preview = _preview(policy, rule, user)
        except InvalidInput as problem:
            error = problem.message
    context = {
        "policy": policy,
        "group": group,
        "conditions": conditions,
        "preview": preview,
        "error": error,
        "nested": nested,
        "saved": request.POST.get("action") == "save" and preview is not None,
    }
    return render(request, "web/field/rule.html", context, status=400 if error else 200)


def _preview(policy: Policy, rule: dict[str, Any], user: User) -> dict[str, Any]:
    matches = policy_matches(policy, rule=rule, within=user.jurisdiction)
    villages = Counter(m.village for m in matches)
    return {"total": len(matches), "villages": villages.most_common(10), "sample": matches[:5]}
