// Stub for javac of net.minecraft.item.Items (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/item/Items.mapping; each constant named by Yarn after its registry id (FabricMC/yarn 1.20.1; the same names appear in FabricMC/fabric branch 1.20.1). Only what modforge's templates use.
package net.minecraft.item;

public class Items {
    public static final Item AMETHYST_SHARD = null;
    public static final Item BLAZE_POWDER = null;
    public static final Item BONE = null;
    public static final Item COBBLESTONE = null;
    public static final Item COPPER_INGOT = null;
    public static final Item DIAMOND = null;
    public static final Item EMERALD = null;
    public static final Item ENDER_PEARL = null;
    public static final Item FEATHER = null;
    public static final Item GOLD_INGOT = null;
    public static final Item IRON_INGOT = null;
    public static final Item LAPIS_LAZULI = null;
    public static final Item LEATHER = null;
    public static final Item MAGMA_CREAM = null;
    public static final Item NETHERITE_INGOT = null;
    public static final Item OAK_PLANKS = null;
    public static final Item OBSIDIAN = null;
    public static final Item PACKED_ICE = null;
    public static final Item PRISMARINE_SHARD = null;
    public static final Item QUARTZ = null;
    public static final Item REDSTONE = null;
    public static final Item SLIME_BALL = null;
    public static final Item SNOWBALL = null;
}
