"""A readable summary of an extraction for an analyst to skim (``--format text``)."""

from __future__ import annotations

from sitrep.model import Extraction, Figure, Level

# what one person of a category is called ("1 civilian injured", not "1 civilians")
_ONE = {"civilians": "civilian", "militants": "militant", "security forces": "security officer"}


def _fig(f: Figure) -> str:
    if f.high is None:
        n = f"{f.low}+" if f.low == f.best else f"{f.best} ({f.low}+)"
    elif f.high != f.low:
        n = f"{f.best} ({f.low}-{f.high})"
    else:
        n = str(f.best)
    who = f.subcategory if f.subcategory and f.category.value == "unknown" else f.category.value
    who = who.replace("_", " ")
    if n == "1":
        who = _ONE.get(who, who)
    line = f"{n} {who} {f.status.value}"
    if f.period:
        line += f" [{f.period}]"
    if f.source:
        line += f" — per {f.source}"
    if f.includes:
        line += f" (includes {', '.join(f.includes)})"
    if f.superseded_by:
        line += f" (superseded by {f.superseded_by})"
    return f"{f.id}: {line}  «{f.spans[0].text}» @{f.spans[0].start}"


def _place(p) -> str:
    if p is None:
        return "place unknown"
    name = p.canonical_name or p.name
    bits = [name]
    if p.admin2 and p.admin2 != name:
        bits.append(p.admin2)
    if p.admin1 and p.admin1 != name:
        bits.append(p.admin1)
    if p.country_name or p.country:
        bits.append(p.country_name or p.country)
    out = ", ".join(bits)
    if p.latitude is not None:
        out += f" ({p.latitude:.3f}, {p.longitude:.3f}; precision {p.precision})"
    return out


def render_text(result: Extraction) -> str:
    lines: list[str] = []
    a = result.article
    head = a.title or (a.url or "article")
    lines.append(f"{head} — published {a.published.isoformat() if a.published else 'unknown'}")
    lines.append(
        f"{len(result.incidents)} incident(s), {len(result.groups)} group(s), "
        f"{len(result.figures)} figure(s), {len(result.claims)} claim(s)"
    )
    figs = {f.id: f for f in result.figures}
    for inc in result.incidents:
        lines.append("")
        date = inc.date.iso if inc.date and inc.date.iso else "date unknown"
        lines.append(f"[{inc.id}] {date} — {_place(inc.place)}")
        status = "" if inc.status.value == "carried out" else f" ({inc.status.value})"
        lines.append(
            f"    type: {', '.join(t.value for t in inc.types)}{status}"
            + (" — suicide" if inc.suicide else "")
        )
        if inc.acled_event_type:
            lines.append(f"    ACLED: {inc.acled_event_type} / {inc.acled_sub_event_type}")
        if inc.weapons:
            lines.append(f"    weapons: {', '.join(w.label for w in inc.weapons)}")
        if inc.targets:
            lines.append(f"    targets: {', '.join(t.label for t in inc.targets)}")
        if inc.perpetrators:
            lines.append(
                "    perpetrators: "
                + ", ".join(f"{p.name} ({p.attribution.value})" for p in inc.perpetrators)
            )
        for fid in inc.figure_ids:
            lines.append(f"    {_fig(figs[fid])}")
        if inc.group_id:
            lines.append(f"    part of group {inc.group_id}")
    for g in result.groups:
        lines.append("")
        lines.append(
            f"[{g.id}] coordinated group: {len(g.incident_ids)} incidents ({', '.join(g.incident_ids)}) "
            f"on {g.date.iso if g.date else 'date unknown'} in {_place(g.place)}"
        )
        if g.perpetrators:
            lines.append(
                "    perpetrators: "
                + ", ".join(f"{p.name} ({p.attribution.value})" for p in g.perpetrators)
            )
        for fid in g.figure_ids:
            lines.append(f"    {_fig(figs[fid])}")
    other = [
        f for f in result.figures if f.level in (Level.ARTICLE, Level.AGGREGATE, Level.BACKGROUND)
    ]
    if other:
        lines.append("")
        lines.append("Figures not tied to one incident or group:")
        for f in other:
            lines.append(f"    [{f.level.value}] {_fig(f)}")
    if result.claims:
        lines.append("")
        lines.append("Claims:")
        for c in result.claims:
            extra = f" (responds to {c.responds_to})" if c.responds_to else ""
            lines.append(f"    {c.id}: {c.speaker} — {c.stance.value}{extra}: {c.about}")
    if result.warnings:
        lines.append("")
        lines.append("Warnings:")
        for w in result.warnings:
            lines.append(f"    {w.code}: {w.message}")
    return "\n".join(lines) + "\n"
