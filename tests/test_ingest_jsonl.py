"""JSONL ingest: fields, one result per line, bad lines reported with their line number."""

from __future__ import annotations

import codecs
import datetime as dt
import io
import json
import logging
import tracemalloc
from pathlib import Path

import pytest

from sitrep.ingest import IngestError, RecordError, content_id, iter_articles, iter_jsonl
from sitrep.model import Article

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"


def _read(data: bytes, *, max_bytes: int = 20_000_000) -> list[Article | RecordError]:
    return list(iter_jsonl(io.BytesIO(data), source="in.jsonl", max_bytes=max_bytes))


def _jsonl(*records: object) -> bytes:
    return b"".join(json.dumps(r).encode("utf-8") + b"\n" for r in records)


def test_fixture_gives_one_result_per_non_blank_line_with_line_numbers() -> None:
    results = list(iter_articles([FIXTURES / "records.jsonl"]))
    source = str(FIXTURES / "records.jsonl")
    summary = [(r.source, r.code) if isinstance(r, RecordError) else r.id for r in results]
    assert summary[0] == "rec-1"
    assert summary[2:8] == [
        (f"{source}:4", "malformed_json"),
        (f"{source}:5", "missing_text"),
        (f"{source}:6", "missing_text"),
        (f"{source}:7", "bad_date"),
        (f"{source}:8", "not_object"),
        (f"{source}:9", "empty"),
    ]
    assert len(results) == 9  # ten lines, one blank
    first, second, last = results[0], results[1], results[8]
    assert isinstance(first, Article) and isinstance(second, Article) and isinstance(last, Article)
    assert first.url == "https://example.org/sibi"
    assert first.outlet == "Example Wire" and first.title == "Three arrested in Sibi"
    assert first.published == dt.date(2026, 1, 11)
    assert second.published == dt.date(2026, 1, 12)  # RFC 822
    assert second.id == content_id(second.text)
    assert last.language == "en"  # given as "EN"


def test_messages_are_clear() -> None:
    errors = [r for r in iter_articles([FIXTURES / "records.jsonl"]) if isinstance(r, RecordError)]
    messages = [e.message for e in errors]
    assert messages[0].startswith("invalid JSON: Unterminated string")
    assert messages[1] == "no 'text' field"
    assert messages[2] == "field 'text' must be a string, got int"
    assert messages[3].startswith("invalid 'published' date")
    assert messages[4] == "expected a JSON object, got list"


def test_id_language_and_numeric_id() -> None:
    (a, b) = _read(
        _jsonl({"text": "Blast in Sibi.", "id": 77, "language": "UR"}, {"text": "Blast in Sibi."})
    )
    assert isinstance(a, Article) and isinstance(b, Article)
    assert a.id == "77" and a.language == "ur"
    assert b.id == content_id("Blast in Sibi.")


@pytest.mark.parametrize(
    ("record", "code"),
    [
        ({"text": "A blast.", "url": 5}, "bad_field"),
        ({"text": "A blast.", "title": ["x"]}, "bad_field"),
        ({"text": "A blast.", "id": True}, "bad_field"),
        ({"text": "A blast.", "id": {"a": 1}}, "bad_field"),
        ({"text": "A blast.", "published": 20260203}, "bad_date"),
        ({"text": "A blast.", "published": "2026-02-30"}, "bad_date"),
        ({"text": "A blast.", "published": "1066-10-14"}, "bad_date"),
        ({"text": None}, "missing_text"),
        ({"html": "<html><body><script>1</script></body></html>"}, "html_no_text"),
        ("just a string", "not_object"),
    ],
)
def test_bad_records(record: object, code: str) -> None:
    (result,) = _read(_jsonl(record))
    assert isinstance(result, RecordError)
    assert result.code == code and result.source == "in.jsonl:1"


