"""The documentation agrees with the code: docs/inventory.md against the plan's contract and the roles'
argument specs, the README's content table against the files, links, packaging and changelog fragments."""

import copy
import os
import re
from collections import OrderedDict

import pytest
import yaml

from ansible_collections.openedx_ops.baremetal.plugins.module_utils import topology_contract as topology

from .script_loader import load_script

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def _load_generator():
    return load_script("inventory_doc")


GEN = _load_generator()


def _read(*parts):
    with open(os.path.join(ROOT, *parts)) as handle:
        return handle.read()


def _doc():
    return _read("docs", "inventory.md")


def _documented_names(text):
    """The first cell of every table row that is a code span: the names the page documents."""
    return set(re.findall(r"^\| `([^`]+)` \|", text, re.MULTILINE))


def test_inventory_doc_is_what_the_code_makes():
    text = _doc()
    assert GEN.render(text) == text, "docs/inventory.md is out of date: run python scripts/inventory_doc.py"


def test_every_contract_name_is_documented():
    names = _documented_names(_doc())
    expected = set(topology.GROUPS) | set(topology.HOST_VARS) | set(topology.CLUSTER_DEFAULTS) | set(topology.INSTANCE_KEYS)
    expected |= set(topology.SERVICES)
    for role in GEN.ROLES:
        specs, _defaults = GEN.role_spec(role)
        for spec in specs.values():
            expected |= set(spec.get("options") or {})
    assert expected - names == set()


def test_cluster_defaults_in_the_doc_are_the_code_s():
    block = _doc().split("<!-- BEGIN GENERATED: cluster-variables -->")[1].split("<!-- END GENERATED")[0]
    rows = dict(re.findall(r"^\| `([a-z0-9_]+)` \| [^|]+ \| ([^|]+) \|", block, re.MULTILINE))
    assert set(rows) == set(topology.CLUSTER_DEFAULTS)
    for name, default in topology.CLUSTER_DEFAULTS.items():
        if default is not None:
            shown = rows[name].strip()
            assert shown.startswith("`") and shown.endswith("`"), name
            assert yaml.safe_load(shown.strip("`")) == default, name


def test_a_cluster_variable_added_to_the_contract_fails(monkeypatch):
    changed = OrderedDict(topology.CLUSTER_DEFAULTS)
    changed["cluster_new_setting"] = 1
    monkeypatch.setattr(topology, "CLUSTER_DEFAULTS", changed)
    with pytest.raises(GEN.DocError, match="cluster_new_setting"):
        GEN.render(_doc())


def test_a_cluster_variable_removed_from_the_contract_fails(monkeypatch):
    changed = OrderedDict(topology.CLUSTER_DEFAULTS)
    del changed["nfs_storage_class"]
    monkeypatch.setattr(topology, "CLUSTER_DEFAULTS", changed)
    with pytest.raises(GEN.DocError, match="nfs_storage_class"):
        GEN.render(_doc())


def test_a_changed_cluster_default_fails(monkeypatch):
    changed = OrderedDict(topology.CLUSTER_DEFAULTS)
    changed["ingress_http_nodeport"] = 30081
    monkeypatch.setattr(topology, "CLUSTER_DEFAULTS", changed)
    assert GEN.render(_doc()) != _doc()


def test_a_changed_instance_default_fails(monkeypatch):
    autoscaling = copy.deepcopy(topology.DEFAULT_AUTOSCALING)
    autoscaling["lms"]["max_replicas"] = 5
    monkeypatch.setattr(topology, "DEFAULT_AUTOSCALING", autoscaling)
    assert GEN.render(_doc()) != _doc()
    monkeypatch.setattr(topology, "INSTANCE_KEYS", topology.INSTANCE_KEYS + ("replicas",))
    with pytest.raises(GEN.DocError, match="replicas"):
        GEN.render(_doc())


def test_a_changed_role_option_fails(monkeypatch):
    original = GEN.role_spec

    def added(role):
        specs, defaults = original(role)
        specs = copy.deepcopy(specs)
        defaults = dict(defaults)
        if role == "loadbalancer":
            specs["main"]["options"]["loadbalancer_new_option"] = {"type": "int", "default": 1, "description": "New."}
        if role == "rke2":
            defaults["rke2_ready_timeout"] = 900
        return specs, defaults

    monkeypatch.setattr(GEN, "role_spec", added)
    with pytest.raises(GEN.DocError, match="rke2_ready_timeout"):
        # argument_specs and defaults/main.yml now disagree
        GEN.render(_doc())
    monkeypatch.setattr(GEN, "option_default", lambda name, option, defaults: GEN.value_text(defaults.get(name)))
    rendered = GEN.render(_doc())
    assert "`loadbalancer_new_option`" in rendered and "`900`" in rendered


def test_readme_lists_every_module_role_and_playbook():
    readme = _read("README.md")
    modules = [f[:-3] for f in os.listdir(os.path.join(ROOT, "plugins", "modules")) if f.endswith(".py")
               and f != "__init__.py"]
    roles = os.listdir(os.path.join(ROOT, "roles"))
    playbooks = [f for f in os.listdir(os.path.join(ROOT, "playbooks")) if f.endswith(".yml")]
    filters = []
    for name in os.listdir(os.path.join(ROOT, "plugins", "filter")):
        if name.endswith(".py"):
            text = _read("plugins", "filter", name).split("def filters(self):")[-1]
            filters += re.findall(r'"([a-z0-9_]+)": [a-z0-9_]+[,}]', text)
    missing = [m for m in modules + roles + filters if "`%s`" % m not in readme]
    missing += [p for p in playbooks if "`playbooks/%s`" % p not in readme]
    assert missing == []


