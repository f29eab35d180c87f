"""The generated chart key lists (data/chart_keys): one file per pinned chart version, written by
scripts/chart_keys.py, read by plugins/module_utils/chart_keys.py."""

import os

import yaml

from ansible_collections.openedx_ops.baremetal.plugins.module_utils import chart_keys

from .script_loader import load_script

ROOT = os.path.normpath(os.path.join(os.path.dirname(__file__), "..", ".."))


def defaults(role):
    with open(os.path.join(ROOT, "roles", role, "defaults", "main.yml")) as handle:
        return yaml.safe_load(handle)


def pinned_charts():
    """Every chart version the roles pin, with the dependencies each parent chart pins."""
    harmony = defaults("harmony")
    pinned = {
        ("nfs-subdir-external-provisioner", str(defaults("nfs_provisioner")["nfs_provisioner_chart_version"])),
        ("harmony-chart", "0.11.0"),
        ("traefik", str(harmony["harmony_traefik_chart_version"])),
        ("cert-manager", str(harmony["harmony_cert_manager_chart_version"])),
    }
    for deps in chart_keys.DEPENDENCIES.values():
        pinned |= set(deps.values())
    return pinned


def test_one_generated_file_per_pinned_chart_version():
    from ansible_collections.openedx_ops.baremetal.plugins.module_utils.topology_contract import CLUSTER_DEFAULTS
    assert CLUSTER_DEFAULTS["harmony_chart_version"] == "0.11.0"
    assert set(chart_keys.generated_keys()) == pinned_charts()


def test_files_are_sorted_unique_and_exactly_what_the_generator_writes():
    for name in os.listdir(chart_keys.KEYS_DIR):
        with open(os.path.join(chart_keys.KEYS_DIR, name)) as handle:
            lines = [line.rstrip("\n") for line in handle if not line.startswith("#")]
        assert lines == sorted(set(lines)), name
        assert all(line and " " not in line for line in lines), name


def test_generator_writes_keys_and_free_form_maps(tmp_path):
    script = load_script("chart_keys")
    values = tmp_path / "values.yaml"
    values.write_text("replicaCount: 1\nimage:\n  repository: x\n  tag: ''\npodAnnotations: {}\nlist: [1, 2]\n")
    script.main(["demo", "1.2.3", str(values), "--out", str(tmp_path)])
    written = chart_keys.read_keys_file(str(tmp_path / "demo_1.2.3.txt"))
    assert written == {"replicaCount", "image", "image.repository", "image.tag", "podAnnotations",
                       "podAnnotations.*", "list"}
    assert chart_keys.generated_keys(str(tmp_path)) == {("demo", "1.2.3"): written}


def test_loaded_keys_check_values():
    assert chart_keys.unknown_value_keys("nfs-subdir-external-provisioner", "4.0.18",
                                         {"nfs": {"server": "x", "pathh": "/y"}}) == ["nfs.pathh"]
