"""Office packages made by the tests: honest ones, ones that link out, and bombs.

Each is written with ``zipfile`` from XML typed here, so every test states exactly what
the document holds: an ODF text (.odt) or a WordprocessingML document (.docx).
"""

from __future__ import annotations

import io
import zipfile

ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
          'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
          'xmlns:xlink="http://www.w3.org/1999/xlink" '
          'xmlns:script="urn:oasis:names:tc:opendocument:xmlns:script:1.0"')
MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest='
            '"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
            '<manifest:file-entry manifest:full-path="/" '
            'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
            '</manifest:manifest>')


def odt(body: str, extra: dict[str, bytes] | None = None) -> bytes:
    """An ODF text document whose ``office:text`` holds ``body`` (ODF XML)."""
    content = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {ODF_NS} '
               f'office:version="1.2"><office:body><office:text>{body}</office:text></office:body>'
               '</office:document-content>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        package.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        package.writestr("META-INF/manifest.xml", MANIFEST, zipfile.ZIP_DEFLATED)
        for name, data in (extra or {}).items():
            package.writestr(name, data, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def odt_paragraphs(*texts: str) -> bytes:
    return odt("".join(f"<text:p>{text}</text:p>" for text in texts))


def odt_linked_image(url: str, caption: str = "Ảnh liên kết") -> bytes:
    """An image that is not in the package but at ``url``."""
    return odt(f'<text:p>{caption}<draw:frame draw:name="I" svg:width="4cm" svg:height="3cm">'
               f'<draw:image xlink:href="{url}" xlink:type="simple" xlink:show="embed" '
               'xlink:actuate="onLoad"/></draw:frame></text:p>')


def odt_linked_section(url: str, caption: str = "Phần liên kết") -> bytes:
    """A section whose text is another file's (``url``), as a linked section is."""
    return odt(f'<text:p>{caption}</text:p><text:section text:name="Linked">'
               f'<text:section-source xlink:href="{url}" xlink:type="simple" text:filter-name="Text"/>'
               '<text:p>cached text</text:p></text:section>')


W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
       'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns='
                 '"http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="rels" '
                 'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/'
                 'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')


def docx(body: str, relationships: str = "", parts: dict[str, bytes] | None = None) -> bytes:
    """A Word document whose ``w:body`` holds ``body``; ``relationships`` are the main
    part's own (``<Relationship …/>`` elements)."""
    document = (f'<?xml version="1.0" encoding="UTF-8"?><w:document {W_NS}><w:body>{body}'
                '</w:body></w:document>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        package.writestr("_rels/.rels", '<?xml version="1.0" encoding="UTF-8"?>'
                         f'<Relationships xmlns="{REL_NS}"><Relationship Id="rId1" '
                         f'Type="{OFFICE_DOC}/officeDocument" '
                         'Target="word/document.xml"/></Relationships>')
        package.writestr("word/document.xml", document)
        package.writestr("word/_rels/document.xml.rels", f'<?xml version="1.0" encoding="UTF-8"?>'
                         f'<Relationships xmlns="{REL_NS}">{relationships}</Relationships>')
        for name, data in (parts or {}).items():
            package.writestr(name, data)
    return out.getvalue()


def w_paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


def docx_field(instruction: str, shown: str = "kết quả cũ") -> bytes:
    """A complex field whose instruction is split over two runs, as Word writes long ones."""
    half = len(instruction) // 2
    return docx(w_paragraph("Trường:") + '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                f'<w:r><w:instrText xml:space="preserve">{instruction[:half]}</w:instrText></w:r>'
                f'<w:r><w:instrText xml:space="preserve">{instruction[half:]}</w:instrText></w:r>'
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                f'<w:r><w:t>{shown}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')


def docx_external_image(url: str) -> bytes:
    """A picture whose blip is linked (``r:link``) to an external relationship."""
    drawing = ('<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/'
               'drawingml/2006/wordprocessingDrawing"><wp:extent cx="914400" cy="914400"/>'
               '<wp:docPr id="1" name="P"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/'
               'drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/'
               'drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/'
               'drawingml/2006/picture"><pic:nvPicPr><pic:cNvPr id="0" name="p"/><pic:cNvPicPr/>'
               '</pic:nvPicPr><pic:blipFill><a:blip r:link="rId9"/><a:stretch><a:fillRect/>'
               '</a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" '
               'cy="914400"/></a:xfrm><a:prstGeom prst="rect"/></pic:spPr></pic:pic></a:graphicData>'
               '</a:graphic></wp:inline></w:drawing></w:r></w:p>')
    return docx(w_paragraph("Ảnh ngoài") + drawing,
                f'<Relationship Id="rId9" Type="{OFFICE_DOC}/image" Target="{url}" TargetMode="External"/>')


def docx_xml_bomb(megabytes: int) -> bytes:
    """A Word document whose main part is ``megabytes`` MB of tiny runs (packs ~300:1)."""
    run = "<w:r><w:t>a</w:t></w:r>"
    body = "<w:p>" + run * (megabytes * 1024 * 1024 // len(run)) + "</w:p>"
    return docx(body)


ODF_TABLE_NS = ('xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
                'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"')


def _odf(mimetype: str, body: str) -> bytes:
    """An ODF package of ``mimetype`` whose ``office:body`` holds ``body``."""
    content = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {ODF_NS} '
               f'{ODF_TABLE_NS} office:version="1.2"><office:body>{body}</office:body>'
               '</office:document-content>')
    manifest = MANIFEST.replace("application/vnd.oasis.opendocument.text", mimetype)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr(zipfile.ZipInfo("mimetype"), mimetype)
        package.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        package.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def ods(rows: list[list[str]]) -> bytes:
    """An ODF spreadsheet (.ods) of text cells."""
    cells = "".join("<table:table-row>" + "".join(
        f'<table:table-cell office:value-type="string"><text:p>{cell}</text:p></table:table-cell>'
        for cell in row) + "</table:table-row>" for row in rows)
    table = f'<table:table table:name="Bang">{cells}</table:table>'
    return _odf("application/vnd.oasis.opendocument.spreadsheet",
                f"<office:spreadsheet>{table}</office:spreadsheet>")


def odp(*slides: str) -> bytes:
    """An ODF presentation (.odp), one text frame per slide."""
    pages = "".join(
        f'<draw:page draw:name="s{n}"><draw:frame svg:x="2cm" svg:y="2cm" svg:width="20cm" '
        f'svg:height="5cm"><draw:text-box><text:p>{text}</text:p></draw:text-box></draw:frame></draw:page>'
        for n, text in enumerate(slides, 1))
    return _odf("application/vnd.oasis.opendocument.presentation",
                f"<office:presentation>{pages}</office:presentation>")
