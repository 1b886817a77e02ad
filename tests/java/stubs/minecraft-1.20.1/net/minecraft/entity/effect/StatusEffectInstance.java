// Stub for javac of net.minecraft.entity.effect.StatusEffectInstance (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/entity/effect/StatusEffectInstance.mapping. Only what modforge's templates use.
package net.minecraft.entity.effect;

public class StatusEffectInstance {
    public StatusEffectInstance(StatusEffect type, int duration, int amplifier) { throw new UnsupportedOperationException("stub"); }
    public StatusEffectInstance(StatusEffect type, int duration, int amplifier, boolean ambient, boolean visible) { throw new UnsupportedOperationException("stub"); }

    public int getDuration() { throw new UnsupportedOperationException("stub"); }
}
