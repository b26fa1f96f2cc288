"""A policy document for the knowledge tests, in the shape of a real one."""

from __future__ import annotations

from datetime import date

from jiceng.knowledge.models import Document
from jiceng.knowledge.services import document_save

PENSION_TEXT = """为做好城乡居民基本养老保险工作，制定本办法。
第一条 本办法适用于本市户籍、年满16周岁、不在校的城乡居民。
第二条 城乡居民基本养老保险参保人年满60周岁、累计缴费满15年的，可以按月领取养老金。
第三条 参保人可携带身份证到镇便民服务中心申请待遇领取，也可以在浙里办办理。
"""


def pension_document(**fields: object) -> Document:
    values: dict[str, object] = {
        "title": "诸暨市城乡居民基本养老保险实施办法",
        "issuing_body": "诸暨市人力资源和社会保障局",
        "number": "诸人社发〔2025〕12号",
        "effective_from": date(2025, 1, 1),
        "full_text": PENSION_TEXT,
        "summary": "年满60岁、交满15年，就能每月领养老金。",
        "scope": "330681",
        "published": True,
    }
    values.update(fields)
    return document_save(document=Document(**values))  # type: ignore[arg-type]


MEDICAL_TEXT = """第一条 城乡居民医疗保险每年九月至十二月集中缴纳下一年度的个人缴费。
第二条 个人缴费可以通过浙里办、支付宝、银行或村代收点缴纳。
第三条 垃圾分类和生活垃圾处理按照市容环境卫生有关规定执行。
"""


def medical_document() -> Document:
    return pension_document(
        title="诸暨市城乡居民医疗保险缴费办法",
        number="诸医保发〔2025〕3号",
        full_text=MEDICAL_TEXT,
        summary="每年九月到十二月交下一年的医保。",
    )
