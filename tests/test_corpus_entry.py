"""corpus.Entry reads like the frozen dataclass it was, and survives the index cache."""

from __future__ import annotations

import copy
import pickle

import pytest

from renja_check.corpus import Entry


def test_entry_fields_equality_and_repr():
    e = Entry(code="1.01.02.2.01.0001", level="subkegiatan", name="Pembangunan Unit Sekolah Baru", editions=("2024",))
    assert (e.code, e.level, e.name, e.indikator, e.satuan, e.editions, e.sumber) == (
        "1.01.02.2.01.0001",
        "subkegiatan",
        "Pembangunan Unit Sekolah Baru",
        "",
        "",
        ("2024",),
        "",
    )
    assert e.parent_code == "1.01.02.2.01"
    assert e == Entry("1.01.02.2.01.0001", "subkegiatan", "Pembangunan Unit Sekolah Baru", editions=("2024",))
    assert e != Entry("1.01.02.2.01.0002", "subkegiatan", "Pembangunan Unit Sekolah Baru", editions=("2024",))
    assert repr(e) == (
        "Entry(code='1.01.02.2.01.0001', level='subkegiatan', name='Pembangunan Unit Sekolah Baru', "
        "indikator='', satuan='', editions=('2024',), sumber='')"
    )
    assert len({e, copy.copy(e), copy.deepcopy(e)}) == 1


def test_entry_is_frozen_and_pickles_as_itself():
    e = Entry("1.01", "bidang", "PENDIDIKAN")
    with pytest.raises(AttributeError):
        e.name = "x"  # type: ignore[misc]
    back = pickle.loads(pickle.dumps(e, protocol=pickle.HIGHEST_PROTOCOL))
    assert type(back) is Entry and back == e and back.name == "PENDIDIKAN"
    with pytest.raises(TypeError):
        Entry(code="1", level="urusan", name="x", colour="red")  # type: ignore[call-arg]
