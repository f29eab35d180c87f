import pytest

from ansible_collections.openedx_ops.baremetal.plugins.module_utils.quantities import (
    QuantityError, cpu_millicores, format_cpu, format_memory, memory_bytes)


@pytest.mark.parametrize("value,expected", [("200m", 200), ("1", 1000), (1, 1000), (0.5, 500), ("2.5", 2500)])
def test_cpu(value, expected):
    assert cpu_millicores(value) == expected


@pytest.mark.parametrize("value", ["1Gi", "lots", "-1", True, "0", "1.5m.5"])
def test_cpu_rejects(value):
    with pytest.raises(QuantityError):
        cpu_millicores(value)


@pytest.mark.parametrize("value,expected", [("1Gi", 2 ** 30), ("512Mi", 512 * 2 ** 20), ("1G", 10 ** 9),
                                            ("24Gi", 24 * 2 ** 30), (2 ** 30, 2 ** 30), ("1.5Gi", 3 * 2 ** 29)])
def test_memory(value, expected):
    assert memory_bytes(value) == expected


@pytest.mark.parametrize("value,fragment", [("24", "did you mean '24Gi'"), ("100m", "millibytes"),
                                            ("1GB", "not a Kubernetes quantity")])
def test_memory_rejects(value, fragment):
    with pytest.raises(QuantityError) as info:
        memory_bytes(value)
    assert fragment in str(info.value)


def test_format():
    assert format_cpu(200) == "200m" and format_cpu(1000) == "1" and format_cpu(14500) == "14.5"
    assert format_memory(2 ** 30) == "1Gi" and format_memory(512 * 2 ** 20) == "512Mi"
