"""The room display: a large-type window for a site's projector (``RoomDisplayWindow``),
opened from the meeting room or with ``meeting-app --display``."""
