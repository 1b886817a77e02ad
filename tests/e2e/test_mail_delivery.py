"""e2e: the mail outbox delivered by the workers to an SMTP relay (the stack's sink): the
message's headers as they arrive, and what happens when the relay refuses, drops the connection,
cannot be reached, or the worker dies after the relay took a message. Every message arrives, once
(a relay that stored it without saying so, or a worker killed before recording it, gets a second
copy with the same Message-ID: receivers drop it); one that cannot be delivered for
mail.give_up_after ends failed."""
import email.utils
import os
import re
import signal
import subprocess
import time

from tests.e2e.api_test_case import ApiTestCase
from tests.kit.api import count_mail, forgot, new_user, next_mail
from tests.kit.ports import free_port
from tests.kit.suite_stack import MAIL_LEASE_SECONDS, psql, stack
from tests.kit.waits import wait_until

RESET = "Reset your modforge password"


def quiet():
    """Waits until the outbox has nothing queued or being sent (earlier tests' mail)."""
    assert wait_until(lambda: psql("SELECT count(*) FROM mail_outbox WHERE state IN "
                                   "('queued', 'sending')") == "0", 30), \
        psql("SELECT id, state, attempts, last_error FROM mail_outbox WHERE state <> 'sent'")


def row(message_id):
    """(state, attempts, body length, last_error) of the outbox row of this Message-ID."""
    state, attempts, body, error = psql(
        "SELECT state, attempts, length(body), coalesce(last_error, '') FROM mail_outbox "
        "WHERE message_id = '%s'" % message_id).split("|", 3)
    return state, int(attempts), int(body), error


def row_of(user_id):
    """(message_id, state, attempts, last_error) of the user's newest outbox row."""
    out = psql("SELECT message_id, state, attempts, coalesce(last_error, '') FROM mail_outbox "
               "WHERE user_id = %d ORDER BY id DESC LIMIT 1" % user_id)
    mid, state, attempts, error = out.split("|", 3)
    return mid, state, int(attempts), error


def reset_mails(u, count, before=0):
    return stack().mailbox.wait_for(u.email, RESET, before + count, 30)[before:]


class HeadersTest(ApiTestCase):

    def test_a_delivered_mail_as_it_arrives(self):
        u = new_user()
        self.assertEqual(forgot(u.email).status, 202)
        m = next_mail(u.email, RESET)
        h = m.headers
        self.assertLess(abs(email.utils.parsedate_to_datetime(h["Date"]).timestamp() - time.time()),
                        120)
        self.assertRegex(m.message_id, r"^<[0-9a-f]{32}@modforge\.test>$")
        # The sender's name is not ASCII: RFC 2047 on the wire, decoded here.
        self.assertEqual(str(h["From"]), "modforge \u2692 tests <modforge@modforge.test>")
        self.assertIn(b"From: =?UTF-8?B?", m.raw)
        self.assertEqual(str(h["To"]), u.email)
        self.assertEqual(str(h["Subject"]), RESET)
        self.assertEqual(str(h["MIME-Version"]), "1.0")
        self.assertEqual(h.get_content_type(), "text/plain")
        self.assertEqual(h.get_content_charset(), "utf-8")
        self.assertEqual(str(h["Content-Transfer-Encoding"]), "7bit")
        self.assertEqual(str(h["Auto-Submitted"]), "auto-generated")
        # The envelope: from the configured sender, to the account's address.
        self.assertEqual(str(h["Return-Path"]), "<modforge@modforge.test>")
        self.assertEqual(m.envelope_to, u.email)
        # The outbox row: sent once, its text (and the token in it) erased.
        self.assertEqual(row(m.message_id), ("sent", 1, 0, ""))


