"""Open edX instances through real Tutor releases, offline: rendered, validated, lessons applied,
secrets stable, check mode honest. Uses the lab inventory (two instances on Tutor 22 and 18)."""

import copy
import glob
import json
import os
import re
import subprocess
import sys

import pytest
import yaml

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.path.dirname(sys.executable)
# Virtualenvs are a cache shared with the lab runs; projects and renders are the test's own.
VENVS = os.path.join(ROOT, ".lab", "tutor", "venvs")


def run(tmp, *extra):
    env = dict(os.environ, ANSIBLE_CONFIG=os.path.join(ROOT, "ansible.cfg"), ANSIBLE_NOCOLOR="1")
    args = [os.path.join(BIN, "ansible-playbook"), "playbooks/render.yml", "-i", "inventories/lab",
            "-e", "render_dir=%s/render" % tmp, "-e", "openedx_instance_home=%s/home" % tmp,
            "-e", "openedx_instance_venvs_dir=%s" % VENVS] + list(extra)
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    return result


def changed(result):
    recap = result.stdout.split("PLAY RECAP")[-1]
    return dict((m.group(1), int(m.group(2))) for m in re.finditer(r"^(\S+)\s+: ok=\d+\s+changed=(\d+)", recap, re.M))


def rendered(tmp, instance):
    objs = {}
    for path in sorted(glob.glob(os.path.join(tmp, "render", "instances", instance, "*.yaml"))):
        obj = yaml.safe_load(open(path))
        objs[(obj["kind"], obj["metadata"]["name"])] = obj
    return objs


def container(objs, name):
    return objs[("Deployment", name)]["spec"]["template"]["spec"]


def config_of(tmp, instance):
    return open(os.path.join(tmp, "home", "projects", instance, "config.yml")).read()


def lab_instances():
    return yaml.safe_load(open(os.path.join(ROOT, "inventories", "lab", "group_vars", "all", "cluster.yml")))[
        "openedx_instances"]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    tmp = str(tmp_path_factory.mktemp("instances"))
    first = run(tmp)
    configs = dict((name, config_of(tmp, name)) for name in ("campus", "legacy"))
    second = run(tmp)
    return {"tmp": tmp, "first": first, "second": second, "configs": configs}


def test_every_instance_rendered_and_validated(lab):
    for name, count in (("campus", 30), ("legacy", 25)):
        objs = rendered(lab["tmp"], name)
        assert len(objs) >= count
        assert ("Namespace", name) in objs
        assert "%s: %d objects validated" % (name, len(objs)) in lab["first"].stdout


def test_namespaces_state_their_pod_security_level(lab):
    # baseline enforced (restricted, rke2_cis_profile's default, rejects Tutor's pods), restricted audited
    for name in ("campus", "legacy"):
        labels = rendered(lab["tmp"], name)[("Namespace", name)]["metadata"]["labels"]
        assert labels["pod-security.kubernetes.io/enforce"] == "baseline"
        assert labels["pod-security.kubernetes.io/enforce-version"] == "latest"
        assert labels["pod-security.kubernetes.io/audit"] == "restricted"
        assert labels["app.kubernetes.io/component"] == "namespace"  # Tutor's own label kept


def test_second_run_changes_nothing_and_keeps_secrets(lab):
    assert changed(lab["second"]) == {"localhost": 0, "openedx-instance-campus": 0, "openedx-instance-legacy": 0}
    # The stamp k8s_manifests wrote beside the objects in the first run tells the second they are current: no
    # kustomize build, no validation.
    for name in ("campus", "legacy"):
        assert os.path.getsize(os.path.join(lab["tmp"], "render", "instances", name, ".openedx_ops-source")) > 0
        assert "%s: Tutor project unchanged, objects in" % name in lab["second"].stdout
    assert "Build the objects with kustomize, validate and write them" in lab["first"].stdout
    assert "Build the objects with kustomize, validate and write them" not in lab["second"].stdout
    for name, text in lab["configs"].items():
        assert config_of(lab["tmp"], name) == text
        assert re.search(r"^MYSQL_ROOT_PASSWORD: \S{8,}", text, re.M)  # generated once, kept
    assert oct(os.stat(os.path.join(lab["tmp"], "home", "projects", "campus", "config.yml")).st_mode & 0o777) == "0o600"


