"""filter dpkg_missing: only packages dpkg lists as installed (ii) count; the wanted order is kept."""

from ansible_collections.openedx_ops.baremetal.plugins.filter.dpkg_missing import dpkg_missing

QUERY = [
    "ii  haproxy",
    "rc  keepalived",          # removed, configuration kept
    "iU  nfs-ganesha",         # unpacked, not configured
    "ii  libc6:amd64",
    "un  nfs-ganesha-vfs",
    "hi  chrony",              # held: installed
]


def test_only_installed_packages_are_not_missing():
    assert dpkg_missing(QUERY, ["keepalived", "haproxy", "libc6", "nfs-ganesha", "nfs-ganesha-vfs", "chrony", "ufw"]) == [
        "keepalived", "nfs-ganesha", "nfs-ganesha-vfs", "ufw"]


def test_nothing_missing_and_no_output():
    assert dpkg_missing(QUERY, ["haproxy", "libc6"]) == []
    assert dpkg_missing([], ["haproxy"]) == ["haproxy"]
    assert dpkg_missing(None, []) == []
