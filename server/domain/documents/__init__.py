"""Meeting documents: who may read them, their wire shape, uploads and changes, the presenter."""
