"""playbooks/render.yml: the cluster layer for several inventories, validated, stable, touching no host."""

import glob
import os
import subprocess
import sys

import pytest
import yaml

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.path.dirname(sys.executable)
# The collection's Python, as ansible_collections.openedx_ops.baremetal (tests/unit/conftest.py does the same).
if os.path.join(ROOT, ".collections") not in sys.path:
    sys.path.insert(0, os.path.join(ROOT, ".collections"))

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
    assert "harmony/000-namespace-harmony.yaml" in files
    charts = [f.split("-helmchart-kube-system-")[1][:-5] for f in files if "harmony/" in f and "-helmchart-" in f]
    # the apply order: cert-manager's CRDs, the objects that need them, harmony, the search cluster (only
    # where an instance uses it), then Traefik
    expected = ["harmony-cert-manager", "harmony-objects", "harmony"]
    expected += ["harmony-opensearch"] if name == "everything" else []
    assert charts == expected + ["harmony-traefik"], charts
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
    # Traefik is its own release; harmony's copy is off
    assert values["traefik"] == {"enabled": False}
    traefik = values_of(rendered["lab"]["objects"], "harmony-traefik")
    assert "enabled" not in traefik and traefik["ingressClass"]["isDefaultClass"] is True
    assert traefik["service"]["spec"] == {"type": "NodePort", "externalTrafficPolicy": "Local"}
    assert traefik["ports"]["web"]["nodePort"] == 30080 and traefik["ports"]["websecure"]["nodePort"] == 30443
    for port in ("web", "websecure"):
        assert traefik["ports"][port]["proxyProtocol"]["trustedIPs"] == ["172.30.0.11", "172.30.0.12"]
        assert traefik["ports"][port]["http"]["middlewares"] == ["harmony-retry@kubernetescrd"]
    assert traefik["extraObjects"][0]["spec"]["retry"]["attempts"] == 3
    # harmony's misspelt provider key is not set (no null stands for a removal), the real one is enabled
    assert "kubernetesIngressNginx" not in traefik["providers"]
    assert traefik["providers"]["kubernetesIngressNGINX"]["enabled"] is True


def test_cert_manager_installs_its_crds_and_letsencrypt_email(rendered):
    values = values_of(rendered["lab"]["objects"], "harmony")
    assert values["cert-manager"] == {"enabled": False}
    assert values_of(rendered["lab"]["objects"], "harmony-cert-manager")["crds"] == {"enabled": True, "keep": True}
    assert values["notificationEmail"] == "ops@oxlab.test"
    issuer = values_of(rendered["lab"]["objects"], "harmony-objects")["objects"][0]
    assert issuer["kind"] == "ClusterIssuer" and issuer["spec"]["acme"]["email"] == "ops@oxlab.test"


def test_monitoring_dashboard_and_logs_on_by_default(rendered):
    objs = rendered["lab"]["objects"]
    values = values_of(objs, "harmony")
    assert values["prometheusstack"]["enabled"] is True and values["vector"]["enabled"] is True
    assert values["metricsserver"]["enabled"] is True and values["vpa"]["enabled"] is True
    dashboard = objs["harmony/001-configmap-harmony-openedx-instances-dashboard.yaml"]
    assert dashboard["metadata"]["labels"]["grafana_dashboard"] == "1"
    assert "traefik_service_requests_total" in dashboard["data"]["openedx-instances.json"]
    sink = values["vector"]["customConfig"]["sinks"]["per_instance_files"]
    # escaped for the Vector chart's tpl, which gives Vector {{ openedx_instance }} and {{ kubernetes.pod_node_name }}
    assert sink["path"] == ('/var/log/openedx/{{ "{{" }} openedx_instance }}/%Y-%m-%d/'
                            '{{ "{{" }} kubernetes.pod_node_name }}.log')
    cron = objs["harmony/003-cronjob-harmony-openedx-logs-retention.yaml"]
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
    objs = rendered["everything"]["objects"]
    values = values_of(objs, "harmony")
    # An instance asked for the shared search cluster: OpenSearch is a release of its own, harmony's is off.
    assert values["opensearch"] == {"enabled": False}
    search = values_of(objs, "harmony-opensearch")
    assert search["persistence"] == {"storageClass": "nfs-client", "size": "30Gi"}
    assert search["masterService"] == search["clusterName"] == "harmony-search-cluster"
    assert search["replicas"] == 1 and search["singleNode"] is True
    assert search["securityConfig"] == {"enabled": True, "internalUsersSecret": "opensearch-credentials"}
    assert search["secretMounts"][0]["secretName"] == "search-cluster-certificates"
    config = yaml.safe_load(search["config"]["opensearch.yml"])
    assert config["plugins.security.nodes_dn"] == ["CN=harmony-search-cluster.harmony.svc.cluster.local"]
    # The certificate the nodes and the instances (ca.crt) mount comes from cert-manager, after its CRDs.
    certificates = [o for o in values_of(objs, "harmony-objects")["objects"] if o["kind"] == "Certificate"]
    leaf = [c for c in certificates if c["metadata"]["name"] == "search-cluster-certificates"][0]
    assert leaf["spec"]["secretName"] == "search-cluster-certificates"
    assert leaf["spec"]["commonName"] == "harmony-search-cluster.harmony.svc.cluster.local"
    assert leaf["spec"]["issuerRef"] == {"name": "harmony-search-ca", "kind": "Issuer"}
    # The password is in no rendered file (it goes to the cluster only, in opensearch-credentials).
    for path in glob.glob(os.path.join(rendered["everything"]["dir"], "*", "*.yaml")):
        with open(path) as handle:
            assert "corpus-search-not-a-secret" not in handle.read(), path
    assert values["prometheusstack"]["grafana"]["adminPassword"] == "corpus-not-secret"  # harmony_values merged
    # harmony_values' traefik keys go to Traefik's own release
    assert values["traefik"] == {"enabled": False}
    traefik = values_of(rendered["everything"]["objects"], "harmony-traefik")
    assert traefik["deployment"] == {"kind": "DaemonSet", "minReadySeconds": 10}
    cron = rendered["everything"]["objects"]["harmony/003-cronjob-harmony-openedx-logs-retention.yaml"]
    assert "-mtime +30" in cron["spec"]["jobTemplate"]["spec"]["template"]["spec"]["containers"][0]["command"][2]


