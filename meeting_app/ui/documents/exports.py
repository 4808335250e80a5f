"""What a delegate takes away: the document with their annotations as a real PDF, their notes
as a Markdown or PDF summary, and (chair, secretary) the comment summary of shared
annotations as CSV or PDF.

The PDFs are written by the PDF engine's process: the annotated copy with PyMuPDF annotations
(highlight, underline, strike-out, ink, text note, free text, square), so any PDF reader shows
and edits them; the summaries from the small HTML documents built here (``notes_html``,
``comments_html``), laid out in the bundled DejaVu Sans (``meeting_app.pdf.summary``).
"""

from __future__ import annotations

import csv
import html
import io
from collections.abc import Iterable
from datetime import datetime
from typing import Any

KIND_NAMES = {"highlight": "Highlight", "underline": "Underline", "strikeout": "Strike-through",
              "ink": "Pen", "note": "Sticky note", "textbox": "Text box", "rect": "Rectangle"}


def annotation_text(annotation: dict[str, Any]) -> str:
    """The words an annotation carries: a note's text, or the text it marks."""
    return str(annotation.get("data", {}).get("text") or "").strip()


Section = tuple[str, list[str], list[str]]
"""(heading, paragraphs, list items): one agenda item's notes or one document's annotations."""


def notes_sections(agenda: list[dict[str, Any]], notes: dict[int, str],
                   documents: Iterable[tuple[dict[str, Any], list[dict[str, Any]]]] = ()) -> list[Section]:
    """My notes per agenda item, then the words of my annotations per document."""
    sections: list[Section] = []
    for number, item in enumerate(agenda, start=1):
        text = notes.get(item["id"], "").strip()
        if text:
            sections.append((f"{number}. {item['title']}", [text], []))
    for document, marks in documents:
        worded = [a for a in marks if annotation_text(a)]
        if not worded:
            continue
        items = []
        for annotation in sorted(worded, key=lambda a: (a["page"], a["data"].get("point", [0, 0])[1:])):
            kind = KIND_NAMES.get(annotation["kind"], annotation["kind"])
            text = annotation_text(annotation).replace("\n", " ")
            items.append(f"p. {annotation['page'] + 1}, {kind}: {text}")
        sections.append((str(document.get("title", "")), [], items))
    return sections


def _moment(now: datetime | None) -> str:
    return (now or datetime.now().astimezone()).strftime("%H:%M %d/%m/%Y")


def notes_markdown(meeting: dict[str, Any], agenda: list[dict[str, Any]], notes: dict[int, str],
                   documents: Iterable[tuple[dict[str, Any], list[dict[str, Any]]]] = (),
                   now: datetime | None = None) -> str:
    """My notes per agenda item, then the words of my annotations per document, as Markdown."""
    lines = [f"# {meeting.get('title', '')}", "", f"_My notes, {_moment(now)}_", ""]
    for heading, paragraphs, items in notes_sections(agenda, notes, documents):
        lines += [f"## {heading}", ""]
        for text in paragraphs:
            lines += [text, ""]
        if items:
            lines += [f"- {item}" for item in items] + [""]
    return "\n".join(lines).rstrip() + "\n"


def notes_html(meeting: dict[str, Any], agenda: list[dict[str, Any]], notes: dict[int, str],
               documents: Iterable[tuple[dict[str, Any], list[dict[str, Any]]]] = (),
               now: datetime | None = None) -> str:
    """The same summary as ``notes_markdown``, as HTML for the PDF version."""
    parts = [f"<h1>{_escape(meeting.get('title', ''))}</h1>", f'<p class="meta">My notes, {_moment(now)}</p>']
    for heading, paragraphs, items in notes_sections(agenda, notes, documents):
        parts.append(f"<h2>{_escape(heading)}</h2>")
        parts += [f"<p>{_escape(text)}</p>" for text in paragraphs]
        if items:
            parts.append("<ul>" + "".join(f"<li>{_escape(item)}</li>" for item in items) + "</ul>")
    return "\n".join(parts)


def _local(stamp: Any) -> str:
    """A server timestamp (ISO 8601, UTC) as local "HH:MM dd/mm/yyyy"; as given if unreadable."""
    try:
        return datetime.fromisoformat(str(stamp).replace("Z", "+00:00")).astimezone().strftime(
            "%H:%M %d/%m/%Y")
    except ValueError:
        return str(stamp)


def _escape(text: Any) -> str:
    """Text as HTML, its line breaks kept."""
    return html.escape(str(text)).replace("\n", "<br/>")


def comments_csv(document: dict[str, Any], comments: list[dict[str, Any]]) -> str:
    """The shared annotations of a document, one line each, for the secretary (UTF-8 CSV
    with a BOM so spreadsheet programs read the Vietnamese right)."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(["document", "page", "author", "kind", "text", "updated_at"])
    for row in _comment_rows(comments):
        writer.writerow([document.get("title", ""), *row])
    return out.getvalue()


def _comment_rows(comments: list[dict[str, Any]]) -> list[list[Any]]:
    """(page from 1, author, kind, text, updated_at) per shared annotation, by page then author."""
    return [[int(item.get("page", 0)) + 1, item.get("author_name", ""),
             KIND_NAMES.get(item.get("kind", ""), item.get("kind", "")), annotation_text(item),
             item.get("updated_at", "")]
            for item in sorted(comments, key=lambda a: (a.get("page", 0), str(a.get("author_name", ""))))]


def comments_html(document: dict[str, Any], comments: list[dict[str, Any]],
                  now: datetime | None = None) -> str:
    """The comment summary as HTML for the PDF version: one table row per shared annotation."""
    head = "".join(f"<th>{name}</th>" for name in ("Page", "Author", "Kind", "Comment", "Changed"))
    rows = "".join("<tr>" + "".join(f"<td>{_escape(cell)}</td>" for cell in [*row[:4], _local(row[4])])
                   + "</tr>" for row in _comment_rows(comments))
    return (f"<h1>{_escape(document.get('title', ''))}</h1>"
            f'<p class="meta">Comment summary, {_moment(now)}: {len(comments)} shared annotations</p>'
            f"<table><tr>{head}</tr>{rows}</table>")
