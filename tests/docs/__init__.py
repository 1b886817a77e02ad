"""The test that runs the documented curl walk-through against a stack of its own."""
