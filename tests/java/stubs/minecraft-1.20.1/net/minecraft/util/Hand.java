// Stub for javac of net.minecraft.util.Hand (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/util/Hand.mapping. Only what modforge's templates use.
package net.minecraft.util;

public enum Hand {
    MAIN_HAND, OFF_HAND
}