def test_no_secret_is_printed(lab):
    for name, text in lab["configs"].items():
        for key in ("MYSQL_ROOT_PASSWORD", "OPENEDX_SECRET_KEY"):
            value = yaml.safe_load(text)[key]
            assert value not in lab["first"].stdout and value not in lab["second"].stdout


def test_lesson_probes_on_web_pods(lab):
    for name, host in (("campus", "learn.campus.oxlab.test"), ("legacy", "courses.legacy.oxlab.test")):
        lms = container(rendered(lab["tmp"], name), "lms")["containers"][0]
        for probe in ("readinessProbe", "startupProbe"):
            assert lms[probe]["httpGet"]["path"] == "/heartbeat"
            assert lms[probe]["httpGet"]["httpHeaders"] == [{"name": "Host", "value": host}]


def test_lesson_graceful_termination_of_web_pods(lab):
    spec = container(rendered(lab["tmp"], "campus"), "cms")
    assert spec["terminationGracePeriodSeconds"] == 60
    command = spec["containers"][0]["lifecycle"]["preStop"]["exec"]["command"]
    # the 15 s delay, then up to 60 - 15 - 5 s while a uWSGI worker is busy (test_uwsgi_graceful_stop runs it)
    assert command[:2] == ["sh", "-c"] and command[2].startswith("sleep 15; end=$(( $(date +%s) + 40 ));")


def test_lesson_celery_workers_finish_their_tasks(lab):
    for worker in ("lms-worker", "cms-worker"):
        assert container(rendered(lab["tmp"], "campus"), worker)["terminationGracePeriodSeconds"] == 600


def _millicores(value):
    text = str(value)
    return int(text[:-1]) if text.endswith("m") else round(float(text) * 1000)


def test_lesson_resources_from_inventory(lab):
    # Both the lessons plugin and pod-autoscaling write resources (the latter as numbers of cores).
    legacy = container(rendered(lab["tmp"], "legacy"), "lms")["containers"][0]["resources"]
    assert _millicores(legacy["requests"]["cpu"]) == 300 and legacy["requests"]["memory"] == "1Gi"
    assert _millicores(legacy["limits"]["cpu"]) == 1000 and legacy["limits"]["memory"] == "2Gi"
    campus = container(rendered(lab["tmp"], "campus"), "lms-worker")["containers"][0]["resources"]
    assert campus["requests"]["memory"] == "1Gi" and str(campus["limits"]["cpu"]) == "1"


def test_lesson_autoscaling_from_inventory(lab):
    hpa = rendered(lab["tmp"], "campus")[("HorizontalPodAutoscaler", "lms")]
    # the inventory says min 1; the plan has room, so the web minimum is 2
    assert hpa["spec"]["minReplicas"] == 2 and hpa["spec"]["maxReplicas"] == 4
    assert hpa["spec"]["metrics"][0]["resource"]["target"]["averageUtilization"] == 75


def test_lesson_uwsgi_workers_conn_max_age_client_ip(lab):
    objs = rendered(lab["tmp"], "campus")
    text = json.dumps([o for k, o in objs.items() if k[0] == "ConfigMap"])
    for web in ("lms", "cms"):
        env = dict((e["name"], e.get("value")) for e in container(objs, web)["containers"][0].get("env", []))
        assert env["UWSGI_WORKERS"] == "4"
    assert 'CONN_MAX_AGE\\"] = 60' in text
    # the lab's load balancers send PROXY headers: the client is second from the right
    assert 'CLOSEST_CLIENT_IP_FROM_HEADERS = [{\\"name\\": \\"X-Forwarded-For\\", \\"index\\": -2}]' in text


