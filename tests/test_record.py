"""The light records under the document model and findings keep pydantic's public surface."""

import copy
import pickle
from decimal import Decimal
from pathlib import Path

import pytest

from renja_check.finding import Finding
from renja_check.ingest import load_document
from renja_check.models import Document, Node, Quantity, Span, Table
from renja_check.paths import sample_renja
from renja_check.record import ValidationError

FIXTURES = Path(__file__).parent / "fixtures"


def _finding(**kw):
    return Finding(
        rule="PG01",
        rule_name="a.b",
        severity="error",
        message={"id": "x", "en": "x"},
        span=Span(file="f", line_start=1, line_end=1),
        evidence={"a": [1]},
        **kw,
    )


def test_defaults_are_not_shared_and_fields_are_slots():
    a = Table(id="T", role="r", span=Span(file="f", line_start=1, line_end=1))
    b = Table(id="U", role="r", span=a.span)
    a.nodes.append("x")
    assert b.nodes == [] and not hasattr(a, "__dict__")
    with pytest.raises(TypeError):
        Table(id="T", role="r", span=a.span, bogus=1)  # unknown keyword, like extra="forbid"


def test_finding_is_frozen_hashable_and_picklable():
    f = _finding()
    with pytest.raises(TypeError):
        f.rule = "PG02"
    assert hash(f) == hash(_finding()) and f == _finding() and f != _finding(fingerprint="z")
    assert pickle.loads(pickle.dumps(f)) == f == copy.deepcopy(f)
    g = f.model_copy(update={"fingerprint": "z"})
    assert g.fingerprint == "z" and f.fingerprint == ""


def test_model_dump_modes():
    q = Quantity(raw="1,50", value=Decimal("1.50"))
    assert q.model_dump()["value"] == Decimal("1.50")
    assert q.model_dump(mode="json") == {"raw": "1,50", "value": "1.50", "unit": None, "status": "ok", "note": None}
    assert q.model_dump(exclude_none=True) == {"raw": "1,50", "value": Decimal("1.50"), "status": "ok"}
    assert list(Node.model_fields)[:3] == ["id", "level", "code_printed"]


def test_model_validate_is_strict_and_returns_records():
    data = {
        "source": {"path": "x", "format": "model-yaml"},
        "year": "2023",
        "tables": [{"id": "T", "role": "r", "span": {"file": "f", "line_start": 1, "line_end": 2}}],
    }
    doc = Document.model_validate(data)
    assert doc.year == 2023 and isinstance(doc.tables[0].span, Span)
    with pytest.raises(ValidationError) as exc:
        Document.model_validate({**data, "bogus": 1})
    assert exc.value.errors()[0]["loc"] == ("bogus",)


@pytest.mark.parametrize("path", [sample_renja(), *sorted(FIXTURES.glob("sipd/*.json"))[:1]], ids=lambda p: p.name)
def test_readers_build_what_validation_would(path):
    """No reader relies on pydantic's coercion (an int where the model says Decimal, a dict for
    a record): validating what a reader built changes nothing."""
    doc = load_document(path)
    again = Document.model_validate(doc.model_dump())
    assert again == doc
    assert again.model_dump(mode="json") == doc.model_dump(mode="json")


def test_a_mapping_for_a_nested_record_is_validated_into_one():
    f = _finding()
    g = Finding(**{**f.model_dump(), "span": {"file": "g", "line_start": 2, "line_end": 3}})
    assert isinstance(g.span, Span) and g.span.label() == "g:2-3"
    with pytest.raises(ValidationError):
        Finding(**{**f.model_dump(), "span": {"file": "g"}})


def test_pydantic_fields_and_validators_in_a_record_apply_to_user_input():
    from typing import Any

    from pydantic import Field as PydanticField
    from pydantic import field_validator

    from renja_check.record import Field, Record

    class P(Record):
        tolerance: Decimal = PydanticField(Decimal("0.5"), ge=0)
        count: int = Field(0, ge=0)
        codes: list[str] = Field(default_factory=list)

        @field_validator("codes", mode="before")
        @classmethod
        def _one_or_many(cls, v: Any) -> Any:
            return [v] if isinstance(v, str) else v

    assert P().tolerance == Decimal("0.5") and P().codes == []
    assert P.model_validate({"codes": "PG01", "tolerance": "1.5"}).codes == ["PG01"]
    for bad in ({"tolerance": -1}, {"count": -1}, {"bogus": 1}):
        with pytest.raises(ValidationError):
            P.model_validate(bad)
