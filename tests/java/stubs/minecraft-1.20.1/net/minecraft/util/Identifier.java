// Stub for javac of net.minecraft.util.Identifier (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/util/Identifier.mapping. Only what modforge's templates use.
package net.minecraft.util;

public class Identifier {
    public Identifier(String namespace, String path) { throw new UnsupportedOperationException("stub"); }
}
