"""The rule builder: authors set a policy's eligibility in a form and preview who matches."""

from __future__ import annotations

from dataclasses import dataclass
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
from jiceng.people.models import Role, User
from jiceng.policies.models import Policy
from jiceng.policies.preview import Preview, policy_preview
from jiceng.policies.rules import FIELDS, NUMBER_OPS, rule_text, validate_rule
from jiceng.policies.selectors import rule_changes
from jiceng.policies.services import (
    AUTHOR_ROLES,
    may_author_rule,
    policy_rule_set,
)

OPS = [(op, op) for op in NUMBER_OPS] + [("is", gettext_lazy("is")), ("in", gettext_lazy("in"))]


class GroupForm(forms.Form):
    combine = forms.ChoiceField(
        label=gettext_lazy("People must meet"),
        choices=[("all", gettext_lazy("all of these")), ("any", gettext_lazy("any of these"))],
    )


class InnerGroupForm(GroupForm):
    combine = forms.ChoiceField(
        label=gettext_lazy("In brackets, people must meet"),
        choices=[("any", gettext_lazy("any of these")), ("all", gettext_lazy("all of these"))],
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
GroupConditionFormSet = formset_factory(ConditionForm, extra=0, min_num=3, max_num=3)
# One level of groups inside the rule, e.g. age >= 80 and (低保 or disability).
GROUPS = 2


@dataclass
class Builder:
    """The form's parts: the rule's own conditions, then up to GROUPS bracketed groups."""

    combine: GroupForm
    conditions: Any
    groups: list[tuple[GroupForm, Any]]

    def is_valid(self) -> bool:
        forms_ok = [self.combine.is_valid(), self.conditions.is_valid()]
        for group, rows in self.groups:
            forms_ok += [group.is_valid(), rows.is_valid()]
        return all(forms_ok)

    def rule(self) -> dict[str, Any]:
        items: list[dict[str, Any]] = _conditions(self.conditions)
        for group, rows in self.groups:
            inner = _conditions(rows)
            if len(inner) == 1:
                items.append(inner[0])  # brackets around one condition change nothing
            elif inner:
                items.append({group.cleaned_data["combine"]: inner})
        return {self.combine.cleaned_data["combine"]: items}


def _conditions(rows: Any) -> list[dict[str, Any]]:
    return [c for c in (form.condition() for form in rows) if c is not None]


def _builder(data: Any, rule: dict[str, Any]) -> Builder:
    shown = _initial(rule)
    top, leaves, groups = shown if shown is not None else ({"combine": "all"}, [], [])
    parts: list[tuple[GroupForm, Any]] = []
    for index in range(GROUPS):
        combine, rows = groups[index] if index < len(groups) else ({"combine": "any"}, [])
        parts.append(
            (
                InnerGroupForm(data, prefix=f"g{index}", initial=combine),
                GroupConditionFormSet(data, prefix=f"g{index}c", initial=rows),
            )
        )
    return Builder(GroupForm(data, initial=top), ConditionFormSet(data, initial=leaves), parts)


Shown = tuple[dict[str, str], list[dict[str, Any]], list[tuple[dict[str, str], list[Any]]]]


def _initial(rule: dict[str, Any]) -> Shown | None:
    """The saved rule laid out in the form, or None if the form cannot hold it."""
    combine = "any" if "any" in rule else "all"
    items = rule.get(combine, [rule] if "field" in rule else [])
    leaves = [_row(item) for item in items if "field" in item]
    groups = []
    for item in items:
        if "field" in item:
            continue
        inner_combine = "any" if "any" in item else "all"
        inner = item[inner_combine]
        if any("field" not in leaf for leaf in inner) or len(inner) > 3:
            return None
        groups.append(({"combine": inner_combine}, [_row(leaf) for leaf in inner]))
    if len(leaves) > 4 or len(groups) > GROUPS:
        return None
    return {"combine": combine}, leaves, groups


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _row(condition: dict[str, Any]) -> dict[str, Any]:
    return {
        "field": condition["field"],
        "op": condition["op"],
        "value": _shown(condition["value"]),
    }


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
    too_deep = _initial(policy.rule) is None
    builder = _builder(request.POST or None, policy.rule)
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
        "changes": _changes(user, policy),
        "preview": preview,
        "error": error,
        "too_deep": too_deep,
        "saved_rule": rule_text(policy.rule),
        "saved": saving and preview is not None,
    }
    return render(request, "web/field/rule.html", context, status=400 if error else 200)


def _changes(user: User, policy: Policy) -> list[dict[str, Any]] | None:
    """The rule's change log, for its authors and the county's leaders; None for others."""
    if not (may_author_rule(user, policy) or user.role == Role.LEADER):
        return None
    return [
        {
            "at": change.at,
            "by": str(change.by),
            "unit": change.by.unit.name if change.by.unit else "",
            "old": _text(change.old_rule),
            "new": _text(change.new_rule),
        }
        for change in rule_changes(policy)[:50]
    ]


def _text(rule: Any) -> str:
    try:
        validate_rule(rule)
    except InvalidInput:
        return str(rule)  # an old or empty rule is shown as it was stored
    return rule_text(rule)
