"""Freshness: last change from git history, and the 'contactgegevens controleren' warning."""

from __future__ import annotations

import datetime as dt

import pytest
from gitrepo import commit, init
from repo_files import CARD, invoke

from buurtkaart_build.core.history import freshness_problems, key_line, last_changes, months_before, parse_log
from buurtkaart_build.core.models import Card, CardFront
from buurtkaart_build.core.repository import load_repository

TODAY = dt.date(2026, 11, 29)


def card(path="cards/test/x.md", **front) -> Card:
    fields = {"titel": "Bakkerij", "categorie": "bedrijven", **front}
    return Card.of(CardFront.model_validate(fields), locatie="test", slug="x", path=path, body="")


# --- git history -------------------------------------------------------------------------------


def test_parse_log_keeps_the_newest_date_per_path():
    output = (
        "\x002026-05-01\x00\ncards/a/x.md\x00inventory/a.md\x00\x00"
        "\x002026-06-01\x00\ncards/a/x.md\x00\x00"
        "\x002025-01-01\x00\ncards/a/y.md\x00"
    )
    assert parse_log(output) == {
        "cards/a/x.md": dt.date(2026, 6, 1),
        "inventory/a.md": dt.date(2026, 5, 1),
        "cards/a/y.md": dt.date(2025, 1, 1),
    }


def test_last_changes_reads_one_git_log(repo_dir):
    root = init(repo_dir({"cards/test/x.md": CARD, "cards/test/y.md": CARD}))
    commit(root, "eerste", "2025-02-03T10:00:00+01:00")
    (root / "cards/test/x.md").write_text(CARD + "Meer tekst.\n", encoding="utf-8")
    (root / "README.md").write_text("niet van belang\n", encoding="utf-8")
    commit(root, "tweede", "2026-04-05T23:30:00+02:00")
    assert last_changes(root) == {
        "cards/test/x.md": dt.date(2026, 4, 5),
        "cards/test/y.md": dt.date(2025, 2, 3),
        "inventory/test.md": dt.date(2025, 2, 3),
    }


def test_last_changes_in_a_subfolder_of_the_repository(tmp_path):
    site = tmp_path / "buurt"
    (site / "cards" / "test").mkdir(parents=True)
    (site / "cards" / "test" / "x.md").write_text(CARD, encoding="utf-8")
    init(tmp_path)
    commit(tmp_path, "kaart", "2026-01-02T12:00:00+01:00")
    assert last_changes(site) == {"cards/test/x.md": dt.date(2026, 1, 2)}


def test_last_changes_without_git_is_empty(repo_dir, monkeypatch):
    root = repo_dir({"cards/test/x.md": CARD})
    assert last_changes(root) == {}  # not a repository
    monkeypatch.setenv("PATH", "")
    assert last_changes(root) == {}  # git not installed


def test_accented_file_names_come_back_unquoted(repo_dir):
    root = init(repo_dir({"cards/test/café-één.md": CARD}))
    commit(root, "kaart", "2026-03-01T12:00:00+01:00")
    assert "cards/test/café-één.md" in last_changes(root)


# --- dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 11, 29), 12, dt.date(2025, 11, 29)),
        (dt.date(2026, 3, 31), 1, dt.date(2026, 2, 28)),
        (dt.date(2024, 2, 29), 12, dt.date(2023, 2, 28)),
        (dt.date(2026, 1, 15), 1, dt.date(2025, 12, 15)),
        (dt.date(2026, 1, 15), 25, dt.date(2023, 12, 15)),
    ],
)
def test_months_before(day, months, expected):
    assert months_before(day, months) == expected


# --- freshness warnings --------------------------------------------------------------------------


def test_old_check_date_warns_with_the_dutch_date():
    stale = card(gecontroleerd="2025-03-03", contact={"telefoon": "038 123 45 67"})
    (problem,) = freshness_problems([stale], {}, TODAY, 12)
    assert problem.field == "gecontroleerd" and not problem.is_error
    assert problem.message == (
        "contactgegevens controleren: 'Bakkerij' is laatst gecontroleerd op 3 maart 2025 (ouder dan 12 maanden). "
        "Bel of mail de contactpersoon en zet de datum van die dag bij 'gecontroleerd'."
    )


def test_without_check_date_the_last_change_counts():
    (problem,) = freshness_problems([card()], {"cards/test/x.md": dt.date(2024, 7, 1)}, TODAY, 6)
    assert problem.message == (
        "contactgegevens controleren: 'Bakkerij' is laatst gewijzigd op 1 juli 2024 (ouder dan 6 maanden). "
        "Ga na of de gegevens nog kloppen en zet de datum van die dag bij 'gecontroleerd'."
    )


