"""Every contract rule run together, exemptions applied."""

from __future__ import annotations

from constitution_hooks.rules.project.contract import CHECKS, check_contract
from constitution_hooks.rules.project.settings import ContractSettings, Exemption
from tests.rules.project.snapshots import project_files

PYPROJECT = (
    '[project]\nname = "a"\nrequires-python = ">=3.11"\ndependencies = ["pytest>=8"]\n'
)


def test_check_contract_every_rule_reports_on_a_bare_project() -> None:
    files = project_files(
        {"pyproject.toml": PYPROJECT, "poetry.lock": ""},
        tracked=(".env", "venv/pyvenv.cfg"),
        env_ignored=False,
    )
    found = check_contract(
        files, ContractSettings(dev_tools=("pytest*",)), [c for c, _ in CHECKS]
    )
    assert {v.code for v in found} == {f"CON70{n}" for n in range(1, 9)}
    assert found == sorted(found)


def test_check_contract_only_selected_codes_run() -> None:
    files = project_files({"pyproject.toml": PYPROJECT})
    assert {v.code for v in check_contract(files, ContractSettings(), ["CON701"])} == {
        "CON701"
    }


def test_check_contract_exempt_finding_dropped() -> None:
    files = project_files({"pyproject.toml": PYPROJECT})
    cfg = ContractSettings(
        exempt=(Exemption("CON701", "pytest", "pinned by the platform"),)
    )
    assert check_contract(files, cfg, ["CON701"]) == []
