"""CheckReport: what counts for the exit code, summary counts."""

import pytest

from .synthetic import report


@pytest.mark.parametrize(
    "fail_on,waive,code",
    [
        ("error", False, 1),
        ("error", True, 0),  # the only error is waived
        ("warning", True, 1),
        ("info", True, 1),
        ("never", False, 0),
    ],
)
def test_exit_code(fail_on, waive, code):
    assert report(waive_first=waive, fail_on=fail_on).exit_code() == code


def test_summary_counts_waived_apart():
    s = report(waive_first=True).summary()
    assert s["findings"] == 3 and s["counted"] == 2 and s["waived"] == 1
    assert s["per_severity"] == {"error": 0, "warning": 1, "info": 1}
    assert s["per_rule"] == {"NM91": 1, "XT91": 1}
