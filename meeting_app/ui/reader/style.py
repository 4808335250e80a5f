"""The reader's own style rules, on top of the application's ``app.qss`` (same palette:
navy #1d3f72 for structure, gold #d4a017 for attention)."""

READER_QSS = """
QToolBar#readerToolBar { padding: 3px 6px; }
QLabel#readerTitle { font-weight: bold; color: #1d3f72; padding: 0 8px; }
QLabel#readerPageTotal { color: #52606d; padding: 0 6px 0 4px; }
QLineEdit#readerPageField { padding: 3px 4px; }
QToolButton#readerZoom { border: 1px solid #c3ccd8; border-radius: 6px; padding: 4px 8px; }
QToolButton#readerZoom::menu-indicator { image: none; width: 0; }
QFrame#readerSearchBar { background: #ffffff; border: none; border-bottom: 1px solid #dde3ea; }
QLabel#readerSearchCount { color: #52606d; padding: 0 6px; }
QFrame#followBanner { border: none; }
QFrame#followBanner[state="following"] { background: #e3eaf5; }
QFrame#followBanner[state="following"] QLabel { color: #1d3f72; }
QFrame#followBanner[state="browsing"] { background: #fff1cc; }
QFrame#followBanner[state="browsing"] QLabel { color: #7a5200; font-weight: bold; }
QPushButton#followButton { padding: 3px 10px; }
QTabWidget#readerSidePanel::pane { border: none; border-right: 1px solid #dde3ea; border-radius: 0; }
QListView#readerThumbnails { background: #eef1f5; }
QListView#readerThumbnails::item { color: #52606d; border-radius: 4px; padding: 4px; }
QListView#readerThumbnails::item:selected { background: #c9d6ea; color: #1d3f72; }
QTreeWidget#readerContents::item { padding: 3px 2px; }
"""
