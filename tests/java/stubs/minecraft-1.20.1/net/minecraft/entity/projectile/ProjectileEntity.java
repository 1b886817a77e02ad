// Stub for javac of net.minecraft.entity.projectile.ProjectileEntity (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/entity/projectile/ProjectileEntity.mapping (getOwner is declared in mappings/net/minecraft/entity/Ownable.mapping). Only what modforge's templates use.
package net.minecraft.entity.projectile;

import net.minecraft.entity.Entity;

public abstract class ProjectileEntity extends Entity {
    public Entity getOwner() { throw new UnsupportedOperationException("stub"); }
}
