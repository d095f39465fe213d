"""HTML: main content as text, navigation and other page chrome removed."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag

from .base import RawPages
from .plain import decode

DROP_TAGS = ["script", "style", "noscript", "template", "nav", "header", "footer", "aside",
             "form", "button", "iframe", "svg", "canvas", "object", "input", "select", "head"]
# ids/classes that mark site chrome in common CMS templates (including print views)
CHROME = re.compile(
    r"(^|[-_ ])(nav|navbar|navigation|menu|breadcrumbs?|cookie\w*|footer|sidebar|skip\w*|"
    r"social|share|banner|toolbar|printhead|print-head|topbar|searchbox|logo)($|[-_ ])", re.I)
CHROME_ROLES = {"navigation", "banner", "contentinfo", "search", "complementary"}
BLOCK = {"p", "div", "section", "article", "main", "li", "ul", "ol", "table", "tr", "h1", "h2",
         "h3", "h4", "h5", "h6", "blockquote", "pre", "dl", "dt", "dd", "figure", "figcaption",
         "address", "fieldset", "legend", "caption", "thead", "tbody", "hr"}


def _is_chrome(tag: Tag) -> bool:
    if tag.get("role") in CHROME_ROLES or tag.get("aria-hidden") == "true":
        return True
    names = " ".join([tag.get("id") or ""] + list(tag.get("class") or []))
    return bool(names and CHROME.search(names))


def _link_heavy(tag: Tag) -> bool:
    """A list or block that is mostly links (a menu) with little other text."""
    text = tag.get_text(" ", strip=True)
    if not text:
        return False
    link_text = sum(len(a.get_text(" ", strip=True)) for a in tag.find_all("a"))
    return link_text / len(text) > 0.6 and len(text) < 400


def _render(node: Tag, lines: list[str], current: list[str]) -> None:
    for child in node.children:
        if isinstance(child, NavigableString):
            if child.__class__.__name__ in ("Comment", "Doctype", "CData", "ProcessingInstruction"):
                continue
            current.append(str(child))
            continue
        if not isinstance(child, Tag):
            continue
        name = child.name
        if name == "br":
            lines.append(" ".join("".join(current).split()))
            current.clear()
            continue
        if name in ("td", "th"):
            current.append(" | " if current and "".join(current).strip() else "")
            _render(child, lines, current)
            continue
        block = name in BLOCK
        if block and "".join(current).strip():
            lines.append(" ".join("".join(current).split()))
            current.clear()
        if name == "li":
            current.append("- ")
        _render(child, lines, current)
        if block:
            line = " ".join("".join(current).split())
            if line and line != "-":
                lines.append(line)
            current.clear()


def read_html(data: bytes) -> RawPages:
    markup = decode(data)
    soup = BeautifulSoup(markup, "lxml")
    title = soup.title.get_text(strip=True) if soup.title else None
    for tag in soup.find_all(DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.decomposed:  # inside chrome removed a moment ago
            continue
        if _is_chrome(tag) or (tag.name in ("ul", "ol", "div") and _link_heavy(tag)):
            tag.decompose()
    root = soup.find("main") or soup.find("article") or soup.body or soup
    lines: list[str] = []
    current: list[str] = []
    _render(root, lines, current)
    if "".join(current).strip():
        lines.append(" ".join("".join(current).split()))
    # collapse runs of empty lines that the markup's <br><br> leave behind
    lines = ["" if not line.strip(" |") else line for line in lines]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    return RawPages(texts=[text], title=title)
