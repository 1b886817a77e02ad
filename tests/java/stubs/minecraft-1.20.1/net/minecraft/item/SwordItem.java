// Stub for javac of net.minecraft.item.SwordItem (Minecraft 1.20.1): Yarn names for 1.20.1 (FabricMC/yarn branch 1.20.1 at 9672e1f), mappings/net/minecraft/item/SwordItem.mapping. Only what modforge's templates use.
package net.minecraft.item;

public class SwordItem extends ToolItem {
    public SwordItem(ToolMaterial toolMaterial, int attackDamage, float attackSpeed, Settings settings) { super(toolMaterial, settings); throw new UnsupportedOperationException("stub"); }
}
