"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds: one Article per item.

The XML is parsed with the standard library's expat with every entity declaration refused, so a
hostile feed ("billion laughs", external entities) fails fast as ``unsafe_xml`` and never expands.
A feed that is merely malformed (e.g. an undeclared ``&nbsp;``) is re-read with lxml in recover
mode with entity resolution, DTD loading and network access all off.
"""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
import xml.parsers.expat
from collections.abc import Iterator

from sitrep.ingest.dates import parse_published
from sitrep.ingest.html import html_text, looks_like_html
from sitrep.ingest.language import detect_language
from sitrep.ingest.normalise import hash_normalised, normalise_text
from sitrep.ingest.records import IngestError, RecordError
from sitrep.model import Article

log = logging.getLogger(__name__)

ATOM = "http://www.w3.org/2005/Atom"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
DC = "http://purl.org/dc/elements/1.1/"


class _Refused(Exception):
    """Raised from an expat handler to stop on an entity declaration or external reference."""


def _refuse(*_args: object) -> None:
    raise _Refused


def _parse_expat(data: bytes) -> ET.Element:
    builder = ET.TreeBuilder()
    parser = xml.parsers.expat.ParserCreate(namespace_separator="}")

    def start(tag: str, attrs: dict[str, str]) -> None:
        builder.start("{" + tag if "}" in tag else tag, attrs)

    def end(tag: str) -> None:
        builder.end("{" + tag if "}" in tag else tag)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = builder.data
    parser.EntityDeclHandler = _refuse
    parser.UnparsedEntityDeclHandler = _refuse
    parser.ExternalEntityRefHandler = _refuse
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.Parse(data, True)
    return builder.close()


def _parse_lxml(data: bytes) -> ET.Element | None:
    import lxml.etree

    parser = lxml.etree.XMLParser(
        recover=True,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = lxml.etree.fromstring(data, parser=parser)
    except (lxml.etree.XMLSyntaxError, ValueError):
        return None
    if root is None:
        return None
    return _to_etree(root)


def _to_etree(el) -> ET.Element:
    """Copy an lxml element into ElementTree, dropping comments, PIs and unresolved entity
    references (their tails are kept).  lxml caps nesting depth, so the recursion is bounded."""
    out = ET.Element(el.tag, {str(k): str(v) for k, v in el.attrib.items()})
    out.text = el.text
    last: ET.Element | None = None
    for child in el:
        if isinstance(child.tag, str):
            last = _to_etree(child)
            last.tail = child.tail
            out.append(last)
        elif child.tail:  # a comment, PI or entity reference: keep only the text after it
            if last is None:
                out.text = (out.text or "") + child.tail
            else:
                last.tail = (last.tail or "") + child.tail
    return out


def parse_xml(data: bytes, *, source: str) -> ET.Element:
    """The root element of a feed; :class:`IngestError` ``unsafe_xml`` or ``malformed_xml``."""
    try:
        return _parse_expat(data)
    except _Refused:
        raise IngestError(
            "XML with entity declarations or external entities (refused for safety)",
            code="unsafe_xml",
            source=source,
        ) from None
    except xml.parsers.expat.ExpatError as exc:
        if b"<!ENTITY" in data:
            raise IngestError(
                "malformed XML with entity declarations (refused for safety)",
                code="unsafe_xml",
                source=source,
            ) from None
        log.info("%s: XML is not well-formed (%s); trying lxml in recover mode", source, exc)
        root = _parse_lxml(data)
        if root is None:
            raise IngestError(
                f"malformed XML: {exc}", code="malformed_xml", source=source
            ) from None
        return root


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child(el: ET.Element, *names: str) -> ET.Element | None:
    """The first child whose local name is in ``names`` (in the order of ``names``)."""
    for name in names:
        for child in el:
            if _local(child.tag) == name:
                return child
    return None


def _child_ns(el: ET.Element, ns: str, name: str) -> ET.Element | None:
    return el.find(f"{{{ns}}}{name}")


def _text(el: ET.Element | None) -> str:
    if el is None:
        return ""
    return "".join(el.itertext()).strip()


def _body_text(el: ET.Element | None) -> str:
    """Text of a description/content element, whether plain, escaped HTML or inline XHTML."""
    if el is None:
        return ""
    if len(el):  # inline XHTML (Atom type="xhtml")
        return html_text(ET.tostring(el, encoding="unicode"))
    raw = (el.text or "").strip()
    kind = el.get("type", "")
    if kind in ("html", "text/html") or looks_like_html(raw) or ("<" in raw and ">" in raw):
        return html_text(raw)
    return raw


def _entry_link(entry: ET.Element) -> str | None:
    """Atom: the ``alternate`` link (or the first link without rel); RSS: ``<link>`` or a permalink guid."""
    links = [c for c in entry if _local(c.tag) == "link"]
    for link in links:
        href = link.get("href")
        if href and link.get("rel", "alternate") == "alternate":
            return href.strip()
    for link in links:
        if link.text and link.text.strip():
            return link.text.strip()
    guid = _child(entry, "guid")
    if guid is not None and guid.get("isPermaLink", "true") == "true":
        value = _text(guid)
        if value.startswith(("http://", "https://")):
            return value
    return None


def _item_article(item: ET.Element, *, outlet: str | None, source: str) -> Article:
    raw_title = _text(_child(item, "title"))
    title = normalise_text(html_text(raw_title) if "<" in raw_title else raw_title)
    body = ""
    for candidate in (
        _child_ns(item, CONTENT, "encoded"),
        _child(item, "content"),
        _child(item, "description", "summary"),
    ):
        body = normalise_text(_body_text(candidate))
        if body:
            break
    if body and title and body.startswith(title):
        text = body
    else:
        text = normalise_text("\n\n".join(part for part in (title, body) if part))
    if not text:
        raise IngestError("feed item with no title or text", code="missing_text", source=source)
    stamp = _text(_child(item, "pubDate", "published", "updated", "date", "issued", "modified"))
    published = None
    try:
        published = parse_published(stamp)
    except ValueError as exc:
        log.warning("%s: item date not understood (%s); published left empty", source, exc)
    return Article(
        text=text,
        id=hash_normalised(text),
        url=_entry_link(item),
        outlet=outlet,
        published=published,
        language=detect_language(text),
        title=title or None,
    )


def iter_feed(data: bytes, *, source: str) -> Iterator[Article | RecordError]:
    """Articles of an RSS or Atom feed, one per item; a :class:`RecordError` per bad item.

    Raises :class:`IngestError` when the file is not a feed at all (unsafe or malformed XML,
    no ``rss``/``feed``/``RDF`` root).
    """
    root = parse_xml(data, source=source)
    kind = _local(root.tag)
    if kind == "rss" or kind == "RDF":
        channel = _child(root, "channel")
        outlet_el = _child(channel, "title") if channel is not None else None
        items = [el for el in root.iter() if _local(el.tag) == "item"]
    elif kind == "feed":
        outlet_el = _child(root, "title")
        items = [el for el in root if _local(el.tag) == "entry"]
    else:
        raise IngestError(
            f"XML but not an RSS or Atom feed (root <{kind}>)", code="not_a_feed", source=source
        )
    outlet = normalise_text(_text(outlet_el)) or None
    if not items:
        log.info("%s: feed has no items", source)
    for n, item in enumerate(items, start=1):
        item_source = f"{source}#{n}"
        try:
            yield _item_article(item, outlet=outlet, source=item_source)
        except IngestError as exc:
            yield exc.record()
