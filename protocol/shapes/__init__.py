"""The pieces of what the server sends, shared by answers, events and the snapshot
(a participant, a document, a poll...), split by feature. They mirror the server's shape
functions (server/domain/views.py and the features' ``shapes`` modules)."""