def test_the_client_address_hop_follows_the_load_balancers_mode(tmp_path):
    """lb_ingress_mode terminate_tls: HAProxy and Traefik each append a hop before Caddy's, so Open edX takes
    the third address from the right (the arithmetic: tests/unit test_tutor_settings; HAProxy's hop on the lab:
    tests/lab/test_lb_nfs.py)."""
    run(str(tmp_path), "-e", "lb_ingress_mode=terminate_tls")
    for name in ("campus", "legacy"):
        text = json.dumps([o for k, o in rendered(str(tmp_path), name).items() if k[0] == "ConfigMap"])
        assert 'CLOSEST_CLIENT_IP_FROM_HEADERS = [{\\"name\\": \\"X-Forwarded-For\\", \\"index\\": -3}]' in text


def test_shared_ingress_and_no_tutor_proxy(lab):
    campus = rendered(lab["tmp"], "campus")
    ingress = campus[("Ingress", "lms")]
    assert ingress["spec"]["ingressClassName"] == "traefik"
    assert ingress["metadata"]["annotations"]["cert-manager.io/cluster-issuer"] == "harmony-letsencrypt-global"
    assert ingress["spec"]["rules"][0]["host"] == "learn.campus.oxlab.test"
    assert campus[("Service", "caddy")]["spec"]["type"] != "LoadBalancer"
    legacy = rendered(lab["tmp"], "legacy")  # Tutor 18: the harmony plugin's Ingress objects
    assert any(k[0] == "Ingress" and "courses-legacy-oxlab-test" in k[1] for k in legacy)


def test_check_mode_reports_what_the_real_run_does(lab, tmp_path):
    instances = copy.deepcopy(lab_instances())
    instances[0].setdefault("config", {})["PLATFORM_NAME"] = "Campus renamed"
    extra = tmp_path / "extra.json"
    extra.write_text(json.dumps({"openedx_instances": instances}))
    before = config_of(lab["tmp"], "campus")
    check = run(lab["tmp"], "-e", "@%s" % extra, "--check")
    assert changed(check)["openedx-instance-campus"] >= 1 and changed(check)["openedx-instance-legacy"] == 0
    assert config_of(lab["tmp"], "campus") == before  # check mode wrote nothing
    real = run(lab["tmp"], "-e", "@%s" % extra)
    assert changed(real)["openedx-instance-campus"] == changed(check)["openedx-instance-campus"]
    after = yaml.safe_load(config_of(lab["tmp"], "campus"))
    assert after["PLATFORM_NAME"] == "Campus renamed"
    old = yaml.safe_load(before)
    assert all(after[k] == v for k, v in old.items() if "PASSWORD" in k or "SECRET" in k)
    backups = glob.glob(os.path.join(lab["tmp"], "home", "backups", "campus", "campus-*.tar.gz"))
    assert len(backups) == 1 and oct(os.stat(backups[0]).st_mode & 0o777) == "0o600"


def test_lessons_can_be_switched_off(tmp_path):
    instances = copy.deepcopy(lab_instances())[:1]
    instances[0]["lessons"] = {"probes": False, "graceful_termination": False, "resources": False}
    extra = tmp_path / "extra.json"
    extra.write_text(json.dumps({"openedx_instances": instances}))
    run(str(tmp_path), "-e", "@%s" % extra)
    objs = rendered(str(tmp_path), "campus")
    lms = container(objs, "lms")
    assert "readinessProbe" not in lms["containers"][0] and "lifecycle" not in lms["containers"][0]
    # resources off: neither the lessons plugin nor pod-autoscaling writes resources (Tutor's own memory request
    # of lms and cms stays), no autoscaler scales on CPU requests that are gone, and the Deployments keep their
    # minimum replicas (the plan has room: 2 web).
    for name in ("lms", "cms", "lms-worker", "cms-worker", "caddy"):
        resources = container(objs, name)["containers"][0].get("resources", {})
        assert "limits" not in resources and "cpu" not in resources.get("requests", {}), (name, resources)
    assert not [k for k in objs if k[0] == "HorizontalPodAutoscaler"]
    assert objs[("Deployment", "lms")]["spec"]["replicas"] == 2
    assert objs[("Deployment", "lms-worker")]["spec"]["replicas"] == 1


