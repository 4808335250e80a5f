"""Files that become meeting documents: type sniffing, Office conversion, PDF inspection.

Nothing here trusts a file. ``intake`` runs the steps off the event loop; ``inspect``
opens every PDF in a separate, resource-limited process (``inspect_worker``), so that a
hostile file exhausts that process, not the server. ``pdf`` is the server's one module
that imports PyMuPDF.
"""
