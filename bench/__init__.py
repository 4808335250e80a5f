"""Benchmarks of the meeting server, run against real server processes on loopback.

``python -m bench.fanout`` measures how fast one meeting event reaches every joined client,
next to a bare python-socketio server doing the same broadcast. See ``bench/README.md``.
"""
