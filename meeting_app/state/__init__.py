"""The store: the reduced snapshot of the open meeting, and Qt item models over it."""
