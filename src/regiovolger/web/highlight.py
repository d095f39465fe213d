"""A document's text as HTML with every fact in a <mark>, page and part anchors, hidden spans left out."""

from __future__ import annotations

from bisect import bisect_right

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _


def render_text(text: str, facts, pages: list[tuple[int, int]], parts: list[tuple[str, int]],
                hidden: list[tuple[int, int]]) -> SafeString:
    """facts: objects with id, kind, start, end; pages: (number, start); parts: (key, start); hidden: (start, end)."""
    n = len(text)
    spans = [(max(0, f.start), min(n, f.end), f) for f in facts if f.end > f.start]
    cuts = {0, n}
    for s, e, _f in spans:
        cuts.update((s, e))
    for _num, s in pages:
        cuts.add(min(max(s, 0), n))
    for _key, s in parts:
        cuts.add(min(max(s, 0), n))
    for s, e in hidden:
        cuts.update((min(max(s, 0), n), min(max(e, 0), n)))
    bounds = sorted(cuts)
    starts_at: dict[int, list] = {}
    for s, e, f in spans:
        starts_at.setdefault(s, []).append(f)
    page_at = {s: num for num, s in pages}
    part_at: dict[int, list[str]] = {}
    for key, s in parts:
        part_at.setdefault(s, []).append(key)
    hidden = sorted(hidden)
    hidden_starts = [s for s, _e in hidden]

    def in_hidden(pos: int) -> tuple[int, int] | None:
        i = bisect_right(hidden_starts, pos) - 1
        if i >= 0 and hidden[i][0] <= pos < hidden[i][1]:
            return hidden[i]
        return None

    # active facts per segment: sweep with a sorted list (texts are ~100k chars, facts ~1k)
    by_start = sorted(spans, key=lambda t: t[0])
    out: list[str] = []
    active: list[tuple[int, int, object]] = []
    j = 0
    shown_hidden: set[tuple[int, int]] = set()
    for a, b in zip(bounds, bounds[1:]):
        if a in page_at and a > 0:
            num = page_at[a]
            out.append(f'<span class="pagebreak" id="p{num}">{escape(_("pagina %(n)s") % {"n": num})}</span>')
        elif a in page_at:
            out.append(f'<span class="anchor" id="p{page_at[a]}"></span>')
        for key in part_at.get(a, []):
            out.append(f'<span class="anchor" id="deel-{escape(key)}"></span>')
        while j < len(by_start) and by_start[j][0] <= a:
            active.append(by_start[j])
            j += 1
        active = [t for t in active if t[1] > a]
        h = in_hidden(a)
        if h:
            if h not in shown_hidden:
                shown_hidden.add(h)
                out.append(f'<span class="redacted">{escape(_("[vertrouwelijk deel weggelaten]"))}</span>')
            continue
        starting = starts_at.get(a, [])
        chunk = escape(text[a:b])
        if active:
            first = starting[0] if starting else None
            for extra in starting[1:]:
                out.append(f'<span class="anchor" id="f{extra.id}"></span>')
            kinds = " ".join(sorted({f"k-{t[2].kind}" for t in active}))
            ident = f' id="f{first.id}"' if first is not None else ""
            out.append(f'<mark class="fact {kinds}"{ident}>{chunk}</mark>')
        else:
            out.append(chunk)
    return mark_safe("".join(out))