def test_readme_names_only_playbooks_and_paths_that_exist():
    for name in ("README.md", "docs/inventory.md", "docs/operations.md", "docs/lab.md", "docs/benchmarks.md"):
        text = _read(name)
        for path in re.findall(r"`((?:playbooks|roles|scripts|tests|benchmarks|inventories|docs)/[A-Za-z0-9_./-]+)`",
                               text):
            if "<" in path or "*" in path:
                continue
            assert os.path.exists(os.path.join(ROOT, path.rstrip("/"))), "%s names %s" % (name, path)


def _anchors(text):
    anchors = set()
    for title in re.findall(r"^#+ (.+)$", text, re.MULTILINE):
        slug = re.sub(r"[^\w\- ]", "", title.strip().lower()).replace(" ", "-")
        anchors.add(slug)
    return anchors


def test_links_between_the_pages_resolve():
    pages = ["README.md"] + ["docs/" + f for f in os.listdir(os.path.join(ROOT, "docs")) if f.endswith(".md")]
    for page in pages:
        text = _read(page)
        for target in re.findall(r"\]\(([^)#\s]*)(?:#([^)\s]*))?\)", text):
            link, anchor = target
            if link.startswith(("http://", "https://", "mailto:")):
                continue
            path = os.path.normpath(os.path.join(os.path.dirname(os.path.join(ROOT, page)), link)) if link \
                else os.path.join(ROOT, page)
            assert path.startswith(ROOT + os.sep), "%s links outside the repository: %s" % (page, link)
            assert os.path.exists(path), "%s links to %s" % (page, link)
            if anchor and path.endswith(".md"):
                with open(path) as handle:
                    assert anchor in _anchors(handle.read()), "%s links to %s#%s" % (page, link, anchor)


def test_docs_ship_and_logs_do_not():
    galaxy = yaml.safe_load(_read("galaxy.yml"))
    ignored = galaxy.get("build_ignore") or []
    assert "*.log" in ignored
    assert not [p for p in ignored if p.strip("/").split("/")[0] in ("docs", "docs*", "*.md")]
    assert "*.log" in _read(".gitignore").split()


def test_requires_ansible_holds_the_tested_ansible_core():
    from ansible.module_utils.compat.version import LooseVersion
    from ansible.release import __version__
    requires = yaml.safe_load(_read("meta", "runtime.yml"))["requires_ansible"]
    match = re.match(r"^>=(\d+\.\d+\.\d+)$", requires)
    assert match, requires
    assert LooseVersion(__version__) >= LooseVersion(match.group(1))
    # The pinned ansible-core is the one every test runs with: the lower bound is its minor release.
    pinned = re.search(r"^ansible-core==(\d+\.\d+)\.\d+$", _read("constraints.txt"), re.MULTILINE).group(1)
    assert match.group(1) == pinned + ".0"


def test_changelog_fragments_are_well_formed():
    config = yaml.safe_load(_read("changelogs", "config.yaml"))
    sections = set(s[0] for s in config["sections"]) | {config["prelude_section_name"], config["trivial_section_name"]}
    folder = os.path.join(ROOT, "changelogs", "fragments")
    for name in sorted(os.listdir(folder)):
        text = _read("changelogs", "fragments", name)
        for number, line in enumerate(text.splitlines(), 1):
            assert len(line) <= 110, "%s:%d is longer than 110 characters" % (name, number)
        data = yaml.safe_load(text)
        assert isinstance(data, dict) and set(data) <= sections, name
        for section, entries in data.items():
            if section != config["prelude_section_name"]:
                assert isinstance(entries, list) and all(isinstance(e, str) and e for e in entries), name


def test_every_plugin_documentation_is_yaml():
    """ansible-doc reads DOCUMENTATION, EXAMPLES and RETURN of every module and filter as YAML (a plain scalar
    with ': ' in it is not): each must load."""
    import glob
    root = os.path.join(os.path.dirname(__file__), "..", "..", "plugins")
    for path in glob.glob(os.path.join(root, "*", "*.py")) + glob.glob(os.path.join(root, "filter", "*.yml")):
        with open(path) as handle:
            source = handle.read()
        if path.endswith(".yml"):
            assert isinstance(yaml.safe_load(source), dict), path
            continue
        for key in ("DOCUMENTATION", "EXAMPLES", "RETURN"):
            marker = '%s = r"""' % key
            if marker in source:
                yaml.safe_load(source.split(marker)[1].split('"""')[0])


def test_ansible_doc_finds_each_filters_own_documentation():
    """ansible-doc takes a filter's documentation from its Python file when that file has DOCUMENTATION, for every
    filter the file holds, and only otherwise from the sidecar <filter>.yml: a file with several filters keeps its
    documentation in sidecars, so `ansible-doc -t filter` shows each filter its own."""
    import glob
    import importlib
    for path in sorted(glob.glob(os.path.join(ROOT, "plugins", "filter", "*.py"))):
        module = importlib.import_module("ansible_collections.openedx_ops.baremetal.plugins.filter."
                                         + os.path.basename(path)[:-3])
        for name in module.FilterModule().filters():
            if getattr(module, "DOCUMENTATION", None):
                doc = yaml.safe_load(module.DOCUMENTATION)
            else:
                with open(os.path.join(ROOT, "plugins", "filter", name + ".yml")) as handle:
                    doc = yaml.safe_load(handle)["DOCUMENTATION"]
            assert doc["name"] == name, "ansible-doc -t filter %s shows the documentation of %s" % (name, doc["name"])
