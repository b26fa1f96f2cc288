"""Fixtures for the text-mining tests: the shared Teddy Cup data and a small model."""

from __future__ import annotations

from pathlib import Path

import pytest
from textmining_data import read_rows, spread_slice, teddy_folder

from jiceng.textmining import Model, train


@pytest.fixture(scope="session")
def teddy() -> Path:
    """The teddy2020 folder, or a skip when this checkout has no shared data."""
    folder = teddy_folder()
    if not (folder / "train_segmented.csv").is_file():
        pytest.skip(f"shared data not found at {folder}")
    return folder


@pytest.fixture(scope="session")
def small_model(teddy: Path) -> Model:
    rows = spread_slice(read_rows(teddy / "train_segmented.csv"), 900)
    return train([r["text"] for r in rows], [r["label"] for r in rows])
