"""The ready-to-use CI files, pull-request template, CODEOWNERS example and pre-commit hook."""

from __future__ import annotations

import yaml
from repo_files import ROOT

from buurtkaart_build.cli import main


def _yaml(rel: str):
    return yaml.safe_load((ROOT / rel).read_text(encoding="utf-8"))


def _run_lines(job: dict) -> str:
    return "\n".join(step.get("run", "") for step in job["steps"])


def test_github_workflow_checks_pull_requests_and_publishes_main():
    workflow = _yaml(".github/workflows/buurtkaart.yml")
    triggers = workflow[True]  # YAML 1.1 reads the key 'on' as True
    assert "pull_request" in triggers and triggers["push"]["branches"] == ["main"]
    job = workflow["jobs"]["controleren"]
    runs = _run_lines(job)
    assert "buurtkaart check --format github" in runs
    assert 'buurtkaart diff "origin/$BASE_REF"' in runs
    assert "mkdocs build --strict --site-dir .site-nieuw" in runs
    assert runs.index("--site-dir .site-nieuw") < runs.index("mv -T .site-nieuw site")  # built aside, then swapped
    assert "pip install -c requirements.lock.txt -e ." in runs
    checkout = job["steps"][0]
    assert checkout["uses"].startswith("actions/checkout@") and checkout["with"]["fetch-depth"] == 0
    uses = [step.get("uses", "") for step in job["steps"]]
    assert any(u.startswith("actions/github-script@") for u in uses)
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    deploy = workflow["jobs"]["publiceren"]
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}


def test_github_workflow_never_puts_event_data_straight_into_a_shell():
    text = (ROOT / ".github/workflows/buurtkaart.yml").read_text(encoding="utf-8")
    for line in text.splitlines():
        if "${{" in line and "github.base_ref" in line:
            assert line.strip().startswith("BASE_REF:"), line


def test_gitlab_ci_checks_merge_requests_and_publishes_pages():
    ci = _yaml(".gitlab-ci.yml")
    assert ci["variables"]["GIT_DEPTH"] == "0"
    check = ci["kaarten-controleren"]
    assert "buurtkaart check --format gitlab > gl-code-quality-report.json || true" in check["script"]
    assert "buurtkaart check" in check["script"]
    assert check["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    summary = "\n".join(ci["kaarten-samenvatting"]["script"])
    assert "buurtkaart diff" in summary and "BUURTKAART_TOKEN" in summary
    assert "mkdocs build --strict" in ci["site-bouwen"]["script"]
    pages = ci["pages"]
    # Built aside, then swapped in one rename: a killed build never leaves half a site.
    assert pages["script"] == [
        "mkdocs build --strict --site-dir .public-nieuw",
        "rm -rf public",
        "mv -T .public-nieuw public",
    ]
    assert pages["artifacts"]["paths"] == ["public"]


def test_check_knows_the_formats_the_ci_files_use():
    formats = next(p for p in main.commands["check"].params if p.name == "fmt").type.choices
    assert {"github", "gitlab"} <= set(formats)


def test_pull_request_templates_have_the_reviewers_checklist():
    github = (ROOT / ".github/pull_request_template.md").read_text(encoding="utf-8")
    gitlab = (ROOT / ".gitlab/merge_request_templates/Default.md").read_text(encoding="utf-8")
    assert github == gitlab
    assert github.count("- [ ]") >= 6
    assert "cliënt" in github


def test_codeowners_example_gives_each_location_folder_to_its_coordinator():
    lines = [
        line.split()
        for line in (ROOT / "CODEOWNERS.voorbeeld").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    owners = dict((path, rest) for path, *rest in lines)
    assert owners["/cards/de-kastanje/"] == ["@coordinator-de-kastanje"]
    assert lines[0][0] == "*"  # the general rule first: the last matching rule wins


def test_pre_commit_hook_runs_check():
    (hook,) = _yaml(".pre-commit-hooks.yaml")
    assert hook["id"] == "buurtkaart-check"
    assert hook["entry"] == "buurtkaart check"
    assert hook["language"] == "python" and hook["pass_filenames"] is False


def test_the_package_workflow_builds_proves_and_keeps_the_wheel():
    workflow = _yaml(".github/workflows/pakket.yml")
    assert "pull_request" in workflow[True] and workflow[True]["push"]["branches"] == ["main"]
    (job,) = workflow["jobs"].values()
    runs = _run_lines(job)
    assert "pip wheel --no-deps -w dist ." in runs
    assert "python tests/wheel_smoke.py dist/buurtkaart-*.whl" in runs
    (upload,) = [s for s in job["steps"] if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert upload["with"]["name"] == "buurtkaart-wheel" and upload["with"]["path"] == "dist/buurtkaart-*.whl"


def test_gitlab_builds_proves_and_keeps_the_wheel():
    job = _yaml(".gitlab-ci.yml")["pakket"]
    assert job["before_script"] == []  # the wheel, not an editable install, is what is proven
    assert job["script"][0] == "pip wheel -q --no-deps -w dist ."
    assert job["script"][1].startswith("python tests/wheel_smoke.py dist/buurtkaart-*.whl")
    assert job["artifacts"]["paths"] == ["dist/buurtkaart-*.whl"]


def test_the_smoke_script_is_what_the_ci_files_run():
    assert (ROOT / "tests" / "wheel_smoke.py").is_file()
    gitignore = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "dist/" in gitignore and "rooktest/" in gitignore
