"""Bytes to text: byte-order marks, UTF-8, UTF-16 without a mark, a Windows-1252 fallback.

Binary data (NUL bytes, known file signatures, mostly control characters) is refused with an
:class:`~sitrep.ingest.records.IngestError` of code ``binary``; nothing else escapes.
"""

from __future__ import annotations

import codecs
import logging
import re
from pathlib import Path
from typing import BinaryIO

from sitrep.ingest.records import IngestError

log = logging.getLogger(__name__)

_CHUNK = 1 << 20

# File signatures of common non-text formats, checked at offset 0.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX/EPUB)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\x7fELF", "executable"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"OggS", "Ogg media"),
)
_RIFF_KINDS = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control characters that do not occur in text (tab, newlines, form feed are fine).
_BAD_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\x80-\x9f\ufffe\uffff]")


def _latin1_for_undefined(err: UnicodeError) -> tuple[str, int]:
    """Codec error handler: bytes cp1252 leaves undefined (0x81, 0x8d, ...) decode as Latin-1."""
    if not isinstance(err, UnicodeDecodeError):
        raise err
    return err.object[err.start : err.end].decode("latin-1"), err.end


codecs.register_error("sitrep-latin1", _latin1_for_undefined)


def signature(data: bytes) -> str | None:
    """The kind of a known binary format ``data`` starts with, or None."""
    for magic, kind in _SIGNATURES:
        if data.startswith(magic):
            return kind
    if data[:4] == b"RIFF" and data[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[data[8:12]]
    return None


def _too_many_controls(text: str) -> bool:
    """True when the text holds more control characters than any real text would."""
    sample = text[:65536]
    bad = len(_BAD_CONTROL.findall(sample))
    return bad > max(2, len(sample) // 50)


def _utf16_without_bom(data: bytes) -> str | None:
    """Guess UTF-16 without a byte-order mark from where the NUL bytes fall (ASCII-heavy text)."""
    sample = data[:8192]
    if len(sample) < 4 or len(data) % 2:
        return None
    pairs = len(sample) // 2
    odd_nul = sample[1::2].count(0)
    even_nul = sample[0::2].count(0)
    if odd_nul >= 0.3 * pairs and even_nul <= 0.02 * pairs:
        encoding = "utf-16-le"
    elif even_nul >= 0.3 * pairs and odd_nul <= 0.02 * pairs:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return None if _too_many_controls(text) else text


def decode_text(data: bytes, *, source: str = "<bytes>") -> str:
    """Decode the bytes of a text; raise :class:`IngestError` (an ``InputError``) if they are not text.

    Order: a byte-order mark (UTF-8, UTF-16, UTF-32) decides; else UTF-16 without a mark when the
    NUL bytes say so; NUL bytes or a known binary signature mean ``binary``; else strict UTF-8;
    else Windows-1252 (bytes it leaves undefined read as Latin-1) with a logged warning.  Text that
    decodes but is mostly control characters is refused as ``binary`` too.  Empty bytes give "".
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                if encoding.startswith("utf-32"):
                    continue  # FF FE 00 00 may also be UTF-16 LE with a leading NUL character
                raise IngestError(
                    f"invalid {encoding.upper()} after its byte-order mark (byte {exc.start + len(bom)})",
                    code="encoding",
                    source=source,
                ) from None
            if _too_many_controls(text):
                raise IngestError("binary data (control characters)", code="binary", source=source)
            return text
    kind = signature(data)
    if kind is not None:
        raise IngestError(f"binary data ({kind})", code="binary", source=source)
    if b"\x00" in data:
        text16 = _utf16_without_bom(data)
        if text16 is not None:
            log.info("%s: no byte-order mark; decoded as UTF-16", source)
            return text16
        raise IngestError("binary data (NUL bytes)", code="binary", source=source)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = data.decode("cp1252", errors="sitrep-latin1")
        if _too_many_controls(text):
            raise IngestError(
                "binary data (not text in any known encoding)", code="binary", source=source
            ) from None
        log.warning("%s: not valid UTF-8 (byte %d); decoded as Windows-1252", source, exc.start)
        return text
    if _too_many_controls(text):
        raise IngestError("binary data (control characters)", code="binary", source=source)
    return text


def read_stream(stream: BinaryIO, *, max_bytes: int, source: str) -> bytes:
    """Read at most ``max_bytes`` from a stream; ``too_large`` when there is more."""
    chunks: list[bytes] = []
    total = 0
    while total <= max_bytes:
        # in chunks: one read(max_bytes + 1) would allocate the whole limit up front
        chunk = stream.read(min(_CHUNK, max_bytes + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    if total > max_bytes:
        raise IngestError(
            f"too large: more than {max_bytes:,} bytes", code="too_large", source=source
        )
    return b"".join(chunks)


def read_file(path: Path, *, max_bytes: int, source: str | None = None) -> bytes:
    """Read a file, never more than ``max_bytes + 1`` bytes of it."""
    src = source or str(path)
    try:
        with path.open("rb") as fh:
            return read_stream(fh, max_bytes=max_bytes, source=src)
    except FileNotFoundError:
        raise IngestError("no such file", code="not_found", source=src) from None
    except IsADirectoryError:
        raise IngestError("is a folder, not a file", code="unreadable", source=src) from None
    except OSError as exc:
        raise IngestError(
            f"cannot read: {exc.strerror or exc}", code="unreadable", source=src
        ) from None
