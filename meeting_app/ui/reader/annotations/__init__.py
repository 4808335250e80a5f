"""Annotating in the reader: tools, painting, undo and redo (see ``layer.py``).

    layer = AnnotationLayer(reader)          # adds the tool bar under the reader's
    layer.set_store(AnnotationStore(...))    # the open document's annotations (or None)

Geometry is in page points (``geometry.py``), painted at any zoom (``paint.py``).
"""

from meeting_app.ui.reader.annotations.layer import AnnotationLayer
from meeting_app.ui.reader.annotations.toolbar import AnnotationToolBar, Tool

__all__ = ["AnnotationLayer", "AnnotationToolBar", "Tool"]
