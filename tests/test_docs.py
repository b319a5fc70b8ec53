"""The README documents every hook and every built-in rule; CI runs the README's test command."""
import inspect
import re

from conftest import ROOT

from factcheck import hookspecs
from factcheck.host import Host

README = (ROOT / "README.md").read_text(encoding="utf-8")


def hooks():
    return [name for name, fn in inspect.getmembers(hookspecs, inspect.isfunction) if name.startswith("factcheck_")]


def test_every_hook_has_a_docstring_and_a_readme_section():
    assert len(hooks()) >= 6
    for name in hooks():
        assert (getattr(hookspecs, name).__doc__ or "").strip(), name
        assert f"`{name}" in README, f"README does not document hook {name}"


def test_every_built_in_rule_is_documented():
    rules = Host().rules()
    assert {r.split(".")[0] for r in rules} >= {"dates", "numbers", "names", "quotes"}
    for rule_id, rule in rules.items():
        assert f"`{rule_id}`" in README, f"README does not document {rule_id}"
        assert rule.summary and rule.explanation, rule_id


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    test_command = re.search(r"^    (.*pytest.*)$", README, re.M).group(1)
    assert test_command.split()[-2:] == ["-m", "pytest"]
    assert "-m pytest" in ci


def test_pre_commit_hook_runs_the_installed_command_on_a_folder(cli, tmp_path):
    """The hook's entry is the console script; with pass_filenames off it checks the folder in args."""
    import ast

    hook = {}
    for line in (ROOT / ".pre-commit-hooks.yaml").read_text().splitlines():
        if line.startswith(("- ", "  ")) and ":" in line:
            key, value = line.lstrip("- ").split(":", 1)
            hook[key.strip()] = value.strip()
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert f'{hook["entry"]} = "factcheck.cli:main"' in pyproject
    assert hook["pass_filenames"] == "false" and ast.literal_eval(hook["args"]) == ["."]
    (tmp_path / "wire.txt").write_text("The minister arrived in Oslo on Tuesday for three days of talks.")
    (tmp_path / "draft.txt").write_text("The minister arrived in Oslo on Thursday for three days of talks.")
    stopped = cli(*ast.literal_eval(hook["args"]), cwd=tmp_path)
    assert stopped.returncode == 1 and "dates.weekday-conflict" in stopped.stdout
    (tmp_path / "draft.txt").write_text("The minister arrived in Oslo on Tuesday for three days of talks.")
    assert cli(".", cwd=tmp_path).returncode == 0
