"""Conclusions, action items and the minutes' workflow (approve, publish) of a meeting."""
