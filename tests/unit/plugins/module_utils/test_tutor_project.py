"""tutor_project: removed settings leave config.yml, secrets masked in diffs, one run at a time per
project, broken config.yml untouched, backups pruned by time, and the render fingerprint (issues 14, 17, 18).

Renders use fake_tutor (Tutor's config-save semantics); tests/playbooks/test_instances.py runs real Tutor."""

import concurrent.futures
import fcntl
import json
import multiprocessing
import os
import subprocess
import time

import pytest
import yaml

from ansible_collections.openedx_ops.baremetal.plugins.module_utils import tutor_project as tp

from . import fake_tutor


def run_command(argv, environ_update=None):
    proc = subprocess.run(argv, env=dict(os.environ, **(environ_update or {})), capture_output=True, text=True,
                          check=False)
    return proc.returncode, proc.stdout, proc.stderr


@pytest.fixture
def lab(tmp_path, monkeypatch):
    monkeypatch.delenv("FAKE_TUTOR_SLEEP", raising=False)
    log = tmp_path / "tutor.log"
    monkeypatch.setenv("FAKE_TUTOR_LOG", str(log))
    plugins_root = tmp_path / "plugins"
    plugins_root.mkdir()
    (plugins_root / "openedx_ops.py").write_text("# lessons v1\n")

    class Lab:
        tutor = fake_tutor.install(str(tmp_path / "venv"))
        project = str(tmp_path / "projects" / "campus")
        backups = str(tmp_path / "backups" / "campus")
        plugins = str(plugins_root)

        def converge(self, config=None, secrets=None, **kw):
            kw.setdefault("backup_dir", self.backups)
            return tp.converge(run_command, self.project, self.tutor, dict(config or {}), dict(secrets or {}),
                               ["openedx_ops"], self.plugins, **kw)

        def config(self):
            with open(os.path.join(self.project, "config.yml")) as handle:
                return handle.read()

        def env(self, rel):
            with open(os.path.join(self.project, "env", rel)) as handle:
                return handle.read()

        def renders(self):
            return len(log.read_text().splitlines()) if log.exists() else 0

        def log(self):
            return [line.split() for line in log.read_text().splitlines()]
    os.makedirs(os.path.dirname(Lab.project))
    return Lab()


# --- the fingerprint -------------------------------------------------------------------------------

FP_INPUTS = {"config": {"LMS_HOST": "a.example", "OPENEDX_OPS_PROBES": False}, "secrets": {"SMTP_PASSWORD": "x1"},
             "plugins": ["openedx_ops", "pod-autoscaling"],
             "distributions": ["tutor-22.0.3.dist-info", "tutor_contrib_pod_autoscaling-22.1.0.dist-info"],
             "plugins_digest": "ab" * 32, "environ": {}}
FP_CHANGES = [
    ("config", {"LMS_HOST": "b.example", "OPENEDX_OPS_PROBES": False}),
    ("config", {"LMS_HOST": "a.example"}),  # a lesson switched on again
    ("secrets", {"SMTP_PASSWORD": "x2"}),
    ("secrets", {}),
    ("plugins", ["openedx_ops"]),
    ("distributions", ["tutor-22.0.4.dist-info", "tutor_contrib_pod_autoscaling-22.1.0.dist-info"]),  # Tutor release
    ("distributions", ["tutor-22.0.3.dist-info", "tutor_contrib_pod_autoscaling-22.1.1.dist-info"]),  # plugin version
    ("plugins_digest", "cd" * 32),  # the collection's lessons plugin
    ("environ", {"TUTOR_PLATFORM_NAME": "x"}),
]


def test_fingerprint_is_stable_and_order_free():
    first = tp.render_fingerprint(**FP_INPUTS)
    shuffled = {**FP_INPUTS, "config": {"OPENEDX_OPS_PROBES": False, "LMS_HOST": "a.example"}}
    assert first == tp.render_fingerprint(**shuffled) and len(first) == 64


@pytest.mark.parametrize("name,value", FP_CHANGES)
def test_fingerprint_changes_with_every_input(name, value):
    assert tp.render_fingerprint(**dict(FP_INPUTS, **{name: value})) != tp.render_fingerprint(**FP_INPUTS)