class RelayFailureTest(ApiTestCase):

    def delivered_after(self, plan):
        """Sends a reset mail through a relay that does `plan` first; the copies that arrive and
        the outbox row."""
        quiet()
        u = new_user()
        next_mail(u.email, "Confirm")            # the registration's mail goes first
        stack().relay_plan(plan)
        self.assertEqual(forgot(u.email).status, 202)
        copies = reset_mails(u, 1)
        self.assertEqual(stack().relay_plan_left(), [])
        mid = copies[0].message_id
        self.assertTrue(wait_until(lambda: row(mid)[0] == "sent", 10), row(mid))
        return u, stack().mailbox.messages(u.email, RESET), row(mid)

    def test_a_refusing_relay_gets_the_message_once_later(self):
        u, copies, (state, attempts, body, error) = self.delivered_after(["451", "554"])
        self.assertEqual(len(copies), 1)
        self.assertEqual((state, attempts, body), ("sent", 3, 0))
        self.assertIn("554", error)

    def test_a_dropped_connection_is_tried_again(self):
        u, copies, (state, attempts, _, error) = self.delivered_after(["drop"])
        self.assertEqual(len(copies), 1)
        self.assertEqual((state, attempts), ("sent", 2))
        self.assertTrue(error, "the failed attempt is recorded")

    def test_a_relay_that_stored_it_without_saying_so_gets_a_second_copy(self):
        # At least once: the sender cannot know, so it sends again, with the same Message-ID.
        u, copies, (state, attempts, _, _) = self.delivered_after(["store-then-drop"])
        self.assertEqual(len(copies), 2)
        self.assertEqual(copies[0].message_id, copies[1].message_id)
        self.assertEqual(copies[0].body, copies[1].body)
        self.assertEqual((state, attempts), ("sent", 2))


class WorkerFailureTest(ApiTestCase):
    """Each test runs its own workers (roles named worker-...) in place of the stack's, and
    gives the stack its own back."""

    def setUp(self):
        quiet()
        stack().workers_stop()

    def tearDown(self):
        for role in stack().worker_roles():
            stack().stop_role(role)
        stack().workers_start()

    def test_a_worker_killed_after_the_relay_took_it(self):
        u = new_user()
        first = stack().spawn_worker("worker-mailer-1")
        next_mail(u.email, "Confirm")
        stack().relay_plan(["store-then-kill:%d" % first.pid])
        self.assertEqual(forgot(u.email).status, 202)
        copy = reset_mails(u, 1)[0]
        self.assertTrue(wait_until(lambda: first.poll() is not None, 10), "the worker lives")
        self.assertEqual(first.returncode, -signal.SIGKILL)
        self.assertEqual(row(copy.message_id)[:2], ("sending", 1))

        # Another worker takes it only once the dead one's lease has run out, and sends it
        # again, with the same Message-ID.
        stack().spawn_worker("worker-mailer-2")
        copies = reset_mails(u, 2)
        self.assertEqual(copies[0].message_id, copies[1].message_id)
        stored = [float(c.name.split(".P")[0]) for c in copies]
        self.assertGreaterEqual(stored[1] - stored[0], MAIL_LEASE_SECONDS - 1, stored)
        self.assertTrue(wait_until(lambda: row(copy.message_id)[0] == "sent", 10))
        self.assertEqual(row(copy.message_id)[:2], ("sent", 2))

    def test_an_unreachable_relay_only_delays_the_mail(self):
        closed = "smtp://127.0.0.1:%d" % free_port()
        stack().spawn_worker("worker-no-relay", {"MODFORGE_MAIL_RELAY": closed})
        u = new_user()
        self.assertTrue(wait_until(lambda: row_of(u.id)[2] >= 2, 15), row_of(u.id))
        mid, state, attempts, error = row_of(u.id)
        self.assertIn(state, ("queued", "sending"))
        self.assertRegex(error, r"(?i)connect")
        self.assertEqual(count_mail(u.email), 0)

        # Once a worker reaches the relay, the mail goes, once.
        stack().stop_role("worker-no-relay")
        stack().spawn_worker("worker-relay-back")
        mails = stack().mailbox.wait_for(u.email, "Confirm", 1, 15)
        self.assertEqual(len(mails), 1)
        self.assertEqual(mails[0].message_id, mid)
        self.assertTrue(wait_until(lambda: row_of(u.id)[1] == "sent", 10))

    def test_a_message_never_delivered_ends_failed(self):
        closed = "smtp://127.0.0.1:%d" % free_port()
        stack().spawn_worker("worker-give-up", {"MODFORGE_MAIL_RELAY": closed,
                                         "MODFORGE_MAIL_GIVE_UP_AFTER": "2"})
        u = new_user()
        self.assertTrue(wait_until(lambda: row_of(u.id)[1] == "failed", 20), row_of(u.id))
        mid, _, attempts, error = row_of(u.id)
        self.assertGreaterEqual(attempts, 2)
        self.assertTrue(error)
        self.assertEqual(row(mid)[2], 0, "a failed message keeps no text")
        r = subprocess.run([os.path.join(stack().bin_dir, "modforge-admin"), "stats"],
                           env=stack().env(), capture_output=True, text=True, timeout=60)
        failed = re.search(r"^mail\.failed: (\d+)$", r.stdout, re.M)
        self.assertTrue(failed and int(failed.group(1)) >= 1, r.stdout)
