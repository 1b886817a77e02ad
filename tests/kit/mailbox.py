"""The mail a stack's SMTP sink received (tests/kit/mail_sink.py), read from its Maildir: each
message parsed as a mail program would, the links and tokens pulled out of it."""
import email
import email.policy
import os
import re

from tests.kit.waits import wait_until

TOKEN = r"[0-9a-f]{64}"


class Mail:
    """One delivered message: .headers (an email.message.EmailMessage), .to, .subject, .body
    (decoded text), .envelope_to (who the relay delivered it to), .name (its file)."""

    def __init__(self, name, data):
        self.name = name
        self.raw = data
        self.headers = email.message_from_bytes(data, policy=email.policy.default)
        self.to = str(self.headers["To"])
        self.subject = str(self.headers["Subject"])
        self.message_id = str(self.headers["Message-ID"])
        self.envelope_to = str(self.headers["Delivered-To"])
        self.body = self.headers.get_content()

    def link(self, kind):
        """The address of the link with `#<kind>=<token>` in the body (kind: reset, verify)."""
        m = re.search(r"^(\S+/#%s=%s)$" % (kind, TOKEN), self.body, re.M)
        assert m, "no %s link in:\n%s" % (kind, self.body)
        return m.group(1)

    def token(self, kind):
        """The token of that link; the body also has it alone on a line."""
        token = self.link(kind).rsplit("=", 1)[1]
        assert re.search(r"^%s$" % token, self.body, re.M), "the token is not on a line alone"
        return token

    def __repr__(self):
        return "<Mail to %s: %s>" % (self.to, self.subject)


class Mailbox:
    def __init__(self, maildir):
        self.new = os.path.join(maildir, "new")

    def names(self):
        """The delivered files, oldest first (Maildir names start with the delivery time)."""
        try:
            return sorted(os.listdir(self.new))
        except FileNotFoundError:
            return []

    def messages(self, to=None, subject=None):
        """Every message delivered (to `to`, with a subject containing `subject`), oldest first."""
        found = []
        for name in self.names():
            with open(os.path.join(self.new, name), "rb") as f:
                m = Mail(name, f.read())
            if (to is None or m.envelope_to == to.lower()) and \
                    (subject is None or subject in m.subject):
                found.append(m)
        return found

    def wait_for(self, to=None, subject=None, count=1, timeout=15):
        """The messages to `to` (with `subject`) once there are at least `count` of them."""
        found = wait_until(lambda: (lambda ms: ms if len(ms) >= count else None)(
            self.messages(to, subject)), timeout, 0.05)
        assert found, "no %d mail(s) to %s about %r within %ds; the sink has %s" % (
            count, to, subject, timeout, self.messages())
        return found

    def latest(self, to, subject=None, timeout=15):
        """The newest message to `to` (with `subject`), waiting for one to arrive."""
        return self.wait_for(to, subject, 1, timeout)[-1]
