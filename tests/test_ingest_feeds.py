"""RSS and Atom feeds: one article per item; hostile XML refused safely."""

from __future__ import annotations

import datetime as dt
import logging
import time
import tracemalloc
from pathlib import Path

import pytest

from sitrep.errors import InputError
from sitrep.ingest import RecordError, iter_articles, iter_feed
from sitrep.model import Article

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"


def test_rss_items(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="sitrep.ingest"):
        results = list(iter_articles([FIXTURES / "feed.rss"]))
    first, second, third = results
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.text == (
        "Clash in Zhob leaves three dead\n\n"
        "Three militants were killed in a clash with security forces in Zhob, officials said."
    )
    assert first.title == "Clash in Zhob leaves three dead"
    assert first.url == "https://valley.example/zhob-clash"
    assert first.outlet == "Valley Times"
    assert first.published == dt.date(2026, 1, 10)
    assert first.language == "en"
    assert second.url == "https://valley.example/kalat-post"  # permalink guid
    assert second.published is None  # "someday soon": kept, with a warning
    assert any("feed.rss#2" in r.getMessage() and "date" in r.getMessage() for r in caplog.records)
    assert isinstance(third, RecordError)
    assert third.code == "missing_text" and third.source.endswith("feed.rss#3")


def test_atom_entries() -> None:
    first, second = iter_articles([FIXTURES / "feed.atom"])
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.text == (
        "Fishing boats torched at Jiwani jetty\n\n"
        "Unknown men set fire to six fishing boats at the Jiwani jetty before dawn, local fishermen said."
    )
    assert first.url == "https://coastal.example/jiwani"
    assert first.published == dt.date(2026, 1, 19)  # published, not updated
    assert first.outlet == "Coastal Herald"
    assert (
        second.text
        == "Curfew eased in Gwadar\n\nAuthorities eased a curfew in Gwadar after three days."
    )
    assert second.published == dt.date(2026, 1, 18)
    assert second.url == "https://coastal.example/gwadar-curfew"


def test_billion_laughs_is_refused_fast_and_small() -> None:
    data = (FIXTURES / "hostile-entities.xml").read_bytes()
    tracemalloc.start()
    started = time.perf_counter()
    try:
        results = list(iter_articles([FIXTURES / "hostile-entities.xml"]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [(r.code, r.message) for r in results if isinstance(r, RecordError)] == [
        ("unsafe_xml", "XML with entity declarations or external entities (refused for safety)")
    ]
    assert len(results) == 1
    assert time.perf_counter() - started < 2
    assert peak < 5_000_000  # fully expanded, &g; would be 40 * 16**6 bytes = 671 MB
    # malformed *and* hostile: refused as well, never handed to the recovering parser
    with pytest.raises(InputError) as exc_info:
        list(iter_feed(data.replace(b"<rss", b"<rss <<", 1), source="x"))
    assert exc_info.value.code == "unsafe_xml"  # type: ignore[attr-defined]


def test_external_entity_is_refused() -> None:
    data = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<rss><channel><item><title>&x;</title></item></channel></rss>"
    )
    with pytest.raises(InputError) as exc_info:
        list(iter_feed(data, source="x"))
    assert exc_info.value.code == "unsafe_xml"  # type: ignore[attr-defined]


def test_undeclared_html_entity_is_recovered() -> None:
    data = (
        b'<rss version="2.0"><channel><title>Hill News</title><item><title>Blast&nbsp;in Kohat</title>'
        b"<description>Two people were hurt.</description></item></channel></rss>"
    )
    (article,) = iter_feed(data, source="x")
    assert isinstance(article, Article)
    assert "Kohat" in article.text and "Two people were hurt." in article.text
    assert article.outlet == "Hill News"


def test_not_xml_is_malformed() -> None:
    with pytest.raises(InputError) as exc_info:
        list(iter_feed(b"<<<< this is not xml", source="x"))
    assert exc_info.value.code == "malformed_xml"  # type: ignore[attr-defined]


def test_xml_that_is_not_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "note.xml"
    path.write_bytes(b"<note><to>Someone</to></note>")
    (result,) = iter_articles([path])
    assert isinstance(result, RecordError) and result.code == "not_a_feed"


def test_rss_1_0_rdf_items() -> None:
    data = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Plain Wire</title></channel>
<item><title>Ambush near Awaran</title><link>https://wire.example/awaran</link>
<description>Two soldiers were killed in an ambush near Awaran.</description><dc:date>2026-01-05</dc:date></item>
</rdf:RDF>"""
    (article,) = iter_feed(data, source="x")
    assert isinstance(article, Article)
    assert article.outlet == "Plain Wire" and article.published == dt.date(2026, 1, 5)
    assert article.url == "https://wire.example/awaran"


def test_feed_sniffed_from_unknown_extension(tmp_path: Path) -> None:
    path = tmp_path / "feed.download"
    path.write_bytes((FIXTURES / "feed.atom").read_bytes())
    results = list(iter_articles([path]))
    assert [type(r) for r in results] == [Article, Article]
