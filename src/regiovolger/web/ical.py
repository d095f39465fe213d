"""A minimal iCalendar (RFC 5545) writer for key dates: all-day or timed events."""

from __future__ import annotations

import datetime as dt


def _escape(text: str) -> str:
    return (text or "").replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    # lines longer than 75 octets continue on the next line after a space
    out, chunk = [], b""
    for ch in line:
        b = ch.encode()
        if len(chunk) + len(b) > 74:
            out.append(chunk.decode())
            chunk = b" "
        chunk += b
    out.append(chunk.decode())
    return "\r\n".join(out)


def calendar(events: list[dict], name: str) -> str:
    """events: dicts with uid, date (date), time ('HH:MM' or None), title, location, description, url."""
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//regiovolger//kalender//NL", "CALSCALE:GREGORIAN",
             f"X-WR-CALNAME:{_escape(name)}"]
    for e in events:
        lines += ["BEGIN:VEVENT", f"UID:{e['uid']}@regiovolger", f"DTSTAMP:{stamp}"]
        day = e["date"]
        if e.get("time"):
            hh, mm = e["time"].split(":")
            lines.append(f"DTSTART;TZID=Europe/Amsterdam:{day:%Y%m%d}T{hh}{mm}00")
        else:
            lines.append(f"DTSTART;VALUE=DATE:{day:%Y%m%d}")
            lines.append(f"DTEND;VALUE=DATE:{day + dt.timedelta(days=1):%Y%m%d}")
        lines.append(f"SUMMARY:{_escape(e['title'])}")
        if e.get("location"):
            lines.append(f"LOCATION:{_escape(e['location'])}")
        if e.get("description"):
            lines.append(f"DESCRIPTION:{_escape(e['description'])}")
        if e.get("url"):
            lines.append(f"URL:{e['url']}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"
