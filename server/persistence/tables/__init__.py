"""The database tables, one module per feature. Import ``server.persistence.models`` for
the whole schema: it loads every module here, so that ``Base.metadata`` holds every table
(the migrations compare against it) and every foreign key's target is known."""
