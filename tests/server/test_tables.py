"""``server.persistence.models`` gathers the tables of ``server/persistence/tables/``: the
migrations are compared against its ``Base.metadata``, so a table it does not load would
go unchecked (and unseen by ``truncate_all``)."""

from __future__ import annotations

import pkgutil

import server.persistence.tables as tables
from server.persistence import models


def test_models_loads_every_table_module_and_exports_every_table() -> None:
    names = {info.name for info in pkgutil.iter_modules(tables.__path__)}
    loaded = {cls.__module__.rpartition(".")[2] for cls in (getattr(models, n) for n in models.__all__)
              if isinstance(cls, type)}
    assert loaded == names
    mapped = {mapper.class_.__name__ for mapper in models.Base.registry.mappers}
    assert mapped <= set(models.__all__)
    assert {table.name for table in models.Base.metadata.sorted_tables} == {
        mapper.local_table.name for mapper in models.Base.registry.mappers}
