"""The "Minutes" tab of the meeting room: conclusions, decisions, action items and the
minutes' workflow (approve, publish, export)."""
