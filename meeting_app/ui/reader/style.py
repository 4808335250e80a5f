"""The reader's own style rules, on top of the application's ``app.qss``, in the theme's
colours (``@role``, see ``meeting_app/ui/theme.py``)."""

READER_QSS = """
QToolBar#readerToolBar { padding: 3px 6px; }
/* compact buttons: the whole bar fits the room's centre on a 1280 px screen */
QToolBar#readerToolBar QToolButton { padding: 4px 4px; }
QLabel#readerTitle { font-weight: bold; color: @accent; padding: 0 8px; }
QLabel#readerPageTotal { color: @muted_strong; padding: 0 6px 0 4px; }
QLineEdit#readerPageField { padding: 3px 4px; }
QToolButton#readerZoom { border: 1px solid @control_border; border-radius: 6px; padding: 4px 8px; }
QToolButton#readerZoom::menu-indicator { image: none; width: 0; }
QFrame#readerSearchBar { background: @base; border: none; border-bottom: 1px solid @border; }
QLabel#readerSearchCount { color: @muted_strong; padding: 0 6px; }
QFrame#followBanner { border: none; }
QFrame#followBanner[state="following"] { background: @selection; }
QFrame#followBanner[state="following"] QLabel { color: @accent; }
QFrame#followBanner[state="browsing"] { background: @warn_pale; }
QFrame#followBanner[state="browsing"] QLabel { color: @warn_text; font-weight: bold; }
QPushButton#followButton { padding: 3px 10px; }
QTabWidget#readerSidePanel::pane { border: none; border-right: 1px solid @border; border-radius: 0; }
QListView#readerThumbnails { background: @thumbnails; }
QListView#readerThumbnails::item { color: @muted_strong; border-radius: 4px; padding: 4px; }
QListView#readerThumbnails::item:selected { background: @selection_strong; color: @accent; }
QTreeWidget#readerContents::item { padding: 3px 2px; }
"""
