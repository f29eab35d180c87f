# Test harness of the lab: the certificates of the lab's Kubernetes control plane.
# Nothing here is part of the collection. RKE2 makes its own PKI on a real cluster;
# the lab's upstream etcd and kube-* processes need one made for them.
#
#   python tests/controlplane/pki.py <out-dir> <api-san> [<api-san> ...]
#
# Writes, once (an existing file is kept, so reruns change nothing):
#   ca.{crt,key}          cluster CA: API serving certificate and client certificates
#   etcd-ca.{crt,key}     etcd CA: etcd server, peer and client certificates
#   sa.{key,pub}          service-account signing key pair
#   apiserver.{crt,key}   kube-apiserver serving certificate, SANs from the arguments
#   etcd-<host>.{crt,key} etcd server+peer certificate of each etcd host (LAB_ETCD_HOSTS)
#   apiserver-etcd-client.{crt,key}
#   admin, controller-manager, scheduler, helm-controller, kubelet-<node>.{crt,key}: clients
from __future__ import annotations

import datetime
import ipaddress
import os
import sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

VALID_DAYS = 3650


def _write(path, data, mode):
    with open(path + ".tmp", "wb") as handle:
        handle.write(data)
    os.chmod(path + ".tmp", mode)
    os.replace(path + ".tmp", path)


def _key_pem(key):
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def _load(out, name):
    with open(os.path.join(out, name + ".crt"), "rb") as handle:
        cert = x509.load_pem_x509_certificate(handle.read())
    with open(os.path.join(out, name + ".key"), "rb") as handle:
        key = serialization.load_pem_private_key(handle.read(), None)
    return cert, key


def _name(common_name, organisation=None):
    parts = [x509.NameAttribute(NameOID.COMMON_NAME, common_name)]
    if organisation:
        parts.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation))
    return x509.Name(parts)


def _sans(values):
    names = []
    for value in values:
        try:
            names.append(x509.IPAddress(ipaddress.ip_address(value)))
        except ValueError:
            names.append(x509.DNSName(value))
    return names


def ensure_ca(out, name, common_name):
    if os.path.exists(os.path.join(out, name + ".crt")):
        return _load(out, name)
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(_name(common_name)).issuer_name(_name(common_name))
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(days=VALID_DAYS))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(True, False, False, False, False, True, True, False, False), critical=True)
            .sign(key, hashes.SHA256()))
    _write(os.path.join(out, name + ".key"), _key_pem(key), 0o600)
    _write(os.path.join(out, name + ".crt"), cert.public_bytes(serialization.Encoding.PEM), 0o644)
    return cert, key


def ensure_leaf(out, name, ca, common_name, organisation=None, sans=(), server=False, client=False):
    if os.path.exists(os.path.join(out, name + ".crt")):
        return
    ca_cert, ca_key = ca
    key = ec.generate_private_key(ec.SECP256R1())
    now = datetime.datetime.now(datetime.timezone.utc)
    usages = []
    if server:
        usages.append(ExtendedKeyUsageOID.SERVER_AUTH)
    if client:
        usages.append(ExtendedKeyUsageOID.CLIENT_AUTH)
    builder = (x509.CertificateBuilder().subject_name(_name(common_name, organisation))
               .issuer_name(ca_cert.subject).public_key(key.public_key())
               .serial_number(x509.random_serial_number())
               .not_valid_before(now - datetime.timedelta(minutes=5))
               .not_valid_after(now + datetime.timedelta(days=VALID_DAYS))
               .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
               .add_extension(x509.ExtendedKeyUsage(usages), critical=False))
    if sans:
        builder = builder.add_extension(x509.SubjectAlternativeName(_sans(sans)), critical=False)
    cert = builder.sign(ca_key, hashes.SHA256())
    _write(os.path.join(out, name + ".key"), _key_pem(key), 0o600)
    _write(os.path.join(out, name + ".crt"), cert.public_bytes(serialization.Encoding.PEM), 0o644)


def ensure_service_account_key(out):
    if os.path.exists(os.path.join(out, "sa.key")):
        return
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    _write(os.path.join(out, "sa.key"), _key_pem(key), 0o600)
    _write(os.path.join(out, "sa.pub"), key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo), 0o644)


def main(argv):
    if len(argv) < 3:
        sys.stderr.write("usage: pki.py <out-dir> <api-san> [<api-san> ...]\n")
        return 2
    out, api_sans = argv[1], argv[2:]
    os.makedirs(out, mode=0o700, exist_ok=True)
    ca = ensure_ca(out, "ca", "oxlab-kubernetes-ca")
    etcd_ca = ensure_ca(out, "etcd-ca", "oxlab-etcd-ca")
    ensure_service_account_key(out)
    ensure_leaf(out, "apiserver", ca, "kube-apiserver", server=True,
                sans=list(api_sans) + ["127.0.0.1", "localhost", "kubernetes", "kubernetes.default",
                                       "kubernetes.default.svc", "kubernetes.default.svc.cluster.local",
                                       "10.43.0.1"])
    for pair in os.environ.get("LAB_ETCD_HOSTS", "").split():
        host, address = pair.split("=", 1)
        ensure_leaf(out, "etcd-" + host, etcd_ca, host, server=True, client=True,
                    sans=[host, address, "127.0.0.1", "localhost"])
    ensure_leaf(out, "apiserver-etcd-client", etcd_ca, "kube-apiserver-etcd-client", client=True)
    ensure_leaf(out, "admin", ca, "lab-admin", "system:masters", client=True)
    ensure_leaf(out, "controller-manager", ca, "system:kube-controller-manager", client=True)
    ensure_leaf(out, "scheduler", ca, "system:kube-scheduler", client=True)
    # helm-controller and the simulated kubelets act cluster-wide in the lab.
    ensure_leaf(out, "helm-controller", ca, "lab-helm-controller", "system:masters", client=True)
    ensure_leaf(out, "kubelet", ca, "lab-kwok", "system:masters", client=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
