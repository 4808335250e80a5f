"""The meeting's documents in the room: the list grouped by agenda item, the reader, upload
and editing for the chair and the secretary, and following the presenter.

``RoomDocuments`` (``room.py``) puts it together for ``MeetingRoomWindow``.
"""
