"""Ingest readers: text, HTML, bytes, stdin, folders, and every kind of bad input."""

from __future__ import annotations

import codecs
import datetime as dt
import io
import logging
import sys
import tracemalloc
from pathlib import Path

import pytest

from sitrep.errors import InputError
from sitrep.ingest import (
    IngestError,
    RecordError,
    content_id,
    decode_text,
    detect_language,
    html_to_article,
    iter_articles,
    normalise_text,
    read_article,
)
from sitrep.ingest.decode import read_stream
from sitrep.model import Article

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"


def _code(exc_info: pytest.ExceptionInfo[InputError]) -> str:
    assert isinstance(exc_info.value, IngestError)
    return exc_info.value.code


# --------------------------------------------------------------------------- plain text


def test_text_file_gives_normalised_article_with_content_id() -> None:
    article = read_article(FIXTURES / "article.txt")
    assert article.text.startswith("Gunmen kill two guards at a bank in Turbat\n\nTwo private")
    assert article.text.endswith("claimed responsibility for the attack.")
    assert article.language == "en"
    assert article.id == content_id(article.text)
    assert len(article.id) == 16 and int(article.id, 16) >= 0
    assert article.url is None and article.published is None


def test_url_and_published_are_kept() -> None:
    article = read_article(
        b"Two people were killed in a blast in the city, police said.",
        url="https://example.org/x",
        published=dt.date(2026, 2, 3),
    )
    assert article.url == "https://example.org/x"
    assert article.published == dt.date(2026, 2, 3)


def test_offsets_index_into_the_returned_text() -> None:
    raw = (
        "Blast in Quetta\r\n\r\n\r\n\r\n\r\nA bomb went off\x07 in the cafe\u0301 on Monday.  \r\n"
    )
    article = read_article(raw.encode("utf-8"))
    assert article.text == "Blast in Quetta\n\n\nA bomb went off in the caf\u00e9 on Monday."
    start = article.text.index("Monday")
    assert article.text[start : start + 6] == "Monday"
    # re-normalising never moves an offset
    assert normalise_text(article.text) == article.text


def test_same_text_rewrapped_has_the_same_id_and_other_text_does_not() -> None:
    a = read_article(b"Three soldiers were killed\nin an ambush near Kohlu.")
    b = read_article(b"Three soldiers were killed in an ambush\r\nnear Kohlu.   ")
    c = read_article(b"Four soldiers were killed in an ambush near Kohlu.")
    assert a.id == b.id
    assert a.id != c.id


@pytest.mark.parametrize("name", ["empty.txt", "whitespace.txt"])
def test_empty_and_whitespace_files_are_refused(name: str) -> None:
    with pytest.raises(InputError, match="empty input") as exc_info:
        read_article(FIXTURES / name)
    assert _code(exc_info) == "empty"


def test_only_control_characters_is_empty() -> None:
    with pytest.raises(InputError) as exc_info:
        read_article(b"\x01\n\x02 \t")
    assert _code(exc_info) == "empty"


def test_png_is_binary() -> None:
    with pytest.raises(InputError, match=r"binary data \(PNG image\)") as exc_info:
        read_article(FIXTURES / "tiny.png")
    assert _code(exc_info) == "binary"


def test_nul_bytes_are_binary() -> None:
    with pytest.raises(InputError, match="NUL") as exc_info:
        read_article(b"some text\x00\x00\x01\x00 more \xff\x00")
    assert _code(exc_info) == "binary"


def test_control_noise_without_nul_is_binary() -> None:
    noise = bytes(range(1, 32)) * 20
    with pytest.raises(InputError) as exc_info:
        decode_text(noise)
    assert _code(exc_info) == "binary"


def test_cp1252_is_decoded_with_a_warning(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="sitrep.ingest"):
        article = read_article(FIXTURES / "cp1252.txt")
    assert "caf\u00e9" in article.text
    assert "chief\u2019s" in article.text and "\u2013" in article.text
    assert any("Windows-1252" in r.getMessage() for r in caplog.records)


