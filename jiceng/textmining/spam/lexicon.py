"""Phrases and patterns the spam rules look for."""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Commercial gambling and porn phrases seen on SEO spam pages.
STUFFING_TERMS = _words(
    """
    百家乐 时时彩 六合彩 北京赛车 pk10 娱乐城 真人娱乐 真人视讯 网上赌场
    线上赌场 澳门赌场 葡京 金沙娱乐 威尼斯人娱乐 太阳城 老虎机 电子游艺 棋牌游戏
    捕鱼游戏 彩票平台 投注平台 体育投注 博彩网 博彩公司 博彩 开户送 注册送 首存
    返水 赌球 外围盘 彩金 轮盘 骰宝 龙虎斗 炸金花 斗地主赢钱 快三
    幸运飞艇 重庆时时彩 香港六合彩 一码中特 特码 平码 成人网站 成人视频 成人电影
    黄色网站 黄色视频 无码 有码 一本道 东京热 av女优 日本av 欧美av av在线
    在线av 伦理片 三级片 毛片 黄片 福利视频 福利姬 裸聊 约炮 援交 同城约
    一夜情 激情视频 激情小说 色情小说 色情网站 色情视频 偷拍视频 自拍偷拍 巨乳
    爆乳 人妻 熟女 萝莉 制服诱惑 av电影 情色 国产自拍 草榴 91porn
    porn
    """
)
SALES_TERMS = _words(
    """
    代开发票 发票代开 开发票 办证 刷单 兼职 日赚 日结 月入过万 无抵押 信用卡套现
    套现 秒批 秒到 优惠 特价 低价 折扣 促销 包邮 批发 厂家直销 一手货源 加盟
    招商 代理 诚招 出售 回收 转让 免费领取 免费送 限时 抢购 私聊 咨询热线 热线
    微商 代购 减肥 增高 丰胸 壮阳 伟哥 高仿 精仿
    """
)
CALL_TO_ACTION = re.compile(
    r"欢迎来电|欢迎咨询|欢迎致电|联系电话|联系方式|详询|详情咨询|有意者|电话咨询|加我|速联系|咨询电话"
)
HANDLE = re.compile(
    r"(?:微信号?|weixin|wechat|vx|v信|威信|薇信|徽信|加v|加微|qq号?|扣扣|企鹅|飞机|telegram)"
    r"[:：\s]*([a-z][a-z0-9_-]{4,19}|\d{5,12})",
    re.I,
)
PRICE = re.compile(r"(?:[¥￥]\s*\d+|\d+(?:\.\d+)?\s*元\s*/\s*[\u4e00-\u9fff]|\d+\s*元起)")
_TLDS = "com|net|org|cn|cc|top|xyz|vip|info|me|tv|co|io|app|site|club|win|bet|live"
URL = re.compile(rf"(?:https?://|www\.)[^\s<>\"'，。]+|\b[a-z0-9-]{{2,63}}\.(?:{_TLDS})\b", re.I)
DOMAIN = re.compile(r"(?:https?://)?(?:www\.)?([a-z0-9.-]+\.[a-z]{2,})", re.I)
COMPLAINT_MARKERS = _words(
    """
    投诉 举报 反映 诈骗 被骗 骗取 维权 报警 请求 恳请 希望 要求 解决 处理
    整改 政府 部门 领导 小区 业主 居民 村民 物业 街道 社区 村委 市民 职工
    工资 退还 欠款 调查 监管 执法 城管 市容 扰民 违法 违规 非法 污染 隐患
    派出所 公安 镇政府 严重影响
    """
)
MASSIVE_STUFFING = 8
NON_CONTENT = re.compile(r"[\W_]+")
SEGMENTS = re.compile(r"[\s,，、;；|/。！!?？:：]+")
