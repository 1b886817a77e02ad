// Stub for javac of net.minecraft.entity.EntityType (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/entity/EntityType.mapping; LIGHTNING_BOLT is a constant named by Yarn after its registry id (FabricMC/yarn 1.20.1; the same names appear in FabricMC/fabric branch 1.20.1). Only what modforge's templates use.
package net.minecraft.entity;

import net.minecraft.world.World;

public class EntityType<T extends Entity> {
    public static final EntityType<LightningEntity> LIGHTNING_BOLT = null;

    public T create(World world) { throw new UnsupportedOperationException("stub"); }
}
