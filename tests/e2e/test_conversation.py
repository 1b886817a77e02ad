"""e2e: a session is a conversation: each job's analysis sees the session's earlier jobs, so
"make it blue instead" or "now a matching pickaxe" refine the last item; and every job's mod has
an id of its own that Fabric accepts."""
import re

from tests.e2e.api_test_case import ApiTestCase
from tests.kit.api import generate, new_user, wait_for_job

BLUE = "#325adc"     # the built-in analyser's "blue"


class ConversationTest(ApiTestCase):

    def decided(self, user, prompt, **extra):
        """The decisions of a completed job for the prompt."""
        j = wait_for_job(user, self.assertOk(generate(user, prompt, **extra), 202)["job_id"])
        self.assertEqual(j["status"], "completed", j)
        return j["aiDecisions"]

    def test_follow_ups_refine_the_last_item(self):
        u = new_user()
        sword = self.decided(u, "a ruby sword that sets enemies on fire")
        self.assertEqual((sword["itemName"], sword["kind"]), ("Ruby Sword", "sword"))

        pickaxe = self.decided(u, "now a matching pickaxe")
        self.assertEqual((pickaxe["itemName"], pickaxe["kind"], pickaxe["material"]),
                         ("Ruby Pickaxe", "pickaxe", "ruby"))
        self.assertEqual(pickaxe["abilities"], ["set_fire"])

        blue = self.decided(u, "make it blue instead")
        self.assertEqual((blue["itemName"], blue["colours"][0]), ("Ruby Pickaxe", BLUE))

        stronger = self.decided(u, "same but stronger")
        self.assertEqual((stronger["tier"], stronger["abilityLevel"]), ("netherite", 2))
        self.assertGreater(stronger["stats"]["attackDamage"], blue["stats"]["attackDamage"])

    def test_each_session_is_its_own_conversation(self):
        u = new_user()
        self.decided(u, "a ruby sword")
        other = self.assertOk(u.api("POST", "/api/sessions/new", {"name": "fresh"}), 201)["session"]
        # Nothing came before in the other session: no ruby, no sword to refine.
        d = self.decided(u, "make it blue instead", session_id=other["id"])
        self.assertEqual((d["itemName"], d["kind"]), ("Blue", "generic"))
        # Another user's conversation is not this one's either.
        v = new_user()
        self.assertEqual(self.decided(v, "now a matching pickaxe")["material"], "")

    def test_every_job_has_its_own_mod_id_and_none_is_reserved(self):
        u, v = new_user(), new_user()
        ids = [self.decided(u, "a frost sword")["modId"], self.decided(v, "a frost sword")["modId"]]
        self.assertNotEqual(ids[0], ids[1])
        for i in ids:
            self.assertRegex(i, r"^frost_sword_[0-9a-f]{6}$")
        for prompt in ("java", "minecraft", "fabric", "fabric-api"):
            with self.subTest(prompt=prompt):
                mod_id = self.decided(u, prompt)["modId"]
                self.assertRegex(mod_id, r"^[a-z][a-z0-9_-]{1,63}$")
                self.assertNotIn(mod_id, ("java", "minecraft", "fabric", "fabric-api",
                                          "fabricloader", "mixinextras"))
                self.assertTrue(re.match(r".*_[0-9a-f]{6}$", mod_id), mod_id)
