"""Past replies in the 12345 export format (teddy2020 附件4's columns), written to a CSV."""

from __future__ import annotations

import csv
from pathlib import Path

HEADER = ["留言编号", "留言用户", "留言主题", "留言时间", "留言详情", "答复意见", "答复时间"]
PENSION = "《诸暨市城乡居民基本养老保险实施办法》（诸人社发〔2025〕12号）"
ROWS = [
    (
        "3001",
        "我母亲今年满60岁了，什么时候可以领养老金？",
        "我母亲是农村户口，交了城乡居民养老保险十几年，今年满60周岁，请问怎么领取养老金？"
        "联系电话13812345678。",
        f"您好！根据{PENSION}第二条，参保人年满60周岁、累计缴费满15年的，可以按月领取养老金。"
        "请携带身份证到镇便民服务中心申请。",
    ),
    (
        "3002",
        "城乡居民养老保险缴费不满15年能领养老金吗",
        "我父亲年满60周岁了，城乡居民养老保险只交了12年，能不能按月领取养老金？",
        "您好！根据《诸暨市城乡居民基本养老保险实施办法》规定，累计缴费不满15年的，"
        "可以补缴至满15年后按月领取养老金。",
    ),
    (
        "3003",
        "孩子小学入学需要什么条件",
        "我们是外地来诸暨务工的，孩子明年上小学，入学需要准备哪些材料？",
        "您好！根据《中华人民共和国义务教育法》和本市招生入学办法，随迁子女凭居住证和"
        "务工证明到居住地教育局登记入学。",
    ),
    (
        "3004",
        "小区门口路灯不亮",
        "天竺社区门口的路灯坏了一个月了，晚上很黑。",
        "您好！经现场核实，路灯已于3月5日修复。感谢您的监督。",
    ),
]


def replies_csv(folder: Path, rows: list[tuple[str, str, str, str]] = ROWS) -> Path:
    path = folder / "replies.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(HEADER)
        for number, title, question, reply in rows:
            writer.writerow(
                [number, "A0001", title, "2025/3/1 9:00:00", question, reply, "2025/3/6"]
            )
    return path