def test_fingerprint_changes_with_its_version_and_is_none_without_a_known_release():
    assert tp.render_fingerprint(version=2, **FP_INPUTS) != tp.render_fingerprint(**FP_INPUTS)
    assert tp.render_fingerprint(**{**FP_INPUTS, "distributions": None}) is None


def test_fingerprint_inputs_from_disk(tmp_path):
    tutor = fake_tutor.install(str(tmp_path / "venv"))
    assert tp.installed_distributions(tutor) == ["tutor-22.0.3.dist-info"]
    assert tp.installed_distributions(str(tmp_path / "tutor")) is None
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "a.py").write_text("1")
    one = tp.tree_digest(str(tmp_path / "p"))
    (tmp_path / "p" / "a.py").write_text("2")
    assert tp.tree_digest(str(tmp_path / "p")) != one and tp.tree_digest(str(tmp_path / "none")) is None
    assert tp.tutor_environ({"TUTOR_ROOT": "/x", "TUTOR_LMS_HOST": "h", "PATH": "/bin"}) == {"TUTOR_LMS_HOST": "h"}


# --- issue 18 item 6: what the collection no longer sets leaves config.yml -------------------------

def test_lesson_off_and_on_renders_as_never_switched(lab):
    lab.converge({"LMS_HOST": "learn.campus.test"})
    never_config, never_env = lab.config(), tp.tree_digest(os.path.join(lab.project, "env"))
    assert "readinessProbe" in lab.env("k8s/lms.yml")
    off = lab.converge({"LMS_HOST": "learn.campus.test", "OPENEDX_OPS_PROBES": False})
    assert off["changed"] and "readinessProbe" not in lab.env("k8s/lms.yml")
    on = lab.converge({"LMS_HOST": "learn.campus.test"})
    assert on["changed"] and on["removed"] == ["OPENEDX_OPS_PROBES"]
    assert lab.config() == never_config
    assert tp.tree_digest(os.path.join(lab.project, "env")) == never_env
    assert not lab.converge({"LMS_HOST": "learn.campus.test"})["changed"]


def test_removed_setting_leaves_config_generated_ones_stay(lab):
    lab.converge({"LMS_HOST": "learn.campus.test", "PLATFORM_NAME": "Campus"})
    first = yaml.safe_load(lab.config())
    result = lab.converge({"LMS_HOST": "learn.campus.test"})
    now = yaml.safe_load(lab.config())
    assert result["removed"] == ["PLATFORM_NAME"] and "PLATFORM_NAME" not in now
    assert "PLATFORM_NAME: My Open edX" in lab.env("apps/settings.yml")  # Tutor's default again
    for key in ("ID", "MYSQL_ROOT_PASSWORD", "OPENEDX_SECRET_KEY", "K8S_HARMONY_SEARCH_CLUSTER_HTTP_AUTH"):
        assert now[key] == first[key]
    assert now["LMS_HOST"] == "learn.campus.test"


def test_removed_secret_leaves_unless_tutor_would_generate_it(lab):
    lab.converge({}, {"MYSQL_ROOT_PASSWORD": "given-root-pw-1", "SMTP_PASSWORD": "smtp-pw-1"})
    result = lab.converge({}, {})
    now = yaml.safe_load(lab.config())
    # Tutor would generate MYSQL_ROOT_PASSWORD anew: the password in use stays; SMTP_PASSWORD leaves.
    assert now["MYSQL_ROOT_PASSWORD"] == "given-root-pw-1" and "SMTP_PASSWORD" not in now
    assert result["removed"] == ["SMTP_PASSWORD"]
    assert not lab.converge({}, {})["changed"]


def test_project_without_record_forgets_the_collections_own_switches(lab):
    os.makedirs(lab.project)
    with open(os.path.join(lab.project, "config.yml"), "w") as handle:
        yaml.safe_dump({"OPENEDX_OPS_PROBES": False, "MYSQL_ROOT_PASSWORD": "old-generated", "PLUGINS": []}, handle)
    result = lab.converge({})
    now = yaml.safe_load(lab.config())
    assert "OPENEDX_OPS_PROBES" not in now and now["MYSQL_ROOT_PASSWORD"] == "old-generated"
    assert result["removed"] == ["OPENEDX_OPS_PROBES"] and "readinessProbe" in lab.env("k8s/lms.yml")


# --- issue 18 item 8: no credential in the diff ----------------------------------------------------

