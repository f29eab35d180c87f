"""A tiny PROXY-protocol-aware echo service for the load-balancer tests.

It stands in for the ingress NodePort on a worker: it reads the PROXY v1 or v2
header HAProxy sends, then answers one line with the client address it carries
and the address of the peer that connected (the load balancer). A plain HTTP
request (lb_ingress_mode terminate_tls: HAProxy ends TLS and sends HTTP) gets an
HTTP answer whose body is the X-Forwarded-For header it came with and the peer.
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
    return head


async def answer_http(reader, writer, start, peer):
    """The rest of the request head after its first bytes ``start``: answer its X-Forwarded-For."""
    head = start + await reader.readuntil(b"\r\n\r\n")
    forwarded = [line.split(b":", 1)[1].strip().decode() for line in head.split(b"\r\n")[1:]
                 if line.lower().startswith(b"x-forwarded-for:")]
    body = ("xff=%s peer=%s host=%s\n" % (", ".join(forwarded), peer, socket.gethostname())).encode()
    writer.write(b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n" % len(body) + body)
    await writer.drain()


async def handle(reader, writer):
    peer = writer.get_extra_info("peername")[0]
    try:
        client = await asyncio.wait_for(read_proxy_header(reader), 5)
        if isinstance(client, bytes):
            await asyncio.wait_for(answer_http(reader, writer, client, peer), 5)
            return
        writer.write(("client=%s peer=%s host=%s\n" % (client or "none", peer, socket.gethostname())).encode())
        await writer.drain()
    except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, asyncio.TimeoutError, ConnectionError):
        pass
    finally:
        writer.close()


async def main(ports):
    servers = [await asyncio.start_server(handle, "0.0.0.0", port) for port in ports]
    await asyncio.gather(*(server.serve_forever() for server in servers))


if __name__ == "__main__":
    asyncio.run(main([int(p) for p in sys.argv[1:]]))
