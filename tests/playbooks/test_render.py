"""playbooks/render.yml: the cluster layer for several inventories, validated, stable, touching no host."""

import glob
import os
import subprocess
import sys

import pytest
import yaml

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.path.dirname(sys.executable)

INVENTORIES = {
    "lab": "inventories/lab",
    "minimal": "tests/inventories/good/minimal.yml",
    "everything": "tests/inventories/good/everything.yml",
}


VENVS = os.path.join(ROOT, ".lab", "tutor", "venvs")  # a cache shared with the lab runs


def render(inventory, render_dir, *extra):
    env = dict(os.environ, ANSIBLE_CONFIG=os.path.join(ROOT, "ansible.cfg"), ANSIBLE_NOCOLOR="1")
    return subprocess.run([os.path.join(BIN, "ansible-playbook"), "playbooks/render.yml", "-i", inventory,
                           "-e", "render_dir=%s" % render_dir, "-e", "openedx_instance_home=%s-home" % render_dir,
                           "-e", "openedx_instance_venvs_dir=%s" % VENVS] + list(extra),
                          cwd=ROOT, env=env, capture_output=True, text=True, check=False)


def recap(output):
    lines = [l for l in output.split("PLAY RECAP")[-1].splitlines() if " : ok=" in l]
    return dict((l.split()[0], int(l.split("changed=")[1].split()[0])) for l in lines)


def objects(render_dir):
    found = {}
    for path in sorted(glob.glob(os.path.join(render_dir, "*", "*.yaml"))):
        with open(path) as handle:
            found[os.path.relpath(path, render_dir)] = yaml.safe_load(handle)
    return found


def values_of(objs, name):
    chart = [o for o in objs.values() if o["kind"] == "HelmChart" and o["metadata"]["name"] == name][0]
    return yaml.safe_load(chart["spec"]["valuesContent"])


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    result = {}
    for name, inventory in INVENTORIES.items():
        render_dir = str(tmp_path_factory.mktemp(name))
        first = render(inventory, render_dir)
        assert first.returncode == 0, first.stdout[-3000:] + first.stderr[-2000:]
        before = dict((p, open(p).read()) for p in glob.glob(os.path.join(render_dir, "*", "*.yaml")))
        second = render(inventory, render_dir)
        after = dict((p, open(p).read()) for p in glob.glob(os.path.join(render_dir, "*", "*.yaml")))
        result[name] = {"dir": render_dir, "first": first, "second": second, "same": before == after,
                        "objects": objects(render_dir)}
    return result


@pytest.mark.parametrize("name", sorted(INVENTORIES))
def test_only_the_controller_is_touched_and_second_render_changes_nothing(rendered, name):
    r = rendered[name]
    # localhost, and one controller-local in-memory host per Open edX instance
    hosts = list(recap(r["first"].stdout))
    assert "localhost" in hosts and all(h == "localhost" or h.startswith("openedx-instance-") for h in hosts)
    assert len(hosts) > 1
    assert set(recap(r["second"].stdout).values()) == {0}
    assert r["same"]


@pytest.mark.parametrize("name", sorted(INVENTORIES))
def test_layers_and_files(rendered, name):
    files = sorted(rendered[name]["objects"])
    assert glob.glob(os.path.join(rendered[name]["dir"], "instances", "*", "*-namespace-*.yaml"))
    assert "nfs-provisioner/000-helmchart-kube-system-nfs-provisioner.yaml" in files
    assert "harmony/000-namespace-harmony.yaml" in files and "harmony/001-helmchart-kube-system-harmony.yaml" in files
    for path in glob.glob(os.path.join(rendered[name]["dir"], "*", "*.yaml")):
        assert oct(os.stat(path).st_mode & 0o777) == "0o600"


def test_default_storage_class_and_nfs_server(rendered):
    values = values_of(rendered["lab"]["objects"], "nfs-provisioner")
    assert values["storageClass"]["defaultClass"] is True and values["storageClass"]["name"] == "nfs-client"
    assert values["nfs"] == {"server": "172.30.0.51", "path": "/srv/nfs/k8s",
                             "mountOptions": ["nfsvers=4.1", "hard", "timeo=600", "retrans=3"]}
    assert values["storageClass"]["archiveOnDelete"] is True