def test_cp1252_undefined_bytes_read_as_latin1() -> None:
    assert (
        decode_text(b"Quetta \x81 \x8d and caf\xe9 bombing")
        == "Quetta \x81 \x8d and caf\u00e9 bombing"
    )


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_byte_order_marks(bom: bytes, encoding: str) -> None:
    text = "Gunmen attacked a checkpoint near Sui \u2014 two killed."
    assert decode_text(bom + text.encode(encoding)) == text


def test_utf16_file_with_bom() -> None:
    article = read_article(FIXTURES / "utf16-bom.txt")
    assert article.text == "Rockets hit an airfield near Quetta, officials said."


def test_utf16_without_bom_is_recognised() -> None:
    text = "A bomb exploded near the railway station, police said."
    assert decode_text(text.encode("utf-16-le")) == text
    assert decode_text(text.encode("utf-16-be")) == text


def test_broken_utf16_after_bom_is_an_encoding_error() -> None:
    with pytest.raises(InputError) as exc_info:
        decode_text(codecs.BOM_UTF16_LE + "ok".encode("utf-16-le") + b"\x00\xd8")  # lone surrogate
    assert _code(exc_info) == "encoding"


def test_ten_megabyte_text_is_accepted_and_a_smaller_limit_refuses_it(tmp_path: Path) -> None:
    paragraph = "Police said the attackers fled after the explosion near the market.\n\n"
    big = tmp_path / "big.txt"
    big.write_text(paragraph * (10_000_000 // len(paragraph) + 1), encoding="utf-8")
    assert big.stat().st_size >= 10_000_000
    article = read_article(big)
    assert len(article.text) >= 9_999_000
    assert article.language == "en"
    with pytest.raises(InputError, match="too large") as exc_info:
        read_article(big, max_bytes=5_000_000)
    assert _code(exc_info) == "too_large"


def test_reading_a_big_file_with_a_small_limit_uses_little_memory(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 8_000_000)
    tracemalloc.start()
    try:
        with pytest.raises(InputError):
            read_article(big, max_bytes=10_000)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 500_000


def test_read_stream_never_asks_for_more_than_the_limit_plus_one() -> None:
    class Counting(io.BytesIO):
        requested = 0

        def read(self, size: int | None = -1) -> bytes:  # type: ignore[override]
            assert size is not None and size >= 0, "an unbounded read"
            Counting.requested += size
            return super().read(size)

    with pytest.raises(IngestError):
        read_stream(Counting(b"y" * 1000), max_bytes=100, source="s")
    assert Counting.requested == 101
    assert read_stream(Counting(b"y" * 100), max_bytes=100, source="s") == b"y" * 100


def test_bytes_over_the_limit_are_too_large() -> None:
    with pytest.raises(InputError) as exc_info:
        read_article(b"a" * 101, max_bytes=100)
    assert _code(exc_info) == "too_large"


def test_missing_file_and_folder() -> None:
    with pytest.raises(InputError) as exc_info:
        read_article(FIXTURES / "no-such-file.txt")
    assert _code(exc_info) == "not_found"
    with pytest.raises(InputError) as exc_info:
        read_article(FIXTURES)
    assert _code(exc_info) == "unreadable"


def test_jsonl_and_feeds_are_not_single_articles() -> None:
    for name in ("records.jsonl", "feed.rss"):
        with pytest.raises(InputError, match="iter_articles") as exc_info:
            read_article(FIXTURES / name)
        assert _code(exc_info) == "unsupported"


# --------------------------------------------------------------------------- language


def test_non_english_text_gives_an_article_with_its_language() -> None:
    article = read_article(FIXTURES / "urdu.txt")
    assert article.language == "ur"
    assert "\u06a9\u06cc\u0686" in article.text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Three people were killed when a bomb exploded near the market, police said.", "en"),
        ("Trois personnes ont été tuées dans une explosion sur le marché selon la police.", "fr"),
        (
            "Tres personas murieron en una explosión en el mercado de la ciudad, según la policía.",
            "es",
        ),
        (
            "Drei Menschen wurden bei einer Explosion auf dem Markt getötet, sagte die Polizei.",
            "de",
        ),
        ("انفجار في سوق المدينة أدى إلى مقتل ثلاثة أشخاص", "ar"),
        ("د کوټې په ښار کې چاودنه وشوه", "ps"),
        ("در انفجار بمب در بازار شهر سه نفر کشته شدند و پلیس گفت", "fa"),
        ("В результате взрыва на рынке погибли три человека", "ru"),
        ("बाजार में हुए धमाके में तीन लोगों की मौत हो गई", "hi"),
        ("", None),
        ("1234 5678", None),
        ("Quetta Mastung", None),
    ],
)
def test_detect_language(text: str, language: str | None) -> None:
    assert detect_language(text) == language


