// Stub for javac of net.minecraft.entity.player.PlayerEntity (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/entity/player/PlayerEntity.mapping. Only what modforge's templates use.
package net.minecraft.entity.player;

import net.minecraft.entity.LivingEntity;

public abstract class PlayerEntity extends LivingEntity {
    public ItemCooldownManager getItemCooldownManager() { throw new UnsupportedOperationException("stub"); }
}
