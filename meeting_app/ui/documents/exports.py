"""What a delegate takes away: the document with their annotations as a real PDF, their notes
as a Markdown summary, and (chair, secretary) the comment summary of shared annotations.

The PDF is written by the PDF engine's process (PyMuPDF annotations: highlight, underline,
strike-out, ink, text note, free text, square), so any PDF reader shows and edits them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import datetime
from typing import Any

KIND_NAMES = {"highlight": "Highlight", "underline": "Underline", "strikeout": "Strike-through",
              "ink": "Pen", "note": "Sticky note", "textbox": "Text box", "rect": "Rectangle"}


def annotation_text(annotation: dict[str, Any]) -> str:
    """The words an annotation carries: a note's text, or the text it marks."""
    return str(annotation.get("data", {}).get("text") or "").strip()


def notes_markdown(meeting: dict[str, Any], agenda: list[dict[str, Any]], notes: dict[int, str],
                   documents: Iterable[tuple[dict[str, Any], list[dict[str, Any]]]] = (),
                   now: datetime | None = None) -> str:
    """My notes per agenda item, then the words of my annotations per document."""
    moment = (now or datetime.now().astimezone()).strftime("%H:%M %d/%m/%Y")
    lines = [f"# {meeting.get('title', '')}", "", f"_My notes, {moment}_", ""]
    for number, item in enumerate(agenda, start=1):
        text = notes.get(item["id"], "").strip()
        if text:
            lines += [f"## {number}. {item['title']}", "", text, ""]
    for document, marks in documents:
        worded = [a for a in marks if annotation_text(a)]
        if not worded:
            continue
        lines += [f"## {document.get('title', '')}", ""]
        for annotation in sorted(worded, key=lambda a: (a["page"], a["data"].get("point", [0, 0])[1:])):
            kind = KIND_NAMES.get(annotation["kind"], annotation["kind"])
            text = annotation_text(annotation).replace("\n", " ")
            lines.append(f"- p. {annotation['page'] + 1}, {kind}: {text}")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def comments_csv(document: dict[str, Any], comments: list[dict[str, Any]]) -> str:
    """The shared annotations of a document, one line each, for the secretary (UTF-8 CSV
    with a BOM so spreadsheet programs read the Vietnamese right)."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(["document", "page", "author", "kind", "text", "updated_at"])
    for item in sorted(comments, key=lambda a: (a.get("page", 0), str(a.get("author_name", "")))):
        writer.writerow([document.get("title", ""), int(item.get("page", 0)) + 1, item.get("author_name", ""),
                         KIND_NAMES.get(item.get("kind", ""), item.get("kind", "")),
                         annotation_text(item), item.get("updated_at", "")])
    return out.getvalue()
