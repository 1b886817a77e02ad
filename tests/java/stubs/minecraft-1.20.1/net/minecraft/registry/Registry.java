// Stub for javac of net.minecraft.registry.Registry (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/registry/Registry.mapping. Only what modforge's templates use.
package net.minecraft.registry;

import net.minecraft.util.Identifier;

public interface Registry<T> {
    static <V, T extends V> T register(Registry<V> registry, Identifier id, T entry) { throw new UnsupportedOperationException("stub"); }
}
