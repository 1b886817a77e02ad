"""A free TCP port on 127.0.0.1 for a stack (or a second nginx) that a test or bench starts."""
import random
import socket

# The lowest port handed out: below it are the well-known and registered services of the machine.
LOWEST_PORT = 10000


def ephemeral_low():
    """The first port of the kernel's ephemeral range (the local ports of outgoing connections)."""
    try:
        with open("/proc/sys/net/ipv4/ip_local_port_range") as f:
            return int(f.read().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768


def free_port():
    """A TCP port on 127.0.0.1 that nothing uses now.

    Chosen at random below the kernel's ephemeral range: a port the kernel hands out (bind to
    port 0) is also the local port of the next outgoing connections, and on a machine where
    other test runs and benchmarks open thousands of them one of those took the port before
    nginx bound it ("Address already in use") several times an hour. Below the range, only
    another listener can take it."""
    low, high = LOWEST_PORT, max(LOWEST_PORT + 1, min(ephemeral_low(), 65536))
    for _ in range(200):
        port = random.randrange(low, high)
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise OSError("no free TCP port on 127.0.0.1 in %d-%d" % (low, high - 1))