def test_unknown_harmony_value_is_refused(tmp_path):
    result = render("inventories/lab", str(tmp_path), "-e", '{"harmony_values": {"traefik": {"portz": {}}}}')
    assert result.returncode == 2
    assert "traefik 40.0.1 and its dependencies have no key portz" in result.stdout
    assert not os.listdir(str(tmp_path)) or not glob.glob(os.path.join(str(tmp_path), "harmony", "*"))


def test_ingress_nginx_opt_in_warns_and_renders(tmp_path):
    result = render("inventories/lab", str(tmp_path), "-e", "harmony_ingress_controller=ingress-nginx")
    assert result.returncode == 0, result.stdout[-3000:]
    assert "retired upstream in March 2026" in result.stdout
    objs = objects(str(tmp_path))
    values = values_of(objs, "harmony")
    assert values["traefik"] == {"enabled": False}
    assert not [o for o in objs.values() if o["metadata"]["name"] == "harmony-traefik"]
    # the issuer's solver names ingress-nginx's class; harmony's own echo.yaml makes the echo check
    issuer, = values_of(objs, "harmony-objects")["objects"]
    assert issuer["spec"]["acme"]["solvers"][0]["http01"]["ingress"] == {"ingressClassName": "nginx"}
    nginx = values["ingress-nginx"]["controller"]
    assert nginx["service"]["nodePorts"] == {"http": 30080, "https": 30443}
    assert nginx["config"]["use-proxy-protocol"] == "true"
    assert nginx["config"]["proxy-real-ip-cidr"] == "172.30.0.11/32,172.30.0.12/32"


# The failure classes of rendering the add-on values through the real charts (issue 12), checked offline.

def _helmcharts(objs):
    return [o for _path, o in sorted(objs.items()) if o["kind"] == "HelmChart" and _path.startswith("harmony/")]


@pytest.mark.parametrize("name", sorted(INVENTORIES))
def test_no_value_a_chart_passes_through_tpl_holds_an_unescaped_template(rendered, name):
    from ansible_collections.openedx_ops.baremetal.plugins.module_utils import chart_keys
    for chart in _helmcharts(rendered[name]["objects"]):
        source = (chart["spec"].get("chart") or "openedx-ops-objects", chart["spec"].get("version") or "1.0.0")
        values = yaml.safe_load(chart["spec"]["valuesContent"]) or {}
        assert chart_keys.unescaped_tpl_values(source[0], source[1], values) == [], chart["metadata"]["name"]
        assert chart_keys.null_subchart_values(source[0], source[1], values) == [], chart["metadata"]["name"]
        assert chart_keys.unknown_value_keys(source[0], source[1], values) == [], chart["metadata"]["name"]


@pytest.mark.parametrize("name", sorted(INVENTORIES))
def test_cluster_domain_is_set_and_a_dns_name(rendered, name):
    import re
    objs = rendered[name]["objects"]
    domain = values_of(objs, "harmony")["clusterDomain"]
    assert re.match(r"^([a-z0-9]([-a-z0-9]*[a-z0-9])?\.)+[a-z]([-a-z0-9]*[a-z0-9])?$", domain), domain
    if name == "lab":
        assert domain == "oxlab.test"
    echo = [o for o in values_of(objs, "harmony-objects")["objects"] if o["kind"] == "Ingress"]
    assert echo[0]["spec"]["rules"][0]["host"] == domain


# Which chart defines the CRDs of an API group, and the objects in each chart's values of those groups.
CRD_SOURCES = {"cert-manager.io": "harmony-cert-manager", "monitoring.coreos.com": "harmony",
               "traefik.io": "harmony-traefik"}


