// Stub for javac of net.minecraft.item.ItemGroups (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/item/ItemGroups.mapping. Only what modforge's templates use.
package net.minecraft.item;

import net.minecraft.registry.RegistryKey;

public class ItemGroups {
    public static final RegistryKey<ItemGroup> COMBAT = null;
    public static final RegistryKey<ItemGroup> TOOLS = null;
    public static final RegistryKey<ItemGroup> FOOD_AND_DRINK = null;
    public static final RegistryKey<ItemGroup> INGREDIENTS = null;
}
