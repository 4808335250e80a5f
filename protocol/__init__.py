"""The wire contract shared by the server and every client.

Pure Python: nothing here imports the server, Qt or a database. See docs/protocol.md.
"""

PROTOCOL_VERSION = 1

__all__ = ["PROTOCOL_VERSION"]
