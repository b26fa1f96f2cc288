"""Personal data that residents type into free text: found and masked (or removed).

Contacts given in their own fields are encrypted and shown masked; the same phone
number typed into a description ("我叫李秀英，电话138…") must not undo that. Two
forms of a text, both pure functions of it:

- :func:`mask_text`, for staff who may see the case: mobile and landline numbers,
  ID numbers and bank-card-like runs keep their ends only (``138****5678``, as
  :mod:`jiceng.core.crypto` masks the contact fields), and self-introduced names
  keep their surname (``李**``). :func:`mask_address` also hides house numbers.
- :func:`scrub_text`, for the public: the same things, and house numbers, removed
  (``**``).

Dates (``20261204``, ``2026-12-04``), years, amounts (``3000元``) and case numbers
(12 digits from a date) are left alone: a run of digits is judged by its length and
first digits, and a short run only when a phone word stands before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from jiceng.core.crypto import mask_id_number, mask_name, mask_phone

HIDDEN = "**"

# Full-width digits, letters X and separators typed on phones, mapped one to one so that
# positions found in the mapped text are positions in the original.
_WIDTH = str.maketrans("０１２３４５６７８９Ｘｘ－—–\u3000）", "0123456789Xx--- )")
_WIDE = re.compile("[０-９Ｘｘ－—–\u3000）]")
# Most text holds no run long enough to be a number worth masking: one search says so.
_ANY_RUN = re.compile(r"[0-9０-９](?:[ \-)－—–\u3000）]?[0-9０-９]){6}")

# A run of digits, broken at most once between any two digits by a space, dash or the
# closing bracket of an area code; an ID number's final X. Letters or digits around
# it make it part of something else (a model number, a case number with letters).
_RUN = re.compile(r"(?<![0-9A-Za-z])[0-9](?:[ \-)]?[0-9])*[Xx]?(?![0-9A-Za-z])")
_PHONE_WORD = re.compile(r"(?:电话|手机|联系|号码|座机|tel|TEL|Tel)[^0-9]{0,4}$")
# Six digits of place, a birth date from 1800 on, three of sequence and a check character.
_ID_NUMBER = re.compile(
    r"[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx]"
)

# The most common surnames (by population), and the two-character ones still met.
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕"
    "丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃"
    "武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒"
    "阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓"
    "古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣"
    "巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
_COMPOUND_SURNAMES = "欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|令狐|司徒|夏侯|长孙|宇文"
_SURNAME = rf"(?:{_COMPOUND_SURNAMES}|[{_SURNAMES}])"
# Characters that end a name: what follows one in a sentence, not what is in one.
_NOT_IN_NAME = (
    "员主们人村镇乡街路区县市省的了在住家是和与跟电手号联今昨去前后说要想请向给对把被从到也都就还"
)
_GIVEN = rf"[\u4e00-\u9fff](?<![{_NOT_IN_NAME}])"
_INTRO = r"(?:我叫|我是|我的名字是|我的名字叫|名叫|本人|联系人[:：]?|姓名[:：]?|叫做)"
_INTRODUCED = re.compile(rf"({_INTRO}\s?)({_SURNAME}(?:{_GIVEN}){{1,2}})")
_HONORIFIC = "先生|女士|小姐|阿姨|大爷|大妈|大姐|大哥|奶奶|爷爷|师傅|老师|老人|同志"
_HONORIFIC_WORD = re.compile(_HONORIFIC)
_ADDRESSED = re.compile(rf"({_SURNAME}(?:(?:{_GIVEN}){{1,2}})?)(?={_HONORIFIC})")

_CN_NUMBER = "零〇一二三四五六七八九十百"
# "12号", "3栋2单元501室", "三幢": a number then a building word; "12月3号" is a date,
# "第20号" an ordinal.
_HOUSE = re.compile(
    rf"(?<![月第])(?<![0-9{_CN_NUMBER}])(?:[0-9{_CN_NUMBER}]+\s*(?:号楼|号院|号|栋|幢|单元|室|弄|楼|层|户)"
    r"(?!线|文|令|码)(?:之[0-9]+)?\s*)+"
)


def _masked_run(run: str, before: str) -> str | None:
    """The masked form of a digit run, or None when it is not personal data."""
    digits = re.sub(r"[^0-9Xx]", "", run).upper()
    if digits.startswith("86") and len(digits) == 13 and digits[2] == "1":
        return "86" + mask_phone(digits[2:])
    if len(digits) == 11 and re.fullmatch(r"1[3-9]\d{9}", digits):
        return mask_phone(digits)
    if len(digits) == 18 and _ID_NUMBER.fullmatch(digits):
        return mask_id_number(digits)
    if len(digits) == 15 and run.isdigit() and digits[0] != "0":
        return mask_id_number(digits)
    if 10 <= len(digits) <= 12 and digits[0] == "0" and digits[1] != "0":
        return mask_phone(digits)
    if 16 <= len(digits) <= 19 and digits.isdigit():
        return mask_id_number(digits)
    if 7 <= len(digits) <= 8 and _PHONE_WORD.search(before):
        return "*" * (len(digits) - 4) + digits[-4:]
    return None


def _numbers(text: str, hide: str | None) -> str:
    """``text`` with its personal numbers masked, or replaced by ``hide``."""
    if not _ANY_RUN.search(text):
        return text
    mapped = text.translate(_WIDTH) if _WIDE.search(text) else text
    pieces: list[str] = []
    last = 0
    for match in _RUN.finditer(mapped):
        masked = _masked_run(match.group(), mapped[max(0, match.start() - 10) : match.start()])
        if masked is None:
            continue
        pieces.extend((text[last : match.start()], masked if hide is None else hide))
        last = match.end()
    pieces.append(text[last:])
    return "".join(pieces)


def _name_parts(names: Iterable[str]) -> list[str]:
    """Names to hide wherever they appear, and the given name of a three-character name."""
    parts: set[str] = set()
    for name in names:
        name = "".join(name.split())
        for part in (name, name[1:] if len(name) >= 3 else ""):
            if len(part) >= 2:
                parts.add(part)
    return sorted(parts, key=len, reverse=True)


def _names(text: str, names: Iterable[str], hide: str | None) -> str:
    def introduced(match: re.Match[str]) -> str:
        return match.group(1) + (mask_name(match.group(2)) if hide is None else hide)

    def addressed(match: re.Match[str]) -> str:
        # A surname and "先生" alone names nobody to staff; the public sees neither.
        return mask_name(match.group(1)) if hide is None else hide

    text = _INTRODUCED.sub(introduced, text)
    if _HONORIFIC_WORD.search(text):
        text = _ADDRESSED.sub(addressed, text)
    for part in _name_parts(names):
        text = text.replace(part, mask_name(part) if hide is None else hide)
    return text


def mask_text(text: str, *, names: Iterable[str] = ()) -> str:
    """What staff see of ``text``: numbers and names masked, the rest as typed.

    ``names``: names known to belong to the resident (their stored name), hidden
    wherever they appear, not only where they are introduced.
    """
    if not text:
        return text
    return _names(_numbers(text, None), names, None)


def mask_address(text: str, *, names: Iterable[str] = ()) -> str:
    """What staff see of an address: as :func:`mask_text`, and its house number hidden."""
    return _HOUSE.sub(HIDDEN, mask_text(text, names=names)) if text else text


def scrub_text(text: str, *, names: Iterable[str] = ()) -> str:
    """What the public sees of ``text``: numbers, names and house numbers removed."""
    if not text:
        return text
    return _HOUSE.sub(HIDDEN, _names(_numbers(text, HIDDEN), names, HIDDEN))
