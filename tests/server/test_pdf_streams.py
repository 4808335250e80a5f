"""Measuring what a PDF's streams inflate to (``pdf_streams``), and the inspector refusing
the issue's PDF that inflates to gigabytes, fast."""

from __future__ import annotations

import asyncio
import time
import zlib
from pathlib import Path

import pytest

from server.documents import pdf_streams
from server.documents.inspect import inspect_pdf
from server.documents.policy import DocumentPolicy
from server.documents.refusals import FileRefused
from tests.server import hostile_pdfs


def test_filter_names_are_read_from_a_name_or_an_array() -> None:
    assert pdf_streams.filter_names("/FlateDecode") == ["FlateDecode"]
    assert pdf_streams.filter_names("[/FlateDecode /Fl/A85]") == ["FlateDecode", "Fl", "A85"]


def test_layers_of_flate_are_measured_exactly() -> None:
    data = bytes(range(256)) * 4000
    twice = zlib.compress(zlib.compress(data))
    assert pdf_streams.inflated_size(twice, ["FlateDecode", "FlateDecode"], 10**9) == len(data)
    assert pdf_streams.inflated_size(twice, ["FlateDecode"], 10**9) == len(zlib.compress(data))
    assert pdf_streams.inflated_size(b"abc", ["ASCIIHexDecode", "FlateDecode"], 10) == 3


def test_the_budget_covers_the_whole_document() -> None:
    one = zlib.compress(b" " * 600_000)
    with pytest.raises(pdf_streams.InflationExceeded):
        pdf_streams.check_budget([(one, ["FlateDecode"]), (one, ["FlateDecode"])], 1_000_000)
    assert pdf_streams.check_budget([(one, ["FlateDecode"])], 1_000_000) == 600_000


def test_damaged_data_counts_as_far_as_it_goes() -> None:
    data = bytes(range(256)) * 4000
    packed = zlib.compress(data)
    assert 0 < pdf_streams.inflated_size(packed[: len(packed) // 2], ["FlateDecode"], 10**9) < len(data)
    assert pdf_streams.inflated_size(b"\xff" * 100, ["FlateDecode"], 10**9) == 0


@pytest.mark.parametrize("megabytes", [2048, 4096])
def test_a_pdf_that_inflates_to_gigabytes_is_refused_fast(tmp_path: Path, megabytes: int) -> None:
    """The issue's file: accepted after 20 s before (its pages read within the CPU limit)."""
    path = tmp_path / "bomb.pdf"
    path.write_bytes(hostile_pdfs.deflate_bomb(megabytes))
    started = time.monotonic()
    with pytest.raises(FileRefused) as refused:
        asyncio.run(inspect_pdf(path, DocumentPolicy()))
    assert refused.value.status == 422 and "compression bomb" in refused.value.message
    assert time.monotonic() - started < 15


def test_an_honest_pdf_passes_the_budget(tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(hostile_pdfs.many_pages(50))
    assert asyncio.run(inspect_pdf(path, DocumentPolicy(pdf_inflated_mb=1))).pages == 50
