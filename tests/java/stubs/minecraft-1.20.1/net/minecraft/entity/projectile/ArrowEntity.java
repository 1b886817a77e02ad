// Stub for javac of net.minecraft.entity.projectile.ArrowEntity (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/entity/projectile/ArrowEntity.mapping. Only what modforge's templates use.
package net.minecraft.entity.projectile;

import net.minecraft.entity.effect.StatusEffectInstance;

public class ArrowEntity extends PersistentProjectileEntity {
    public void addEffect(StatusEffectInstance effect) { throw new UnsupportedOperationException("stub"); }
}