# --------------------------------------------------------------------------- HTML


def test_html_page_main_text_and_metadata() -> None:
    article = read_article(FIXTURES / "page.html")
    assert article.title == "Roadside bomb wounds four soldiers near Khuzdar"
    assert article.outlet == "The Frontier Ledger"
    assert article.published == dt.date(2026, 1, 14)
    assert "Four soldiers were wounded on Wednesday" in article.text
    assert "planted under a culvert" in article.text
    for boilerplate in ("analytics", "font-family", "All rights reserved", "Sport"):
        assert boilerplate not in article.text
    assert article.language == "en"
    assert article.id == content_id(article.text)


def test_html_url_and_published_arguments_win() -> None:
    article = read_article(
        FIXTURES / "page.html", url="https://ledger.example/k", published=dt.date(2026, 1, 15)
    )
    assert article.url == "https://ledger.example/k"
    assert article.published == dt.date(2026, 1, 15)


def test_broken_html_still_gives_its_text() -> None:
    article = read_article(FIXTURES / "broken.html")
    assert article.title == "Market blast"
    assert "grenade thrown into a crowded market in Chaman" in article.text
    assert "Police have registered a case." in article.text
    assert "<" not in article.text


def test_html_fragment_gives_its_text() -> None:
    article = html_to_article(
        "<p>Militants torched a <b>school</b> in Swat<script>x=1</script>.<p>Nobody was hurt"
    )
    assert article.text.split() == "Militants torched a school in Swat. Nobody was hurt".split()


def test_lxml_fallback_when_trafilatura_finds_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    import sitrep.ingest.html as html_module

    monkeypatch.setattr(html_module, "_trafilatura", lambda html, url: None)
    article = html_to_article(
        "<p>Militants torched a <b>school</b> in Swat<script>x=1</script>.<p>Nobody was hurt"
    )
    assert article.text == "Militants torched a school in Swat.\n\nNobody was hurt"