def test_lesson_switched_off_and_on_renders_as_never_switched(tmp_path):
    """Issue 18 item 6: switching a lesson back on, or removing a setting, reported changed=0 and stuck."""
    plain = copy.deepcopy(lab_instances())[:1]
    toggled = copy.deepcopy(plain)
    toggled[0]["lessons"] = {"probes": False}
    toggled[0].setdefault("config", {})["PLATFORM_NAME"] = "Campus for a while"
    files = {}
    for name, instances in (("plain", plain), ("toggled", toggled)):
        files[name] = tmp_path / ("%s.json" % name)
        files[name].write_text(json.dumps({"openedx_instances": instances}))
    tmp = str(tmp_path)
    run(tmp, "-e", "@%s" % files["plain"])
    never_config, never_objs = config_of(tmp, "campus"), rendered(tmp, "campus")
    run(tmp, "-e", "@%s" % files["toggled"])
    assert "readinessProbe" not in container(rendered(tmp, "campus"), "lms")["containers"][0]
    assert "PLATFORM_NAME: Campus for a while" in config_of(tmp, "campus")
    back = run(tmp, "-e", "@%s" % files["plain"], "--diff")
    assert changed(back)["openedx-instance-campus"] >= 1
    assert config_of(tmp, "campus") == never_config
    assert rendered(tmp, "campus") == never_objs


def test_diff_shows_settings_never_credentials(tmp_path):
    """Issue 18 item 8: K8S_HARMONY_SEARCH_CLUSTER_HTTP_AUTH (Tutor 18's harmony plugin) appeared in --diff."""
    instances = copy.deepcopy(lab_instances())
    tmp = str(tmp_path)
    run(tmp)
    legacy = yaml.safe_load(config_of(tmp, "legacy"))
    assert legacy["K8S_HARMONY_SEARCH_CLUSTER_HTTP_AUTH"].startswith("legacy:")
    for item in instances:
        item.setdefault("config", {})["PLATFORM_NAME"] = "Renamed %s" % item["name"]
    extra = tmp_path / "extra.json"
    extra.write_text(json.dumps({"openedx_instances": instances}))
    # -vvv prints the whole result, with the full (masked) config.yml of both sides of the diff.
    result = run(tmp, "-e", "@%s" % extra, "--check", "--diff", "-vvv")
    assert "+PLATFORM_NAME: Renamed legacy" in result.stdout and "+PLATFORM_NAME: Renamed campus" in result.stdout
    for name in ("campus", "legacy"):
        config = yaml.safe_load(config_of(tmp, name))
        for key, value in config.items():
            if isinstance(value, str) and len(value) >= 8 and re.search(r"PASSWORD|SECRET|_AUTH|TOKEN|PRIVATE|_KEY", key):
                assert value not in result.stdout, key
                assert value.split(":")[-1] not in result.stdout, key
    assert "K8S_HARMONY_SEARCH_CLUSTER_HTTP_AUTH: '********'" in result.stdout