def test_traefik_is_the_only_ingress_with_proxy_protocol_from_the_lbs(rendered):
    values = values_of(rendered["lab"]["objects"], "harmony")
    assert values["ingress-nginx"] == {"enabled": False}
    traefik = values["traefik"]
    assert traefik["enabled"] is True and traefik["ingressClass"]["isDefaultClass"] is True
    assert traefik["service"]["spec"] == {"type": "NodePort", "externalTrafficPolicy": "Local"}
    assert traefik["ports"]["web"]["nodePort"] == 30080 and traefik["ports"]["websecure"]["nodePort"] == 30443
    for port in ("web", "websecure"):
        assert traefik["ports"][port]["proxyProtocol"]["trustedIPs"] == ["172.30.0.11", "172.30.0.12"]
        assert traefik["ports"][port]["http"]["middlewares"] == ["harmony-retry@kubernetescrd"]
    assert traefik["extraObjects"][0]["spec"]["retry"]["attempts"] == 3
    # harmony's misspelt provider key is removed, the real one enabled
    assert traefik["providers"]["kubernetesIngressNginx"] is None
    assert traefik["providers"]["kubernetesIngressNGINX"]["enabled"] is True


def test_cert_manager_installs_its_crds_and_letsencrypt_email(rendered):
    values = values_of(rendered["lab"]["objects"], "harmony")
    assert values["cert-manager"]["crds"] == {"enabled": True, "keep": True}
    assert values["notificationEmail"] == "ops@oxlab.test"


def test_monitoring_dashboard_and_logs_on_by_default(rendered):
    objs = rendered["lab"]["objects"]
    values = values_of(objs, "harmony")
    assert values["prometheusstack"]["enabled"] is True and values["vector"]["enabled"] is True
    assert values["metricsserver"]["enabled"] is True and values["vpa"]["enabled"] is True
    dashboard = objs["harmony/002-configmap-harmony-openedx-instances-dashboard.yaml"]
    assert dashboard["metadata"]["labels"]["grafana_dashboard"] == "1"
    assert "traefik_service_requests_total" in dashboard["data"]["openedx-instances.json"]
    sink = values["vector"]["customConfig"]["sinks"]["per_instance_files"]
    assert sink["path"] == "/var/log/openedx/{{ openedx_instance }}/%Y-%m-%d/{{ kubernetes.pod_node_name }}.log"
    cron = objs["harmony/004-cronjob-harmony-openedx-logs-retention.yaml"]
    assert "-mtime +14" in cron["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"][0]["command"][2]
    assert values["prometheusstack"]["prometheus"]["prometheusSpec"]["storageSpec"]["volumeClaimTemplate"]["spec"][
        "storageClassName"] == "nfs-client"


def test_switches_off(rendered):
    objs = rendered["minimal"]["objects"]
    values = values_of(objs, "harmony")
    assert values["prometheusstack"]["enabled"] is False and values["vector"]["enabled"] is False
    assert values["vpa"]["enabled"] is False
    assert not any("dashboard" in f or "openedx-logs" in f for f in objs)


def test_everything_on(rendered):
    values = values_of(rendered["everything"]["objects"], "harmony")
    assert values["opensearch"]["enabled"] is True  # an instance asked for the shared search cluster
    assert values["opensearch"]["persistence"]["storageClass"] == "nfs-client"
    assert values["prometheusstack"]["grafana"]["adminPassword"] == "corpus-not-secret"  # harmony_values merged
    assert values["traefik"]["deployment"] == {"kind": "DaemonSet", "minReadySeconds": 10}
    cron = rendered["everything"]["objects"]["harmony/004-cronjob-harmony-openedx-logs-retention.yaml"]
    assert "-mtime +30" in cron["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"][0]["command"][2]


def test_unknown_harmony_value_is_refused(tmp_path):
    result = render("inventories/lab", str(tmp_path), "-e", '{"harmony_values": {"traefik": {"portz": {}}}}')
    assert result.returncode == 2
    assert "have no key traefik.portz" in result.stdout
    assert not os.listdir(str(tmp_path)) or not glob.glob(os.path.join(str(tmp_path), "harmony", "*"))


def test_ingress_nginx_opt_in_warns_and_renders(tmp_path):
    result = render("inventories/lab", str(tmp_path), "-e", "harmony_ingress_controller=ingress-nginx")
    assert result.returncode == 0, result.stdout[-3000:]
    assert "retired upstream in March 2026" in result.stdout
    values = values_of(objects(str(tmp_path)), "harmony")
    assert values["traefik"] == {"enabled": False}
    nginx = values["ingress-nginx"]["controller"]
    assert nginx["service"]["nodePorts"] == {"http": 30080, "https": 30443}
    assert nginx["config"]["use-proxy-protocol"] == "true"
    assert nginx["config"]["proxy-real-ip-cidr"] == "172.30.0.11/32,172.30.0.12/32"