def test_lxml_fallback_when_trafilatura_crashes(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("parser exploded")

    monkeypatch.setattr(trafilatura, "bare_extraction", boom)
    article = html_to_article("<div>Gunmen attacked a <i>polio team</i> in Bajaur.</div>")
    assert article.text == "Gunmen attacked a polio team in Bajaur."


def test_html_with_no_text_is_refused() -> None:
    with pytest.raises(InputError) as exc_info:
        read_article(
            b"<html><head><script>var a = 1;</script></head><body>  </body></html>", source="x.html"
        )
    assert _code(exc_info) == "html_no_text"
    assert exc_info.value.source == "x.html"  # type: ignore[attr-defined]


def test_html_bytes_in_a_declared_charset() -> None:
    page = '<html><head><meta charset="windows-1251"></head><body><p>Взрыв на рынке в Кветте.</p></body></html>'
    article = read_article(page.encode("cp1251"))
    assert "Взрыв на рынке" in article.text
    assert article.language == "ru"


def test_html_is_sniffed_from_bytes_without_extension() -> None:
    article = read_article(
        b"<!DOCTYPE html><html><body><p>Gunmen shot a teacher in Kharan.</p></body></html>"
    )
    assert article.text == "Gunmen shot a teacher in Kharan."


# --------------------------------------------------------------------------- stdin


def _fake_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(
        sys, "stdin", io.TextIOWrapper(io.BufferedReader(io.BytesIO(data)), encoding="utf-8")
    )


def test_read_article_from_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_stdin(monkeypatch, b"A bomb exploded outside a police station in Bannu.")
    article = read_article("-")
    assert article.text == "A bomb exploded outside a police station in Bannu."


def test_empty_stdin_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_stdin(monkeypatch, b"")
    with pytest.raises(InputError, match="empty"):
        read_article("-")


def test_iter_articles_streams_jsonl_from_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_stdin(
        monkeypatch, b'{"text": "Two killed in Kech."}\nnot json\n{"text": "One hurt in Gwadar."}\n'
    )
    results = list(iter_articles(["-"]))
    assert [type(r) for r in results] == [Article, RecordError, Article]
    assert results[1].source == "<stdin>:2" and results[1].code == "malformed_json"


def test_iter_articles_reads_text_from_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_stdin(monkeypatch, b"Police said a blast hit a bus in Turbat.")
    (result,) = iter_articles(["-"])
    assert isinstance(result, Article) and result.text == "Police said a blast hit a bus in Turbat."


# --------------------------------------------------------------------------- folders


def _summary(results: list[Article | RecordError]) -> list[str]:
    return [f"A {r.id}" if isinstance(r, Article) else f"E {r.source} {r.code}" for r in results]


def test_fixture_folder_gives_every_article_and_every_error_in_order() -> None:
    results = list(iter_articles([FIXTURES]))
    errors = {
        (Path(r.source.split(":")[0].split("#")[0]).name, r.code)
        for r in results
        if isinstance(r, RecordError)
    }
    assert errors == {
        ("empty.txt", "empty"),
        ("whitespace.txt", "empty"),
        ("hostile-entities.xml", "unsafe_xml"),
        ("feed.rss", "missing_text"),
        ("records.jsonl", "malformed_json"),
        ("records.jsonl", "missing_text"),
        ("records.jsonl", "bad_date"),
        ("records.jsonl", "not_object"),
        ("records.jsonl", "empty"),
    }
    articles = [r for r in results if isinstance(r, Article)]
    # article, broken, cp1252, 2 atom, 2 rss, page, 3 jsonl, urdu, utf16
    assert len(articles) == 13
    assert all(a.text and a.id for a in articles)
    assert not any(Path(r.source).name == "tiny.png" for r in results if isinstance(r, RecordError))
    assert _summary(results) == _summary(list(iter_articles([FIXTURES])))  # deterministic


def test_folder_recursion_hidden_files_and_unknown_extensions(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Blast in Sibi kills one.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Hidden report of a blast.", encoding="utf-8")
    (tmp_path / "notes.md").write_text("Not an article file type.", encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "b.txt").write_text("Clash in Zhob kills two.", encoding="utf-8")
    deep = [r.text for r in iter_articles([tmp_path]) if isinstance(r, Article)]
    assert deep == ["Blast in Sibi kills one.", "Clash in Zhob kills two."]
    flat = [r.text for r in iter_articles([tmp_path], recursive=False) if isinstance(r, Article)]
    assert flat == ["Blast in Sibi kills one."]
    named = list(iter_articles([tmp_path / "notes.md"]))  # named explicitly: sniffed and read
    assert isinstance(named[0], Article) and named[0].text == "Not an article file type."


def test_missing_path_and_binary_file_named_explicitly() -> None:
    results = list(
        iter_articles([FIXTURES / "nope.txt", FIXTURES / "tiny.png", FIXTURES / "article.txt"])
    )
    assert isinstance(results[0], RecordError) and results[0].code == "not_found"
    assert isinstance(results[1], RecordError) and results[1].code == "binary"
    assert isinstance(results[2], Article)


def test_too_large_file_in_a_batch_is_skipped_and_the_rest_kept(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x" * 2000, encoding="utf-8")
    (tmp_path / "b.txt").write_text("A short report of a blast.", encoding="utf-8")
    results = list(iter_articles([tmp_path], max_bytes=1000))
    assert isinstance(results[0], RecordError) and results[0].code == "too_large"
    assert isinstance(results[1], Article)
