"""The test network: a "switch" namespace holding a bridge, and one namespace per host with a veth
into it and an address on 10.77.0.0/24. Only namespaces named with this run's prefix are made,
changed and deleted; the root namespace's links, routes and firewall are never touched (every
veth is created inside the switch namespace, its peer moved straight into the host's), and no
traffic leaves the namespaces. A host is partitioned by taking its switch port down."""
import subprocess

from tests.kit.hosts import NamespaceHost

SUBNET_PREFIX = "10.77.0."
PREFIX_LENGTH = 24
SWITCH = "sw"
BRIDGE = "br0"


class TopologyError(RuntimeError):
    """An ip(8) command failed; the message carries its stderr."""


def ip(*args, check=True):
    """Runs ip(8) with args; its stdout. check=False: failures are ignored (cleanup)."""
    r = subprocess.run(["ip"] + list(args), stdin=subprocess.DEVNULL, capture_output=True,
                       text=True, timeout=30)
    if check and r.returncode != 0:
        raise TopologyError("ip %s: %s" % (" ".join(args), r.stderr.strip()))
    return r.stdout


def namespaces():
    """The names of every network namespace on the machine (ip netns list)."""
    return [line.split()[0] for line in ip("netns", "list", check=False).splitlines() if line]


class Network:
    """The namespaces of one run, all named `<prefix>-<name>`. add_host() makes a host;
    partition() and heal() take its link down and up; destroy() deletes every namespace whose
    name starts with the prefix (and so every veth and the bridge in them)."""

    def __init__(self, prefix, on_change=None):
        self.prefix = prefix
        self.hosts = {}                 # name -> NamespaceHost
        self._on_change = on_change     # called with the list of namespaces after each change
        self._switch = None

    def namespace(self, name):
        return "%s-%s" % (self.prefix, name)

    def _add_namespace(self, name):
        ns = self.namespace(name)
        ip("netns", "add", ns)
        if self._on_change:
            self._on_change(self.namespace_names())
        ip("-n", ns, "link", "set", "lo", "up")
        return ns

    def create_switch(self):
        self._switch = self._add_namespace(SWITCH)
        ip("-n", self._switch, "link", "add", BRIDGE, "type", "bridge")
        ip("-n", self._switch, "link", "set", BRIDGE, "up")

    def port(self, name):
        """The switch-side end of a host's veth (at most 15 characters, as links must be)."""
        return ("p-" + name)[:15]

    def add_host(self, name, host_number):
        """A namespace for host `name` with address 10.77.0.<host_number> on eth0; its host."""
        ns = self._add_namespace(name)
        address = SUBNET_PREFIX + str(host_number)
        port = self.port(name)
        ip("-n", self._switch, "link", "add", port, "type", "veth", "peer", "name", "eth0",
           "netns", ns)
        ip("-n", self._switch, "link", "set", port, "master", BRIDGE, "up")
        ip("-n", ns, "addr", "add", "%s/%d" % (address, PREFIX_LENGTH), "dev", "eth0")
        ip("-n", ns, "link", "set", "eth0", "up")
        host = NamespaceHost(ns, address)
        self.hosts[name] = host
        return host

    def partition(self, name):
        """Cuts host `name` off the network (its switch port down: no carrier on its eth0)."""
        ip("-n", self._switch, "link", "set", self.port(name), "down")

    def heal(self, name):
        ip("-n", self._switch, "link", "set", self.port(name), "up")

    def namespace_names(self):
        return [ns for ns in namespaces() if ns.startswith(self.prefix + "-")]

    def destroy(self):
        """Deletes this run's namespaces (hosts first, the switch last). Never raises."""
        names = self.namespace_names()
        switch = self.namespace(SWITCH)
        for ns in sorted(names, key=lambda n: n == switch):
            ip("netns", "del", ns, check=False)
        self.hosts = {}
        if self._on_change:
            self._on_change(self.namespace_names())
        return names
