"""The parts stuffed titles are built from, split into training and held-out halves."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

Part = Literal["train", "held_out"]
TRAIN: Part = "train"
HELD_OUT: Part = "held_out"


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


ADJECTIVES = _words(
    "巨乳 爆乳 丰满 性感 清纯 淫荡 风骚 饥渴 极品 白虎 美乳 翘臀 黑丝 丝袜 制服 情趣 骚浪"
    " 淫乱 粉嫩 肉感 妖艳 狂野 娇喘 湿身 淫妻 骚逼 大奶 浪荡 色情 淫靡 火辣 欲求不满 绝色"
)
PEOPLE = _words(
    "人妻 少妇 熟女 萝莉 女优 学生妹 空姐 护士 女教师 嫩模 女主播 网红 校花 美少女 御姐"
    " 邻家妹妹 女同事 嫂子 小姨子 女秘书 继母 女大学生 模特 人妻教师 外围女 楼凤 小姐"
    " 技师 少女 骚妇 女星 艳星"
)
SCENES = _words(
    "偷拍 自拍 直播 裸聊 约炮 偷情 出轨 群交 口交 啪啪 激情 露出 调教 诱惑 私拍 乱伦"
    " 无套 内射 高潮 潮吹 性爱 做爱 车震 足交 乳交 肛交 援交 强奸 迷奸 淫叫 自慰 颜射"
    " 3p 后入 一夜情 爆操"
)
PLACES = _words("酒店 宿舍 浴室 办公室 温泉 民宿 公园 教室 电梯 卫生间 试衣间 出租屋")
QUALITIES = _words(
    "无码 有码 高清 中文字幕 在线观看 免费看 完整版 流出 合集 视频 影院 在线播放 1080p"
    " 番号 国产 日韩 欧美 av 磁力链接 种子下载 精品 成人片 伦理片 三级片 黄片 毛片 色站"
    " 福利 午夜 成人网"
)
BRANDS = _words(
    "澳门 葡京 金沙 威尼斯人 太阳城 新葡京 永利 银河 皇冠 美高梅 凯撒 巴黎人 百胜 大发"
    " 博狗 伟德 立博 bet365 亚博 开元 彩票 赌神 天上人间 豪门"
)
GAMES = _words(
    "百家乐 时时彩 六合彩 北京赛车 幸运飞艇 快三 老虎机 捕鱼 德州扑克 炸金花 牛牛 龙虎斗"
    " 骰宝 轮盘 21点 体育投注 足球竞猜 电子游艺 棋牌 真人视讯 赛马 斗地主"
)
OFFERS = _words(
    "娱乐城 娱乐平台 官网 开户 注册送彩金 首存送 返水 投注 网址 app下载 平台 下注 赔率"
    " 计划 走势图 开奖结果 预测 信誉网 现金网 赌场 博彩 代理 赢钱 提款 盘口 庄家 彩金"
    " 线上赌场 网投"
)

# Enough pinyin to spell the titles of the inventories; characters not listed
# keep the phrase in characters.
_PINYIN_TABLE = """
巨:ju 乳:ru 爆:bao 丰:feng 满:man 性:xing 感:gan 清:qing 纯:chun 淫:yin 荡:dang 风:feng
骚:sao 极:ji 品:pin 美:mei 黑:hei 丝:si 袜:wa 制:zhi 服:fu 情:qing 趣:qu 人:ren 妻:qi 少:shao
妇:fu 熟:shu 女:nv 萝:luo 莉:li 优:you 学:xue 生:sheng 妹:mei 空:kong 姐:jie 护:hu 士:shi
教:jiao 师:shi 嫩:nen 模:mo 主:zhu 播:bo 网:wang 红:hong 校:xiao 花:hua 偷:tou 拍:pai 自:zi
直:zhi 裸:luo 聊:liao 约:yue 炮:pao 激:ji 诱:you 惑:huo 私:si 乱:luan 伦:lun 高:gao 潮:chao
爱:ai 做:zuo 无:wu 码:ma 有:you 线:xian 观:guan 看:kan 视:shi 频:pin 影:ying 院:yuan 国:guo
产:chan 百:bai 家:jia 乐:le 时:shi 彩:cai 六:liu 合:he 澳:ao 门:men 葡:pu 京:jing 金:jin
沙:sha 娱:yu 城:cheng 开:kai 户:hu 送:song 投:tou 注:zhu 博:bo 赌:du 场:chang 老:lao 虎:hu
机:ji 真:zhen 讯:xun 官:guan 平:ping 台:tai 成:cheng 片:pian 免:mian 费:fei 酒:jiu 店:dian
"""
PINYIN = dict(pair.split(":", 1) for pair in _PINYIN_TABLE.split())


def parts(items: tuple[str, ...], part: Part) -> tuple[str, ...]:
    # Every third item is held out, so both halves span the whole inventory.
    held = part == HELD_OUT
    return tuple(item for i, item in enumerate(items) if (i % 3 == 2) == held)


@dataclass(frozen=True)
class Inventory:
    adjectives: tuple[str, ...]
    people: tuple[str, ...]
    scenes: tuple[str, ...]
    places: tuple[str, ...]
    qualities: tuple[str, ...]
    brands: tuple[str, ...]
    games: tuple[str, ...]
    offers: tuple[str, ...]


@lru_cache(maxsize=2)
def inventory(part: Part) -> Inventory:
    return Inventory(
        *(
            parts(items, part)
            for items in (
                ADJECTIVES,
                PEOPLE,
                SCENES,
                PLACES,
                QUALITIES,
                BRANDS,
                GAMES,
                OFFERS,
            )
        )
    )
