// Stub for javac of net.minecraft.sound.SoundEvents (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/sound/SoundEvents.mapping; each constant named by Yarn after its registry id (FabricMC/yarn 1.20.1; the same names appear in FabricMC/fabric branch 1.20.1). Only what modforge's templates use.
package net.minecraft.sound;

public class SoundEvents {
    public static final SoundEvent ITEM_ARMOR_EQUIP_LEATHER = null;
    public static final SoundEvent ITEM_ARMOR_EQUIP_CHAIN = null;
    public static final SoundEvent ITEM_ARMOR_EQUIP_IRON = null;
    public static final SoundEvent ITEM_ARMOR_EQUIP_GOLD = null;
    public static final SoundEvent ITEM_ARMOR_EQUIP_DIAMOND = null;
    public static final SoundEvent ITEM_ARMOR_EQUIP_NETHERITE = null;
}
