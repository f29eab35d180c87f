"""A stand-in for ``tutor config save`` with Tutor's semantics (tutor/config.py, commands/config.py):
config.yml keeps the user's settings plus the base ("unique") settings, generated once when missing;
env/ is rendered from the user settings over the defaults. Unit tests install it as <venv>/bin/tutor
next to a fake ``tutor-<version>.dist-info``, so tests run without Tutor in a few milliseconds.

FAKE_TUTOR_SLEEP (seconds between rendered files) widens race windows; FAKE_TUTOR_LOG gets one line
"<start> <end> <root>" per run, to see whether runs overlapped.
"""

import os
import secrets
import sys
import time

import yaml

BASE = {  # generated when missing, like Tutor's base.yml and a plugin's CONFIG_UNIQUE
    "ID": lambda c: secrets.token_hex(12),
    "MYSQL_ROOT_PASSWORD": lambda c: secrets.token_urlsafe(12),
    "OPENEDX_SECRET_KEY": lambda c: secrets.token_urlsafe(24),
    "K8S_HARMONY_SEARCH_CLUSTER_HTTP_AUTH": lambda c: "%s:%s" % (
        c.get("K8S_NAMESPACE", "openedx"), secrets.token_urlsafe(18)),
}
DEFAULTS = {"PLATFORM_NAME": "My Open edX", "LMS_HOST": "www.myopenedx.com", "OPENEDX_OPS_PROBES": True,
            "OPENEDX_OPS_PRESTOP": True}


def main(argv):
    if argv[1:3] != ["config", "save"]:
        sys.exit("fake tutor: only 'config save'")
    start = time.time()
    root = os.environ["TUTOR_ROOT"]
    pause = float(os.environ.get("FAKE_TUTOR_SLEEP", "0"))
    path = os.path.join(root, "config.yml")
    config = {}
    if os.path.exists(path):
        with open(path) as handle:
            config = yaml.safe_load(handle) or {}
    for key, make in BASE.items():
        if key not in config:
            config[key] = make(config)
    with open(path, "w") as handle:
        yaml.safe_dump(config, handle, default_flow_style=False, sort_keys=True)
    full = dict(DEFAULTS, **config)
    files = {
        "apps/settings.yml": yaml.safe_dump(full, sort_keys=True),
        "k8s/lms.yml": "kind: Deployment\nname: lms\n" + ("readinessProbe: /heartbeat\n" if full["OPENEDX_OPS_PROBES"]
                                                          else "") + ("preStop: 15\n" if full["OPENEDX_OPS_PRESTOP"] else ""),
        "k8s/search.yml": "SEARCH_SERVER: https://%s@search:9200\n" % full["K8S_HARMONY_SEARCH_CLUSTER_HTTP_AUTH"],
    }
    for plugin in full.get("PLUGINS") or []:
        files["plugins/%s.txt" % plugin] = plugin + "\n"
    plugins_root = os.environ.get("TUTOR_PLUGINS_ROOT")
    if plugins_root and os.path.isdir(plugins_root):
        for name in sorted(os.listdir(plugins_root)):
            with open(os.path.join(plugins_root, name)) as handle:
                files["plugins/root-%s" % name] = handle.read()
    for rel, text in sorted(files.items()):
        target = os.path.join(root, "env", rel)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w") as handle:
            handle.write(text)
        time.sleep(pause)
    if os.environ.get("FAKE_TUTOR_LOG"):
        with open(os.environ["FAKE_TUTOR_LOG"], "a") as handle:
            handle.write("%f %f %s\n" % (start, time.time(), root))


def install(venv, version="22.0.3"):
    """<venv>/bin/tutor running this file, and <venv>/lib/python3.12/site-packages/tutor-<version>.dist-info."""
    os.makedirs(os.path.join(venv, "bin"), exist_ok=True)
    os.makedirs(os.path.join(venv, "lib", "python3.12", "site-packages", "tutor-%s.dist-info" % version), exist_ok=True)
    tutor = os.path.join(venv, "bin", "tutor")
    with open(tutor, "w") as handle:
        handle.write("#!%s\nimport sys\nsys.path.insert(0, %r)\nimport fake_tutor\nfake_tutor.main(sys.argv)\n"
                     % (sys.executable, os.path.dirname(os.path.abspath(__file__))))
    os.chmod(tutor, 0o755)
    return tutor


if __name__ == "__main__":
    main(sys.argv)
