"""How the demo's requests are spread: over categories, and between registered and other callers."""

from __future__ import annotations

# The share of requests that come from a household in the registry (linked by phone).
FROM_REGISTRY = 0.15


# How often residents raise each category (rough hotline proportions).
CATEGORY_WEIGHTS = {
    "clothing": 1,
    "food": 4,
    "housing": 10,
    "transport": 12,
    "utilities": 10,
    "employment": 7,
    "education": 6,
    "social_security": 9,
    "medical": 6,
    "environment": 12,
    "dispute": 10,
    "village_affairs": 6,
    "other": 7,
}