def test_declared_secrets_arrive_verbatim_and_are_never_printed(tmp_path):
    """Issue 11: a declared secret reached config.yml as VALUE_SPECIFIED_IN_NO_LOG_PARAMETER, and a
    secret that is part of a host name masked the host everywhere."""
    secret = "Zq9-never-printed-7731"
    part_of_a_host = "campus.oxlab"  # a substring of learn.campus.oxlab.test
    instances = [i for i in lab_instances() if i["name"] == "campus"]
    instances[0]["secrets"] = {"MYSQL_ROOT_PASSWORD": secret, "OPENEDX_MYSQL_PASSWORD": part_of_a_host}
    extra = tmp_path / "secrets.yml"
    extra.write_text(yaml.safe_dump({"openedx_instances": instances}))
    result = run(str(tmp_path), "-e", "@%s" % extra, "-vvv")
    config = yaml.safe_load(config_of(str(tmp_path), "campus"))
    assert config["MYSQL_ROOT_PASSWORD"] == secret
    assert config["OPENEDX_MYSQL_PASSWORD"] == part_of_a_host
    assert config["LMS_HOST"] == "learn.campus.oxlab.test"
    assert secret not in result.stdout and secret not in result.stderr
    objs = rendered(str(tmp_path), "campus")
    hosts = [rule["host"] for key, obj in objs.items() if key[0] == "Ingress" for rule in obj["spec"]["rules"]]
    assert "learn.campus.oxlab.test" in hosts and not any("*" in h for h in hosts)
    # The secret reached the objects Tutor renders for the pods (the MySQL Deployment's environment).
    assert any(secret in json.dumps(obj) for obj in objs.values())


# Issue 18: instances a learner can use, on both Tutor releases (22.0.3 without harmony, 18.2.2 with it).
INSTANCES = (("campus", "learn.campus.oxlab.test"), ("legacy", "courses.legacy.oxlab.test"))


def of_kind(objs, kind):
    return dict((key[1], obj) for key, obj in objs.items() if key[0] == kind)


def caddy_sites(objs):
    """The site addresses of the instance's rendered Caddyfile (Tutor's and its plugins' patches)."""
    [caddy] = [o for k, o in of_kind(objs, "ConfigMap").items() if k.startswith("caddy-config")]
    hosts = set()
    for line in caddy["data"]["Caddyfile"].splitlines():
        if line.endswith("{") and line[:1] not in ("", " ", "\t", "{", "(", "#"):
            for address in line[:-1].split(","):
                hosts.add(address.strip().replace("{$default_site_port}", ""))
    return hosts


def ingress_hosts(objs):
    rules, tls = {}, set()
    for name, obj in of_kind(objs, "Ingress").items():
        for rule in obj["spec"]["rules"]:
            rules[rule["host"]] = obj
        for entry in obj["spec"].get("tls") or []:
            tls.update(entry["hosts"])
    return rules, tls


def test_every_ingress_has_the_cluster_ingress_class(lab):
    for name in (i[0] for i in INSTANCES):
        ingresses = of_kind(rendered(lab["tmp"], name), "Ingress")
        assert ingresses
        assert dict((k, o["spec"]["ingressClassName"]) for k, o in ingresses.items()) == dict(
            (k, "traefik") for k in ingresses)


def test_every_host_caddy_serves_is_routed_with_tls(lab):
    for name, lms in INSTANCES:
        objs = rendered(lab["tmp"], name)
        sites = caddy_sites(objs)
        rules, tls = ingress_hosts(objs)
        assert lms in sites and "apps." + lms in sites
        assert sites - set(rules) == set(), "hosts Caddy serves that no Ingress routes"
        assert sites - tls == set(), "hosts without TLS"
        for host in sites:
            backend = rules[host]["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"]
            assert backend["name"] == "caddy" and backend["port"]["number"] == 80
    # Tutor 22 serves Meilisearch to browsers; Tutor 18 its LMS preview
    assert "meilisearch.learn.campus.oxlab.test" in caddy_sites(rendered(lab["tmp"], "campus"))
    assert "preview.courses.legacy.oxlab.test" in caddy_sites(rendered(lab["tmp"], "legacy"))


def test_mfes_are_part_of_every_instance(lab):
    for name, lms in INSTANCES:
        objs = rendered(lab["tmp"], name)
        assert ("Deployment", "mfe") in objs and ("Service", "mfe") in objs
        assert "apps." + lms in ingress_hosts(objs)[0]
        lms_settings = json.dumps([o for k, o in of_kind(objs, "ConfigMap").items() if k.startswith("openedx-settings")])
        assert "https://apps.%s/learning" % lms in lms_settings or "http://apps.%s/learning" % lms in lms_settings


