"""HTML to an Article: main text and metadata with trafilatura, an lxml fallback for the rest.

trafilatura and lxml are imported on first use, so ``import sitrep.ingest`` stays cheap.
"""

from __future__ import annotations

import logging
import re

from sitrep.ingest.dates import parse_published
from sitrep.ingest.decode import decode_text
from sitrep.ingest.language import detect_language
from sitrep.ingest.normalise import hash_normalised, normalise_text
from sitrep.ingest.records import IngestError
from sitrep.model import Article

log = logging.getLogger(__name__)

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_HTML_START = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S
)
_HTML_TAGS = re.compile(r"<(?:p|div|body|head|br|span|a|article|h[1-6]|table|ul|li)[\s/>]", re.I)

# Elements whose text is never article text.
_DROP = (
    "script",
    "style",
    "noscript",
    "template",
    "head",
    "iframe",
    "object",
    "svg",
    "button",
    "select",
)
# Elements that break a line before and after them.
_BLOCKS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table td th tr ul".split()
)


def looks_like_html(text: str) -> bool:
    """True for an HTML document or a fragment with several common tags."""
    head = text[:4096]
    if _HTML_START.match(head):
        return True
    return head.lstrip().startswith("<") and len(_HTML_TAGS.findall(head)) >= 2


def decode_html(data: bytes, *, source: str = "<bytes>") -> str:
    """Decode HTML bytes: a byte-order mark or valid UTF-8 first, then the page's declared
    ``<meta charset>``, then :func:`~sitrep.ingest.decode.decode_text`'s fallback."""
    try:
        if not data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00")):
            return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        m = _META_CHARSET.search(data[:4096])
        if m:
            name = m.group(1).decode("ascii", "replace")
            try:
                if b"\x00" not in data and not name.lower().startswith(
                    ("utf-16", "utf-32", "utf16", "utf32")
                ):
                    return data.decode(name)
            except (LookupError, UnicodeDecodeError):
                log.info("%s: declared charset %s does not decode the page", source, name)
    return decode_text(data, source=source)


def _lxml_tree(html: str):
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser(
        encoding="utf-8", no_network=True, remove_comments=True, remove_pis=True
    )
    try:
        return lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError):
        return None


def html_text(html: str) -> str:
    """Visible text of an HTML document or fragment with lxml: scripts and styles dropped,
    a line break around each block element.  Not normalised; "" when there is none."""
    import lxml.etree

    tree = _lxml_tree(html)
    if tree is None:
        return ""
    lxml.etree.strip_elements(tree, *_DROP, with_tail=False)
    parts: list[str] = []
    for event, el in lxml.etree.iterwalk(tree, events=("start", "end")):
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _BLOCKS:
                parts.append("\n")
            if el.text and tag:
                parts.append(el.text)
        else:
            if tag in _BLOCKS:
                parts.append("\n")
            if el.tail and el is not tree:
                parts.append(el.tail)
    text = "".join(parts)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)  # HTML collapses spaces
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text)


def _trafilatura(html: str, url: str | None):
    """trafilatura's Document for the page, or None; never raises on hostile markup."""
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True
        )
    except Exception as exc:  # noqa: BLE001  (third-party parser on untrusted input)
        log.warning("trafilatura failed (%s: %s); falling back to lxml", type(exc).__name__, exc)
        return None


def html_to_article(html: str, *, url: str | None = None) -> Article:
    """An Article from an HTML page: main text, title, date, outlet (site name), URL.

    trafilatura removes boilerplate; if it finds no text, lxml's visible text is used; if there
    is still none, :class:`IngestError` ``html_no_text``.  A page date that cannot be read gives
    ``published=None`` and a logged warning (the text is kept).
    """
    doc = _trafilatura(html, url)
    text = normalise_text(doc.text or "") if doc is not None else ""
    if not text:
        log.info("trafilatura found no main text; using lxml's visible text")
        text = normalise_text(html_text(html))
    if not text:
        raise IngestError("HTML with no readable text", code="html_no_text", source=url or "<html>")
    title = outlet = page_url = None
    published = None
    if doc is not None:
        title = normalise_text(doc.title) if doc.title else None
        outlet = normalise_text(doc.sitename) if doc.sitename else None
        page_url = doc.url
        try:
            published = parse_published(doc.date)
        except ValueError as exc:
            log.warning(
                "%s: page date not understood (%s); published left empty", url or "<html>", exc
            )
    return Article(
        text=text,
        id=hash_normalised(text),
        url=url or page_url,
        outlet=outlet or None,
        published=published,
        language=detect_language(text),
        title=title or None,
    )
