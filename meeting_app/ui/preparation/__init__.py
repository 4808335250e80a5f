"""Preparing a meeting: details, participants and agenda."""
