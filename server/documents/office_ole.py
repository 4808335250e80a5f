"""Which Office program wrote an OLE compound file (the 97–2003 formats), from its streams.

Word, Excel and PowerPoint files are all OLE compound files; LibreOffice chooses its import
filter by the name it is given, so the name must say what the content is. Read with
``olefile`` in the package-checking process (``office_worker``), under its limits: a
hostile compound file costs that process, not the server.
"""

from __future__ import annotations

from pathlib import Path

from server.documents.refusals import unprocessable, unsupported

STREAMS = (("worddocument", ".doc"), ("workbook", ".xls"), ("book", ".xls"),
           ("powerpoint document", ".ppt"))
"""The main stream of each program's files (names are case-insensitive), and the suffix."""


def suffix_of(path: Path) -> str:
    """``.doc``, ``.xls`` or ``.ppt`` for the OLE file at ``path``; refused otherwise."""
    import olefile

    try:
        with olefile.OleFileIO(str(path)) as ole:
            names = {"/".join(entry).lower() for entry in ole.listdir(streams=True, storages=False)}
    except (OSError, ValueError, IndexError, TypeError, olefile.olefile.OleFileError):
        raise unprocessable("The file is an OLE compound file (an old Office format) but is damaged; "
                            "save it again and upload it") from None
    for stream, suffix in STREAMS:
        if stream in names:
            return suffix
    raise unsupported("The file is an OLE compound file but not a Word, Excel or PowerPoint document "
                      "(it may be an e-mail message or an installer)")