def test_a_recent_check_date_wins_over_an_old_change():
    recent = card(gecontroleerd="2026-10-01")
    assert freshness_problems([recent], {"cards/test/x.md": dt.date(2020, 1, 1)}, TODAY, 12) == []


def test_exactly_the_maximum_age_is_still_fresh():
    assert freshness_problems([card(gecontroleerd="2025-11-29")], {}, TODAY, 12) == []
    assert len(freshness_problems([card(gecontroleerd="2025-11-28")], {}, TODAY, 12)) == 1


def test_no_warning_when_nothing_is_known_stopped_or_switched_off():
    assert freshness_problems([card()], {}, TODAY, 12) == []
    assert freshness_problems([card(gecontroleerd="2020-01-01", status="gestopt")], {}, TODAY, 12) == []
    assert freshness_problems([card(gecontroleerd="2020-01-01")], {}, TODAY, 0) == []


def test_singular_month():
    (problem,) = freshness_problems([card(gecontroleerd="2026-09-01")], {}, TODAY, 1)
    assert "(ouder dan 1 maand)" in problem.message


# --- wired into the repository and check ---------------------------------------------------------


def test_repository_sets_last_change_and_warns_at_the_line(repo_dir):
    checked = "---\ntitel: Speeltuin\ncategorie: ontmoeten\ngecontroleerd: 2026-11-01\n---\n"
    root = init(repo_dir({"cards/test/x.md": CARD, "cards/test/y.md": checked}))
    commit(root, "eerste", "2025-01-10T12:00:00+01:00")
    repo = load_repository(root, today=TODAY)
    assert [c.last_change for c in repo.cards] == [dt.date(2025, 1, 10)] * 2
    assert [(p.file, p.line, p.field) for p in repo.problems] == [("cards/test/x.md", None, None)]
    old = CARD.replace("---\nLekker", "gecontroleerd: 2025-01-01\n---\nLekker")
    (root / "cards/test/x.md").write_text(old, encoding="utf-8")
    (problem,) = load_repository(root, today=TODAY).problems
    assert problem.line == 5  # the line of 'gecontroleerd'
    assert load_repository(root, today=TODAY, max_age_months=0).problems == []


def test_without_git_history_the_site_still_loads(repo_dir):
    repo = load_repository(repo_dir({"cards/test/x.md": CARD}), today=TODAY)
    assert repo.problems == []
    assert repo.cards[0].last_change is None


def test_check_option_max_leeftijd(repo_dir):
    root = repo_dir({"cards/test/x.md": CARD.replace("---\nLekker", "gecontroleerd: 2020-01-01\n---\nLekker")})
    warned = invoke("check", "--root", root)
    assert warned.exit_code == 0
    assert "contactgegevens controleren" in warned.output
    quiet = invoke("check", "--root", root, "--max-leeftijd", "0")
    assert "contactgegevens controleren" not in quiet.output
    bad = invoke("check", "--root", root, "--max-leeftijd", "veel")
    assert bad.exit_code == 2
    assert "Fout: ongeldige waarde voor '--max-leeftijd': 'veel' is geen geheel getal." in bad.output


def test_stale_cards_get_their_line_without_composing_yaml(repo_dir, monkeypatch):
    old = "---\ntitel: Winkel\ncategorie: bedrijven\nstatus: contact\ngecontroleerd: 2020-01-01\n---\n"
    root = repo_dir({f"cards/test/kaart-{i}.md": old for i in range(20)})
    calls = []
    monkeypatch.setattr("buurtkaart_build.core.repository.key_lines", lambda doc: calls.append(doc) or {})
    repo = load_repository(root, today=TODAY)
    assert [p.line for p in repo.problems if "controleren" in p.message] == [5] * 20
    assert calls == []


def test_key_line(tmp_path):
    file = tmp_path / "x.md"
    file.write_text("\ufeff---\ntitel: x\ncontact:\n  gecontroleerd: nee\ngecontroleerd: 2020-01-01\n---\n", "utf-8")
    assert key_line(file, "gecontroleerd") == 5
    file.write_text("---\ntitel: x\n---\ngecontroleerd: 2020-01-01\n", encoding="utf-8")
    assert key_line(file, "gecontroleerd") is None
    assert key_line(tmp_path / "weg.md", "gecontroleerd") is None


def test_reference_time_comes_from_source_date_epoch(monkeypatch, tmp_path):
    import datetime as dt

    from buurtkaart_build.core.history import reference_time

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796256000")
    assert reference_time(tmp_path) == dt.datetime(2026, 12, 3, 0, 0, tzinfo=dt.UTC)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert reference_time(tmp_path).tzinfo == dt.UTC  # outside git: the clock, in UTC
