// Stub for javac of net.minecraft.entity.player.ItemCooldownManager (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/entity/player/ItemCooldownManager.mapping. Only what modforge's templates use.
package net.minecraft.entity.player;

import net.minecraft.item.Item;

public class ItemCooldownManager {
    public void set(Item item, int duration) { throw new UnsupportedOperationException("stub"); }
}
