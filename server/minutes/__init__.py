"""The minutes generator: the meeting gathered as a neutral structure (``content``), the
conclusions' Markdown parsed into blocks (``markdown``), and two writers of it: PDF
(``pdf_html`` lays it out as HTML for ``server.documents.pdf``) and DOCX (``docx``)."""
