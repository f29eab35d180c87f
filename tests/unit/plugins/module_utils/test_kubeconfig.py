"""RKE2's kubeconfig rewritten for the controller: every name and the server, consistently."""

import pytest
import yaml

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.kubeconfig import (
    KubeconfigError, rewrite_kubeconfig)

# The shape RKE2 writes to /etc/rancher/rke2/rke2.yaml.
RKE2_YAML = """
apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: Q0E=
    server: https://127.0.0.1:6443
  name: default
contexts:
- context:
    cluster: default
    user: default
  name: default
current-context: default
kind: Config
preferences: {}
users:
- name: default
  user:
    client-certificate-data: Q0VSVA==
    client-key-data: S0VZ
"""


def test_every_name_and_the_server_are_rewritten():
    original = yaml.safe_load(RKE2_YAML)
    result = rewrite_kubeconfig(original, "oxlab", "https://k8s.oxlab.test:6443")
    assert result["current-context"] == "oxlab"
    assert result["clusters"][0] == {"name": "oxlab", "cluster": {
        "certificate-authority-data": "Q0E=", "server": "https://k8s.oxlab.test:6443"}}
    assert result["contexts"][0] == {"name": "oxlab", "context": {"cluster": "oxlab", "user": "oxlab"}}
    assert result["users"][0]["name"] == "oxlab"
    assert result["users"][0]["user"]["client-key-data"] == "S0VZ"
    assert original["current-context"] == "default", "the input is not modified"
    assert "default" not in yaml.safe_dump(result)


def test_the_result_loads_with_the_kubernetes_client(tmp_path):
    kubernetes = pytest.importorskip("kubernetes")
    path = tmp_path / "k.yaml"
    path.write_text(yaml.safe_dump(rewrite_kubeconfig(yaml.safe_load(RKE2_YAML), "oxlab",
                                                      "https://k8s.oxlab.test:6443")))
    loader = kubernetes.config.kube_config.KubeConfigLoader(
        config_dict=yaml.safe_load(path.read_text()))
    assert loader.current_context["name"] == "oxlab"
    configuration = kubernetes.client.Configuration()
    loader.load_and_set(configuration)
    assert configuration.host == "https://k8s.oxlab.test:6443"


@pytest.mark.parametrize("broken", [
    {"clusters": [], "contexts": [], "users": []},
    {"clusters": [{"name": "a", "cluster": {}}, {"name": "b", "cluster": {}}],
     "contexts": [{"name": "a", "context": {}}], "users": [{"name": "a"}]},
    "not a mapping",
])
def test_anything_but_rke2s_shape_is_refused(broken):
    with pytest.raises(KubeconfigError):
        rewrite_kubeconfig(broken, "oxlab", "https://x:6443")