def test_diff_masks_credentials_and_shows_the_rest(lab):
    lab.converge({"LMS_HOST": "learn.campus.test", "K8S_NAMESPACE": "campus"}, {"SMTP_PASSWORD": "smtp-pw-1"})
    before = yaml.safe_load(lab.config())
    result = lab.converge({"LMS_HOST": "learn2.campus.test", "K8S_NAMESPACE": "campus",
                           "MY_PLUGIN_API_TOKEN": "tok-in-config-1"},
                          {"SMTP_PASSWORD": "smtp-pw-2", "CUSTOM_VAULTED": "vaulted-value-1"}, want_diff=True)
    text = json.dumps(result)
    for value in ("smtp-pw-1", "smtp-pw-2", "vaulted-value-1", "tok-in-config-1", before["MYSQL_ROOT_PASSWORD"],
                  before["OPENEDX_SECRET_KEY"], before["K8S_HARMONY_SEARCH_CLUSTER_HTTP_AUTH"],
                  before["K8S_HARMONY_SEARCH_CLUSTER_HTTP_AUTH"].split(":")[1]):
        assert value not in text
    diff = result["diff"]
    assert "LMS_HOST: learn.campus.test" in diff["before"] and "LMS_HOST: learn2.campus.test" in diff["after"]
    assert "K8S_HARMONY_SEARCH_CLUSTER_HTTP_AUTH: '********'" in diff["after"]
    assert "SMTP_PASSWORD: '******** (changed)'" in diff["after"]  # says it changed, not what it is
    assert "CUSTOM_VAULTED: '********'" in diff["after"]  # a declared secret, whatever its name
    assert "MY_PLUGIN_API_TOKEN: '********'" in diff["after"]  # named like a credential, even in config
    assert "changed env/apps/settings.yml" in diff["prepared"]


def test_secret_names():
    for key in ("MYSQL_ROOT_PASSWORD", "OPENEDX_SECRET_KEY", "JWT_RSA_PRIVATE_KEY", "K8S_HARMONY_SEARCH_CLUSTER_HTTP_AUTH",
                "CMS_OAUTH2_KEY_SSO", "SMTP_PASS", "SENTRY_DSN", "GITHUB_TOKEN", "AWS_SECRET_ACCESS_KEY", "S3_API_KEY",
                "SOME_CREDENTIALS", "MEILISEARCH_MASTER_KEY", "PASSWORD_SALT", "BASIC_AUTH_USERS"):
        assert tp.is_secret_name(key), key
    for key in ("LMS_HOST", "PLATFORM_NAME", "ENABLE_HTTPS", "POD_AUTOSCALING_EXTRA_SERVICES", "OPENEDX_OPS_PROBES",
                "K8S_NAMESPACE", "KEYCLOAK_HOST", "OPENEDX_OPS_CLIENT_IP_FROM_INGRESS", "PLUGINS", "AUTHOR"):
        assert not tp.is_secret_name(key), key


# --- issue 17: broken config.yml, lock, scratch names, backups -------------------------------------

@pytest.mark.parametrize("text", ["LMS_HOST: [unclosed\n", "- a list\n- not settings\n"])
def test_broken_config_names_the_file_and_stays_untouched(lab, text):
    lab.converge({"LMS_HOST": "learn.campus.test"})
    path = os.path.join(lab.project, "config.yml")
    with open(path, "w") as handle:
        handle.write(text)
    renders = lab.renders()
    with pytest.raises(tp.TutorError) as info:
        lab.converge({"LMS_HOST": "learn.campus.test"})
    assert path in str(info.value) and "untouched" in str(info.value)
    assert lab.config() == text and lab.renders() == renders
    assert not os.path.exists(lab.backups) or os.listdir(lab.backups) == []


def _converge_in_process(args):
    tutor, project, backups, plugins, name = args
    result = tp.converge(run_command, project, tutor, {"PLATFORM_NAME": name}, {}, ["openedx_ops"], plugins,
                         backup_dir=backups)
    return result["changed"]


