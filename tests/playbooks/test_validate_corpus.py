"""playbooks/validate.yml on the corpus of bad and good inventories: exit status and exact names."""

import glob
import os
import subprocess
import sys

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PLAYBOOK = os.path.join(ROOT, "playbooks", "validate.yml")
BIN = os.path.dirname(sys.executable)


def validate(inventory):
    env = dict(os.environ, ANSIBLE_CONFIG=os.path.join(ROOT, "ansible.cfg"), ANSIBLE_NOCOLOR="1",
               ANSIBLE_FORCE_COLOR="0", ANSIBLE_STDOUT_CALLBACK="ansible.builtin.default")
    return subprocess.run([os.path.join(BIN, "ansible-playbook"), PLAYBOOK, "-i", inventory],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)


def expectations(path):
    with open(path) as handle:
        return [line.split("# expect: ", 1)[1].rstrip("\n") for line in handle if line.startswith("# expect: ")]


BAD = sorted(glob.glob(os.path.join(ROOT, "tests", "inventories", "bad", "*.yml")))
GOOD = sorted(glob.glob(os.path.join(ROOT, "tests", "inventories", "good", "*.yml")))
EXAMPLES = [os.path.join(ROOT, "inventories", name) for name in ("baremetal", "lab")]


@pytest.mark.parametrize("inventory", BAD, ids=[os.path.basename(p)[:-4] for p in BAD])
def test_bad_inventory_fails_with_precise_message(inventory):
    expected = expectations(inventory)
    assert expected, "%s declares no expected message" % inventory
    result = validate(inventory)
    assert result.returncode == 2, result.stdout + result.stderr
    output = result.stdout + result.stderr
    for fragment in expected:
        assert fragment in output, "missing %r in:\n%s" % (fragment, output)
    # Nothing but localhost was touched.
    assert "PLAY RECAP" in output
    recap = result.stdout.split("PLAY RECAP", 1)[1]
    assert [line.split()[0] for line in recap.splitlines() if " : ok=" in line] == ["localhost"]


@pytest.mark.parametrize("inventory", GOOD + EXAMPLES, ids=[os.path.basename(p).replace(".yml", "") for p in GOOD + EXAMPLES])
def test_good_inventory_passes_with_plan_table(inventory):
    result = validate(inventory)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "HOST" in result.stdout and "ROLE" in result.stdout and "REGISTERS VIA" in result.stdout
    assert "PORT" in result.stdout and "FRONTEND" in result.stdout
    for secret in ("corpus-test-token-not-a-secret", "lab-only-not-a-secret-rke2-token", "EXAMPLE-ONLY-replace-with"):
        assert secret not in result.stdout


def test_example_secrets_warn():
    result = validate(EXAMPLES[0])
    assert "rke2_token: still holds the example value" in result.stdout + result.stderr


def test_a_plan_in_the_inventory_is_recomputed_and_this_runs_plan_reused(tmp_path):
    """An openedx_ops_plan variable of the inventory never skips validation; within one run the second
    import of validate.yml reuses the plan the first computed."""
    with open(GOOD[0]) as handle:
        text = handle.read()
    inventory = tmp_path / "inventory.yml"
    inventory.write_text(text.replace("  vars:\n", "  vars:\n    openedx_ops_plan: {hosts: {}, cluster: {}}\n", 1))
    env = dict(os.environ, ANSIBLE_CONFIG=os.path.join(ROOT, "ansible.cfg"), ANSIBLE_NOCOLOR="1")
    result = subprocess.run([os.path.join(BIN, "ansible-playbook"),
                             os.path.join(ROOT, "tests", "playbooks", "validate_twice.yml"), "-i", str(inventory)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("TASK [Check the inventory and compute the plan]") == 1
    assert "HOST  ROLE" in result.stdout
    assert "ok=3 " in result.stdout and "skipped=3 " in result.stdout
