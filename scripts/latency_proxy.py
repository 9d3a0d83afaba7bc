"""A TCP proxy that delays every chunk by a fixed time each way: a local database made to answer
like a hosted one (``benchmark_engines.py --latency-ms``). Standard library only.

``with delayed_proxy("127.0.0.1", 5432, one_way_ms=10) as port:`` forwards 127.0.0.1:port to the
server, so a query's round trip takes at least 2 × 10 ms more, as to a database in another region.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from contextlib import contextmanager


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, delay_s: float) -> None:
    """Copy ``reader`` to ``writer``, each chunk delivered ``delay_s`` after it arrived (chunks keep
    their order and do not wait for each other: a delay line, not a slower link)."""
    queue: asyncio.Queue[tuple[float, bytes]] = asyncio.Queue()
    loop = asyncio.get_running_loop()

    async def deliver() -> None:
        while True:
            due, data = await queue.get()
            if not data:
                break
            await asyncio.sleep(max(0.0, due - loop.time()))
            writer.write(data)
            await writer.drain()

    sender = asyncio.create_task(deliver())
    try:
        while data := await reader.read(65536):
            queue.put_nowait((loop.time() + delay_s, data))
        queue.put_nowait((0.0, b""))
        await sender
    finally:
        sender.cancel()
        writer.close()


@contextmanager
def delayed_proxy(host: str, port: int, one_way_ms: float) -> Iterator[int]:
    """A proxy to ``host:port`` on a free local port (yielded), running in a thread until exit."""
    loop = asyncio.new_event_loop()
    started = threading.Event()
    bound: list[int] = []

    async def handle(client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter) -> None:
        server_reader, server_writer = await asyncio.open_connection(host, port)
        delay = one_way_ms / 1000
        await asyncio.gather(_pipe(client_reader, server_writer, delay), _pipe(server_reader, client_writer, delay),
                             return_exceptions=True)

    async def serve() -> asyncio.base_events.Server:
        server = await asyncio.start_server(handle, "127.0.0.1", 0)
        bound.append(server.sockets[0].getsockname()[1])
        started.set()
        return server

    def run() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(serve())
        loop.run_forever()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    started.wait(10)
    async def shutdown() -> None:
        tasks = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    try:
        yield bound[0]
    finally:
        asyncio.run_coroutine_threadsafe(shutdown(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)
        loop.close()
