"""The meeting room window and its panels."""