def test_search_points_at_a_deployed_service(lab):
    for name in (i[0] for i in INSTANCES):
        objs = rendered(lab["tmp"], name)
        services = set(of_kind(objs, "Service"))
        text = "\n".join(c["data"].get("production.py", "") for k, c in of_kind(objs, "ConfigMap").items()
                         if k.startswith("openedx-settings-lms"))
        urls = re.findall(r'^MEILISEARCH_URL = "https?://([^:/"]+)', text, re.M)
        es_hosts = re.findall(r'"host": "([^"]+)"', text)
        assert urls or es_hosts, "no search configured"
        for host in urls + es_hosts:
            assert host in services, "search points at %s, which is not deployed with the instance" % host
            assert ("Deployment", host) in objs
    assert "harmony-search-cluster" not in json.dumps(list(rendered(lab["tmp"], "legacy").values()))


def test_disruption_budgets_for_web_workers_caddy_and_mfe(lab):
    for name in (i[0] for i in INSTANCES):
        objs = rendered(lab["tmp"], name)
        budgets = of_kind(objs, "PodDisruptionBudget")
        assert set(budgets) == {"caddy", "lms", "cms", "lms-worker", "cms-worker", "mfe"}
        for target, budget in budgets.items():
            assert budget["spec"]["maxUnavailable"] == 1
            labels = objs[("Deployment", target)]["spec"]["template"]["metadata"]["labels"]
            assert all(labels.get(k) == v for k, v in budget["spec"]["selector"]["matchLabels"].items())


def test_web_replicas_and_caddy_resources(lab):
    # The lab's plan fits every instance at max_replicas: 2 pods of each web Deployment.
    for name in (i[0] for i in INSTANCES):
        objs = rendered(lab["tmp"], name)
        for web in ("caddy", "mfe"):
            assert objs[("Deployment", web)]["spec"]["replicas"] == 2
        caddy = container(objs, "caddy")["containers"][0]["resources"]
        assert caddy["requests"] == {"cpu": "50m", "memory": "64Mi"} and caddy["limits"]["memory"] == "256Mi"
        for web in ("lms", "cms"):
            [hpa] = [o for k, o in of_kind(objs, "HorizontalPodAutoscaler").items()
                     if o["spec"]["scaleTargetRef"]["name"] == web]
            assert hpa["spec"]["minReplicas"] >= 2


def test_celery_concurrency_from_the_worker_limit(lab):
    for name in (i[0] for i in INSTANCES):
        for worker in ("lms-worker", "cms-worker"):
            args = container(rendered(lab["tmp"], name), worker)["containers"][0]["args"]
            # Tutor's own command, kept, plus the concurrency: 2Gi limit / 400Mi per process, one for the parent
            assert args[:3] == ["celery", "--app=%s.celery" % worker.split("-", maxsplit=1)[0], "worker"]
            assert args[-1] == "--concurrency=4"


def test_network_policy_denies_all_but_own_pods_and_the_ingress(lab):
    for name in (i[0] for i in INSTANCES):
        policies = of_kind(rendered(lab["tmp"], name), "NetworkPolicy")
        deny = policies["openedx-ops-default-deny"]["spec"]
        assert deny["policyTypes"] == ["Ingress"] and not deny.get("ingress")
        own = policies["openedx-ops-same-namespace"]["spec"]["ingress"][0]["from"][0]
        assert list(own) == ["podSelector"]
        front = policies["openedx-ops-ingress-to-caddy"]["spec"]
        assert front["podSelector"]["matchLabels"]["app.kubernetes.io/name"] == "caddy"
        assert front["ingress"][0]["from"] == [
            {"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "harmony"}}}]
