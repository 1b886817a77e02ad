// Stub for javac of net.minecraft.registry.RegistryKey (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/registry/RegistryKey.mapping. Only what modforge's templates use.
package net.minecraft.registry;

public class RegistryKey<T> {
}
