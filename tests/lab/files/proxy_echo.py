"""A tiny PROXY-protocol-aware echo service for the load-balancer tests.

It stands in for the ingress NodePort on a worker: it reads the PROXY v1 or v2
header HAProxy sends, then answers one line with the client address it carries
and the address of the peer that connected (the load balancer).
"""

import asyncio
import ipaddress
import socket
import struct
import sys

SIGNATURE = b"\r\n\r\n\x00\r\nQUIT\n"


async def read_proxy_header(reader):
    head = await reader.readexactly(12)
    if head == SIGNATURE:
        ver_cmd, family, length = struct.unpack("!BBH", await reader.readexactly(4))
        body = await reader.readexactly(length)
        if ver_cmd & 0x0F == 0x00:  # LOCAL: a health check of the proxy itself
            return "local"
        if family >> 4 == 0x1:
            source = str(ipaddress.IPv4Address(body[0:4]))
            port = struct.unpack("!H", body[8:10])[0]
        elif family >> 4 == 0x2:
            source = str(ipaddress.IPv6Address(body[0:16]))
            port = struct.unpack("!H", body[32:34])[0]
        else:
            return "unknown-family"
        return "%s:%d" % (source, port)
    if head.startswith(b"PROXY "):
        line = head + await reader.readuntil(b"\r\n")
        parts = line.decode().split()
        return "%s:%s" % (parts[2], parts[4]) if len(parts) >= 6 else "unknown"
    return None


async def handle(reader, writer):
    peer = writer.get_extra_info("peername")[0]
    try:
        client = await asyncio.wait_for(read_proxy_header(reader), 5)
        writer.write(("client=%s peer=%s host=%s\n" % (client or "none", peer, socket.gethostname())).encode())
        await writer.drain()
    except (asyncio.IncompleteReadError, asyncio.TimeoutError, ConnectionError):
        pass
    finally:
        writer.close()


async def main(ports):
    servers = [await asyncio.start_server(handle, "0.0.0.0", port) for port in ports]
    await asyncio.gather(*(server.serve_forever() for server in servers))


if __name__ == "__main__":
    asyncio.run(main([int(p) for p in sys.argv[1:]]))
