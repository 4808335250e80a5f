"""User administration for admins: the Users window and its dialogs."""
