// Stub for javac of net.minecraft.entity.effect.StatusEffects (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/entity/effect/StatusEffects.mapping; each constant named by Yarn after its registry id (FabricMC/yarn 1.20.1; the same names appear in FabricMC/fabric branch 1.20.1). Only what modforge's templates use.
package net.minecraft.entity.effect;

public class StatusEffects {
    public static final StatusEffect SPEED = null;
    public static final StatusEffect SLOWNESS = null;
    public static final StatusEffect HASTE = null;
    public static final StatusEffect STRENGTH = null;
    public static final StatusEffect INSTANT_HEALTH = null;
    public static final StatusEffect JUMP_BOOST = null;
    public static final StatusEffect REGENERATION = null;
    public static final StatusEffect RESISTANCE = null;
    public static final StatusEffect FIRE_RESISTANCE = null;
    public static final StatusEffect WATER_BREATHING = null;
    public static final StatusEffect NIGHT_VISION = null;
    public static final StatusEffect POISON = null;
    public static final StatusEffect WITHER = null;
    public static final StatusEffect GLOWING = null;
    public static final StatusEffect SLOW_FALLING = null;
}
