// Stub for javac of net.minecraft.entity.projectile.PersistentProjectileEntity (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/entity/projectile/PersistentProjectileEntity.mapping. Only what modforge's templates use.
package net.minecraft.entity.projectile;

public abstract class PersistentProjectileEntity extends ProjectileEntity {
    public void setPunch(int punch) { throw new UnsupportedOperationException("stub"); }
}
