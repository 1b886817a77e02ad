// Stub for javac of net.minecraft.item.BowItem (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/item/BowItem.mapping. Only what modforge's templates use.
package net.minecraft.item;

public class BowItem extends RangedWeaponItem {
    public BowItem(Settings settings) { super(settings); }
}
