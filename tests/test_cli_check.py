"""``buurtkaart check``: the command-line contract of design §5."""

import json

from repo_files import invoke

BAD = "---\ntitel: X\ncategorie: winkels\n---\n"
FAR = "---\ntitel: Y\ncategorie: bedrijven\ncoordinaten: [52.52, 6.099]\n---\n"


def run(*args):
    return invoke("check", *args)


def test_text_report_and_exit_code_1_on_errors(repo_dir):
    root = repo_dir({"cards/test/x.md": BAD})
    result = run("--root", str(root))
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "cards/test/x.md:3: fout [categorie]: onbekende categorie 'winkels'. "
        "Kies uit: ontmoeten, organisaties, bedrijven, activiteiten.",
        "1 kaarten en 1 locaties gecontroleerd: 1 fout, 0 waarschuwingen.",
    ]


def test_warnings_alone_exit_0(repo_dir):
    result = run("--root", str(repo_dir({"cards/test/y.md": FAR})))
    assert result.exit_code == 0
    assert result.output.splitlines()[-1] == "Geen fouten; bekijk de waarschuwingen."


def test_json_format(repo_dir):
    root = repo_dir({"cards/test/x.md": BAD, "cards/test/y.md": FAR})
    result = run("--root", str(root), "--format", "json")
    data = json.loads(result.output)
    assert data["cards"] == 2 and data["locaties"] == 1
    assert data["errors"] == [
        {
            "file": "cards/test/x.md",
            "line": 3,
            "field": "categorie",
            "message": "onbekende categorie 'winkels'. Kies uit: ontmoeten, organisaties, bedrijven, activiteiten.",
        }
    ]
    assert [w["file"] for w in data["warnings"]] == ["cards/test/y.md"]


def test_github_format_one_line_per_finding(repo_dir):
    root = repo_dir({"cards/test/x.md": BAD, "cards/test/y.md": FAR})
    lines = run("--root", str(root), "--format", "github").output.splitlines()
    assert lines[0] == (
        "::error file=cards/test/x.md,line=3,title=Buurtkaart%3A categorie::onbekende categorie 'winkels'. "
        "Kies uit: ontmoeten, organisaties, bedrijven, activiteiten."
    )
    assert lines[1].startswith("::warning file=cards/test/y.md,line=4,")
    assert len(lines) == 2


def test_usage_error_exits_2(repo_dir):
    result = run("--root", str(repo_dir()), "--format", "xml")
    assert result.exit_code == 2


def test_clean_repository(repo_dir):
    result = run("--root", str(repo_dir()))
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "0 kaarten en 1 locaties gecontroleerd: 0 fouten, 0 waarschuwingen.",
        "Alles in orde.",
    ]
