"""Horizontal bar charts as inline SVG, drawn on the server: no JavaScript needed.

Each chart carries a title and description for screen readers; the same
numbers are always shown in a table beside it.
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

BAR = "#1f5f8b"  # 7:1 against white


def bar_chart(title: str, items: list[tuple[str, float]], fmt=lambda v: f"{v:,.0f}", chart_id: str = "chart"
              ) -> SafeString:
    items = [(label, value) for label, value in items if value]
    row_h, label_w, bar_w, pad = 28, 220, 320, 8
    height = max(1, len(items)) * row_h + pad * 2
    width = label_w + bar_w + 120
    top = max((v for _, v in items), default=0) or 1
    desc = "; ".join(f"{label}: {fmt(value)}" for label, value in items) or "geen gegevens"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{chart_id}-t {chart_id}-d" '
        f'viewBox="0 0 {width} {height}" class="chart" width="100%" preserveAspectRatio="xMinYMin meet">',
        f'<title id="{chart_id}-t">{escape(title)}</title><desc id="{chart_id}-d">{escape(desc)}</desc>',
    ]
    for i, (label, value) in enumerate(items):
        y = pad + i * row_h
        w = max(2, int(bar_w * value / top))
        short = label if len(label) <= 32 else label[:31] + "…"
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 18}" text-anchor="end" font-size="13" fill="#1a1a1a">{escape(short)}</text>'
            f'<rect x="{label_w}" y="{y + 4}" width="{w}" height="{row_h - 10}" fill="{BAR}"/>'
            f'<text x="{label_w + w + 6}" y="{y + 18}" font-size="13" fill="#1a1a1a">{escape(fmt(value))}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))
