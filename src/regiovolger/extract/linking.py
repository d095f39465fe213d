"""Link facts to the meeting and agenda item whose text holds them, by offset."""

from __future__ import annotations


def _inside(span: dict | None, offset: int) -> bool:
    return bool(span) and span["start"] <= offset < span["end"]


def link_to_meetings(result: dict, kinds: tuple[str, ...] = ("decisions", "actions")) -> None:
    """Fill ``meeting`` and ``agenda_item`` of facts that left them empty.

    The innermost agenda item section holding the fact's evidence wins; a fact
    outside every item still gets the meeting whose span holds it.
    """
    items = sorted(result.get("agenda_items", []),
                   key=lambda a: (a.get("section") or {}).get("end", 0) - (a.get("section") or {}).get("start", 0))
    meetings = result.get("meetings", [])
    for kind in kinds:
        for fact in result.get(kind, []):
            offset = fact["evidence"]["start"]
            if not fact.get("agenda_item"):
                item = next((a for a in items if _inside(a.get("section"), offset)), None)
                if item:
                    fact["agenda_item"] = item["id"]
                    fact["meeting"] = fact.get("meeting") or item.get("meeting")
            if not fact.get("meeting"):
                meeting = next((m for m in meetings if _inside(m.get("span"), offset)), None)
                fact["meeting"] = meeting["id"] if meeting else None
            fact.setdefault("agenda_item", None)
