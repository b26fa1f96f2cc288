"""Shapes of the native API's requests and answers (they make the OpenAPI document)."""

from ninja import Field, Schema

from jiceng.api.schemas.case_out import CaseOut, CasePage, ContactOut
from jiceng.api.schemas.cases import CaseIn, ErrorOut
from jiceng.api.schemas.public import PublicCaseOut, StepOut
from jiceng.api.schemas.rates import RateOut, RatesOut
from jiceng.api.schemas.reference import CategoryOut, DivisionOut, RuleOut
from jiceng.api.schemas.transitions import DispatchIn, MergeIn, RateIn, ReasonIn, ReplyIn, ResolveIn

__all__ = [
    "CaseIn",
    "CaseOut",
    "CasePage",
    "CategoryOut",
    "ContactOut",
    "DispatchIn",
    "DivisionOut",
    "ErrorOut",
    "Field",
    "MergeIn",
    "PublicCaseOut",
    "RateIn",
    "RateOut",
    "RatesOut",
    "ReasonIn",
    "ReplyIn",
    "ResolveIn",
    "RuleOut",
    "Schema",
    "StepOut",
]
