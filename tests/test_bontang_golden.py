"""The Bontang sample (.txt) yields the findings it yielded before plan tables were read by
position (issue 10): rule, severity, locator, table, expected, found and lines of every
finding. Computed on ``api.check([sample .txt])``, not on the no-argument default.

To regenerate after an intended change of findings (say why in the commit)::

    python -c "import tests.test_bontang_golden as g; g.write()"
"""

from __future__ import annotations

import json
from pathlib import Path

from renja_check import api
from renja_check.paths import sample_renja

GOLDEN = Path(__file__).parent / "golden" / "bontang_findings.json"


def _rows() -> list[dict]:
    rows = []
    for f in api.check([sample_renja()]).findings:
        d = f.model_dump(mode="json")
        r = {k: d.get(k) for k in ("rule", "severity", "locator", "table", "expected", "found")}
        r["lines"] = [d["span"]["line_start"], d["span"]["line_end"]] if d.get("span") else None
        rows.append(r)
    return sorted(rows, key=lambda r: json.dumps(r, sort_keys=True))


def write() -> None:
    rows = _rows()
    GOLDEN.write_text(
        "[\n" + ",\n".join(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in rows) + "\n]\n", encoding="utf-8"
    )


def test_sample_findings_unchanged():
    want = json.loads(GOLDEN.read_text(encoding="utf-8"))
    got = _rows()
    missing = [r for r in want if r not in got]
    extra = [r for r in got if r not in want]
    assert not missing and not extra, {"missing": missing[:5], "extra": extra[:5]}
    assert len(got) == len(want)
