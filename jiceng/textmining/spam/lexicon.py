"""Phrases of commercial spam: gambling, porn and sales terms the spam rules look for."""

from __future__ import annotations


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
MASSIVE_STUFFING = 8
