"""The answers of the commands (the ``data`` of their ``ok`` envelope), split by feature.

Each command declares its answer model (``answer=``) in ``protocol.commands``.
"""
