import pytest

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.tutor_release import init_decision, plugin_set

MFE = {"name": "mfe", "pip": "tutor-mfe==22.0.0"}
AUTOSCALING = {"name": "pod-autoscaling", "pip": "tutor-contrib-pod-autoscaling==22.1.0"}


def recorded(version, plugins):
    return {"tutor_version": version, "plugins": plugin_set(plugins)}


def test_first_run_inits():
    assert init_decision({}, "22.0.3", [MFE])["init"] is True


def test_nothing_changed_means_no_init():
    decision = init_decision(recorded("22.0.3", [MFE, AUTOSCALING]), "22.0.3", [AUTOSCALING, MFE])
    assert decision == {"init": False, "upgrade_from": None, "refuse": None, "reason": "nothing changed since the last init"}


def test_a_new_plugin_runs_init_again():
    decision = init_decision(recorded("22.0.3", [AUTOSCALING]), "22.0.3", [AUTOSCALING, MFE])
    assert decision["init"] and decision["reason"] == "plugin set changed" and decision["upgrade_from"] is None


def test_a_changed_plugin_pin_runs_init_again():
    newer = dict(MFE, pip="tutor-mfe==22.0.1")
    assert init_decision(recorded("22.0.3", [MFE]), "22.0.3", [newer])["init"]


def test_a_patch_release_runs_init_without_upgrade_steps():
    decision = init_decision(recorded("22.0.2", [MFE]), "22.0.3", [MFE])
    assert decision["init"] and decision["upgrade_from"] is None


@pytest.mark.parametrize("before,after,name", [
    ("18.2.2", "19.0.0", "redwood"), ("18.2.2", "22.0.3", "redwood"), ("21.0.0", "22.0.3", "ulmo")])
def test_a_release_change_runs_tutors_upgrade_from_the_old_release(before, after, name):
    decision = init_decision(recorded(before, []), after, [])
    assert decision["upgrade_from"] == name and decision["init"]


@pytest.mark.parametrize("before,after", [("22.0.3", "18.2.2"), ("22.1.0", "22.0.3"), ("22.0.3", "22.0.2")])
def test_downgrades_are_refused(before, after):
    decision = init_decision(recorded(before, []), after, [])
    assert "does not support downgrades" in decision["refuse"]


def test_records_before_plugins_were_recorded_count_as_unchanged():
    assert init_decision({"tutor_version": "22.0.3"}, "22.0.3", [MFE])["init"] is False
