"""The meeting server: python-socketio on aiohttp, SQLAlchemy persistence."""

__version__ = "0.1.0"
