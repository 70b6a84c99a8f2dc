"""The default dossier (the sample Renja with its RKPD, Renstra and RPJMD) saved once as run 1."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def dossier_store(tmp_path_factory):
    from renja_check import api
    from renja_check.store import Store

    store = Store(tmp_path_factory.mktemp("dossier") / "dossier.db")
    api.check_report(api.default_inputs(), store=store)
    yield store
    store.close()
