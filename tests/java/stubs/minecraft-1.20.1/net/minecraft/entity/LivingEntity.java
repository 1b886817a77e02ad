// Stub for javac of net.minecraft.entity.LivingEntity (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/entity/LivingEntity.mapping. Only what modforge's templates use.
package net.minecraft.entity;

import net.minecraft.entity.effect.StatusEffect;
import net.minecraft.entity.effect.StatusEffectInstance;
import net.minecraft.item.ItemStack;
import net.minecraft.util.Hand;

public abstract class LivingEntity extends Entity {
    public boolean addStatusEffect(StatusEffectInstance effect) { throw new UnsupportedOperationException("stub"); }
    public StatusEffectInstance getStatusEffect(StatusEffect effect) { throw new UnsupportedOperationException("stub"); }
    public void heal(float amount) { throw new UnsupportedOperationException("stub"); }
    public void takeKnockback(double strength, double x, double z) { throw new UnsupportedOperationException("stub"); }
    public ItemStack getStackInHand(Hand hand) { throw new UnsupportedOperationException("stub"); }
    public ItemStack getMainHandStack() { throw new UnsupportedOperationException("stub"); }
    public ItemStack getOffHandStack() { throw new UnsupportedOperationException("stub"); }
    public ItemStack getEquippedStack(EquipmentSlot slot) { throw new UnsupportedOperationException("stub"); }
}
