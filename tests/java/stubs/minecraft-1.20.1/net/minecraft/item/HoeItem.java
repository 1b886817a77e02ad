// Stub for javac of net.minecraft.item.HoeItem (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/item/HoeItem.mapping. Only what modforge's templates use.
package net.minecraft.item;

public class HoeItem extends MiningToolItem {
    public HoeItem(ToolMaterial material, int attackDamage, float attackSpeed, Settings settings) { super(0, 0, material, settings); throw new UnsupportedOperationException("stub"); }
}
