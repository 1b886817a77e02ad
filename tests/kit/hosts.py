"""Where a stack's processes run: on this machine as it is (LocalHost), or inside a network
namespace that stands in for another host (NamespaceHost). Each turns a command and the user it
should run as into the argv and Popen keywords that start it there, keeping the pid of the
program itself (`ip netns exec` and `setpriv` exec, they do not fork), so it is stopped by pid."""
import ctypes
import os
import pwd

# setns(2)'s flag for a network namespace.
CLONE_NEWNET = 0x40000000


class LocalHost:
    """This machine: a child runs as `user` through Popen's own user and group switch (when we
    are root; otherwise as us)."""

    name = "local"

    def command(self, argv, user=None):
        """(argv, Popen keyword arguments) that run argv as user (None: as we are)."""
        if user is None or os.geteuid() != 0:
            return list(argv), {}
        pw = pwd.getpwnam(user)
        return list(argv), {"user": pw.pw_uid, "group": pw.pw_gid, "extra_groups": []}


class NamespaceHost:
    """A network namespace made by the caller (`ip netns add NAME`): a child enters it through
    `ip netns exec`, then drops to user through setpriv. Needs root."""

    def __init__(self, namespace, address):
        self.name = namespace
        self.address = address       # the host's address on the test network

    def command(self, argv, user=None):
        prefix = ["ip", "netns", "exec", self.name]
        if user is not None:
            prefix += ["setpriv", "--reuid", user, "--regid", user, "--clear-groups", "--"]
        return prefix + list(argv), {}


def enter_namespace(namespace):
    """Moves the calling thread (and the threads and children it makes from now on) into the
    network namespace `namespace`: its sockets then live on that namespace's network."""
    libc = ctypes.CDLL(None, use_errno=True)
    fd = os.open("/run/netns/" + namespace, os.O_RDONLY | os.O_CLOEXEC)
    try:
        if libc.setns(fd, CLONE_NEWNET) != 0:
            err = ctypes.get_errno()
            raise OSError(err, "setns into %s: %s" % (namespace, os.strerror(err)))
    finally:
        os.close(fd)
