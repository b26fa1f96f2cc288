"""The root causes offered: a few common to every category, and each category's own."""

from django.utils.translation import gettext_lazy

# Causes that can lie behind a problem of any category.
COMMON = {
    "no_owner": gettext_lazy("Nobody was clearly responsible"),
    "policy_unknown": gettext_lazy("The policy was not known or not explained"),
    "policy_gap": gettext_lazy("No policy or rule covers it"),
    "slow_process": gettext_lazy("The procedure is too slow or complicated"),
    "one_off": gettext_lazy("A one-off event"),
}
BY_CATEGORY = {
    "transport": {
        "ageing_facility": gettext_lazy("Ageing road or facility"),
        "no_maintenance": gettext_lazy("No maintenance plan or funds"),
        "construction": gettext_lazy("Caused by construction works"),
    },
    "utilities": {
        "ageing_facility": gettext_lazy("Ageing pipes, lines or equipment"),
        "no_maintenance": gettext_lazy("No maintenance plan or funds"),
        "construction": gettext_lazy("Caused by construction works"),
    },
    "environment": {
        "enterprise": gettext_lazy("An enterprise's emissions or waste"),
        "no_maintenance": gettext_lazy("Cleaning or collection not organised"),
        "resident_habit": gettext_lazy("Residents' habits"),
    },
    "housing": {
        "property_management": gettext_lazy("Property management failing"),
        "ageing_facility": gettext_lazy("Ageing building"),
        "contract_dispute": gettext_lazy("A contract or ownership dispute"),
    },
    "dispute": {
        "contract_dispute": gettext_lazy("A contract or ownership dispute"),
        "neighbour_conflict": gettext_lazy("A conflict between neighbours"),
    },
    "employment": {"wage_arrears": gettext_lazy("An employer not paying wages")},
    "social_security": {"eligibility_rule": gettext_lazy("The eligibility rule left them out")},
}
