import pytest

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.rke2_versions import (
    VersionError, installed_release, parse_release, version_change)


def test_the_running_release_is_read_by_exact_token():
    assert installed_release("rke2 version v1.35.4+rke2r10 (abc123)\ngo version go1.24") == "v1.35.4+rke2r10"
    assert installed_release("") is None
    assert installed_release("bash: rke2: command not found") is None


def test_revision_10_is_not_revision_1():
    assert version_change(installed_release("rke2 version v1.35.4+rke2r10 (x)"), "v1.35.4+rke2r1")["action"] == "refuse"
    assert version_change("v1.35.4+rke2r1", "v1.35.4+rke2r1")["action"] == "none"


def test_releases_compare_as_numbers():
    assert parse_release("v1.9.10+rke2r2") < parse_release("v1.10.1+rke2r1")
    with pytest.raises(VersionError):
        parse_release("v1.35.4+rke2r1\n")
    with pytest.raises(VersionError):
        parse_release("1.35.4")


@pytest.mark.parametrize("installed,target,upgrading,action,says", [
    (None, "v1.35.4+rke2r1", False, "install", "installed"),
    ("v1.35.4+rke2r1", "v1.35.4+rke2r1", False, "none", "already"),
    ("v1.34.2+rke2r1", "v1.35.4+rke2r1", False, "refuse", "playbooks/upgrade.yml"),
    ("v1.34.2+rke2r1", "v1.35.4+rke2r1", True, "upgrade", "upgraded"),
    ("v1.35.4+rke2r1", "v1.35.4+rke2r2", True, "upgrade", "upgraded"),
    ("v1.35.4+rke2r1", "v1.35.5+rke2r1", True, "upgrade", "upgraded"),
    ("v1.35.4+rke2r1", "v1.34.9+rke2r1", True, "refuse", "downgrades"),
    ("v1.35.4+rke2r2", "v1.35.4+rke2r1", True, "refuse", "downgrades"),
    ("v1.33.1+rke2r1", "v1.35.4+rke2r1", True, "refuse", "v1.34 first"),
])
def test_the_decision_table(installed, target, upgrading, action, says):
    decision = version_change(installed, target, upgrading)
    assert decision["action"] == action
    assert says in decision["message"]
