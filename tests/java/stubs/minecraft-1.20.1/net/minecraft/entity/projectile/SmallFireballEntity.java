// Stub for javac of net.minecraft.entity.projectile.SmallFireballEntity (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/entity/projectile/SmallFireballEntity.mapping. Only what modforge's templates use.
package net.minecraft.entity.projectile;

import net.minecraft.entity.LivingEntity;
import net.minecraft.world.World;

public class SmallFireballEntity extends AbstractFireballEntity {
    public SmallFireballEntity(World world, LivingEntity owner, double velocityX, double velocityY, double velocityZ) { throw new UnsupportedOperationException("stub"); }
}
