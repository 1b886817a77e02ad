"""The fault-injection suite: kills, restarts, full disk, races, slow clients and a soak."""
