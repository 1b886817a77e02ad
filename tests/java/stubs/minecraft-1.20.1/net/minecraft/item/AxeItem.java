// Stub for javac of net.minecraft.item.AxeItem (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/item/AxeItem.mapping. Only what modforge's templates use.
package net.minecraft.item;

public class AxeItem extends MiningToolItem {
    public AxeItem(ToolMaterial material, float attackDamage, float attackSpeed, Settings settings) { super(0, 0, material, settings); throw new UnsupportedOperationException("stub"); }
}
