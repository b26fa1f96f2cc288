"""What normalize() pays to turn traditional characters into simplified ones.

    .venv/bin/python bench/textmining/simplified_check.py

Times, per message, building OpenCC's converter, converting a message, and the
character-class search that lets already-simplified messages skip the conversion, on
2,000 generated demo requests (the demo's texts, seed 0) and the same converted to
traditional characters.
"""

from __future__ import annotations

import importlib
import random
import time

import opencc

from jiceng.demo import texts

# The package exports the function normalize under the module's name.
normalize_module = importlib.import_module("jiceng.textmining.normalize")


def per_message(function: object, messages: list[str], rounds: int = 5) -> float:
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for message in messages:
            function(message)  # type: ignore[operator]
        best = min(best, time.perf_counter() - started)
    return best / len(messages) * 1e6


def main() -> None:
    rng = random.Random(0)
    messages = []
    for _ in range(2000):
        code = rng.choice(texts.CATEGORY_CODES)
        title, description = texts.request_text(code, rng, village="陈家村", township="枫桥镇")
        messages.append(f"{title} {description}")
    started = time.perf_counter()
    converter = opencc.OpenCC("t2s")
    print(f"building the t2s converter: {(time.perf_counter() - started) * 1e3:.1f} ms")
    traditional = [opencc.OpenCC("s2t").convert(m) for m in messages]
    search = normalize_module._traditional_chars().search
    print(f"OpenCC t2s, simplified input:   {per_message(converter.convert, messages):6.1f} µs")
    print(f"OpenCC t2s, traditional input:  {per_message(converter.convert, traditional):6.1f} µs")
    print(f"class search, simplified input: {per_message(search, messages):6.1f} µs")
    print(f"class search, traditional input:{per_message(search, traditional):6.1f} µs")
    mean = sum(map(len, messages)) / len(messages)
    print(f"{len(messages)} messages, {mean:.0f} characters on average")


if __name__ == "__main__":
    main()