def test_two_concurrent_converges_leave_the_project_consistent(lab, monkeypatch):
    monkeypatch.setenv("FAKE_TUTOR_SLEEP", "0.15")
    lab.converge({"PLATFORM_NAME": "start"})
    generated = yaml.safe_load(lab.config())["MYSQL_ROOT_PASSWORD"]
    ctx = multiprocessing.get_context("fork")
    jobs = [(lab.tutor, lab.project, lab.backups, lab.plugins, name) for name in ("one", "two")]
    with concurrent.futures.ProcessPoolExecutor(2, mp_context=ctx) as pool:
        assert list(pool.map(_converge_in_process, jobs)) == [True, True]
    config = yaml.safe_load(lab.config())
    assert config["PLATFORM_NAME"] in ("one", "two") and config["MYSQL_ROOT_PASSWORD"] == generated
    # env/ was rendered from this very config.yml, and the record matches both.
    assert yaml.safe_load(lab.env("apps/settings.yml")) == dict(fake_tutor.DEFAULTS, **config)
    state = tp.load_state(lab.project)
    assert state["config_sha256"] == tp.file_digest(os.path.join(lab.project, "config.yml"))
    assert state["env_sha256"] == tp.tree_digest(os.path.join(lab.project, "env"))
    assert sorted(os.listdir(lab.project)) == [".openedx_ops.json", ".openedx_ops.lock", "config.yml", "env"]
    # The renders of the two runs did not overlap: the lock serialised them.
    spans = sorted((float(start), float(end)) for start, end, _root in lab.log()[1:])
    assert len(spans) == 2 and spans[0][1] <= spans[1][0]
    assert len(os.listdir(lab.backups)) == 2


def test_lock_timeout_names_the_lock(lab):
    lab.converge({})
    lock = os.path.join(lab.project, tp.LOCK_FILE)
    fd = os.open(lock, os.O_RDWR)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        start = time.monotonic()
        with pytest.raises(tp.TutorError) as info:
            lab.converge({"PLATFORM_NAME": "x"}, lock_timeout=0.5)
        assert lock in str(info.value) and time.monotonic() - start >= 0.5
        # check mode only reads: it waits for the writer as well (shared lock)
        with pytest.raises(tp.TutorError):
            lab.converge({"PLATFORM_NAME": "x"}, check_mode=True, lock_timeout=0.2)
    finally:
        os.close(fd)
    assert "PLATFORM_NAME" not in lab.config()


def test_scratch_left_by_a_killed_run_is_removed(lab):
    lab.converge({})
    for name in (".env.new", tp.TMP_PREFIX + "render-abc"):
        os.makedirs(os.path.join(lab.project, name, "x"))
    open(os.path.join(lab.project, tp.TMP_PREFIX + "zz"), "w").close()
    lab.converge({"PLATFORM_NAME": "x"})
    assert sorted(os.listdir(lab.project)) == [".openedx_ops.json", ".openedx_ops.lock", "config.yml", "env"]


def test_backups_unique_within_a_second_and_pruned_by_time(tmp_path):
    project = tmp_path / "campus"
    project.mkdir()
    (project / "config.yml").write_text("A: 1\n")
    backups = str(tmp_path / "backups")
    now = 1700000000.5
    first = tp.backup(str(project), backups, 10, now=now)
    second = tp.backup(str(project), backups, 10, now=now)  # same microsecond: still a new file
    assert first != second and os.path.exists(first) and os.path.exists(second)
    # Name order and time order disagree: "...Z-1.tar.gz" sorts before "...Z.tar.gz".
    os.utime(first, ns=(1, 1_000_000_000))
    os.utime(second, ns=(1, 2_000_000_000))
    assert os.path.basename(second) < os.path.basename(first)
    assert tp.prune_backups(backups, "campus", 1) == [os.path.basename(first)]
    assert os.listdir(backups) == [os.path.basename(second)]
    assert oct(os.stat(second).st_mode & 0o777) == "0o600"


def test_backups_of_ignores_other_projects(tmp_path):
    for name in ("campus-20240101T000000Z.tar.gz", "campus-old-20240101T000000Z.tar.gz", "campus-notes.txt"):
        (tmp_path / name).write_text("")
    assert tp.backups_of(str(tmp_path), "campus") == ["campus-20240101T000000Z.tar.gz"]


def test_backup_holds_the_project_not_the_lock_or_scratch(lab):
    import tarfile
    lab.converge({})
    os.makedirs(os.path.join(lab.project, tp.TMP_PREFIX + "render-x"))
    path = tp.backup(lab.project, lab.backups, 10)
    names = tarfile.open(path).getnames()
    assert "campus/config.yml" in names and "campus/.openedx_ops.json" in names
    assert not any(tp.LOCK_FILE in n or tp.TMP_PREFIX in n for n in names)


