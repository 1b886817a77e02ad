// Stub for javac of net.minecraft.registry.Registries (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/registry/Registries.mapping. Only what modforge's templates use.
package net.minecraft.registry;

import net.minecraft.item.Item;

public class Registries {
    public static final DefaultedRegistry<Item> ITEM = null;
}
