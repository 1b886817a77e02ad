"""bcrypt hashes made and checked by libxcrypt itself (through ctypes: Python's crypt module is
going away), for tests that plant or inspect password hashes and for bench/'s fill and ceiling.
crypt_r with a buffer per call, so that threads may hash at once (ctypes lets go of the GIL)."""
import ctypes

_libcrypt = ctypes.CDLL("libcrypt.so.1")
_libcrypt.crypt_gensalt.restype = ctypes.c_char_p
_libcrypt.crypt_gensalt.argtypes = [ctypes.c_char_p, ctypes.c_ulong, ctypes.c_char_p, ctypes.c_int]
_libcrypt.crypt_r.restype = ctypes.c_char_p
_libcrypt.crypt_r.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_void_p]
CRYPT_DATA_SIZE = 32768   # sizeof (struct crypt_data) in libxcrypt's crypt.h


def _crypt(password, setting):
    data = ctypes.create_string_buffer(CRYPT_DATA_SIZE)
    out = _libcrypt.crypt_r(password.encode(), setting, data)
    return out.decode() if out is not None else None


def bcrypt(password, cost=4, prefix="$2b$"):
    """A bcrypt hash of password at `cost` with `prefix` ($2b$ is what modforge writes)."""
    setting = _libcrypt.crypt_gensalt(prefix.encode(), cost, None, 0)
    assert setting, "crypt_gensalt(%s) failed" % prefix
    h = _crypt(password, setting)
    assert h and h.startswith(prefix + "%02d$" % cost) and len(h) == 60, h
    return h


def verify_bcrypt(password, stored):
    """True if stored is a bcrypt hash of password (checked by libxcrypt, not by the server)."""
    return _crypt(password, stored.encode()) == stored
