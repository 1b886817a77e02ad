"""Unit tests of tests/kit/prometheus.py: it reads a right page, and refuses each kind of wrong
one (so that a GET /metrics test that passes through it means something)."""
import unittest

from tests.kit.prometheus import FormatError, parse

GOOD = """# HELP a_total Things, by kind.
# TYPE a_total counter
a_total{kind="x"} 3
a_total{kind="y\\"\\\\\\n"} 0
# HELP h Seconds.
# TYPE h histogram
h_bucket{route="/r",le="0.5"} 1
h_bucket{route="/r",le="+Inf"} 2
h_sum{route="/r"} 0.75
h_count{route="/r"} 2
# HELP g Empty family.
# TYPE g gauge
"""


class PrometheusFormatTest(unittest.TestCase):

    def test_a_right_page(self):
        s = parse(GOOD)
        self.assertEqual(s.value("a_total", kind="x"), 3)
        self.assertEqual(s.value("a_total", kind='y"\\\n'), 0)
        self.assertEqual(s.value("h_count", route="/r"), 2)
        self.assertIsNone(s.value("a_total", kind="z"))
        self.assertEqual(s.families["g"].samples, {})

    def test_wrong_pages(self):
        wrong = {
            "no HELP": "# TYPE a counter\na 1\n",
            "no TYPE": "# HELP a x\na 1\n",
            "HELP after samples": "# HELP a x\n# TYPE a gauge\na 1\n# HELP a y\n",
            "interleaved": "# HELP a x\n# TYPE a gauge\na 1\n# HELP b x\n# TYPE b gauge\n"
                           "b 1\na{l=\"2\"} 2\n",
            "duplicate series": "# HELP a x\n# TYPE a gauge\na 1\na 2\n",
            "bad name": "# HELP a x\n# TYPE a gauge\n1a 1\n",
            "bad escape": "# HELP a x\n# TYPE a gauge\na{l=\"\\t\"} 1\n",
            "unquoted label": "# HELP a x\n# TYPE a gauge\na{l=1} 1\n",
            "not a number": "# HELP a x\n# TYPE a gauge\na one\n",
            "negative counter": "# HELP a x\n# TYPE a counter\na -1\n",
            "unknown type": "# HELP a x\n# TYPE a meter\n",
            "no final line feed": "# HELP a x\n# TYPE a gauge\na 1",
            "histogram without +Inf": "# HELP h x\n# TYPE h histogram\nh_bucket{le=\"1\"} 1\n"
                                      "h_sum 1\nh_count 1\n",
            "histogram not cumulative": "# HELP h x\n# TYPE h histogram\nh_bucket{le=\"1\"} 2\n"
                                        "h_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 1\n",
            "histogram count differs": "# HELP h x\n# TYPE h histogram\n"
                                       "h_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 2\n",
        }
        for what, text in wrong.items():
            with self.subTest(what):
                with self.assertRaises(FormatError):
                    parse(text)


if __name__ == "__main__":
    unittest.main()
