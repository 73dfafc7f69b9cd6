"""`sitrep extract` on good and bad input: clear messages, exit status 2 when nothing can be read,
no crash, no invented incidents.  Texts are written for these tests."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from sitrep.cli import main

GOOD = (
    "ZHOB: Militants attacked a police checkpoint in Zhob on Monday, killing two policemen, "
    "officials said.\n"
)


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def _run(runner: CliRunner, tmp_path, data: bytes, *args: str):
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    return runner.invoke(main, ["extract", str(path), *args])


def test_good_article_json(runner, tmp_path):
    res = _run(runner, tmp_path, GOOD.encode(), "--published", "2024-03-05", "--format", "json")
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert len(out["incidents"]) == 1
    inc = out["incidents"][0]
    assert inc["date"]["iso"] == "2024-03-04"
    assert any(f["best"] == 2 and f["category"] == "security_forces" for f in out["figures"])


def test_good_article_text(runner, tmp_path):
    res = _run(runner, tmp_path, GOOD.encode(), "--published", "2024-03-05")
    assert res.exit_code == 0, res.output
    assert "Zhob" in res.stdout and "2024-03-04" in res.stdout


@pytest.mark.parametrize(
    ("data", "needle"),
    [
        (b"", "empty"),
        (b"   \n\t  \n", "empty"),
        (bytes(range(256)) * 8, "binary"),
    ],
)
def test_unreadable_input_exits_2(runner, tmp_path, data, needle):
    res = _run(runner, tmp_path, data)
    assert res.exit_code == 2, res.output
    assert needle in res.stderr.lower()
    assert "Traceback" not in res.output


def test_missing_file_is_a_usage_error(runner, tmp_path):
    res = runner.invoke(main, ["extract", str(tmp_path / "nope.txt")])
    assert res.exit_code == 2


def test_bad_published_date(runner, tmp_path):
    res = _run(runner, tmp_path, GOOD.encode(), "--published", "2024-13-45")
    assert res.exit_code == 2
    assert "YYYY-MM-DD" in res.output


def test_too_large_text_exits_2(runner, tmp_path):
    data = (b"Nothing happened in the town today. " * 300_000)[:10_500_000]
    res = _run(runner, tmp_path, data)
    assert res.exit_code == 2
    assert "too large" in res.stderr


def test_non_utf8_bytes_are_read_with_a_warning(runner, tmp_path):
    data = GOOD.replace("officials", "offici\xe9ls").encode("cp1252")
    res = _run(runner, tmp_path, data, "--published", "2024-03-05", "--format", "json")
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert len(out["incidents"]) == 1  # the text is still read, nothing lost


def test_non_english_gives_no_incident(runner, tmp_path):
    text = (
        "Des hommes armés ont attaqué un poste de police à Zhob lundi et tué deux policiers, "
        "selon les autorités locales. Les assaillants ont pris la fuite vers les montagnes."
    )
    res = _run(runner, tmp_path, text.encode(), "--format", "json")
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["incidents"] == [] and out["figures"] == []
    assert any(w["code"] == "not_english" for w in out["warnings"])


def test_stdin(runner):
    res = runner.invoke(main, ["extract", "-", "--published", "2024-03-05"], input=GOOD)
    assert res.exit_code == 0, res.output
    assert "Zhob" in res.stdout


def test_empty_stdin_exits_2(runner):
    res = runner.invoke(main, ["extract", "-"], input="")
    assert res.exit_code == 2


def test_one_megabyte_text_is_bounded(runner, tmp_path):
    """A long text of filler with one report: read in bounded time, one incident, no crash."""
    filler = "The market reopened and traders said business was slow. " * 17_000
    res = _run(
        runner, tmp_path, (GOOD + filler).encode(), "--published", "2024-03-05", "--format", "json"
    )
    assert res.exit_code == 0, res.output
    assert len(json.loads(res.stdout)["incidents"]) == 1
