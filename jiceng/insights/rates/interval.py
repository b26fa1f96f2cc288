"""One rate as counted, and its 95 % Wilson score interval."""

from __future__ import annotations

import math
from dataclasses import dataclass

Z_95 = 1.959963984540054  # the normal quantile of a two-sided 95 % interval


def wilson(part: float, whole: int, z: float = Z_95) -> tuple[float, float] | None:
    """The Wilson score interval of ``part`` out of ``whole``; None when nothing was counted.

    Unlike ``p ± z·√(p(1−p)/n)`` it stays inside [0, 1] and is not zero-wide at 0 % or
    100 %, which is what lets a 1-out-of-1 be told from a 40-out-of-40.
    """
    if whole <= 0:
        return None
    p = part / whole
    z2 = z * z
    denominator = 1 + z2 / whole
    centre = (p + z2 / (2 * whole)) / denominator
    half = z / denominator * math.sqrt(p * (1 - p) / whole + z2 / (4 * whole * whole))
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass(frozen=True)
class Rate:
    """One rate as counted: ``part`` of ``whole`` (part may be weighted), and its interval."""

    part: float
    whole: int

    @property
    def value(self) -> float | None:
        return None if self.whole == 0 else self.part / self.whole

    @property
    def interval(self) -> tuple[float, float] | None:
        return wilson(self.part, self.whole)
