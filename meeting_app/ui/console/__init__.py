"""The chair's console: agenda timing, the floor and attendance in one window."""
