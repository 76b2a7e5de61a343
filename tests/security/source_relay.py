#!/usr/bin/python3
"""A loopback TCP relay that gives each connection another source address (127.0.0.2 ...
127.0.0.254), for the scanners of scripts/test-security.

Why: the server counts failed logins per client address (30 in 15 minutes, then 429), and will
rate-limit public routes per address. A scanner sends thousands of requests from one address, so
after a few dozen of them every payload would meet the throttle's 429 instead of the code under
test, and "no injection found" would mean nothing. Spreading the connections over 253 loopback
addresses keeps each address under its limit (sqlmap opens a connection per request), so the
payloads reach the handlers. The throttle itself is tested elsewhere (app and integration tests).

Prints {"status":"listening","port":N} on stdout once ready, then relays until killed.
Usage: source_relay.py --target-port PORT [--port 0]
"""

import argparse
import asyncio
import itertools
import json
import sys

SOURCES = itertools.cycle(f"127.0.0.{n}" for n in range(2, 255))


async def pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        try:
            writer.close()
        except RuntimeError:
            pass


async def relay(target_port: int, client_r, client_w) -> None:
    try:
        up_r, up_w = await asyncio.open_connection(
            "127.0.0.1", target_port, local_addr=(next(SOURCES), 0))
    except OSError:
        client_w.close()
        return
    await asyncio.gather(pipe(client_r, up_w), pipe(up_r, client_w))


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--target-port", type=int, required=True)
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    server = await asyncio.start_server(
        lambda r, w: relay(args.target_port, r, w), "127.0.0.1", args.port)
    port = server.sockets[0].getsockname()[1]
    print(json.dumps({"status": "listening", "port": port}), flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
