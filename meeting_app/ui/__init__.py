"""Windows, panels and dialogs: they read the store and send commands."""