def test_missing_or_empty_published_is_none() -> None:
    results = _read(
        _jsonl({"text": "A blast.", "published": ""}, {"text": "A blast.", "published": None})
    )
    assert [r.published for r in results if isinstance(r, Article)] == [None, None]


def test_html_field_instead_of_text() -> None:
    (result,) = _read(
        _jsonl({"html": "<p>Gunmen killed a shopkeeper in <b>Khuzdar</b>.</p>", "outlet": "Wire"})
    )
    assert isinstance(result, Article)
    assert result.text == "Gunmen killed a shopkeeper in Khuzdar."
    assert result.outlet == "Wire"


def test_lone_surrogate_escape_does_not_crash() -> None:
    (result,) = _read(b'{"text": "Attack \\ud800 in Kech"}\n')
    assert isinstance(result, Article)
    assert result.text == "Attack \ufffd in Kech"


def test_deeply_nested_json_is_malformed_not_a_crash() -> None:
    (result,) = _read(b"[" * 100_000 + b"\n")
    assert isinstance(result, RecordError) and result.code == "malformed_json"


def test_crlf_and_utf8_bom_and_no_final_newline() -> None:
    data = codecs.BOM_UTF8 + b'{"text": "One."}\r\n\r\n{"text": "Two."}'
    assert [r.text for r in _read(data) if isinstance(r, Article)] == ["One.", "Two."]


def test_cp1252_line_is_decoded_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="sitrep.ingest"):
        (result,) = _read(b'{"text": "Blast near the caf\xe9."}\n')
    assert isinstance(result, Article) and result.text == "Blast near the caf\u00e9."
    assert any("in.jsonl:1" in r.getMessage() for r in caplog.records)


def test_utf16_jsonl_with_bom() -> None:
    data = codecs.BOM_UTF16_LE + '{"text": "Blast in Mach."}\r\n{bad\r\n'.encode("utf-16-le")
    results = _read(data)
    assert isinstance(results[0], Article) and results[0].text == "Blast in Mach."
    assert isinstance(results[1], RecordError) and results[1].source == "in.jsonl:2"


def test_binary_file_named_jsonl_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "image.jsonl"
    path.write_bytes((FIXTURES / "tiny.png").read_bytes())
    results = list(iter_articles([path]))
    assert [(r.code, r.source) for r in results if isinstance(r, RecordError)] == [
        ("binary", str(path))
    ]
    assert len(results) == 1
    with pytest.raises(IngestError):
        _read(path.read_bytes())


def test_nul_bytes_in_one_line_only_spoil_that_line() -> None:
    results = _read(b'{"text": "Good."}\n\x00\x00\x00\x00binary\x00\x00\n{"text": "Also good."}\n')
    assert [type(r).__name__ for r in results] == ["Article", "RecordError", "Article"]
    assert results[1].code == "binary"


def test_long_line_is_too_large_and_the_next_line_is_read_with_bounded_memory() -> None:
    long_line = b'{"text": "' + b"x" * 3_000_000 + b'"}\n'
    data = _jsonl({"text": "First."}) + long_line + _jsonl({"text": "Last."})
    tracemalloc.start()
    try:
        results = _read(data, max_bytes=10_000)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [r.code if isinstance(r, RecordError) else r.text for r in results] == [
        "First.",
        "too_large",
        "Last.",
    ]
    assert results[1].source == "in.jsonl:2"
    assert peak < 1_000_000  # the 3 MB line was never held whole


def test_a_large_jsonl_file_is_streamed(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    body = "A blast hit a checkpoint and police said two guards were hurt. " * 40
    with path.open("wb") as fh:
        for i in range(1500):
            fh.write(json.dumps({"text": f"Report {i}. {body}"}).encode() + b"\n")
    assert path.stat().st_size > 3_500_000
    tracemalloc.start()
    try:
        count = sum(1 for r in iter_articles([path], max_bytes=10_000) if isinstance(r, Article))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 1500
    assert peak < 1_000_000  # the 3.9 MB file is never held whole; results are not accumulated
