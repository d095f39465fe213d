"""Link facts to the meeting and agenda item whose text holds them, by offset."""

from __future__ import annotations


def _inside(span: dict | None, offset: int) -> bool:
    return bool(span) and span["start"] <= offset < span["end"]


def link_to_meetings(result: dict, kinds: tuple[str, ...] = ("decisions", "actions")) -> None:
    """Fill ``meeting`` and ``agenda_item`` of facts that left them empty.

    The innermost agenda item section holding the fact's evidence wins; a fact
    outside every item still gets the meeting whose span holds it.
    """
    # an item's text is its section in the agenda or minutes, and its proposal when one is bundled
    sections = sorted(
        ((span, item) for item in result.get("agenda_items", [])
         for span in (item.get("section"), item.get("proposal_section")) if span),
        key=lambda pair: pair[0]["end"] - pair[0]["start"])
    meetings = result.get("meetings", [])
    for kind in kinds:
        for fact in result.get(kind, []):
            offset = fact["evidence"]["start"]
            if not fact.get("agenda_item"):
                item = next((i for span, i in sections if _inside(span, offset)), None)
                if item:
                    fact["agenda_item"] = item["id"]
                    fact["meeting"] = fact.get("meeting") or item.get("meeting")
            if not fact.get("meeting"):
                meeting = next((m for m in meetings if _inside(m.get("span"), offset)), None)
                fact["meeting"] = meeting["id"] if meeting else None
            fact.setdefault("agenda_item", None)
