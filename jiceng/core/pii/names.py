"""Names in free text: introduced, addressed with an honorific, or known as the resident's."""

from __future__ import annotations

import re
from collections.abc import Iterable

from jiceng.core.crypto.masks import mask_name

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


def _name_parts(names: Iterable[str]) -> list[str]:
    """Names to hide wherever they appear, and the given name of a three-character name."""
    parts: set[str] = set()
    for name in names:
        name = "".join(name.split())
        for part in (name, name[1:] if len(name) >= 3 else ""):
            if len(part) >= 2:
                parts.add(part)
    return sorted(parts, key=len, reverse=True)


def names_hidden(text: str, names: Iterable[str], hide: str | None) -> str:
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