# --- issue 14: no render when nothing that feeds it changed ----------------------------------------

def test_noop_rerun_does_not_render(lab):
    first = lab.converge({"LMS_HOST": "learn.campus.test"})
    assert first["changed"] and first["rendered"] and lab.renders() == 1
    again = lab.converge({"LMS_HOST": "learn.campus.test"})
    assert again["changed"] is False and again["rendered"] is False and lab.renders() == 1


@pytest.mark.parametrize("change", ["input", "plugin_file", "release", "environ"])
def test_changed_input_renders_again(lab, monkeypatch, change):
    lab.converge({"LMS_HOST": "learn.campus.test"})
    config = {"LMS_HOST": "learn.campus.test"}
    if change == "input":
        config["LMS_HOST"] = "other.campus.test"
    elif change == "plugin_file":
        with open(os.path.join(lab.plugins, "openedx_ops.py"), "w") as handle:
            handle.write("# lessons v2\n")
    elif change == "release":
        os.rename(os.path.join(os.path.dirname(os.path.dirname(lab.tutor)), "lib", "python3.12", "site-packages",
                               "tutor-22.0.3.dist-info"),
                  os.path.join(os.path.dirname(os.path.dirname(lab.tutor)), "lib", "python3.12", "site-packages",
                               "tutor-22.0.4.dist-info"))
    else:
        monkeypatch.setenv("TUTOR_PLATFORM_NAME", "From the environment")
    result = lab.converge(config, check_mode=True, want_diff=True)
    assert result["rendered"] and lab.renders() == 2
    if change in ("input", "plugin_file"):  # what the fake renders differently: --check --diff says so
        assert result["changed"] and result["diff"]["prepared"]


@pytest.mark.parametrize("edit", ["env_file", "env_added", "env_removed", "config"])
def test_hand_edited_project_is_detected_and_repaired(lab, edit):
    lab.converge({"LMS_HOST": "learn.campus.test"})
    good_config, lms = lab.config(), lab.env("k8s/lms.yml")
    env = os.path.join(lab.project, "env")
    if edit == "env_file":
        with open(os.path.join(env, "k8s", "lms.yml"), "a") as handle:
            handle.write("hand: edit\n")
    elif edit == "env_added":
        open(os.path.join(env, "k8s", "extra.yml"), "w").close()
    elif edit == "env_removed":
        os.remove(os.path.join(env, "k8s", "lms.yml"))
    else:
        with open(os.path.join(lab.project, "config.yml"), "a") as handle:
            handle.write("LMS_HOST_TYPO: 1\n")
    result = lab.converge({"LMS_HOST": "learn.campus.test"})
    assert result["rendered"] and result["changed"] and lab.renders() == 2
    assert lab.env("k8s/lms.yml") == lms and not os.path.exists(os.path.join(env, "k8s", "extra.yml"))
    if edit == "config":  # a hand-added setting is the operator's: kept, and the env rendered with it
        assert lab.config().count("LMS_HOST_TYPO") == 1 and "LMS_HOST_TYPO" in lab.env("apps/settings.yml")
    else:
        assert lab.config() == good_config
    assert not lab.converge({"LMS_HOST": "learn.campus.test"})["rendered"]


def test_check_mode_writes_nothing_and_previews(lab, tmp_path):
    preview = str(tmp_path / "preview")
    result = lab.converge({"LMS_HOST": "learn.campus.test"}, check_mode=True, preview_dir=preview)
    assert result["changed"] and result["created"] and not os.path.exists(lab.project)
    assert result["env_dir"] == preview and os.path.isfile(os.path.join(preview, "k8s", "lms.yml"))
    lab.converge({"LMS_HOST": "learn.campus.test"})
    state = open(os.path.join(lab.project, tp.STATE_FILE)).read()
    result = lab.converge({"LMS_HOST": "x.campus.test"}, check_mode=True, preview_dir=preview)
    assert result["changed"] and "x.campus.test" not in lab.config()
    assert open(os.path.join(lab.project, tp.STATE_FILE)).read() == state
    assert oct(os.stat(os.path.join(lab.project, tp.STATE_FILE)).st_mode & 0o777) == "0o600"
