"""Property tests: the readers never fail with anything but InputError and never lose a record."""

from __future__ import annotations

import io
import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.errors import InputError
from sitrep.ingest import (
    RecordError,
    content_id,
    decode_text,
    detect_language,
    iter_jsonl,
    normalise_text,
    read_article,
)
from sitrep.model import Article

_FORBIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\r\ufeff\u2028\u2029\ud800-\udfff]")


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=2000))
def test_decode_text_only_raises_input_error(data: bytes) -> None:
    try:
        text = decode_text(data)
    except InputError:
        return
    assert isinstance(text, str)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_read_article_only_raises_input_error(data: bytes) -> None:
    try:
        article = read_article(data)
    except InputError:
        return
    assert article.text and article.text == normalise_text(article.text)
    assert article.id == content_id(article.text)


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=300))
def test_normalise_text_is_idempotent_and_clean(text: str) -> None:
    once = normalise_text(text)
    assert normalise_text(once) == once
    assert not _FORBIDDEN.search(once)
    assert "\n\n\n\n" not in once
    assert once == once.strip()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_detect_language_never_fails(text: str) -> None:
    result = detect_language(text)
    assert result is None or (isinstance(result, str) and 2 <= len(result) <= 3)


_garbage = st.text(
    st.characters(blacklist_characters="\n", blacklist_categories=("Cs",)), max_size=60
)
_valid = st.builds(
    lambda words, n: json.dumps({"text": " ".join(words) or "x", "id": f"r{n}"}),
    st.lists(
        st.sampled_from(["blast", "in", "Quetta", "police", "said", "two", "killed"]), max_size=8
    ),
    st.integers(0, 10_000),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_garbage, _valid), max_size=25))
def test_jsonl_gives_exactly_one_result_per_non_blank_line(lines: list[str]) -> None:
    data = "\n".join(lines).encode("utf-8")
    results = list(iter_jsonl(io.BytesIO(data), source="g.jsonl"))
    raw_lines = data.split(b"\n")
    numbered = [(n, line) for n, line in enumerate(raw_lines, start=1) if line.strip()]
    assert len(results) == len(numbered)
    for (lineno, line), result in zip(numbered, results, strict=True):
        if isinstance(result, RecordError):
            assert result.source == f"g.jsonl:{lineno}"
            assert result.code and result.message
        else:
            assert isinstance(result, Article)
            record = json.loads(line)
            assert isinstance(record, dict)
            if "id" in record and isinstance(record["id"], str) and record["id"].strip():
                assert result.id == record["id"].strip()
