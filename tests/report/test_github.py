"""GitHub Actions workflow commands with the runner's escaping rules."""

from renja_check.report import github

from .synthetic import report


def test_escaping_per_spec():
    assert github.escape_data("100% a\r\nb") == "100%25 a%0D%0Ab"
    assert github.escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_one_command_per_finding():
    lines = github.render(report(), "en").splitlines()
    err = next(line for line in lines if "title=PG91" in line)
    assert err.startswith("::error file=docs/renja-2023.txt,line=120,endLine=121,title=PG91::")
    warn = next(line for line in lines if "title=XT91" in line)
    assert warn.startswith("::warning ") and "100%25 | 50%25" in warn and "%0Asecond line" in warn
    note = next(line for line in lines if "title=NM91" in line)
    assert note.startswith("::notice file=docs/renja-2023.txt,title=NM91::")  # no span, no line
    assert all("\n" not in line for line in lines)


def test_properties_are_escaped():
    from renja_check.finding import Finding

    r = report()
    i = next(i for i, f in enumerate(r.findings) if f.rule == "PG91")
    f = r.findings[i]
    r.findings[i] = Finding(**{**f.model_dump(), "span": {**f.span.model_dump(), "file": "a,b:c.txt"}})
    line = next(line for line in github.render(r, "id").splitlines() if "title=PG91" in line)
    assert line.startswith("::error file=a%2Cb%3Ac.txt,line=120,")


def test_waived_becomes_notice_and_stale_waivers_warn():
    lines = github.render(report(waive_first=True, unused=True), "id").splitlines()
    pg = next(line for line in lines if "title=PG91" in line)
    assert pg.startswith("::notice ") and "Disetujui tim verifikasi" in pg
    assert any(line.startswith("::warning title=renja-check::waiver tidak terpakai") for line in lines)
