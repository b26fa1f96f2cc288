"""Words of real complaints, seldom on spam pages: three of them mark a complaint."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A text with three of these counts as a complaint, which halves its spam score.
COMPLAINT_MARKERS = _words(
    """
    投诉 举报 反映 诈骗 被骗 骗取 维权 报警 请求 恳请 希望 要求 解决 处理
    整改 政府 部门 领导 小区 业主 居民 村民 物业 街道 社区 村委 市民 职工
    工资 退还 欠款 调查 监管 执法 城管 市容 扰民 违法 违规 非法 污染 隐患
    派出所 公安 镇政府 严重影响
    """
)