def _custom_objects(chart):
    values = yaml.safe_load(chart["spec"]["valuesContent"]) or {}
    groups = []
    for obj in values.get("objects", []) + values.get("extraObjects", []):
        groups.append(obj["apiVersion"].split("/")[0])
    if (values.get("metrics", {}).get("prometheus", {}).get("serviceMonitor") or {}).get("enabled"):
        groups.append("monitoring.coreos.com")
    return groups


@pytest.mark.parametrize("name", sorted(INVENTORIES))
def test_crd_defined_objects_come_after_the_chart_that_defines_their_crds(rendered, name):
    order = [c["metadata"]["name"] for c in _helmcharts(rendered[name]["objects"])]
    monitoring = values_of(rendered[name]["objects"], "harmony")["prometheusstack"]["enabled"]
    for chart in _helmcharts(rendered[name]["objects"]):
        for group in _custom_objects(chart):
            source = CRD_SOURCES.get(group)
            if group == "monitoring.coreos.com":
                assert monitoring, "%s makes a ServiceMonitor without kube-prometheus-stack" % chart["metadata"]["name"]
            if source and source != chart["metadata"]["name"]:
                assert order.index(source) < order.index(chart["metadata"]["name"]), (group, order)


@pytest.mark.parametrize("name", sorted(INVENTORIES))
def test_the_issuer_solver_names_the_ingress_class_in_use(rendered, name):
    objs = rendered[name]["objects"]
    issuer = [o for o in values_of(objs, "harmony-objects")["objects"] if o["kind"] == "ClusterIssuer"][0]
    assert issuer["metadata"]["name"] == "harmony-letsencrypt-global"
    traefik = values_of(objs, "harmony-traefik")
    assert issuer["spec"]["acme"]["solvers"] == [{"http01": {"ingress": {"ingressClassName": traefik["ingressClass"]["name"]}}}]
    # harmony's own issuer (whose solver names no class) is not rendered: its cert-manager is off
    assert values_of(objs, "harmony")["cert-manager"] == {"enabled": False}


def test_helm_waits_are_no_shorter_than_helms_timeout(rendered):
    for chart in _helmcharts(rendered["lab"]["objects"]):
        assert chart["spec"]["timeout"] == "15m0s" and chart["spec"]["failurePolicy"] == "abort"
    with open(os.path.join(ROOT, "roles", "harmony", "defaults", "main.yml")) as handle:
        defaults = yaml.safe_load(handle)
    assert defaults["harmony_wait_timeout"] >= defaults["harmony_helm_timeout"] == 900


def test_air_gap_charts_come_from_the_controller(tmp_path):
    import base64
    archives = tmp_path / "charts"
    archives.mkdir()
    for name in ("harmony-chart-0.11.0.tgz", "traefik-40.0.1.tgz", "cert-manager-v1.19.3.tgz"):
        (archives / name).write_bytes(b"not really a chart: " + name.encode())
    result = render("inventories/lab", str(tmp_path / "out"), "-e", "harmony_chart_archives_dir=%s" % archives)
    assert result.returncode == 0, result.stdout[-3000:]
    for chart in _helmcharts(objects(str(tmp_path / "out"))):
        assert "repo" not in chart["spec"] and "chart" not in chart["spec"]
        content = base64.b64decode(chart["spec"]["chartContent"])
        assert content.startswith(b"not really a chart") or content[:2] == b"\x1f\x8b", chart["metadata"]["name"]


def test_an_object_the_schema_refuses_stops_the_render(tmp_path):
    """k8s_manifests runs with failed_when: false (its result must not be printed); the next task must still
    stop the run on a validation problem and name the object and field."""
    result = render("inventories/lab", str(tmp_path), "-e", '{"harmony_log_storage_size": {"a": 1}}')
    assert result.returncode == 2
    assert "PersistentVolumeClaim harmony/openedx-logs" in result.stdout
    assert "spec/resources/requests/storage" in result.stdout


def test_traefik_is_scraped_its_logs_kept_and_instances_listed(rendered):
    """Found by rendering through the real charts with Helm 3.18: Prometheus selects ServiceMonitors labelled
    with its release; the dashboard lists instances by a namespace label kube-state-metrics must export;
    harmony's Vector filter keeps only ingress-nginx's records of non-Tutor namespaces."""
    objs = rendered["lab"]["objects"]
    traefik = values_of(objs, "harmony-traefik")
    assert traefik["metrics"]["prometheus"]["serviceMonitor"]["additionalLabels"] == {"release": "harmony"}
    harmony = values_of(objs, "harmony")
    assert harmony["prometheusstack"]["kube-state-metrics"]["metricLabelsAllowlist"] == [
        "namespaces=[app.kubernetes.io/managed-by]"]
    condition = harmony["vector"]["customConfig"]["transforms"]["global_logs"]["condition"]
    assert '"traefik"' in condition and '"ingress-nginx"' in condition
